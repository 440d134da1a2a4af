import type {
  Account,
  ActorRecord,
  Claim,
  ClaimVersion,
  EventVersion,
  Quote,
  Source,
  Speaker,
  Story,
  TimelineEvent,
  Translation,
  UnnamedSpeaker,
} from '../lib/model/corpus.ts';

type SourceTranslation = Extract<Translation, { by: 'source' }>;

/**
 * The assembled story as the content store keeps it: plain data, with every reference to an actor,
 * source, quote or claim written as its id. The store serialises each entry on its own, so shared
 * objects (a speaker on ten quotes, a quote cited by a claim and an event) would otherwise be copied
 * into every place that names them. `storeStory` and `linkStory` are inverses (tests/unit/stored.test.ts).
 */

/** An actor by id; an unnamed speaker or holder as itself, with its affiliation by id. */
type StoredSpeaker = string | (Omit<UnnamedSpeaker, 'affiliation'> & { affiliation?: string | undefined });
type StoredAccount = Omit<Account, 'claimants'> & { claimants: StoredSpeaker[] };
type StoredTranslation =
  Exclude<Translation, { by: 'source' }> | (Omit<SourceTranslation, 'source'> & { source: string });
type StoredQuote = Omit<Quote, 'speaker' | 'source' | 'translation'> & {
  speaker: StoredSpeaker;
  source: string;
  translation?: StoredTranslation | undefined;
};
type StoredClaim = Omit<Claim, 'claimants' | 'disputedBy' | 'source' | 'quotes' | 'versions'> & {
  claimants: StoredSpeaker[];
  disputedBy: string[];
  source: string;
  quotes: string[];
  versions: (Omit<ClaimVersion, 'claimants' | 'quotes'> & StoredAccount & { quotes: string[] })[];
};
type StoredEvent = Omit<TimelineEvent, 'source' | 'actors' | 'quotes' | 'claims' | 'versions'> & {
  source: string;
  actors: string[];
  quotes: string[];
  claims: string[];
  versions: (Omit<EventVersion, 'claimants'> & StoredAccount)[];
};

export interface StoredStory extends Omit<Story, 'quotes' | 'claims' | 'events' | 'actors'> {
  quotes: StoredQuote[];
  claims: StoredClaim[];
  events: StoredEvent[];
  actors: string[];
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);

const storeSpeaker = (speaker: Speaker): StoredSpeaker =>
  speaker.kind === 'unnamed' ? { ...speaker, affiliation: speaker.affiliation?.id } : speaker.id;

const storeTranslation = (translation: Translation): StoredTranslation =>
  translation.by === 'source' ? { ...translation, source: translation.source.id } : translation;

export function storeStory(story: Story): StoredStory {
  return {
    ...story,
    quotes: story.quotes.map((q) => ({
      ...q,
      speaker: storeSpeaker(q.speaker),
      source: q.source.id,
      translation: q.translation && storeTranslation(q.translation),
    })),
    claims: story.claims.map((c) => ({
      ...c,
      claimants: c.claimants.map(storeSpeaker),
      disputedBy: ids(c.disputedBy),
      source: c.source.id,
      quotes: ids(c.quotes),
      versions: c.versions.map((v) => ({ ...v, claimants: v.claimants.map(storeSpeaker), quotes: ids(v.quotes) })),
    })),
    events: story.events.map((e) => ({
      ...e,
      source: e.source.id,
      actors: ids(e.actors),
      quotes: ids(e.quotes),
      claims: ids(e.claims),
      versions: e.versions.map((v) => ({ ...v, claimants: v.claimants.map(storeSpeaker) })),
    })),
    actors: ids(story.actors),
  };
}

/** Looks `id` up in `map`; a miss means the store and the actors disagree, which assembly rules out. */
function lookup<T>(map: ReadonlyMap<string, T>, id: string, what: string, slug: string): T {
  const found = map.get(id);
  if (found === undefined)
    throw new Error(`Stored story "${slug}" names ${what} "${id}", which the content store lacks`);
  return found;
}

export function linkStory(stored: StoredStory, actors: ReadonlyMap<string, ActorRecord>): Story {
  const { slug } = stored;
  const actor = (id: string) => lookup(actors, id, 'actor', slug);
  const sources = new Map<string, Source>(stored.sources.map((s) => [s.id, s]));
  const source = (id: string) => lookup(sources, id, 'source', slug);
  const speaker = (stored: StoredSpeaker): Speaker =>
    typeof stored === 'string'
      ? actor(stored)
      : { ...stored, affiliation: stored.affiliation === undefined ? undefined : actor(stored.affiliation) };
  const translation = (stored: StoredTranslation): Translation =>
    stored.by === 'source' ? { ...stored, source: source(stored.source) } : stored;
  const quotes = new Map<string, Quote>(
    stored.quotes.map((q) => [
      q.id,
      {
        ...q,
        speaker: speaker(q.speaker),
        source: source(q.source),
        translation: q.translation && translation(q.translation),
      },
    ]),
  );
  const quote = (id: string) => lookup(quotes, id, 'quote', slug);
  const claims = new Map<string, Claim>(
    stored.claims.map((c) => [
      c.id,
      {
        ...c,
        claimants: c.claimants.map(speaker),
        disputedBy: c.disputedBy.map(actor),
        source: source(c.source),
        quotes: c.quotes.map(quote),
        versions: c.versions.map((v) => ({ ...v, claimants: v.claimants.map(speaker), quotes: v.quotes.map(quote) })),
      },
    ]),
  );
  return {
    ...stored,
    quotes: [...quotes.values()],
    claims: [...claims.values()],
    events: stored.events.map((e) => ({
      ...e,
      source: source(e.source),
      actors: e.actors.map(actor),
      quotes: e.quotes.map(quote),
      claims: e.claims.map((id) => lookup(claims, id, 'claim', slug)),
      versions: e.versions.map((v) => ({ ...v, claimants: v.claimants.map(speaker) })),
    })),
    actors: stored.actors.map(actor),
  };
}
