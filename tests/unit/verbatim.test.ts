import { describe, expect, it } from 'vitest';
import { closestPassage, explainMiss, findVerbatim, normaliseTypography } from '../../src/lib/content/verbatim';

/*
 * Verbatim matching: what typography is forgiven, how marked edits verify, the near misses that must
 * fail, and how a miss is explained to the editor. Not covered here: the build failing on a miss
 * (tests/unit/story.test.ts) and the names of characters (tests/unit/characters.test.ts).
 */

const source =
  '“If the Taliban do not choose peace, a future based on consensus and compromise, then we will stand with Afghans who strive to keep the Republic intact. Republic political unity is a must,” said US peace envoy in a tweet posted late on Friday.\n' +
  'Afghan officials blame the Taliban for violence against journalists, rights activists, and civil servants—something the Taliban deny.\n' +
  'Sher Mohammad Abbas Stanekzai, a member of the Taliban’s office in Qatar, spoke   at a\u00A0virtual meeting.';

const expectFound = (quote: string, expected: string) => {
  const result = findVerbatim(quote, source);
  expect(result.found).toBe(true);
  if (result.found) {
    expect(result.text).toBe(expected);
    expect(source.slice(result.start, result.end)).toBe(expected);
  }
};

describe('typographic normalisation', () => {
  it('folds curly quotes, dashes and white space, keeping offsets into the original', () => {
    const { text, offsets } = normaliseTypography('a\u00A0 “b”—c’s…');
    expect(text).toBe('a "b"-c\'s...');
    expect(offsets).toEqual([0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10]);
  });

  it('matches straight quotes against curly ones', () => {
    expectFound("a member of the Taliban's office in Qatar", 'a member of the Taliban’s office in Qatar');
  });

  it('matches a hyphen or en dash against an em dash', () => {
    expectFound('civil servants-something the Taliban deny', 'civil servants—something the Taliban deny');
    expectFound(
      'civil servants – something the Taliban deny'.replace(' – ', '–'),
      'civil servants—something the Taliban deny',
    );
  });

  it('matches across runs of spaces, non-breaking spaces and line breaks', () => {
    expectFound('spoke at a virtual meeting', 'spoke   at a\u00A0virtual meeting');
    expectFound('rights activists,\n  and civil servants', 'rights activists, and civil servants');
    // A non-breaking space in the quote is white space too: found, not a difference to explain.
    expectFound('we will\u00A0stand with Afghans', 'we will stand with Afghans');
    expectFound('spoke\u00A0at\u202Fa virtual meeting', 'spoke   at a\u00A0virtual meeting');
  });

  it('forgives the full stop or comma the quotation swallowed', () => {
    expectFound('Republic political unity is a must.', 'Republic political unity is a must');
    expectFound(
      '“we will stand with Afghans who strive to keep the Republic intact.”',
      'we will stand with Afghans who strive to keep the Republic intact',
    );
  });

  it('returns the offsets of the exact span in the original text', () => {
    const result = findVerbatim('Republic political unity is a must', source);
    expect(result.found && result.start).toBe(source.indexOf('Republic political'));
  });
});

describe('marked edits', () => {
  it('verifies an elision marked […] or [...]', () => {
    expectFound(
      'If the Taliban do not choose peace […] we will stand with Afghans',
      'If the Taliban do not choose peace, a future based on consensus and compromise, then we will stand with Afghans',
    );
    expectFound(
      'If the Taliban do not choose peace [...] Republic political unity is a must',
      source.slice(1, source.indexOf(',”')),
    );
  });

  it('verifies [sic] after a word as the source has it', () => {
    expectFound('Republic political unity [sic] is a must', 'Republic political unity is a must');
  });

  it('verifies a changed capital letter', () => {
    expectFound('[W]e will stand with Afghans', 'we will stand with Afghans');
  });

  it('verifies a bracketed insertion standing for a few of the source’s words', () => {
    expectFound('[The US] will stand with Afghans', 'will stand with Afghans');
    expectFound('then [the US] will stand with Afghans', 'then we will stand with Afghans');
    expectFound('keep the [Afghan] Republic intact', 'keep the Republic intact');
  });

  it('does not let an elision excuse a changed word elsewhere', () => {
    expect(findVerbatim('If the Taliban do not choose peace […] we shall stand with Afghans', source).found).toBe(
      false,
    );
  });
});

