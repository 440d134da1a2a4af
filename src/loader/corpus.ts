import { getCollection } from 'astro:content';
import { assembleCorpus, type Corpus, type Story } from '../lib/assemble/story';

/**
 * The one bridge from Astro's content collections to the assembled model. The corpus is assembled
 * once per build and shared by every page: pages never query collections themselves.
 */
let corpus: Promise<Corpus> | undefined;

export function loadCorpus(): Promise<Corpus> {
  corpus ??= (async () =>
    assembleCorpus({
      actors: await getCollection('actors'),
      stories: await getCollection('stories'),
      sources: await getCollection('sources'),
      quotes: await getCollection('quotes'),
      claims: await getCollection('claims'),
      events: await getCollection('events'),
      redirects: await getCollection('redirects'),
    }))();
  return corpus;
}

/** Stories by slug, so each page finds its own without scanning every story (quadratic over a build). */
let bySlug: Promise<Map<string, Story>> | undefined;

export async function loadStory(slug: string) {
  bySlug ??= loadCorpus().then(({ stories }) => new Map(stories.map((story) => [story.slug, story])));
  const story = (await bySlug).get(slug);
  if (!story) throw new Error(`No story "${slug}" in content/stories/`);
  return story;
}
