/**
 * A source's text as its page publishes it, and passages found in it: the whole text of a source
 * published in full, or the excerpts of an excerpts-only one, each at its place in the source's text.
 * Places are in Unicode code points, as the open data's excerpts and annotation selectors give them
 * (the W3C Web Annotation model counts characters so); JavaScript strings count UTF-16 units.
 */

import { codePointCount } from '../content/characters.ts';
import { explainMiss, findVerbatim } from '../content/verbatim.ts';
import type { AnnotationTarget, PublishedSource } from './published.ts';

/** A stretch of the published text: where it starts in the source's text (code points) and its text. */
export interface Piece {
  start: number;
  text: string;
}

/** A passage's place in the source's text, in code points. */
export interface Place {
  start: number;
  end: number;
}

export type Found<T> = ({ ok: true } & T) | { ok: false; reason: string };

/** What the source's page publishes of its text, or why the data does not say. */
export function publishedPieces(source: PublishedSource): Found<{ pieces: Piece[] }> {
  if (source.publish === 'full') {
    return source.text === null
      ? { ok: false, reason: `source "${source.id}" is published in full but its data has no text` }
      : { ok: true, pieces: [{ start: 0, text: source.text }] };
  }
  for (const [i, excerpt] of source.excerpts.entries()) {
    const length = codePointCount(excerpt.text);
    if (excerpt.end - excerpt.start !== length) {
      return {
        ok: false,
        reason: `excerpt ${i + 1} of source "${source.id}" runs from ${excerpt.start} to ${excerpt.end} but holds ${length} characters`,
      };
    }
  }
  return { ok: true, pieces: source.excerpts.map(({ start, text }) => ({ start, text })) };
}

/** The published text described for a reason: "its full text" or "its 3 excerpts". */
export const describePieces = (source: PublishedSource) =>
  source.publish === 'full'
    ? 'its full text'
    : `its ${source.excerpts.length} excerpt${source.excerpts.length === 1 ? '' : 's'}`;

/**
 * Where `words` stand in the published text, by the build's own verbatim rules (findVerbatim in
 * src/lib/content/verbatim.ts): within one piece, since the text between excerpts is not published.
 * A miss is explained as the build explains it, against the pieces side by side, each its own paragraph.
 */
export function findInPieces(words: string, pieces: readonly Piece[]): Found<Place> {
  for (const piece of pieces) {
    const found = findVerbatim(words, piece.text);
    if (found.found) {
      return {
        ok: true,
        start: piece.start + codePointCount(piece.text, found.start),
        end: piece.start + codePointCount(piece.text, found.end),
      };
    }
  }
  if (pieces.length === 0) return { ok: false, reason: 'nothing of the source is published' };
  return { ok: false, reason: explainMiss(words, pieces.map((piece) => piece.text).join('\n')) };
}

/** Every UTF-16 offset where `needle` starts in `text`, overlapping ones included. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Where an annotation's target anchors in the published text: its TextQuoteSelector's prefix, exact
 * text and suffix occur together exactly once (in one piece), and its TextPositionSelector gives the
 * same place and the same text. Both must hold, so an annotation client that reads either selector
 * lands on the passage.
 */
export function anchorTarget(target: AnnotationTarget, pieces: readonly Piece[]): Found<Place> {
  const { exact, prefix, suffix } = target.quote;
  if (exact === '') return { ok: false, reason: 'its TextQuoteSelector has no exact text' };
  const needle = prefix + exact + suffix;
  const places = pieces.flatMap((piece) =>
    occurrences(piece.text, needle).map((at) => {
      const start = piece.start + codePointCount(piece.text, at + prefix.length);
      return { start, end: start + codePointCount(exact) };
    }),
  );
  if (places.length !== 1) {
    return {
      ok: false,
      reason: `its TextQuoteSelector (prefix, exact and suffix) occurs ${places.length === 0 ? 'nowhere' : `${places.length} times`} in the published text, not once`,
    };
  }
  const [place] = places as [Place];
  const { start, end } = target.position;
  if (start !== place.start || end !== place.end) {
    return {
      ok: false,
      reason: `its TextPositionSelector (${start}–${end}) is not where its TextQuoteSelector anchors (${place.start}–${place.end})`,
    };
  }
  return { ok: true, ...place };
}
