import { getCollection } from 'astro:content';
import { assembleCorpus, type Corpus } from './story';

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

export async function loadStory(slug: string) {
  const story = (await loadCorpus()).stories.find((s) => s.slug === slug);
  if (!story) throw new Error(`No story "${slug}" in content/stories/`);
  return story;
}
