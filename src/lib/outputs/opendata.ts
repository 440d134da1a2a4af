import type { DateValue } from '../model/date';
import { describeRole } from '../present/actors';
import { datetimeValues, formatDate } from '../present/dates';
import type { Story } from '../model/corpus';
import { absoluteUrl, inStoryPath, storyPath } from '../present/urls';

/**
 * A story as open data (`/data/stories/<slug>.json`): its quotes, claims and events with the ids and
 * anchors the pages use, so anyone can cite, check or reuse them. References are ids; the actors
 * and sources they point to are listed alongside. Dates keep what the source said apart from what
 * we inferred, exactly as the content does, plus the words and machine values the pages show.
 */

const dated = (date: DateValue | undefined) =>
  date === undefined ? null : { ...date, inWords: formatDate(date), datetime: datetimeValues(date) };

export function toOpenData(story: Story, site: URL) {
  const inStory = (anchor: string) => absoluteUrl(inStoryPath(story.slug, anchor), site);
  return {
    slug: story.slug,
    url: absoluteUrl(storyPath(story.slug), site),
    title: story.title,
    dek: story.dek,
    bottomLine: story.bottomLine,
    published: story.published,
    updated: story.updated,
    quotes: story.quotes.map((quote) => ({
      id: quote.id,
      url: inStory(quote.anchor),
      words: quote.words,
      form: quote.form,
      medium: quote.medium,
      speaker: quote.speaker.id,
      role: quote.role ? describeRole(quote.role) : null,
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
      claimants: claim.claimants.map((actor) => actor.id),
      disputedBy: claim.disputedBy.map((actor) => actor.id),
      source: claim.source.id,
      quotes: claim.quotes.map((quote) => quote.id),
    })),
    events: story.events.map((event) => ({
      id: event.id,
      url: inStory(event.anchor),
      title: event.title,
      when: dated(event.when),
      text: event.text,
      source: event.source.id,
      actors: event.actors.map((actor) => actor.id),
      quotes: event.quotes.map((quote) => quote.id),
      claims: event.claims.map((claim) => claim.id),
    })),
    actors: story.actors.map((actor) => ({
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
    })),
  };
}