describe('near misses fail and name the closest passage', () => {
  it('fails when one word is changed', () => {
    const result = findVerbatim('we will stand with Afghans who try to keep the Republic intact', source);
    expect(result.found).toBe(false);
    if (!result.found) {
      expect(result.closest?.text).toContain('who strive to keep the Republic intact');
      expect(result.closest!.similarity).toBeGreaterThan(0.8);
    }
  });

  it('fails when one word is dropped', () => {
    expect(findVerbatim('we will stand with Afghans who strive to keep Republic intact', source).found).toBe(false);
  });

  it('fails when words are reordered', () => {
    expect(findVerbatim('Republic political unity a must is', source).found).toBe(false);
  });

  it('fails on a change of case outside a marked letter', () => {
    expect(findVerbatim('We will stand with Afghans', source).found).toBe(false);
  });

  it('fails on an empty quote and against an empty source', () => {
    expect(findVerbatim('', source)).toEqual({ found: false, closest: null });
    expect(findVerbatim('anything', '')).toEqual({ found: false, closest: null });
  });

  it('finds the closest run of words even when nothing matches well', () => {
    const closest = closestPassage('a virtual meeting in Doha', source);
    expect(closest?.text).toContain('virtual meeting');
  });
});

/** The differences `explainMiss` reports, after the closest passage. */
const explained = (quote: string, within = source) => {
  expect(findVerbatim(quote, within).found).toBe(false);
  return explainMiss(quote, within);
};

