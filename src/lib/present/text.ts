/**
 * Plain text made to fit a small space (a share card, a page title) without changing what it says:
 * it is cut only between words and the cut is always shown with an ellipsis.
 */

const ELLIPSIS = '…';
/** What may hang at the end of kept words and goes with the cut: white space and punctuation that leads on. */
const HANGING = /[\s.,;:\-–—([“‘"']+$/u;

/**
 * The text in at most `max` characters, ellipsis included, cut at the last space that lets it fit.
 * Punctuation left hanging before the cut (a full stop, a comma, a dash, an opening bracket) goes too.
 * A first word longer than `max` is kept whole rather than cut: a reader must never see half a word.
 */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  for (let cut = clean.lastIndexOf(' ', max); cut > 0; cut = clean.lastIndexOf(' ', cut - 1)) {
    const kept = clean.slice(0, cut).replace(HANGING, '');
    if (kept !== '' && kept.length + ELLIPSIS.length <= max) return kept + ELLIPSIS;
  }
  return clean.split(' ')[0]!.replace(HANGING, '') + ELLIPSIS;
}

/** The text with its first letter in upper case, for the start of a sentence or line. */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What goes before the item at `index` of `count` in a sentence: nothing before the first, "and"
 * (or "or") before the last, a comma between the others: "A", "A and B", "A, B and C".
 */
export function listSeparator(index: number, count: number, conjunction: 'and' | 'or' = 'and'): string {
  return index === 0 ? '' : index === count - 1 ? ` ${conjunction} ` : ', ';
}

/** Items joined as a sentence joins them: "A", "A and B", "A, B or C". */
export const inSentence = (items: readonly string[], conjunction: 'and' | 'or' = 'and'): string =>
  items.map((item, i) => listSeparator(i, items.length, conjunction) + item).join('');
