import type { Span } from '../content/verbatim.ts';

/**
 * Where a passage stands in its source: the sentence and the paragraph around it, which the
 * suggestions read (a speaker, a date, a medium is named near the words, rarely in them), and whether
 * the source puts the words in quotation marks.
 */

/** The sentence and the paragraph around a passage, as spans of the source text. */
export interface PassageContext {
  sentence: Span;
  paragraph: Span;
}

const OPENING = new Set(['“', '«', '„']);
const CLOSING = new Set(['”', '»']);
const STRAIGHT = '"';

/** Words whose full stop does not end a sentence: titles and abbreviated months ("Feb. 22"). */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st jr sr gen col lt sgt gov sen rep prof no vs jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

/**
 * The paragraphs of a source: separated by blank lines, or, in a text with none (one paragraph a
 * line, as the seed article is supplied), by line breaks.
 */
export function paragraphs(text: string): Span[] {
  const separator = /\n[ \t]*\n/.test(text) ? /\n[ \t]*\n\s*/g : /\n\s*/g;
  const found: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(separator)) {
    if (match.index > start) found.push(span(text, start, match.index));
    start = match.index + match[0].length;
  }
  if (start < text.length) found.push(span(text, start, text.trimEnd().length));
  return found;
}

/**
 * Offsets in `paragraph` where a sentence ends: after a full stop, question or exclamation mark (and
 * any closing quotation mark) followed by white space and a capital or an opening mark, outside
 * a quotation (unless the mark closes it too), and not after an abbreviation or an initial ("U.S.", "Feb.").
 */
function sentenceEnds(paragraph: string): number[] {
  const ends: number[] = [];
  let inQuote = false;
  for (let i = 0; i < paragraph.length; i++) {
    const ch = paragraph[i]!;
    if (OPENING.has(ch)) inQuote = true;
    else if (CLOSING.has(ch)) inQuote = false;
    else if (ch === STRAIGHT) inQuote = !inQuote;
    if (!'.!?'.includes(ch)) continue;
    // Inside a quotation only a mark that closes it with the sentence ends one: `… intact.” He said`.
    const after = paragraph[i + 1] ?? '';
    if (inQuote && !CLOSING.has(after) && after !== STRAIGHT) continue;
    let end = i + 1;
    while (end < paragraph.length && (CLOSING.has(paragraph[end]!) || paragraph[end] === '’')) end++;
    const next = /^\s+(\S)/u.exec(paragraph.slice(end));
    if (!next || !/[\p{Lu}“"«‘(]/u.test(next[1]!)) continue;
    const word = /([\p{L}.]+)\.$/u.exec(paragraph.slice(Math.max(0, i - 12), i + 1))?.[1] ?? '';
    if (ch === '.' && (ABBREVIATIONS.has(word.toLowerCase()) || /^(?:\p{Lu}\.)*\p{Lu}$/u.test(word))) continue;
    ends.push(end);
  }
  return ends;
}

/** The sentence and paragraph of `text` around the span from `start` to `end` (a passage may cross sentences: all of them). */
export function contextOf(text: string, start: number, end: number): PassageContext {
  const all = paragraphs(text);
  const first = all.findIndex((p) => p.end > start);
  const last = all.findLastIndex((p) => p.start < end);
  const from = all[first === -1 ? 0 : first] ?? span(text, 0, text.length);
  const to = all[last === -1 ? all.length - 1 : last] ?? from;
  const paragraph = span(text, from.start, to.end);
  const ends = [0, ...sentenceEnds(paragraph.text), paragraph.text.length];
  const relStart = start - paragraph.start;
  const relEnd = end - paragraph.start;
  const sentenceStart = ends.findLast((at) => at <= relStart) ?? 0;
  const sentenceEnd = ends.find((at) => at >= relEnd && at > sentenceStart) ?? paragraph.text.length;
  const leading = /^\s*/.exec(paragraph.text.slice(sentenceStart))![0].length;
  const sentence = span(
    text,
    paragraph.start + sentenceStart + leading,
    paragraph.start + sentenceStart + paragraph.text.slice(sentenceStart, sentenceEnd).trimEnd().length,
  );
  return { sentence, paragraph };
}

/** The paragraph of `text` that is `paragraph`, with the one before and the one after it, where they are. */
export function aroundParagraph(text: string, paragraph: Span): Span[] {
  const all = paragraphs(text);
  const at = all.findIndex((p) => p.start <= paragraph.start && paragraph.start < p.end);
  return at === -1 ? [paragraph] : all.slice(Math.max(0, at - 1), at + 2);
}

/** The sentences of a paragraph, as spans of the same text. */
export function sentencesOf(paragraph: Span): Span[] {
  const ends = [0, ...sentenceEnds(paragraph.text), paragraph.text.length];
  return ends.slice(1).flatMap((end, i) => {
    const raw = paragraph.text.slice(ends[i], end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const start = paragraph.start + ends[i]! + lead;
    return text === '' ? [] : [{ start, end: start + text.length, text }];
  });
}

/**
 * Whether the source puts the span in quotation marks: it lies within one quotation of its
 * paragraph, opened before it and closed after it (a fragment of a longer quotation counts).
 */
export function inQuotation(text: string, span: Span, paragraph: Span): boolean {
  let open = -1;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const ch = text[i]!;
    const opens = OPENING.has(ch) || (ch === STRAIGHT && open === -1);
    const closes = CLOSING.has(ch) || (ch === STRAIGHT && open !== -1);
    if (opens && open === -1) open = i;
    else if (closes && open !== -1) {
      if (open < span.start && i >= span.end) return true;
      open = -1;
    }
  }
  return false;
}
