import type { Root } from 'mdast';
import type { DateValue, RecordedDate } from './date.ts';
import type {
  AccountMeta,
  Actor,
  Author,
  ClaimMeta,
  ClaimStatus,
  ClaimVersionMeta,
  CorrectableField,
  CorrectedKind,
  CorrectionMeta,
  EventMeta,
  EventOrderMeta,
  EventVersionMeta,
  ExpectationMeta,
  QuoteMeta,
  RedirectMeta,
  Role,
  SourceCorrectionMeta,
  SourceMeta,
  StoryMeta,
  TranslationMeta,
  UnnamedSpeakerMeta,
} from './entities.ts';

/**
 * The assembled model: what the files an editor wrote become once every reference is resolved and
 * every quote verified (src/lib/assemble/), and what every page and output reads. Field types come
 * from the schemas in entities.ts and date.ts; only what assembly adds is declared here.
 */

/** A content file as read: its id, its path, its validated frontmatter and its raw body. */
export interface Entry<T> {
  id: string;
  filePath?: string | undefined;
  data: T;
  body?: string | undefined;
  /** The line of the file the body starts on (after the frontmatter), so problems in it name the file's own lines. */
  bodyLine?: number | undefined;
}

/** Every content file of a content folder, validated one by one, not yet cross-checked. */
export interface CorpusFiles {
  actors: Entry<Actor>[];
  authors: Entry<Author>[];
  redirects: Entry<RedirectMeta>[];
  stories: Entry<StoryMeta>[];
  sources: Entry<SourceMeta>[];
  quotes: Entry<QuoteMeta>[];
  claims: Entry<ClaimMeta>[];
  events: Entry<EventMeta>[];
}

/** A stretch of a source's text. */
export interface Span {
  /** Offset of the first character in the original source text. */
  start: number;
  /** Offset just past the last character in the original source text. */
  end: number;
  /** The original source text between `start` and `end`. */
  text: string;
}

/** An actor with its id and file, as pages use it. */
export interface ActorRecord extends Actor {
  id: string;
  file: string;
  /** Who the actor is, in a sentence or two: the body of the actor's file (may be empty). */
  about?: string | undefined;
}

/** An author with their id and file, as bylines and author pages use them. */
export interface AuthorRecord extends Author {
  id: string;
  file: string;
}

/**
 * An assembled entity: the fields its schema parsed (`Meta`), less those `Dropped` and those assembly
 * puts something else in place of, plus what assembly adds (`Added`: resolved references instead of
 * ids, places in the source instead of the words that find them, anchors). A field a schema gains
 * reaches every page, output and the content store through it, with no second declaration
 * (tests/unit/model.test.ts).
 */
export type Assembled<Meta, Dropped extends keyof Meta, Added> = Omit<Meta, Dropped | keyof Added> & Added;

/** A speaker the source does not name: described, never an actor, never merged with another. */
export type UnnamedSpeaker = Assembled<
  UnnamedSpeakerMeta,
  never,
  {
    kind: 'unnamed';
    /** The organisation the source ties the speaker to, if it does. */
    affiliation?: ActorRecord | undefined;
  }
>;

/** Who said a quote: an actor, or a speaker the source does not name. `kind` tells them apart. */
export type Speaker = ActorRecord | UnnamedSpeaker;

export const isUnnamed = (speaker: Speaker): speaker is UnnamedSpeaker => speaker.kind === 'unnamed';

/** Who holds a claim or gives an account: an actor, or a holder the source does not name, as a speaker is. */
export type Holder = Speaker;

/** The actors among holders: those with a page of their own (an unnamed holder has none). */
export const namedHolders = (holders: readonly Holder[]): ActorRecord[] =>
  holders.filter((holder): holder is ActorRecord => !isUnnamed(holder));

/** Who gives an account: actors or unnamed holders, and/or the source in its own voice (at least one). */
export type Account = Assembled<AccountMeta, never, { claimants: Holder[] }>;

/** One of the competing accounts of a contested claim. */
export type ClaimVersion = Assembled<ClaimVersionMeta, never, Account & { quotes: Quote[]; passages: Span[] }>;

/** One of the competing accounts of when an event happens. */
export type EventVersion = Assembled<EventVersionMeta, never, Account & { passages: Span[] }>;

