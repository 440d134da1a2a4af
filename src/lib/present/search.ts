import { dateBounds } from '../model/chronology.ts';
import { isUnnamed, newestStoryFirst, type ActorRecord, type Claim, type Quote, type Story } from '../model/corpus.ts';
import { statedDay, type DateValue } from '../model/date.ts';
import { textDirection } from '../model/language.ts';
import { speakerName } from './actors.ts';
import { describeDate, formatDate } from './dates.ts';
import { FORM_LABELS, STATUS_LABELS } from './labels.ts';
import { quoteMarks } from './quotes.ts';
import { storyPath } from './urls.ts';

/**
 * What the search page (src/pages/search.astro) finds and shows. Pagefind indexes the built pages;
 * each page tells it, through `data-pagefind-*` attributes, what to show with the result (`meta`)
 * and what it can be narrowed by (`filters`). Quotes, stories and actors are their own pages; claims
 * live on the story page, so they are added as records of their own (src/lib/outputs/search.ts).
 *
 * Filter values are ids (an actor's, a story's slug), never names: two actors may share a name, and
 * the page's filter controls, built from the corpus, give each its label.
 */

/** What a result is; the page can be narrowed to one kind. */
export const SEARCH_KINDS = {
  quote: 'Quotes',
  story: 'Stories',
  actor: 'People and organisations',
  claim: 'Claims',
} as const;
export type SearchKind = keyof typeof SEARCH_KINDS;

/** The form filter: a quote's form, and apart from it, whether the source names the speaker. */
export const FORM_FILTERS = {
  direct: 'Direct',
  reported: 'Reported',
  paraphrase: 'Paraphrase',
  unnamed: 'Unnamed speaker',
} as const;

