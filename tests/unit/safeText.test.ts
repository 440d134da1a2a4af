import { describe, expect, it } from 'vitest';
import { characterProblems, refusedCharacter, showRefused } from '../../src/lib/content/safeText';

/*
 * The characters a content file's text may hold (src/lib/content/safeText.ts): XML's anywhere, and no
 * direction control or invisible character in our own text, but the joiners a script needs. Not
 * covered: which fields are a source's words (src/lib/content/read.ts; the bad-content cases).
 */

const refused = (text: string, ours = true) => refusedCharacter(text, ours)?.what;

describe('refusedCharacter', () => {
  it('refuses direction controls in our text, and allows them in a source’s words', () => {
    for (const control of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
    ])
      expect(refused(`Bo ${control}Example`)).toMatch(/^no U\+[0-9A-F]{4} /);
    expect(refused('Bo \u202EExample', false)).toBeUndefined();
  });

  it('refuses invisible characters in our text: zero-width space, word joiner, soft hyphen, byte order mark, tags', () => {
    expect(refused('Ann\u200B Example')).toBe('no invisible U+200B ZERO WIDTH SPACE');
    expect(refused('no\u2060side')).toBe('no invisible U+2060 WORD JOINER');
    expect(refused('co\u00ADoperate')).toBe('no invisible U+00AD SOFT HYPHEN');
    expect(refused('a\uFEFFb')).toMatch(/^no invisible U\+FEFF /);
    expect(refused('flag \u{E0067}')).toMatch(/^no invisible U\+E0067 /);
    expect(refused('x\u0085y')).toMatch(/^no invisible U\+0085 /);
  });

  it('allows the joiners where a script needs them, and only there', () => {
    expect(refused('طرف\u200Cها')).toBeUndefined(); // Persian: a plural suffix kept apart
    expect(refused('क्\u200Dष')).toBeUndefined(); // Devanagari: a half form
    expect(refused('\u{1F468}\u200D\u{1F469}\u200D\u{1F467}')).toBeUndefined(); // an emoji sequence
    expect(refused('he\u200Cld')).toBe('no invisible U+200C ZERO WIDTH NON-JOINER');
    expect(refused('\u200Cطرف')).toMatch(/U\+200C/);
    expect(refused('a\u200D👨')).toMatch(/U\+200D/);
  });

  it('allows a variation selector after what it varies, not on its own', () => {
    expect(refused('\u26A0\uFE0F warning')).toBeUndefined();
    expect(refused(' \uFE0F')).toMatch(/U\+FE0F/);
  });

  it('allows tab and line feed, and refuses other controls', () => {
    expect(refused('a\tb\nc')).toBeUndefined();
    expect(refused('a\rb')).toMatch(/U\+000D/);
  });

  it('refuses what XML forbids anywhere, a source’s words included', () => {
    expect(refused('x\u0008y', false)).toBe('no U+0008 BACKSPACE');
    expect(refused('x\uFFFE', false)).toMatch(/^no U\+FFFE/);
    expect(refused('x\uFFFF', false)).toMatch(/^no U\+FFFF/);
    expect(refused('a\uD800b', false)).toBe('no U+D800 (a lone surrogate)');
    expect(refused('a\uDC00', false)).toMatch(/U\+DC00/);
    expect(refused('\u{1F600} \t\r\n', false)).toBeUndefined();
    expect(refusedCharacter('abc\u0001', false)?.index).toBe(3);
    expect(refusedCharacter('abc\u0001', false)?.why).toMatch(/XML/);
  });

  it('finds the first from an offset, counting in UTF-16', () => {
    expect(refusedCharacter('\u{1F600}\u200B\u200B', true)?.index).toBe(2);
    expect(refusedCharacter('\u{1F600}\u200B\u200B', true, 3)?.index).toBe(3);
  });
});

describe('showRefused', () => {
  it('writes every refused character as its code point', () => {
    expect(showRefused('A\u202Eb\u200Bc', true)).toBe('A<U+202E>b<U+200B>c');
    expect(showRefused('A\u202Eb\u0008c', false)).toBe('A\u202Eb<U+0008>c');
  });
});

describe('characterProblems', () => {
  const ours = () => false;

  it('names each field with its first refused character, and places one in the body on its line and column', () => {
    const problems = characterProblems(
      'f.md',
      { name: 'A\u202Eb', roles: [{ title: 'x\u200By\u200Bz' }], kind: 'person' },
      { text: 'First line.\nSecond \u2060line.', line: 6 },
      ours,
    );
    expect(problems[0]?.expected).toMatch(/^no U\+202E RIGHT-TO-LEFT OVERRIDE \(character 2\): /);
    expect(problems).toEqual([
      expect.objectContaining({ field: 'name', value: 'A<U+202E>b' }),
      expect.objectContaining({ field: 'roles[0].title', value: 'x<U+200B>y<U+200B>z' }),
      expect.objectContaining({ field: 'body', value: 'Second <U+2060>line.', line: 7, column: 8 }),
    ]);
  });

  it('checks the keys of a mapping too', () => {
    expect(characterProblems('r.yaml', { '/old\u202E/': { to: '/', reason: 'x' } }, undefined, ours)).toEqual([
      expect.objectContaining({ field: '["/old\u202E/"]' }),
    ]);
  });

  it('holds a source’s words to XML’s rule only', () => {
    const words = (path: PropertyKey[]) => path[0] === 'body' || path[0] === 'passage';
    expect(characterProblems('q.md', { passage: 'a\u200Fb' }, { text: 'c\u202Ed', line: 3 }, words)).toEqual([]);
    expect(characterProblems('q.md', { passage: 'a\u0007b' }, undefined, words)).toEqual([
      expect.objectContaining({ field: 'passage', value: 'a<U+0007>b' }),
    ]);
  });
});
