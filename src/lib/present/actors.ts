import type { DateValue } from '../model/date.ts';
import type { QuoteForm, Role } from '../model/entities.ts';
import { daysBetween, firstDay, lastDay } from '../model/calendar.ts';
import { compareDated, dateBounds, roleAt } from '../model/chronology.ts';
import { capitalise } from './text.ts';
import {
  isUnnamed,
  namedHolders,
  newestStoryFirst,
  type ActorRecord,
  type Claim,
  type Quote,
  type Speaker,
  type Story,
  type TimelineEvent,
  type UnnamedSpeaker,
} from '../model/corpus.ts';

/** Actors, and speakers the source does not name, as pages name and list them. */

/** The corpus's actors by id: where a role's organisation (`of`) is looked up. */
export type ActorLookup = ReadonlyMap<string, ActorRecord>;

/** A role in parts: its title, the organisation in the content's words, and the organisation's actor when the role names one. */
export interface RoleParts {
  title: string;
  /** The organisation in the words the content gives (`organisation`), when they are not just the actor's name. */
  organisation?: string | undefined;
  /** The organisation as an actor (`of`), for a link to its page; its name stands in where the content gives no other words. */
  of?: ActorRecord | undefined;
}

export function roleParts(role: Role, actors: ActorLookup): RoleParts {
  const of = role.of === undefined ? undefined : actors.get(role.of);
  const organisation = role.organisation === of?.name ? undefined : role.organisation;
  return { title: role.title, organisation, of };
}

/**
 * "Title, Organisation" for a role, or just the title. The organisation is the content's words for
 * it; a role that gives none but names its organisation as an actor (`of`) gives the actor's name.
 */
export function describeRole(role: Role, actors: ActorLookup): string {
  const { title, organisation, of } = roleParts(role, actors);
  const named = organisation ?? of?.name;
  return named === undefined ? title : `${title}, ${named}`;
}

/**
 * What marks a speaker the source does not name, after the source's description of them. The one
 * wording every page, title, share card, structured data and screen-reader label uses.
 */
export const UNNAMED_MARK = '(unnamed)';

/**
 * An unnamed speaker's name in its two parts, the source's description and the mark, for pages that
 * set the mark apart: `["a senior Afghan government official", "(unnamed)"]`.
 */
export function unnamedParts(speaker: UnnamedSpeaker, { capitalised = false } = {}): [string, string] {
  return [capitalised ? capitalise(speaker.description) : speaker.description, UNNAMED_MARK];
}

/**
 * Who said it, in words: an actor's full name, as is; a speaker the source does not name, as the
 * source describes them, marked unnamed: "a senior Afghan government official (unnamed)". Never a
 * name or role we were not given. `capitalised` is for the start of a sentence or line, and changes
 * only a description, never an actor's name.
 */
export function speakerName(speaker: Speaker, options: { capitalised?: boolean } = {}): string {
  return isUnnamed(speaker) ? unnamedParts(speaker, options).join(' ') : speaker.name;
}

/**
 * The article an actor's name takes in running text, to stand before the name (a page links the name
 * alone): "the " for a name that takes it (`withThe`: "the Taliban"), "The " at the start of a
 * sentence, nothing for any other name.
 */
export function articleOf(actor: Pick<ActorRecord, 'withThe'>, { capitalised = false } = {}): string {
  return actor.withThe === true ? (capitalised ? 'The ' : 'the ') : '';
}

/** An actor's name as a sentence has it: "the Taliban", "The United States" at the start, "Ann Lee". */
export function nameInText(
  actor: Pick<ActorRecord, 'name' | 'withThe'>,
  options: { capitalised?: boolean } = {},
): string {
  return articleOf(actor, options) + actor.name;
}

/**
 * A speaker or holder as a sentence names them: an actor's name, with "the" where it takes it ("the
 * Taliban"); one the source does not name as the source's description, a noun phrase standing where
 * a name would ("a senior official"), without the "(unnamed)" mark lists and headings set apart: the
 * description says who they are, and that they are not named. `capitalised` is for the start of a
 * sentence. `followed`: more of the clause comes after it, so a description that opens an aside with a
 * comma ("a senior official, speaking on condition of anonymity") closes the aside with one.
 */
