import type { DateValue } from '../model/date';
import type { Role } from '../model/entities';
import { compareDated } from '../model/chronology';
import {
  newestStoryFirst,
  type ActorRecord,
  type Claim,
  type Quote,
  type Story,
  type TimelineEvent,
} from '../model/corpus';

/** Actors as pages name and list them. */

/** "Title, Organisation" for a role, or just the title. */
export function describeRole(role: Role): string {
  return role.organisation === undefined ? role.title : `${role.title}, ${role.organisation}`;
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
  const byNewest = [...stories].sort(newestStoryFirst);
  for (const story of byNewest) {
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
