import { describe, expect, it } from 'vitest';
import { closestPassage, findVerbatim, normaliseTypography } from '../../src/lib/content/verbatim';

/*
 * Verbatim matching: what typography is forgiven, how marked edits verify, and the near misses that
 * must fail. Not covered here: the build failing on a miss (tests/unit/story.test.ts).
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