export function holderInText(
  holder: Pick<ActorRecord, 'name' | 'withThe'> | UnnamedSpeaker,
  { capitalised = false, followed = false } = {},
): string {
  if (!('description' in holder)) return nameInText(holder, { capitalised });
  const [description] = unnamedParts(holder, { capitalised });
  return followed && description.includes(',') ? `${description},` : description;
}

/**
 * What a speaker said, as a phrase an editor would write (capitalise it for a heading): "what the
 * Taliban said", "what Ann Lee said, paraphrased", "what a senior official said", "what a senior
 * official, speaking on condition of anonymity, said".
 */
export function whatSaid(speaker: Speaker, form: QuoteForm = 'direct'): string {
  return `what ${holderInText(speaker, { followed: true })} said${form === 'paraphrase' ? ', paraphrased' : ''}`;
}

/** The words before an unnamed speaker's affiliation: "affiliated with The Council". */
export const AFFILIATED_WITH = 'affiliated with';

/**
 * An unnamed speaker's tie to an actor, in words, or nothing: "affiliated with the Taliban". The
 * published record (src/lib/outputs/record.ts) keeps the name bare, as it first published it
 * (`inText: false`): a name's article is grammar, not a correction.
 */
export function describeAffiliation(speaker: UnnamedSpeaker, { inText = true } = {}): string | undefined {
  const of = speaker.affiliation;
  return of && `${AFFILIATED_WITH} ${inText ? nameInText(of) : of.name}`;
}

/** One the sources do not name, where the story has them: the place's anchor, and what it is in words. */
export interface UnnamedInStory {
  holder: UnnamedSpeaker;
  anchor: string;
  /** "quote 3", "a claim", "an account of a claim", "an account of an event's date". */
  what: string;
}

/**
 * Everyone the story's sources do not name, once per place they appear: each quote's speaker, each
 * claim's holder, each account's, in page order (quotes, then claims, then events). Never merged:
 * two alike descriptions may be two people.
 */
export function unnamedInStory(story: Pick<Story, 'quotes' | 'claims' | 'events'>): UnnamedInStory[] {
  const at = (holders: readonly Speaker[], anchor: string, what: string) =>
    holders.filter(isUnnamed).map((holder) => ({ holder, anchor, what }));
  return [
    ...story.quotes.flatMap((quote) => at([quote.speaker], quote.anchor, `quote ${quote.number}`)),
    ...story.claims.flatMap((claim) => [
      ...at(claim.claimants, claim.anchor, 'a claim'),
      ...claim.versions.flatMap((version) => at(version.claimants, claim.anchor, 'an account of a claim')),
    ]),
    ...story.events.flatMap((event) =>
      event.versions.flatMap((version) => at(version.claimants, event.anchor, "an account of an event's date")),
    ),
  ];
}

/** A quote as one actor's page lists it. */
export interface QuoteAppearance {
  story: Story;
  quote: Quote;
}

/** A quote by a member of an organisation, with the role that made them one when they said it. */
export interface MemberQuote extends QuoteAppearance {
  member: ActorRecord;
  role: Role;
}

/** One story's telling of an event. */
export interface Telling {
  story: Story;
  event: TimelineEvent;
}

/**
 * One real event, told by one story or by several that declare it the same (`sameAs`, on either
 * side): shown once, at the most precise date any of them gives, with every story that tells it.
 */
export interface EventAppearance {
  /** The telling whose date is the most precise: its title, date and place in its story stand for the event. */
  best: Telling;
  /** Every telling, the best first, then the others newest story first. */
  tellings: Telling[];
}

/** An event members of an organisation took part in, each with the role that made them members then. */
export interface MemberEvent extends EventAppearance {
  members: { member: ActorRecord; role: Role }[];
}

/** A claim as one actor's page lists it: made, disputed or denied, or one of its competing accounts given. */
export interface ClaimAppearance {
  story: Story;
  claim: Claim;
  /** `unnamed`: held, or one account given, by someone the source does not name but ties to this actor. */
  as: 'claimant' | 'disputer' | 'account' | 'unnamed';
  /** For `unnamed`: who holds it, as the source describes them. */
  holders?: UnnamedSpeaker[] | undefined;
}

