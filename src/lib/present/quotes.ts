import type { DateValue } from '../model/date';
import { describeRole } from './actors';
import { formatDate, statedDiffers } from './dates';
import { FORM_LABELS, MEDIUM_LABELS } from './labels';
import type { Quote } from '../model/corpus';
import { shorten } from './text';

/**
 * A quote in words for places that carry only text: page titles, link previews, share cards.
 * The rule the pages follow holds here too: only a direct quote is put in quotation marks.
 */

/** The words as a reader sees them: a direct quote in quotation marks, reported and paraphrased words without. */
export function displayWords(form: Quote['form'], words: string): string {
  return form === 'direct' ? `“${words}”` : words;
}

/**
 * When it was said, with how we know: "7 May 2021", "7 May 2021, inferred from “late on Friday”",
 * "2021 (the source says “that year”)", or that the source gives no date.
 */
export function describeSaid(said: DateValue | undefined): string {
  if (said === undefined) return 'date not given in the source';
  const date = formatDate(said);
  if (said.provenance === 'inferred')
    return said.statedAs === undefined ? `${date}, inferred` : `${date}, inferred from “${said.statedAs}”`;
  return statedDiffers(said) ? `${date} (the source says “${said.statedAs}”)` : date;
}

/** The speaker in full, with the role held when the words were said. */
export function describeSpeaker(quote: Pick<Quote, 'speaker' | 'role'>): string {
  return quote.role === undefined ? quote.speaker.name : `${quote.speaker.name}, ${describeRole(quote.role)}`;
}

const FORM_TAGS: Record<Quote['form'], string> = { direct: '', reported: ' (reported)', paraphrase: ' (paraphrase)' };

/** A page title that tells quotes apart: the speaker, the form unless direct, and the opening words. */
export function quoteTitle(quote: Pick<Quote, 'speaker' | 'form' | 'words'>): string {
  return `${quote.speaker.name}${FORM_TAGS[quote.form]}: ${displayWords(quote.form, shorten(quote.words, 80))}`;
}

/** A description for search results and link previews: who, in what role, how, when, and the words. */
export function quoteDescription(
  quote: Pick<Quote, 'speaker' | 'role' | 'form' | 'words' | 'medium' | 'said'>,
): string {
  const form = quote.form === 'direct' ? '' : ` (${FORM_LABELS[quote.form].toLowerCase()})`;
  return `${describeSpeaker(quote)}, ${MEDIUM_LABELS[quote.medium]}, ${describeSaid(quote.said)}${form}: ${displayWords(quote.form, shorten(quote.words, 160))}`;
}