/** A correction the source itself published, its words found in the source's text. */
export type SourceCorrection = Assembled<
  SourceCorrectionMeta,
  never,
  {
    /** The fragment id of the correction on the source's page: `sc-<number>`, from 1 in the file's order. */
    anchor: string;
    /** Where the source words the correction. */
    notice: Span;
    /** Where the sentence holding the corrected words stands, when the file names it. */
    passage?: Span | undefined;
    /** Where the corrected words (`to`) stand in the text: what a quote or claim rests on when its passage meets them. */
    at: Span;
  }
>;

/** Who expects an expected event, resolved: actors, a holder the source does not name, the source itself. */
export type Expectation = Assembled<
  ExpectationMeta,
  never,
  { holders: ActorRecord[]; unnamed?: UnnamedSpeaker | undefined }
>;

export interface Source extends Omit<SourceMeta, 'corrections'> {
  id: string;
  file: string;
  /** The source's text, verbatim; quote offsets point into it. */
  text: string;
  /** Corrections the source itself published, in the file's order, each found in the text. */
  corrections: SourceCorrection[];
}

/** A quote's words in the site's language: a source's translation (found in that source), or ours. */
export type Translation =
  | Assembled<Extract<TranslationMeta, { by: 'source' }>, never, { source: Source; span: Span }>
  | Extract<TranslationMeta, { by: 'us' }>;

/** What assembling a quote adds to its file's fields, or puts in their place. */
export interface QuoteResolved {
  id: string;
  /** The slug of the story the quote belongs to: with `id`, it makes the quote's permanent URL. */
  slug: string;
  /** The fragment id on every page that shows the quote: `q-<id>`. */
  anchor: string;
  /** The quote's number in its story, from 1, in the order of `Story.quotes`: the citation markers' number. */
  number: number;
  file: string;
  /** The words, as the editor wrote them (edit marks included). */
  words: string;
  /** The language of the words (BCP 47): the source's, unless the quote says; a paraphrase's is the site's. */
  lang: string;
  /** The words in the site's language, when they were said in another. */
  translation?: Translation | undefined;
  /** The actor, or the unnamed speaker the file describes in `unnamed`. */
  speaker: Speaker;
  /** The speaker's role when the words were said (none for an unnamed speaker). */
  role?: Role | undefined;
  source: Source;
  /** Where a direct or reported quote stands in its source. */
  span?: Span | undefined;
  /** Where the sentence a paraphrase restates stands in its source, when the content records it. */
  passage?: Span | undefined;
  /** Claim ids that cite this quote. */
  claims: string[];
  /** Event ids that cite this quote. */
  events: string[];
}

/** A quote as pages show it: its file's fields (`said`, `form`, `medium`, `attribution`, …), resolved. */
export type Quote = Assembled<QuoteMeta, 'unnamed', QuoteResolved>;

export type Claim = Assembled<
  ClaimMeta,
  never,
  {
    id: string;
    /** The fragment id on the story page: `c-<id>`. */
    anchor: string;
    file: string;
    /** The claim, plainly. */
    text: string;
    claimants: Holder[];
    disputedBy: ActorRecord[];
    source: Source;
    quotes: Quote[];
    passages: Span[];
    /** For a contested claim, the competing accounts, in the order the file gives them; otherwise none. */
    versions: ClaimVersion[];
  }
>;

/** What an undated event is placed against: another event of the story (named by its title), or a date. */
export type OrderBound =
  { event: { id: string; title: string; anchor: string }; date?: undefined } | { date: string; event?: undefined };

/** Where the source places an event it gives no date for: before and/or after another event or a date. */
export type EventOrder = Assembled<
  EventOrderMeta,
  never,
  { before?: OrderBound | undefined; after?: OrderBound | undefined }
>;

export type TimelineEvent = Assembled<
  EventMeta,
  never,
  {
    id: string;
    /** The fragment id on the story page: `e-<id>`. */
    anchor: string;
    file: string;
    /** When it happens; for an event the accounts date differently, the earliest account's date (the timeline's order); none for an event the source places only by `order`. */
    when: DateValue | undefined;
    /** For an event the source gives no date for: what it came before or after; the timeline places it by this alone. */
    order?: EventOrder | undefined;
    /** Competing accounts of the date, when they differ; otherwise none. */
    versions: EventVersion[];
    /** For an expected event, who expects it and how `when` bounds it; otherwise none. */
    expectation?: Expectation | undefined;
    /** What happened, in plain text paragraphs. */
    text: string;
    source: Source;
    actors: ActorRecord[];
    quotes: Quote[];
    claims: Claim[];
  }
>;

