import { z } from 'astro/zod';
import type { Range } from '../present/passages.ts';

/**
 * Open annotations: each passage the story takes from a source (a quote's words, the sentence a
 * paraphrase restates, a claim's or an account's passage) as a W3C Web Annotation (JSON-LD, the `oa:`
 * vocabulary, https://www.w3.org/TR/annotation-model/), so that any annotation client can anchor it in
 * the original and on our source page, and anyone can check it against the source text's hash.
 *
 * The model counts characters as code points; JavaScript strings, and so the verbatim check's spans,
 * count UTF-16 units. Every offset published here is turned into code points (`codePointOffsets`).
 */

/** The JSON-LD context of the Web Annotation model. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * A TextQuoteSelector's context on each side, in code points, as annotation clients (Hypothesis) take
 * it: enough to tell a passage from its copies almost always. More is taken only where this much still
 * leaves prefix, passage and suffix standing twice in the text (`quoteContext`).
 */
export const CONTEXT_CODE_POINTS = 32;

const textQuoteSelectorSchema = z.object({
  /** Always `TextQuoteSelector`. */
  type: z.literal('TextQuoteSelector'),
  /** The passage, exactly as the source text has it. */
  exact: z.string(),
  /** The text just before it (up to 32 code points; empty at the text's start), so that prefix, exact and suffix stand once in the text. */
  prefix: z.string(),
  /** The text just after it (up to 32 code points; empty at the text's end). */
  suffix: z.string(),
});

const textPositionSelectorSchema = z.object({
  /** Always `TextPositionSelector`. */
  type: z.literal('TextPositionSelector'),
  /** Where the passage starts in the source text, in code points from 0. */
  start: z.int().nonnegative(),
  /** Where it ends (exclusive), in code points. */
  end: z.int().nonnegative(),
});

/** A page that holds the source's text, and where the passage stands in it. */
const targetSchema = z.object({
  /** Always `SpecificResource`: a part of the page. */
  type: z.literal('SpecificResource'),
  /** The page: the publisher's original, or our source page. */
  source: z.url(),
  /** Two ways to find the same passage: by its words and their context, and by its offsets in the source text. */
  selector: z.tuple([textQuoteSelectorSchema, textPositionSelectorSchema]),
});

/** A passage of a source as a W3C Web Annotation: what the story takes from the source, and where. */
export const annotationSchema = z.object({
  /** The Web Annotation model's JSON-LD context. */
  '@context': z.literal(ANNOTATION_CONTEXT),
  /** The annotation's own address: a quote page's `#annotation`, or a claim's or event's anchor on the story page with `-passage-<n>`. */
  id: z.url(),
  /** Always `Annotation`. */
  type: z.literal('Annotation'),
  /**
   * Always `highlighting`. The model's list of motivations has no "quoting"; highlighting, "to draw
   * attention to the selected segment", is what a quote or a passage does to its source.
   */
  motivation: z.literal('highlighting'),
  /** What the story makes of the passage: the quote's page, or the claim or event on the story page. */
  body: z.object({
    /** Always `SpecificResource`. */
    type: z.literal('SpecificResource'),
    /** The quote page, or the claim's or event's anchor on the story page. */
    source: z.url(),
    /** Always `describing`: the page describes the passage (who said it, when, what it supports). */
    purpose: z.literal('describing'),
  }),
  /** The original where the source has one, then our source page: the same passage in each. */
  target: z.union([z.tuple([targetSchema]), z.tuple([targetSchema, targetSchema])]),
});

export type Annotation = z.output<typeof annotationSchema>;

/** An excerpt of a source as its page publishes it, in code points. */
export interface PublishedExcerpt {
  /** Where it starts in the source text, in code points. */
  start: number;
  /** Where it ends (exclusive), in code points. */
  end: number;
  /** The source text's code points from start to end. */
  text: string;
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * For a text, what turns a UTF-16 offset into a code point offset. Astral characters (a surrogate pair
 * each: emoji, 𝐀) are rare, so only their places are kept, and each offset costs a binary search.
 */
export function codePointOffsets(text: string): (offset: number) => number {
  // The offset of the second unit of each surrogate pair, ascending.
  const seconds: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) seconds.push(i++);
  }
  return (offset) => {
    let low = 0;
    let high = seconds.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (seconds[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return offset - low;
  };
}

/** The UTF-16 offset `count` code points before `from`, or `limit` if that comes first. */
function codePointsBack(text: string, from: number, count: number, limit: number): number {
  let at = from;
  for (let n = 0; n < count && at > limit; n++) {
    at--;
    if (at > limit && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1))) at--;
  }
  return at;
}