/** An event the actor expects (`expectation.holders`), as the story that tells it has it. */
export interface ExpectationAppearance {
  story: Story;
  event: TimelineEvent;
}

/** Everything one actor said or did, across stories, newest first. */
export interface Appearances {
  /** What the actor said. */
  quotes: QuoteAppearance[];
  /** What speakers the sources do not name said, where the source ties them to this actor. */
  unnamedQuotes: QuoteAppearance[];
  /** For an organisation: what its members said, while members. */
  memberQuotes: MemberQuote[];
  /** Events the actor took part in, each real event once. */
  events: EventAppearance[];
  /** For an organisation: events its members took part in, while members, each real event once. */
  memberEvents: MemberEvent[];
  claims: ClaimAppearance[];
  /** Events the actor expects, each as its story tells it: an expectation is its holder's, so tellings are not merged. */
  expectations: ExpectationAppearance[];
}

export const noAppearances = (): Appearances => ({
  quotes: [],
  unnamedQuotes: [],
  memberQuotes: [],
  events: [],
  memberEvents: [],
  claims: [],
  expectations: [],
});

/**
 * How many days a date leaves open: 0 for a day, 9 for "late April", 29 for April 2021. A span
 * ("from 24 April to 4 May") is known to the precision of its ends, however long it lasts.
 */
function uncertainty(date: DateValue): number {
  if (date.from !== undefined) return daysBetween(firstDay(date.from), lastDay(date.from));
  const { earliest, latest } = dateBounds(date);
  return daysBetween(earliest, latest);
}

/**
 * Which of two tellings of one event dates it more precisely: one whose accounts agree on the date
 * before one whose accounts differ, then the date that leaves fewer days open, then timeline order
 * (the more precise first, `compareDated`).
 */
export function morePrecise(a: Telling, b: Telling): number {
  const [x, y] = [a.event.when, b.event.when];
  // A telling that gives no date, only an order, dates the event least of all.
  if (x === undefined || y === undefined) return Number(x === undefined) - Number(y === undefined);
  return (
    Number(a.event.versions.length > 0) - Number(b.event.versions.length > 0) ||
    uncertainty(x) - uncertainty(y) ||
    compareDated({ id: `${a.story.slug}/${a.event.id}`, date: x }, { id: `${b.story.slug}/${b.event.id}`, date: y })
  );
}

/**
 * Every real event of the corpus once: tellings declared the same (`sameAs`, on either side, and
 * through one another) gathered, the most precise first. A `sameAs` that names no event is left
 * out here: assembly reports it.
 */
export function gatherEvents(stories: readonly Story[]): EventAppearance[] {
  const byNewest = [...stories].sort(newestStoryFirst);
  const tellings = new Map<string, Telling>();
  for (const story of byNewest)
    for (const event of story.events) tellings.set(`${story.slug}/${event.id}`, { story, event });
  // Union-find over `<slug>/<event-id>`: each telling points towards the one that stands for its group.
  const parent = new Map([...tellings.keys()].map((key) => [key, key]));
  const root = (key: string): string => {
    const up = parent.get(key)!;
    if (up === key) return key;
    const top = root(up);
    parent.set(key, top);
    return top;
  };
  for (const [key, { event }] of tellings) {
    for (const other of event.sameAs) if (tellings.has(other)) parent.set(root(other), root(key));
  }
  const groups = Map.groupBy(tellings.keys(), root);
  return [...groups.values()].map((keys) => {
    const group = keys.map((key) => tellings.get(key)!);
    const best = group.reduce((x, y) => (morePrecise(y, x) < 0 ? y : x));
    return { best, tellings: [best, ...group.filter((telling) => telling !== best)] };
  });
}

const newestFirst = (
  a: { id: string; date?: DateValue | undefined },
  b: { id: string; date?: DateValue | undefined },
) =>
  a.date && b.date
    ? compareDated({ id: b.id, date: b.date }, { id: a.id, date: a.date })
    : a.date
      ? -1
      : b.date
        ? 1
        : 0;

const byQuoteDate = (a: QuoteAppearance, b: QuoteAppearance) =>
  newestFirst({ id: a.quote.id, date: a.quote.said }, { id: b.quote.id, date: b.quote.said });