describe('explaining a miss', () => {
  it('names a look-alike letter from another script by position, code point and name', () => {
    expect(explained('Afghan officials blame the Taliban for violence against journаlists')).toBe(
      'closest passage (88% alike): "Afghan officials blame the Taliban for violence against journalists"; ' +
        'character 62 of the quote is "а" U+0430 CYRILLIC SMALL LETTER A; the source has "a" U+0061 LATIN SMALL LETTER A',
    );
  });

  it('names an invisible character the source does not have', () => {
    expect(explained('Afghan officials blame\u200B the Taliban')).toBe(
      'closest passage (80% alike): "Afghan officials blame the Taliban"; ' +
        'the quote has an invisible U+200B ZERO WIDTH SPACE at character 23 that the source does not have',
    );
    expect(explained('If the Tal\u200Diban do not choose peace')).toContain(
      'the quote has an invisible U+200D ZERO WIDTH JOINER at character 11 that the source does not have',
    );
  });

  it('names an invisible character the quote lacks, and a letter the source writes in two code points', () => {
    const text = 'The caf\u0065\u0301 was clo\u00ADsed.';
    expect(explained('The café was closed', text)).toBe(
      'closest passage (50% alike): "The cafe\u0301 was clo\u00ADsed"; 2 differences: ' +
        '(1) character 8 of the quote is "é" U+00E9 LATIN SMALL LETTER E WITH ACUTE; the source has the same text written as "e" U+0065 LATIN SMALL LETTER E + U+0301 COMBINING ACUTE ACCENT; ' +
        '(2) the source has an invisible U+00AD SOFT HYPHEN after character 16 of the quote that the quote does not have',
    );
  });

  it('counts positions in code points of the quote as written', () => {
    expect(explained('😀 If the Tаliban')).toContain('character 11 of the quote is "а" U+0430');
  });

  it('names a missing word and where it is missing', () => {
    expect(explained('we will stand with Afghans who strive to keep Republic intact')).toBe(
      'closest passage (91% alike): "we will stand with Afghans who strive to keep the Republic intact"; the word "the" is missing after "keep"',
    );
  });

  it('names a word replaced by another', () => {
    expect(explained('we shall stand with Afghans who strive to keep the Republic intact')).toBe(
      'closest passage (91% alike): "we will stand with Afghans who strive to keep the Republic intact"; the quote has the word "shall" where the source has "will"',
    );
  });

  it('names an added word', () => {
    expect(explained('Republic political unity is very a must')).toBe(
      'closest passage (85% alike): "Republic political unity is a must"; the quote adds the word "very" after "is"',
    );
  });

  it('says when words are in another order', () => {
    expect(explained('Republic political unity a must is')).toBe(
      'closest passage (83% alike): "Republic political unity is a must"; the words are in another order: the quote has "a must is" where the source has "is a must"',
    );
  });

  it('suggests the marks for a changed capital and for an unmarked cut', () => {
    expect(explained('We will stand with Afghans')).toContain(
      'the quote has "We" where the source has "we" (mark a changed letter as "[W]e")',
    );
    expect(explained('If the Taliban do not choose peace, then we will stand with Afghans')).toContain(
      'the words "a future based on consensus and compromise," are missing after "peace," (mark a cut as "[…]")',
    );
  });

  it('names a space the quote has and the source has not', () => {
    expect(explained('civil servants - something the Taliban deny')).toContain(
      '(1) the quote has a space after "servants" that the source does not have',
    );
  });

  it('does not report edit marks as differences', () => {
    const quote =
      '[T]he Taliban do not choose peace […] we will stand with Afghans [sic] who try to keep the [Afghan] Republic intact';
    const message = explained(quote);
    expect(message).toMatch(/; the quote has the word "try" where the source has "strive"$/);
    expect(message).not.toMatch(/differences|\[|sic|Afghan\b(?! Republic)/);
  });

  it('says when two words are swapped', () => {
    expect(explained('said US peace envoy tweet a in posted late')).toContain(
      'the words are in another order: the quote has "tweet a in" where the source has "in a tweet"',
    );
  });

  it('says when a cut is marked where the source has nothing to cut', () => {
    expect(explained('Republic political unity is a must,[…]” said US peace envoy')).toMatch(
      /; the quote marks a cut "\[…\]" after "must," where the source has nothing to cut$/,
    );
  });

  it('says when an inserted clarification stands for more than an insertion may', () => {
    expect(
      explained(
        'If the Taliban [are not willing to choose peace, a future based on consensus and compromise] then we will stand',
      ),
    ).toContain('stands for 64 characters of the source');
  });

  it('describes the first three differences and counts the rest', () => {
    const message = explained(
      'If the Taliban do not choose peace, then we shall stand with Afghans who try to keep the Republic whole. Republic unity is a must',
    );
    expect(message).toMatch(
      /^closest passage \(66% alike, 186 characters\): "If the Taliban do not choose peace, a future/,
    );
    expect(message).toContain(
      '; 5 differences: (1) the words "a future based on consensus and compromise," are missing',
    );
    expect(message).toContain(
      '; (2) the quote has the word "shall" where the source has "will"; (3) the quote has the word "try"',
    );
    expect(message).toMatch(/; and 2 more differences$/);
  });

  it('says so when no passage is like the quote, or the source has no text', () => {
    expect(explained('no such words appear')).toBe(
      'no passage of the source is like it: none of its words are there in this order',
    );
    expect(explainMiss('anything', '')).toBe('the source has no text');
  });

  it('explains a 2 MB quote against a 2 MB source in a short message, without comparing everything with everything', () => {
    const paragraph = source.split('\n')[0]! + '\n';
    const big = paragraph.repeat(Math.ceil(2_000_000 / paragraph.length));
    let quote = big.slice(0, big.lastIndexOf('\n', 2_000_000));
    const changed = quote.indexOf('we will', 1_000_000);
    quote = `${quote.slice(0, changed)}we shall${quote.slice(changed + 'we will'.length)}`;
    const lookalike = quote.indexOf('Taliban', 1_500_000) + 1;
    quote = `${quote.slice(0, lookalike)}а${quote.slice(lookalike + 1)}`;
    expect(quote.length).toBeGreaterThan(1_900_000);

    expect(closestPassage(quote, big)!.similarity).toBeGreaterThan(0.9);
    const message = explained(quote, big);
    expect(message.length).toBeLessThan(1_000);
    expect(message).toMatch(
      /^closest passage \(99% alike, 1,9\d\d,\d\d\d characters\): "“If the Taliban do not choose peace, /,
    );
    expect(message).toContain('; 2 differences: (1) the quote has the word "shall" where the source has "will"');
    expect(message).toContain(
      `; (2) character ${(lookalike + 1).toLocaleString('en')} of the quote is "а" U+0430 CYRILLIC SMALL LETTER A`,
    );

    // Nothing alike at all: the comparison gives up early instead of aligning 2 MB with 2 MB.
    expect(explainMiss('lorem ipsum dolor sit amet '.repeat(80_000), big)).toBe(
      'no passage of the source is like it: none of its words are there in this order',
    );
  });
});

describe('quotes in Arabic script', () => {
  const dari = 'زلمی مثال، عضو کمیسیون صلح، روز جمعه گفت: «ما از همه طرف‌ها می‌خواهیم که به گفتگوهای صلح ادامه دهند.»';
  const words = 'ما از همه طرف‌ها می‌خواهیم که به گفتگوهای صلح ادامه دهند.';

  it('finds Dari words with their zero-width non-joiners, inside guillemets', () => {
    expect(findVerbatim(words, dari)).toMatchObject({ found: true, text: words.slice(0, -1) });
  });

  it('refuses the Arabic yeh where the source has the Farsi yeh, and names both', () => {
    const arabicYeh = words.replaceAll('ی', 'ي');
    expect(findVerbatim(arabicYeh, dari).found).toBe(false);
    expect(explainMiss(arabicYeh, dari)).toContain(
      '"ي" U+064A ARABIC LETTER YEH; the source has "ی" U+06CC ARABIC LETTER FARSI YEH',
    );
  });

  it('refuses words whose non-joiners were dropped', () => {
    const joined = words.replaceAll('\u200c', '');
    expect(findVerbatim(joined, dari).found).toBe(false);
    expect(explainMiss(joined, dari)).toBe(
      'closest passage (81% alike): "ما از همه طرف‌ها می‌خواهیم که به گفتگوهای صلح ادامه دهند"; 2 differences: ' +
        '(1) the source has an invisible U+200C ZERO WIDTH NON-JOINER after character 13 of the quote that the quote does not have; ' +
        '(2) the source has an invisible U+200C ZERO WIDTH NON-JOINER after character 18 of the quote that the quote does not have',
    );
  });
});
