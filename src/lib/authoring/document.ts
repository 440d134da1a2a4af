import type { Span } from '../content/verbatim.ts';
import type { DateValue } from '../model/date.ts';
import type { DateSuggestion } from './dates.ts';
import { paragraphs, sentencesOf } from './context.ts';
import { mediumsIn } from './medium.ts';

/**
 * Words a sentence gives to a document it names with "the" and no issuer ("…, the statement read";
 * "The 20-point declaration urges …"): news copy introduces a document once, with who issued it and
 * when ("In a joint statement issued by X on May 07, …"), and refers back to it after. When the
 * source has introduced exactly one document of that kind before the sentence, that sentence says
 * who said the words and when; with two or more, which one is meant is the editor's to say.
 */

/** The document a sentence refers back to, and the earlier sentence that introduces it. */
export interface ReferredDocument {
  /** The sentence's words for it: `the statement`, `The 20-point declaration`. */
  words: string;
  /** The earlier sentence of the source that names a document of the same kind, the only one. */
  introduced: Span;
}

/**
 * "The (up to two words) statement" as the teller: opening the sentence before a verb ("The 20-point
 * declaration urges"), or after a comma before one ("…, the statement read"). Not "the statement by …",
 * which names its issuer itself.
 */
const TELLER =
  /(?:^|,\s*)((?:[Tt]he)\s+(?:[\p{L}\p{N}-]+\s+){0,2}?(?:statement|declaration|communiqu[eé]|tweet))\s+(?!by\b|of\b|from\b)\p{Ll}+/u;

/** The document `sentence` (a span of `source`) gives its words to, outside `exclude` (quoted words), if the source introduced exactly one such before. */
export function referredDocument(source: string, sentence: Span, exclude?: Span): ReferredDocument | undefined {
  // The quoted words are blanked, so that only the sentence's own narration is read.
  const narration =
    exclude === undefined
      ? sentence.text
      : sentence.text.slice(0, Math.max(0, exclude.start - sentence.start)) +
        ' '.repeat(Math.max(0, Math.min(exclude.end, sentence.end) - Math.max(exclude.start, sentence.start))) +
        sentence.text.slice(Math.max(0, exclude.end - sentence.start));
  const teller = TELLER.exec(narration)?.[1];
  const medium = teller === undefined ? undefined : mediumsIn(teller)[0];
  if (teller === undefined || medium === undefined) return undefined;
  // Sentences that introduce a document of that kind: naming one, and not by referring back themselves.
  const refersBack = (text: string) => {
    const words = TELLER.exec(text)?.[1];
    return words !== undefined && mediumsIn(words).includes(medium);
  };
  const earlier = paragraphs(source)
    .flatMap((p) => sentencesOf(p))
    .filter((s) => s.end <= sentence.start && mediumsIn(s.text).includes(medium) && !refersBack(s.text));
  return earlier.length === 1 ? { words: teller, introduced: earlier[0]! } : undefined;
}

/**
 * The date of words from a referred document: the date the introducing sentence gives (`found`, read
 * there), each reading's reasoning saying where it comes from, since the words' own sentence gives none.
 */
export function datedByDocument(document: ReferredDocument, found: DateSuggestion): DateSuggestion {
  const where = `The words are from ${document.words.replace(/^The\b/, 'the')}, which the source introduces and dates in "${document.introduced.text}".`;
  const cite = (value: DateValue): DateValue => ({
    ...value,
    reasoning: value.reasoning === undefined ? where : `${where} ${value.reasoning}`,
  });
  if (found.kind === 'date') return { ...found, value: cite(found.value) };
  if (found.kind === 'ambiguous')
    return { ...found, options: found.options.map((o) => ({ ...o, value: cite(o.value) })) };
  return found;
}