/** The filters a result can carry, in the order the page shows them. */
export const SEARCH_FILTERS = ['kind', 'speaker', 'story', 'form', 'year'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/**
 * One search result as indexed: what is shown with it, and what it can be narrowed by. Every result's
 * `meta` has a `label` (what it is: "Quote", "Disputed claim") and a title: a quote's `words` (with
 * the marks, language and direction pages set them in), or else `title` (a page's h1 by default).
 */
export interface SearchRecord {
  meta: Record<string, string>;
  filters: Partial<Record<SearchFilter, string[]>>;
}

/** Every calendar year a date can fall in: one, or each year a range or span reaches. */
export function yearsOf(date: DateValue): string[] {
  const { earliest, latest } = dateBounds(date);
  const [first, last] = [Number(earliest.slice(0, 4)), Number(latest.slice(0, 4))];
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}

/** A quote as a result: its words as pages set them (marks, language, direction), who, how, when, and its story. */
export function quoteRecord(quote: Quote, story: Pick<Story, 'slug' | 'title'>): SearchRecord {
  const [open, close] = quoteMarks(quote.form);
  const unnamed = isUnnamed(quote.speaker);
  return {
    meta: {
      label: 'Quote',
      words: quote.words,
      // Only a direct quote is set in quotation marks.
      ...(open && { open, close }),
      lang: quote.lang,
      dir: textDirection(quote.lang),
      ...(quote.translation && { translation: quote.translation.words }),
      speaker: speakerName(quote.speaker, { capitalised: true }),
      form: FORM_LABELS[quote.form],
      date: quote.said === undefined ? 'Date not given in the source' : describeDate(quote.said),
      story: story.title,
      storyurl: storyPath(story.slug),
    },
    filters: {
      kind: ['quote'],
      speaker: isUnnamed(quote.speaker) ? [] : [quote.speaker.id],
      story: [story.slug],
      form: unnamed ? [quote.form, 'unnamed'] : [quote.form],
      year: quote.said === undefined ? [] : yearsOf(quote.said),
    },
  };
}

/** A story as a result: its headline (the page's h1), dek and last update. */
export function storyRecord(story: Pick<Story, 'slug' | 'dek' | 'published' | 'updated'>): SearchRecord {
  return {
    meta: {
      label: 'Story',
      description: story.dek,
      date: `Updated ${formatDate(statedDay(story.updated))}`,
    },
    filters: { kind: ['story'], story: [story.slug], year: [story.published.slice(0, 4)] },
  };
}

/** An actor as a result: the name (the page's h1) and what tells them apart. */
export function actorRecord(actor: Pick<ActorRecord, 'kind' | 'disambiguation'>): SearchRecord {
  return {
    meta: {
      label: actor.kind === 'person' ? 'Person' : 'Organisation',
      ...(actor.disambiguation && { description: actor.disambiguation }),
    },
    filters: { kind: ['actor'] },
  };
}

/** A claim as a result: its text, its status and its story. */
export function claimRecord(
  claim: Pick<Claim, 'text' | 'status'>,
  story: Pick<Story, 'slug' | 'title'>,
): SearchRecord & { content: string } {
  return {
    content: claim.text,
    meta: {
      label: `${STATUS_LABELS[claim.status]} claim`,
      title: claim.text,
      story: story.title,
      storyurl: storyPath(story.slug),
    },
    filters: { kind: ['claim'], story: [story.slug] },
  };
}

/**
 * The attributes that hand a record to Pagefind from the element that carries them: each value in a
 * `data-search-*` attribute of its own, named in `data-pagefind-meta` and `data-pagefind-filter`
 * (Pagefind's `key[attribute]` form), so no value is ever parsed out of a list.
 */
/**
 * The mark that makes Pagefind index a page's part (`data-pagefind-body`), on published pages only: a
 * draft's pages, and those of an actor only drafts bring in, built by a preview, are never searched
 * (README, "Drafts").
 */
export const searchBody = (story: { draft: boolean }): Record<string, string> =>
  story.draft ? {} : { 'data-pagefind-body': '' };

export function searchAttributes(record: SearchRecord): Record<string, string> {
  const attributes: Record<string, string> = {};
  const meta = Object.entries(record.meta).map(([key, value]) => {
    attributes[`data-search-${key}`] = value;
    return `${key}[data-search-${key}]`;
  });
  const filters = Object.entries(record.filters).flatMap(([key, values]) =>
    values.map((value, i) => {
      attributes[`data-search-${key}-${i}`] = value;
      return `${key}[data-search-${key}-${i}]`;
    }),
  );
  if (meta.length > 0) attributes['data-pagefind-meta'] = meta.join(', ');
  if (filters.length > 0) attributes['data-pagefind-filter'] = filters.join(', ');
  return attributes;
}

/** One choice of a filter control: the indexed value and the words a reader sees. */
export interface FilterOption {
  value: string;
  label: string;
}

/**
 * The choices of each filter, from the corpus: every named speaker (the name, and what tells them
 * apart when two share it), every story newest first, the forms, and every year a quote was said in,
 * newest first. The same functions tag the pages, so each choice finds what it names.
 */
export function filterOptions(stories: readonly Story[]): Record<SearchFilter, FilterOption[]> {
  const speakers = new Map<string, ActorRecord>();
  const years = new Set<string>();
  for (const story of stories) {
    for (const quote of story.quotes) {
      if (!isUnnamed(quote.speaker)) speakers.set(quote.speaker.id, quote.speaker);
      if (quote.said !== undefined) for (const year of yearsOf(quote.said)) years.add(year);
    }
  }
  const named = [...speakers.values()];
  const shared = (actor: ActorRecord) => named.some((other) => other !== actor && other.name === actor.name);
  const label = (actor: ActorRecord) =>
    shared(actor) && actor.disambiguation ? `${actor.name} (${actor.disambiguation})` : actor.name;
  const byLabel = (a: FilterOption, b: FilterOption) =>
    a.label.localeCompare(b.label) || a.value.localeCompare(b.value);
  const entries = (labels: Record<string, string>) =>
    Object.entries(labels).map(([value, label]) => ({ value, label }));
  return {
    kind: entries(SEARCH_KINDS),
    speaker: named.map((actor) => ({ value: actor.id, label: label(actor) })).sort(byLabel),
    story: [...stories].sort(newestStoryFirst).map((story) => ({ value: story.slug, label: story.title })),
    form: entries(FORM_FILTERS),
    year: [...years]
      .sort()
      .reverse()
      .map((year) => ({ value: year, label: year })),
  };
}
