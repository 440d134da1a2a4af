import type { DateValue } from '../model/date';
import { describeRole, type ActorLookup } from '../present/actors';
import { datetimeValues, formatDate } from '../present/dates';
import { passageInFull } from '../present/quotes';
import { isUnnamed, type ActorRecord, type Account, type Speaker, type Story } from '../model/corpus';
import { absoluteUrl, inStoryPath, storyPath } from '../present/urls';

/**
 * A story as open data (`/data/stories/<slug>.json`): its quotes, claims and events with the ids and
 * anchors the pages use, so anyone can cite, check or reuse them. References are ids; the actors
 * and sources they point to are listed alongside. Dates keep what the source said apart from what
 * we inferred, exactly as the content does, plus the words and machine values the pages show.
 *
 * A quote's `speaker` is an actor id, or for a speaker the source does not name
 * `{ unnamed: true, description, affiliation }` (the source's description; the actor id the source
 * ties them to, or null): never an id, so no program can take two unnamed speakers for one. A
 * contested claim lists its competing `versions`, each with who gives it (`claimants`, and
 * `sourceVoice` when the source itself does) and its evidence. An event's `sameAs` names the same
 * real event in other stories. `corrections` lists every correction and update, newest first: the
 * quote or claim it changed, by id, and what it said before (`was`, by field).
 */

const dated = (date: DateValue | undefined) =>
  date === undefined ? null : { ...date, inWords: formatDate(date), datetime: datetimeValues(date) };

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

const speakerData = (speaker: Speaker) =>
  isUnnamed(speaker)
    ? { unnamed: true as const, description: speaker.description, affiliation: speaker.affiliation?.id ?? null }
    : speaker.id;

const accountData = (account: Account) => ({ claimants: ids(account.claimants), sourceVoice: account.sourceVoice });

/** The story as open data; `actors` names the organisations roles belong to. */
export function toOpenData(story: Story, site: URL, actors: ActorLookup) {
  const inStory = (anchor: string) => absoluteUrl(inStoryPath(story.slug, anchor), site);
  // Every actor an id refers to is listed: the story's, and the organisations its speakers' roles name.
  const listed = new Map(story.actors.map((actor) => [actor.id, actor]));
  for (const { role } of story.quotes) {
    const organisation = role?.of === undefined ? undefined : actors.get(role.of);
    if (organisation) listed.set(organisation.id, organisation);
  }
  return {
    slug: story.slug,
    url: absoluteUrl(storyPath(story.slug), site),
    title: story.title,
    dek: story.dek,
    bottomLine: story.bottomLine,
    published: story.published,
    updated: story.updated,
    corrections: story.corrections.map((correction) => ({
      id: correction.anchor,
      url: inStory(correction.anchor),
      date: correction.date,
      kind: correction.kind,
      quote: correction.quote ?? null,
      claim: correction.claim ?? null,
      was: correction.was,
      note: correction.note,
    })),
    quotes: story.quotes.map((quote) => ({
      id: quote.id,
      url: inStory(quote.anchor),
      words: quote.words,
      lang: quote.lang,
      translation:
        quote.translation === undefined
          ? null
          : {
              words: quote.translation.words,
              by: quote.translation.by,
              source: quote.translation.by === 'source' ? quote.translation.source.id : null,
            },
      form: quote.form,
      medium: quote.medium,
      speaker: speakerData(quote.speaker),
      role: quote.role ? describeRole(quote.role, actors) : null,
      roleOf: quote.role?.of ?? null,
      said: dated(quote.said),
      source: quote.source.id,
      attribution: quote.attribution ?? null,
      claims: quote.claims,
      events: quote.events,
    })),
    claims: story.claims.map((claim) => ({
      id: claim.id,
      url: inStory(claim.anchor),
      text: claim.text,
      status: claim.status,
      claimants: ids(claim.claimants),
      disputedBy: ids(claim.disputedBy),
      source: claim.source.id,
      quotes: ids(claim.quotes),
      passages: claim.passages.map((span) => passageInFull(span, claim.source.text)),
      versions: claim.versions.map((version) => ({
        text: version.text,
        ...accountData(version),
        quotes: ids(version.quotes),
        passages: version.passages.map((span) => passageInFull(span, claim.source.text)),
      })),
    })),
    events: story.events.map((event) => ({
      id: event.id,
      url: inStory(event.anchor),
      title: event.title,
      when: dated(event.when),
      versions: event.versions.map((version) => ({
        when: dated(version.when),
        ...accountData(version),
        passages: version.passages.map((span) => passageInFull(span, event.source.text)),
      })),
      status: event.status,
      movedTo: dated(event.movedTo),
      text: event.text,
      source: event.source.id,
      actors: ids(event.actors),
      quotes: ids(event.quotes),
      claims: ids(event.claims),
      sameAs: event.sameAs.map((other) => {
        const [slug = '', id = ''] = other.split('/');
        return { id: other, url: absoluteUrl(inStoryPath(slug, `e-${id}`), site) };
      }),
    })),
    actors: [...listed.values()].map((actor: ActorRecord) => ({
      id: actor.id,
      name: actor.name,
      kind: actor.kind,
      disambiguation: actor.disambiguation ?? null,
    })),
    sources: story.sources.map((source) => ({
      id: source.id,
      title: source.title,
      publisher: source.publisher ?? null,
      url: source.url ?? null,
      published: dated(source.published),
      lang: source.lang,
    })),
  };
}