/** A quote, claim or source of a story, as a correction names it. */
export interface CorrectedItem {
  kind: CorrectedKind;
  /** The quote's, claim's or source's id: its file name. */
  id: string;
}

/**
 * One field of what the page said before a correction, as its entry's `was` gives it, read: a date as
 * the date value it names (`recordedDate`, src/lib/model/date.ts), every other field as its line of text.
 */
export type Before = { field: 'said'; was: RecordedDate } | { field: Exclude<CorrectableField, 'said'>; was: string };

/** An entry of a story's corrections log, checked against the story's quotes, claims and sources. */
export interface Correction extends CorrectionMeta {
  /** `was`, field by field in the entry's order, read once: what pages tell readers the page said before. */
  before: Before[];
  /** What it changes. */
  item: CorrectedItem;
  /** The fragment id on the story page, `k-<date>-<quote|claim|source>-<id>`: also the entry's key in the published record. */
  anchor: string;
}

export interface Story extends Omit<StoryMeta, 'corrections'> {
  slug: string;
  file: string;
  /** The explainer's text as its checked Markdown syntax tree: Markdown and `<Cite>` only (src/lib/content/body.ts). */
  body: Root;
  sources: Source[];
  /** Every quote: first those the text cites, in citing order, then the rest by date. */
  quotes: Quote[];
  /** Quote ids the briefing shows. */
  keyQuotes: string[];
  claims: Claim[];
  /** Events in timeline order. */
  events: TimelineEvent[];
  /** Everyone who speaks, claims, disputes or takes part, in order of first appearance. */
  actors: ActorRecord[];
  /** "Now" for the story: the last day its latest source can date from, `YYYY-MM-DD`. What comes after had not happened then. */
  asOf: string;
  /** Corrections and updates to its quotes and claims, newest first. */
  corrections: Correction[];
}

/** A `<Cite quote="…" />` or `<Cite claim="…" />` in a story's text, where it stands. */
export interface Citation {
  kind: 'quote' | 'claim';
  /** The quote's or claim's id: its file name. */
  id: string;
  /** The line in the story file, 1-based. */
  line: number;
  /** The column on that line, 1-based. */
  column: number;
}

/** An old URL path and the page its readers are sent to instead. */
export interface Redirect extends RedirectMeta {
  /** The old path, as published: `/stories/<slug>/quotes/<id>/`. */
  from: string;
  file: string;
}

export interface Corpus {
  /** Stories, newest first. */
  stories: Story[];
  actors: Map<string, ActorRecord>;
  /** Who writes and edits the stories, by id. */
  authors: Map<string, AuthorRecord>;
  redirects: Redirect[];
}

/**
 * The quotes a story has withdrawn, each with its withdrawal: their addresses stay, and say so (the
 * route table, src/lib/present/routes.ts, gives them their pages and cards).
 */
export const withdrawnQuotes = (story: Pick<Story, 'slug' | 'corrections'>) =>
  story.corrections
    .filter((correction) => correction.kind === 'withdrawn' && correction.item.kind === 'quote')
    .map((correction) => ({ slug: story.slug, id: correction.item.id, correction }));

/**
 * Statuses under which a claim does not stand unchallenged: someone disputes or denies it (the claim
 * lists who), or accounts of it differ (`contested`: the claim gives each account and who gives it).
 * The one definition of "what is disputed": the briefing, the claim list and the actor pages read it.
 */
const CONTESTED_STATUSES: ReadonlySet<ClaimStatus> = new Set(['disputed', 'denied', 'contested']);

export const isContested = (claim: Pick<Claim, 'status'>): boolean => CONTESTED_STATUSES.has(claim.status);

/** The order stories are listed in: newest first, then by slug, so it never depends on file order. */
export const newestStoryFirst = (a: Pick<Story, 'published' | 'slug'>, b: Pick<Story, 'published' | 'slug'>): number =>
  b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug);

/**
 * The draft stories among these story files (`draft: true`), each slug with its file: the site
 * publishes none of them (src/lib/assemble/drafts.ts).
 */
export const draftStories = (stories: readonly Entry<{ draft: boolean }>[]): ReadonlyMap<string, string> =>
  new Map(stories.filter((story) => story.data.draft).map((story) => [story.id, story.filePath ?? story.id]));

/** What a problem tells an editor about a draft a published file names: which story, and how to go on. */
export const aDraft = (slug: string, file: string) =>
  `story "${slug}" is a draft (\`draft: true\` in ${file}), which the site does not publish: publish it first, or name something published`;
