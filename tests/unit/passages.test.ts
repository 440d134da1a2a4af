import { describe, expect, it } from 'vitest';
import { markPassages, type Piece, type Range } from '../../src/lib/present/passages';

/*
 * Laying marks into a source text. Not covered here: the markup (tests/e2e/quotes.spec.ts checks
 * each mark on the built source page).
 */

interface Mark extends Range {
  id: string;
}

/** The pieces written out as text with [id: ...] for marks, `~` for a piece that does not begin its mark. */
function show(pieces: Piece<Mark>[]): string {
  return pieces.map((p) => ('text' in p ? p.text : `[${p.first ? '' : '~'}${p.mark.id}: ${show(p.pieces)}]`)).join('');
}

function mark(text: string, words: string, id: string, from = 0): Mark {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { start, end: start + words.length, id };
}

describe('markPassages', () => {
  const text = 'He said “stand firm” and left.\nShe said the talks had failed. Nobody replied.';

  it('splits paragraphs on line breaks and leaves unmarked text as it is', () => {
    expect(markPassages(text, []).map(show)).toEqual([
      'He said “stand firm” and left.',
      'She said the talks had failed. Nobody replied.',
    ]);
  });

  it('marks exactly the characters of each range, once per id', () => {
    const paragraphs = markPassages(text, [mark(text, 'stand firm', 'a'), mark(text, 'the talks had failed', 'b')]);
    expect(paragraphs.map(show)).toEqual([
      'He said “[a: stand firm]” and left.',
      'She said [b: the talks had failed]. Nobody replied.',
    ]);
  });

  it('nests a mark inside another', () => {
    const outer = mark(text, 'She said the talks had failed.', 'outer');
    const inner = mark(text, 'talks', 'inner');
    expect(show(markPassages(text, [inner, outer])[1]!)).toBe(
      '[outer: She said the [inner: talks] had failed.] Nobody replied.',
    );
  });

  it('splits a mark that overlaps the end of another; only the first piece carries the id', () => {
    const first = mark(text, 'She said the talks', 'first');
    const second = mark(text, 'talks had failed', 'second');
    const [, paragraph] = markPassages(text, [first, second]);
    expect(show(paragraph!)).toBe('[first: She said the [second: talks]][~second:  had failed]. Nobody replied.');
    const pieces = paragraph!.filter((p) => 'mark' in p && p.mark.id === 'second');
    expect(pieces.map((p) => 'mark' in p && [p.first, p.last])).toEqual([[false, true]]);
  });

  it('splits a mark that runs over a line break into one piece per paragraph', () => {
    const across = mark(text, 'left.\nShe said', 'across');
    const paragraphs = markPassages(text, [across]);
    expect(paragraphs.map(show)).toEqual([
      'He said “stand firm” and [across: left.]',
      '[~across: She said] the talks had failed. Nobody replied.',
    ]);
    const ends = paragraphs.flat().flatMap((p) => ('mark' in p ? [[p.first, p.last]] : []));
    expect(ends).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('keeps two identical ranges as two marks', () => {
    const a = mark(text, 'stand firm', 'a');
    expect(show(markPassages(text, [a, { ...a, id: 'b' }])[0]!)).toBe('He said “[a: [b: stand firm]]” and left.');
  });

  it('refuses a mark that starts outside every paragraph', () => {
    expect(() => markPassages(text, [{ start: 30, end: 33, id: 'x' }])).toThrow(/30-33/);
  });
});
