import { describe, expect, it } from 'vitest';
import { anchorTarget, findInPieces, publishedPieces, type Piece } from '../../src/lib/verify/anchor';
import type { AnnotationTarget, PublishedSource } from '../../src/lib/verify/published';

/*
 * The published text of a source and passages found in it, in code points: the whole text, or the
 * excerpts at their places; quotes by the build's verbatim rules; annotations anchored exactly once.
 */

const source = (fields: Partial<PublishedSource>): PublishedSource => ({
  id: 'report',
  url: null,
  archived: null,
  publish: 'full',
  page: 'https://site.example/stories/s/sources/report/',
  textSha256: '',
  text: null,
  excerpts: [],
  ...fields,
});

const target = (exact: string, prefix: string, suffix: string, start: number, end: number): AnnotationTarget => ({
  source: 'https://site.example/stories/s/sources/report/',
  quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
  position: { type: 'TextPositionSelector', start, end },
});

describe('publishedPieces', () => {
  it('is the whole text of a full source, and refuses a full source whose data has no text', () => {
    expect(publishedPieces(source({ text: 'All of it.' }))).toEqual({
      ok: true,
      pieces: [{ start: 0, text: 'All of it.' }],
    });
    expect(publishedPieces(source({}))).toEqual({
      ok: false,
      reason: 'source "report" is published in full but its data has no text',
    });
  });

  it('is the excerpts of an excerpts-only source, each as long as its offsets say, in code points', () => {
    const excerpts = [{ start: 10, end: 14, text: 'a😀bc' }];
    expect(publishedPieces(source({ publish: 'excerpts', excerpts: [{ start: 10, end: 15, text: 'a😀bc' }] }))).toEqual(
      {
        ok: false,
        reason: 'excerpt 1 of source "report" runs from 10 to 15 but holds 4 characters',
      },
    );
    expect(publishedPieces(source({ publish: 'excerpts', excerpts }))).toEqual({
      ok: true,
      pieces: [{ start: 10, text: 'a😀bc' }],
    });
  });
});

describe('findInPieces', () => {
  const pieces: Piece[] = [
    { start: 0, text: '😀 He said “we will stand firm” on Friday.' },
    { start: 100, text: 'Later he added that the talks would go on.' },
  ];

  it('finds words by the build’s rules, at their place in code points', () => {
    // Straight quotation marks for curly ones, a cut, and the emoji counted as one character.
    expect(findInPieces('"we will stand firm"', pieces)).toEqual({ ok: true, start: 11, end: 29 });
    expect(findInPieces('we will […] firm', pieces)).toEqual({ ok: true, start: 11, end: 29 });
    expect(findInPieces('the talks would go on', pieces)).toEqual({ ok: true, start: 120, end: 141 });
  });

  it('never finds words across two excerpts, whose text between is not published', () => {
    const found = findInPieces('on Friday. Later he added', pieces);
    expect(found.ok).toBe(false);
  });

  it('explains a miss as the build does', () => {
    expect(findInPieces('we shall stand firm', pieces)).toEqual({
      ok: false,
      reason: expect.stringContaining('the quote has the word "shall" where the source has "will"') as string,
    });
  });
});

describe('anchorTarget', () => {
  const text = 'A 😀 said: the port is open. B said: the port is open, and ships came.';
  const pieces: Piece[] = [{ start: 0, text }];
  // In code points: the emoji counts one.
  const first = text.indexOf('the port is open') - 1;
  const second = text.lastIndexOf('the port is open') - 1;

  it('anchors where prefix, exact text and suffix occur once, and the positions agree', () => {
    expect(anchorTarget(target('the port is open', 'B said: ', ', and', second, second + 16), pieces)).toEqual({
      ok: true,
      start: second,
      end: second + 16,
    });
    expect(anchorTarget(target('the port is open', '😀 said: ', '', first, first + 16), pieces)).toEqual({
      ok: true,
      start: first,
      end: first + 16,
    });
  });

  it('refuses a quote selector that occurs twice, or nowhere', () => {
    expect(anchorTarget(target('the port is open', 'said: ', '', first, first + 16), pieces)).toEqual({
      ok: false,
      reason: 'its TextQuoteSelector (prefix, exact and suffix) occurs 2 times in the published text, not once',
    });
    expect(anchorTarget(target('the port is shut', '', '', first, first + 16), pieces)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('occurs nowhere') as string,
    });
  });

  it('refuses positions that are not where the quote selector anchors', () => {
    expect(anchorTarget(target('the port is open', 'B said: ', '', first, first + 16), pieces)).toEqual({
      ok: false,
      reason: `its TextPositionSelector (${first}–${first + 16}) is not where its TextQuoteSelector anchors (${second}–${second + 16})`,
    });
  });

  it('anchors in an excerpt at the excerpt’s place in the source', () => {
    expect(anchorTarget(target('port', 'the ', ' is', 504, 508), [{ start: 500, text: 'the port is open' }])).toEqual({
      ok: true,
      start: 504,
      end: 508,
    });
  });
});
