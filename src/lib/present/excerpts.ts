import type { Source, Story } from '../model/corpus.ts';
import { markPassages, type Piece, type Range } from './passages.ts';

/**
 * What the page of an excerpts-only source (`publish: excerpts`, src/lib/model/entities.ts) publishes:
 * each stretch the story takes from it (a quote's words, the sentence a paraphrase restates, a claim's
 * or an account's passage, a translation the source gives) with a sentence of context either side,
 * and nothing else of its text. Sentences are the Unicode sentence boundaries (UAX #29) that
 * `Intl.Segmenter` finds in the source's language, within a paragraph (sources are stored one
 * paragraph a line); context may come from the paragraph before or after.
 */

/** How many sentences of context an excerpt gives on each side of what it quotes. */
export const CONTEXT_SENTENCES = 1;

/** What a story takes from one source: its quotes, claims and events, each naming its source. */
type Taken = Pick<Story, 'quotes' | 'claims' | 'events'>;

/** Every stretch of the source's text the story shows (what the verbatim check placed there), in no particular order. */
export function quotedStretches(story: Taken, sourceId: string): Range[] {
  const stretches: Range[] = [];
  for (const quote of story.quotes) {
    if (quote.source.id === sourceId) {
      if (quote.span) stretches.push(quote.span);
      if (quote.passage) stretches.push(quote.passage);
    }
    const translation = quote.translation;
    if (translation?.by === 'source' && translation.source.id === sourceId) stretches.push(translation.span);
  }
  for (const claim of story.claims) {
    if (claim.source.id !== sourceId) continue;
    stretches.push(...claim.passages, ...claim.versions.flatMap((version) => version.passages));
  }
  for (const event of story.events) {
    if (event.source.id === sourceId) stretches.push(...event.versions.flatMap((version) => version.passages));
  }
  return stretches;
}

/**
 * The excerpts an excerpts-only source's page publishes: every stretch the story takes from it, a
 * sentence either side. The one reckoning the page, the open data and the check that nothing more is
 * published (tests/budgets/excerpts.ts) all read.
 */
export function sourceExcerpts(story: Taken, source: Pick<Source, 'id' | 'text' | 'lang'>): Range[] {
  return excerptsOf(source.text, source.lang, quotedStretches(story, source.id));
}

/** The text's sentences in order, each without the spaces around it, none across a line break. */
export function sentencesOf(text: string, lang: string): Range[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  const sentences: Range[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    for (const { segment, index } of segmenter.segment(line[0])) {
      const start = line.index + index + (segment.length - segment.trimStart().length);
      const end = line.index + index + segment.trimEnd().length;
      if (end > start) sentences.push({ start, end });
    }
  }
  return sentences;
}

/**
 * The excerpts that show every stretch with CONTEXT_SENTENCES sentences either side: whole sentences,
 * in text order; excerpts that overlap or touch are one.
 */
export function excerptsOf(text: string, lang: string, stretches: readonly Range[]): Range[] {
  const sentences = sentencesOf(text, lang);
  if (sentences.length === 0) return [];
  // Each stretch as the sentences it covers, by index: from the first that ends after its start to the last that starts before its end.
  const covered = stretches
    .map(({ start, end }) => {
      let first = sentences.findIndex((sentence) => sentence.end > start);
      if (first < 0) first = sentences.length - 1;
      let last = sentences.findLastIndex((sentence) => sentence.start < end);
      if (last < first) last = first;
      return {
        first: Math.max(0, first - CONTEXT_SENTENCES),
        last: Math.min(sentences.length - 1, last + CONTEXT_SENTENCES),
      };
    })
    .sort((a, b) => a.first - b.first);
  const merged: { first: number; last: number }[] = [];
  for (const range of covered) {
    const previous = merged.at(-1);
    if (previous && range.first <= previous.last + 1) previous.last = Math.max(previous.last, range.last);
    else merged.push({ ...range });
  }
  return merged.map(({ first, last }) => ({ start: sentences[first]!.start, end: sentences[last]!.end }));
}

/** The sentences of the text outside every excerpt: what an excerpts-only source's page must never publish. */
export function sentencesOutside(text: string, lang: string, excerpts: readonly Range[]): Range[] {
  return sentencesOf(text, lang).filter(
    (sentence) => !excerpts.some((excerpt) => excerpt.start <= sentence.start && sentence.end <= excerpt.end),
  );
}

/**
 * Each excerpt laid out for reading, as `markPassages` lays out a whole text: its paragraphs with the
 * marks inside it laid in (offsets stay the source's, so a mark's id is the same as on a full page).
 */
export function markExcerpts<T extends Range>(
  text: string,
  excerpts: readonly Range[],
  marks: readonly T[],
): { excerpt: Range; paragraphs: Piece<T>[][] }[] {
  return excerpts.map((excerpt) => {
    const inside = marks.filter((mark) => excerpt.start <= mark.start && mark.end <= excerpt.end);
    // Everything outside the excerpt blanked, so the layout sees only it, at the source's offsets; a blanked line is no paragraph.
    const shown = text.slice(0, excerpt.start).replace(/[^\n]/g, ' ') + text.slice(excerpt.start, excerpt.end);
    return { excerpt, paragraphs: markPassages(shown, inside) };
  });
}
