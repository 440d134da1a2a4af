import type { Actor, Role } from '../model/entities';
import type { DateValue } from '../model/date';
import { firstDay, lastDay } from '../model/calendar';
import { compareDated, dateBounds } from '../present/dates';
import type { Claim, Quote, Story, TimelineEvent } from './story';

/** An actor with its id and file, as pages use it. */
export interface ActorRecord extends Actor {
  id: string;
  file: string;
  /** Who the actor is, in a sentence or two: the body of the actor's file (may be empty). */
  about?: string | undefined;
}

/**
 * The role an actor held when something was said or done: the role whose dates cover the moment,
 * else the latest undated role (the one the source gives), else none.
 */
export function roleAt(actor: Pick<Actor, 'roles'>, when: DateValue | undefined): Role | undefined {
  if (when !== undefined) {
    const { earliest } = dateBounds(when);
    const covering = actor.roles.find(
      (role) =>
        (role.from !== undefined || role.to !== undefined) &&
        (role.from === undefined || firstDay(role.from) <= earliest) &&
        (role.to === undefined || earliest <= lastDay(role.to)),
    );
    if (covering) return covering;
  }
  return actor.roles.findLast((role) => role.from === undefined && role.to === undefined);
}

/** "Title, Organisation" for a role, or just the title. */
export function describeRole(role: Role): string {
  return role.organisation === undefined ? role.title : `${role.title}, ${role.organisation}`;
}

/**
 * Actors that share a display name must say what tells them apart, or a page would show two people
 * as one. Returns the pairs that do not.
 */
export function ambiguousNames(actors: readonly ActorRecord[]): ActorRecord[][] {
  const byName = Map.groupBy(actors, (actor) => actor.name.trim().toLowerCase());
  return [...byName.values()].filter(
    (group) =>
      group.length > 1 &&
      (group.some((a) => a.disambiguation === undefined) ||
        new Set(group.map((a) => a.disambiguation!.trim().toLowerCase())).size < group.length),
  );
}

/** Everything one actor said or did, across stories, newest first. */
export interface Appearances {
  quotes: { story: Story; quote: Quote }[];
  events: { story: Story; event: TimelineEvent }[];
  claims: { story: Story; claim: Claim; as: 'claimant' | 'disputer' }[];
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

/**
 * Every actor's quotes, events and claims across all stories, built in one pass over the corpus so
 * actor pages cost the same however many stories there are. Dated items come newest first; undated
 * quotes follow, from the newest story; claims, which carry no date, follow their stories.
 */
export function indexAppearances(stories: readonly Story[]): Map<string, Appearances> {
  const index = new Map<string, Appearances>();
  const of = (actor: ActorRecord) => {
    let entry = index.get(actor.id);
    if (!entry) index.set(actor.id, (entry = { quotes: [], events: [], claims: [] }));
    return entry;
  };
  const newestStoryFirst = [...stories].sort(
    (a, b) => b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug),
  );
  for (const story of newestStoryFirst) {
    for (const quote of story.quotes) of(quote.speaker).quotes.push({ story, quote });
    for (const event of story.events) for (const actor of event.actors) of(actor).events.push({ story, event });
    for (const claim of story.claims) {
      for (const actor of claim.claimants) of(actor).claims.push({ story, claim, as: 'claimant' });
      for (const actor of claim.disputedBy) of(actor).claims.push({ story, claim, as: 'disputer' });
    }
  }
  for (const entry of index.values()) {
    // Stable sorts: items that tie keep the newest-story-first order they were gathered in.
    entry.quotes.sort((a, b) =>
      newestFirst({ id: a.quote.id, date: a.quote.said }, { id: b.quote.id, date: b.quote.said }),
    );
    entry.events.sort((a, b) =>
      newestFirst({ id: a.event.id, date: a.event.when }, { id: b.event.id, date: b.event.when }),
    );
  }
  return index;
}