/** The UTF-16 offset `count` code points after `from`, or `limit` if that comes first. */
function codePointsOn(text: string, from: number, count: number, limit: number): number {
  let at = from;
  for (let n = 0; n < count && at < limit; n++) {
    at += at + 1 < limit && isHigh(text.charCodeAt(at)) && isLow(text.charCodeAt(at + 1)) ? 2 : 1;
  }
  return at;
}

const standsOnce = (text: string, words: string) => {
  const first = text.indexOf(words);
  return first >= 0 && text.indexOf(words, first + 1) < 0;
};

/**
 * The context of a TextQuoteSelector for a span, as UTF-16 offsets: from `from` to the span's start
 * (the prefix) and from its end to `to` (the suffix). CONTEXT_CODE_POINTS on each side, fewer at the
 * edges of `within`, chosen so that prefix, passage and suffix together stand exactly once in the
 * text; where that much context stands twice (a repeated paragraph), it doubles until they do not.
 * Undefined when even all of `within` around the span stands twice.
 */
export function quoteContext(text: string, span: Range, within: Range): { from: number; to: number } | undefined {
  // Doubling, so that even a long run of repeated paragraphs takes a few searches of the text.
  for (let count = CONTEXT_CODE_POINTS; ; count *= 2) {
    const from = codePointsBack(text, span.start, count, within.start);
    const to = codePointsOn(text, span.end, count, within.end);
    if (standsOnce(text, text.slice(from, to))) return { from, to };
    if (from === within.start && to === within.end) return undefined;
  }
}

/** A source as its passages' annotations target it. */
export interface AnnotatedSource {
  /** Its text, exactly as the verbatim check read it: the spans are offsets into it. */
  text: string;
  /** Its content file, for the message when a passage cannot be anchored. */
  file: string;
  /** The publisher's page of it, or undefined when it has none. */
  url?: string | undefined;
  /** Our page of it (absolute URL). */
  page: string;
  /** For a source published only in excerpts, what its page publishes (UTF-16 offsets); undefined when it is published in full. */
  excerpts?: readonly Range[] | undefined;
}

/**
 * What the open data publishes of a source's text in code points, and the annotation of a passage of
 * it. An excerpts-only source's annotations keep their context within the excerpt that shows the
 * passage: an excerpt gives a sentence either side, so CONTEXT_CODE_POINTS usually fit, and where
 * they do not the context is clipped to the excerpt, so no annotation publishes what its page does not.
 */
export function anchorsIn(source: AnnotatedSource): {
  excerpts: PublishedExcerpt[];
  annotate: (id: string, body: string, span: Range) => Annotation;
} {
  const { text } = source;
  const toCodePoint = codePointOffsets(text);
  const whole: Range = { start: 0, end: text.length };
  return {
    excerpts: (source.excerpts ?? []).map(({ start, end }) => ({
      start: toCodePoint(start),
      end: toCodePoint(end),
      text: text.slice(start, end),
    })),
    annotate(id, body, span) {
      const where = `${source.file}: the passage at ${String(span.start)}–${String(span.end)} ("${text.slice(span.start, span.end)}")`;
      const within = source.excerpts
        ? source.excerpts.find((excerpt) => excerpt.start <= span.start && span.end <= excerpt.end)
        : whole;
      if (span.start >= span.end || span.end > text.length) throw new Error(`${where} is not a stretch of the text`);
      if (within === undefined) throw new Error(`${where} is in none of the excerpts its page publishes`);
      const context = quoteContext(text, span, within);
      if (context === undefined) {
        throw new Error(
          `${where} stands more than once with the same words around it, all through the excerpt its page publishes: no annotation can anchor it exactly once. Publish the source in full (publish: full) if its terms allow.`,
        );
      }
      const selector = [
        {
          type: 'TextQuoteSelector' as const,
          exact: text.slice(span.start, span.end),
          prefix: text.slice(context.from, span.start),
          suffix: text.slice(span.end, context.to),
        },
        { type: 'TextPositionSelector' as const, start: toCodePoint(span.start), end: toCodePoint(span.end) },
      ] satisfies z.input<typeof targetSchema>['selector'];
      const on = (page: string) => ({ type: 'SpecificResource' as const, source: page, selector });
      return {
        '@context': ANNOTATION_CONTEXT,
        id,
        type: 'Annotation',
        motivation: 'highlighting',
        body: { type: 'SpecificResource', source: body, purpose: 'describing' },
        target: source.url === undefined ? [on(source.page)] : [on(source.url), on(source.page)],
      };
    },
  };
}
