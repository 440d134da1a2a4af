/**
 * Our editorial marks in a quote's words, as editors type them: `[…]` or `[...]` for words cut, `[sic]`
 * after a word the source got wrong, `[T]he` for a letter whose case we changed, and `[the Taliban]`
 * for words we put in place of a few of the source's. The verbatim check reads them as its grammar
 * (src/lib/content/verbatim.ts); pages set them apart as ours (src/components/QuoteWords.astro).
 */

/** A bracketed mark: what the editor typed between `[` and `]`, brackets included. */
export const MARK = /(\[[^\]]*\])/;
/** Every mark of a text, for `matchAll` and `replace`. */
export const MARKS = /\[[^\]]*\]/g;
/** A cut: `[…]` or `[...]`. */
export const CUT_MARK = /^\[(?:\.\.\.|…)\]$/;
/** A letter whose case we changed: `[T]`. */
export const LETTER_MARK = /^\[([A-Za-z])\]$/;
/** A remark that the source wrote it so: `[sic]`. */
export const SIC_MARK = /^\[sic\]$/i;

export type MarkKind = 'cut' | 'sic' | 'letter' | 'insertion';

/** A stretch of a quote's words: the source's own, or one of our marks and what kind it is. */
export interface WordsPart {
  text: string;
  mark?: MarkKind | undefined;
}

/** What kind of mark a bracketed part is. */
export function markKind(part: string): MarkKind {
  if (CUT_MARK.test(part)) return 'cut';
  if (SIC_MARK.test(part)) return 'sic';
  if (LETTER_MARK.test(part)) return 'letter';
  return 'insertion';
}

/** The words cut at each mark, in order: the source's stretches, and the marks with their kind. */
export function wordsParts(words: string): WordsPart[] {
  return words
    .split(MARK)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('[') && part.endsWith(']') ? { text: part, mark: markKind(part) } : { text: part },
    );
}
