import type { DateValue } from '../model/date.ts';
import { describeAffiliation, describeRole, speakerName, type ActorLookup } from './actors.ts';
import { formatDate, inferredWhole, provenanceNote, statedDiffers } from './dates.ts';
import { FORM_LABELS, MEDIUM_LABELS } from './labels.ts';
import { isUnnamed, type Quote, type Span } from '../model/corpus.ts';
import { shorten } from './text.ts';
import { translationLabel } from './language.ts';
import { languageName } from '../model/language.ts';

/**
 * A quote in words for places that carry only text: page titles, link previews, share cards.
 * The rule the pages follow holds here too: only a direct quote is put in quotation marks.
 */

/** The marks around words as a reader sees them: quotation marks for a direct quote, none for reported and paraphrased words. */
export function quoteMarks(form: Quote['form']): readonly [open: string, close: string] {
  return form === 'direct' ? ['“', '”'] : ['', ''];
}

/** The words as a reader sees them: a direct quote in quotation marks, reported and paraphrased words without. */
export function displayWords(form: Quote['form'], words: string): string {
  const [open, close] = quoteMarks(form);
  return `${open}${words}${close}`;
}

/**
 * When it was said, with how we know: "7 May 2021", "7 May 2021, inferred from “late on Friday”",
 * "1 May 2021 (year inferred)", "2021 (the source says “that year”)", or that the source gives no date.
 */
export function describeSaid(said: DateValue | undefined): string {
  if (said === undefined) return 'date not given in the source';
  const date = formatDate(said);
  if (inferredWhole(said)) {
    return said.statedAs === undefined ? `${date}, inferred` : `${date}, inferred from “${said.statedAs}”`;
  }
  // Partly inferred, or from the page's metadata: "1 May 2021 (year inferred)".
  const note = provenanceNote(said);
  if (note !== undefined) return `${date} (${note})`;
  return statedDiffers(said) ? `${date} (the source says “${said.statedAs}”)` : date;
}

/**
 * How it was said, with how we know: "in an interview" when the source says so; "in an interview
 * (inferred from “told the broadcaster Harbour FM”)" when we read the medium from the source's words,
 * as an inferred date says what it rests on.
 */
export function describeMedium(quote: Pick<Quote, 'medium' | 'mediumBasis'>): string {
  const label = MEDIUM_LABELS[quote.medium];
  return quote.mediumBasis?.provenance === 'inferred' ? `${label} (inferred from “${quote.mediumBasis.words}”)` : label;
}

/**
 * The speaker in full, with the role held when the words were said ("Ann Lee, Envoy, State
 * Department"); a speaker the source does not name, as it describes them, marked unnamed, with the
 * actor the source ties them to ("a senior Council official (unnamed), affiliated with The Council").
 */
export function describeSpeaker(
  quote: Pick<Quote, 'speaker' | 'role'>,
  actors: ActorLookup,
  options: { capitalised?: boolean } = {},
): string {
  const name = speakerName(quote.speaker, options);
  const more = isUnnamed(quote.speaker)
    ? describeAffiliation(quote.speaker)
    : quote.role && describeRole(quote.role, actors);
  return more === undefined ? name : `${name}, ${more}`;
}

const FORM_TAGS: Record<Quote['form'], string> = { direct: '', reported: ' (reported)', paraphrase: ' (paraphrase)' };

/** A page title that tells quotes apart: the speaker, the form unless direct, and the opening words. */
export function quoteTitle(quote: Pick<Quote, 'speaker' | 'form' | 'words'>): string {
  return `${speakerName(quote.speaker, { capitalised: true })}${FORM_TAGS[quote.form]}: ${displayWords(quote.form, shorten(quote.words, 80))}`;
}

/**
 * The translation of words in another language, for text-only places: " (in Pashto; our translation,
 * not the speaker's words: …)". Ours is never in quotation marks; a source's is quoted as it gives it.
 */
export function describeTranslation(quote: Pick<Quote, 'form' | 'lang' | 'translation'>): string {
  const { translation } = quote;
  if (translation === undefined) return '';
  const words = shorten(translation.words, 160);
  return ` (in ${languageName(quote.lang)}; ${translationLabel(translation)}: ${translation.by === 'us' ? words : displayWords(quote.form, words)})`;
}

/** A description for search results and link previews: who, in what role, how, when, the words, and their translation. */
export function quoteDescription(
  quote: Pick<
    Quote,
    'speaker' | 'role' | 'form' | 'words' | 'medium' | 'mediumBasis' | 'said' | 'lang' | 'translation'
  >,
  actors: ActorLookup,
): string {
  const form = quote.form === 'direct' ? '' : ` (${FORM_LABELS[quote.form].toLowerCase()})`;
  return `${describeSpeaker(quote, actors, { capitalised: true })}, ${describeMedium(quote)}, ${describeSaid(quote.said)}${form}: ${displayWords(quote.form, shorten(quote.words, 160))}${describeTranslation(quote)}`;
}

/**
 * A source sentence as a page shows it: the span the verbatim check found, with the closing
 * punctuation it set aside (a full stop, a closing quotation mark) put back from the source, so no
 * quotation mark is left open and the sentence ends as the source ends it: a full stop inside the
 * quotation mark (`March 10.”`) or after it (`“failed”.`, as British copy sets it).
 */
export function passageInFull(span: Pick<Span, 'end' | 'text'>, sourceText: string): string {
  const tail = /^[.,!?;:]?(?:[”’"'][.!?]?)?/u.exec(sourceText.slice(span.end))?.[0] ?? '';
  return span.text + tail;
}