const toDated = ({ event }: ExpectationAppearance) => ({ id: event.id, date: event.when });

const byEventDate = (a: EventAppearance, b: EventAppearance) =>
  newestFirst({ id: a.best.event.id, date: a.best.event.when }, { id: b.best.event.id, date: b.best.event.when });

/**
 * Every actor's quotes, events and claims across all stories, built in one pass over the corpus so
 * actor pages cost the same however many stories there are. Dated items come newest first; undated
 * quotes follow, from the newest story; claims, which carry no date, follow their stories. An
 * organisation also gets what its members said and did while members (the role at the time names
 * it in `of`), and what speakers the sources do not name said when tied to it; an unnamed speaker
 * has no entry of their own. An actor who holds an expectation has the expected event listed apart,
 * newest first, whether or not they take part in it. An event several stories tell is one entry, on the page of everyone
 * who takes part in any telling of it.
 */
export function indexAppearances(stories: readonly Story[]): Map<string, Appearances> {
  const index = new Map<string, Appearances>();
  const of = (id: string) => {
    let entry = index.get(id);
    if (!entry) index.set(id, (entry = noAppearances()));
    return entry;
  };
  const byNewest = [...stories].sort(newestStoryFirst);
  for (const story of byNewest) {
    for (const quote of story.quotes) {
      const { speaker } = quote;
      if (isUnnamed(speaker)) {
        if (speaker.affiliation) of(speaker.affiliation.id).unnamedQuotes.push({ story, quote });
        continue;
      }
      of(speaker.id).quotes.push({ story, quote });
      if (quote.role?.of !== undefined && quote.role.of !== speaker.id) {
        of(quote.role.of).memberQuotes.push({ story, quote, member: speaker, role: quote.role });
      }
    }
    for (const claim of story.claims) {
      for (const actor of namedHolders(claim.claimants)) of(actor.id).claims.push({ story, claim, as: 'claimant' });
      for (const actor of claim.disputedBy) of(actor.id).claims.push({ story, claim, as: 'disputer' });
      const accounts = claim.versions.flatMap((version) => version.claimants);
      for (const actor of new Set(namedHolders(accounts))) of(actor.id).claims.push({ story, claim, as: 'account' });
      // Holders the source does not name reach the page of the actor it ties them to, all of them at once.
      const unnamed = [...claim.claimants, ...accounts].filter(isUnnamed);
      const tied = Map.groupBy(
        unnamed.filter((holder) => holder.affiliation !== undefined),
        (holder) => holder.affiliation!.id,
      );
      for (const [id, holders] of tied) of(id).claims.push({ story, claim, as: 'unnamed', holders });
    }
    for (const event of story.events)
      for (const holder of event.expectation?.holders ?? []) of(holder.id).expectations.push({ story, event });
  }
  for (const event of gatherEvents(stories)) {
    const takingPart = new Set<string>();
    const members = new Map<string, Map<string, { member: ActorRecord; role: Role }>>();
    for (const { event: told } of event.tellings) {
      for (const actor of told.actors) {
        takingPart.add(actor.id);
        const role = roleAt(actor, told.when);
        if (role?.of === undefined || role.of === actor.id) continue;
        const ofOrganisation = members.get(role.of) ?? new Map<string, { member: ActorRecord; role: Role }>();
        if (!ofOrganisation.has(actor.id)) ofOrganisation.set(actor.id, { member: actor, role });
        members.set(role.of, ofOrganisation);
      }
    }
    for (const id of takingPart) of(id).events.push(event);
    for (const [id, held] of members) of(id).memberEvents.push({ ...event, members: [...held.values()] });
  }
  for (const entry of index.values()) {
    // Stable sorts: items that tie keep the newest-story-first order they were gathered in.
    entry.quotes.sort(byQuoteDate);
    entry.unnamedQuotes.sort(byQuoteDate);
    entry.memberQuotes.sort(byQuoteDate);
    entry.events.sort(byEventDate);
    entry.memberEvents.sort(byEventDate);
    entry.expectations.sort((a, b) => newestFirst(toDated(a), toDated(b)));
  }
  return index;
}
