import type { CorrectedKind, QuoteForm } from '../model/entities.ts';
import type { Before, Correction, Story } from '../model/corpus.ts';
import { nameInText, speakerName, UNNAMED_MARK, type ActorLookup } from './actors.ts';
import { formatDate } from './dates.ts';
import { MEDIUM_LABELS, STATUS_LABELS } from './labels.ts';
import { shorten } from './text.ts';
import { inStoryPath, quotePath, sourcePath } from './urls.ts';

/**
 * How pages tell a reader what a correction changed, or what a withdrawn quote or claim said: what the
 * page said before, field by field, in sentences, from the values the corrections log records
 * (src/lib/outputs/record.ts).
 */

export const CORRECTION_KIND_LABELS: Record<Correction['kind'], string> = {
  correction: 'Correction',
  update: 'Update',
  withdrawn: 'Withdrawn',
};

const FORM_AS: Record<QuoteForm, string> = {
  direct: 'a direct quote',
  reported: "reported speech, in the source's words",
  paraphrase: 'a paraphrase',
};

const UNNAMED_PREFIX = 'unnamed: ';

/** The label for a recorded value; a value the labels do not know (an older model's) as it is. */
const labelOf = (labels: Readonly<Record<string, string>>, value: string): string =>
  Object.hasOwn(labels, value) ? labels[value]! : value;

/** An actor's name as a sentence has it ("the Taliban"), with what tells them apart from a namesake: the sentence stands alone, with no link to follow. */
function actorInFull(actors: ActorLookup, id: string): string {
  const actor = actors.get(id);
  if (actor === undefined) return id;
  const name = nameInText(actor);
  return actor.disambiguation === undefined ? name : `${name} (${actor.disambiguation})`;
}

/** The name a quote showed, as the record keeps it; for a speaker the source does not name, its description without the mark. */
const describedAs = (name: string): string | undefined =>
  name.endsWith(` ${UNNAMED_MARK}`) ? name.slice(0, -UNNAMED_MARK.length - 1) : undefined;

/**
 * A medium as the record keeps it: the medium, and for one we inferred the words it rested on
 * (`recordedMedium` in src/lib/outputs/record.ts writes `<medium> (inferred from “<words>”)`).
 */
function mediumBefore(was: string): string {
  const open = ' (inferred from “';
  const at = was.indexOf(open);
  if (at === -1 || !was.endsWith('”)')) return labelOf(MEDIUM_LABELS, was);
  return `${labelOf(MEDIUM_LABELS, was.slice(0, at))}, which we inferred from “${was.slice(at + open.length, -2)}”`;
}

/** One sentence saying what a field was before; `quotedForm` is the form the quote then had, so a paraphrase is never put in quotation marks. */
export function describeBefore(
  before: Before,
  { actors, quotedForm }: { actors: ActorLookup; quotedForm: QuoteForm },
): string {
  if (before.field === 'said') {
    const said = before.was;
    if (said.kind === 'undated') return 'It gave no date.';
    if (said.kind === 'words') return `It dated them ${said.words}.`;
    return `It dated them ${formatDate(said.date)}${said.date.provenance === 'inferred' ? ' (our inference)' : ''}.`;
  }
  const { field, was } = before;
  switch (field) {
    case 'words':
      return quotedForm === 'paraphrase' ? `It read: ${was}` : `It read “${was}”.`;
    case 'speaker':
      return was.startsWith(UNNAMED_PREFIX)
        ? `It gave the speaker as one the source does not name, “${was.slice(UNNAMED_PREFIX.length)}”.`
        : `It gave the speaker as ${actorInFull(actors, was)}.`;
    case 'name': {
      const description = describedAs(was);
      return description === undefined
        ? `It named the speaker ${was}.`
        : `It described the speaker, without a name, as “${description}”.`;
    }
    case 'role':
      return was === '' ? 'It gave no role for the speaker.' : `It gave the speaker's role as ${was}.`;
    case 'medium':
      return `It gave how the words were said as ${mediumBefore(was)}.`;
    case 'translation':
      return was === '' ? 'It gave no translation.' : `It gave the translation (${was}).`;
    case 'form':
      return `It presented the words as ${labelOf(FORM_AS, was)}.`;
    case 'text':
      return `It read: ${was}`;
    case 'holders':
      return `It gave who holds the claim as: ${was}.`;
    case 'textHash':
      return `Our copy of the source's text was another version (fingerprint ${was}).`;
    case 'status':
      return `It gave the claim's status as “${labelOf(STATUS_LABELS, was)}”.`;
    case 'versions':
      return was === '' ? 'It gave no competing accounts.' : `It gave the accounts as: ${was}.`;
  }
}

/**
 * What a correction is to, as a link: the quote's own page (a withdrawn quote's says it was
 * withdrawn), the claim on the story page (a withdrawn claim: the entry itself), or the source's page.
 */
export function correctedItemLink(correction: Correction, story: Story): { text: string; href: string } {
  const { kind, id } = correction.item;
  if (kind === 'source') {
    const source = story.sources.find((s) => s.id === id)!;
    return { text: `Source: ${shorten(source.title, 90)}`, href: sourcePath(story.slug, source.id) };
  }
  if (correction.kind === 'withdrawn') {
    return kind === 'quote'
      ? {
          text: `A quote${correction.was.name === undefined ? '' : ` of ${describedAs(correction.was.name) ?? correction.was.name}`}`,
          href: quotePath({ slug: story.slug, id }),
        }
      : { text: `Claim: ${shorten(correction.was.text ?? id, 90)}`, href: inStoryPath(story.slug, correction.anchor) };
  }
  if (kind === 'quote') {
    const quote = story.quotes.find((q) => q.id === id)!;
    return { text: `Quote ${quote.number}, ${speakerName(quote.speaker)}`, href: quotePath(quote) };
  }
  const claim = story.claims.find((c) => c.id === id)!;
  return { text: `Claim: ${shorten(claim.text, 90)}`, href: inStoryPath(story.slug, claim.anchor) };
}

/** Every "before" sentence of a correction, in the schema's field order. */
export function correctionBefore(correction: Correction, story: Story, actors: ActorLookup): string[] {
  const quote = correction.item.kind === 'quote' ? story.quotes.find((q) => q.id === correction.item.id) : undefined;
  const quotedForm = (correction.was.form as QuoteForm | undefined) ?? quote?.form ?? 'direct';
  return correction.before.map((before) => describeBefore(before, { actors, quotedForm }));
}

/** The corrections of one quote, claim or source, newest first. */
export const correctionsOf = (story: Pick<Story, 'corrections'>, kind: CorrectedKind, id: string): Correction[] =>
  story.corrections.filter((c) => c.item.kind === kind && c.item.id === id);

/** The latest correction's date, if any: the briefing prints it. */
export const latestCorrection = (story: Story): Correction | undefined => story.corrections[0];

/**
 * Every correction, update and withdrawal the site has published, across its stories, newest first;
 * on one day, by story then by what it changes, so the order never depends on the stories' order.
 * The corrections policy page lists them.
 */
export function correctionsAcrossStories<S extends Pick<Story, 'slug' | 'corrections'>>(
  stories: readonly S[],
): { story: S; correction: Correction }[] {
  return stories
    .flatMap((story) => story.corrections.map((correction) => ({ story, correction })))
    .sort(
      (a, b) =>
        b.correction.date.localeCompare(a.correction.date) ||
        a.story.slug.localeCompare(b.story.slug) ||
        a.correction.anchor.localeCompare(b.correction.anchor),
    );
}
