import { getCollection } from 'astro:content';
import { withoutDrafts } from '../lib/assemble/drafts.ts';
import { newestStoryFirst, type Corpus, type Story } from '../lib/model/corpus.ts';
import type { StoredProblems } from './contentLoader.ts';
import { linkStory } from './stored.ts';
import { storyFiles } from './storyFiles.ts';

/**
 * The one bridge from Astro's content collections to the assembled model. The loader assembled the
 * corpus at sync (src/loader/contentLoader.ts); here its stored form (each story's from the file its
 * entry names, read once while it is named, src/loader/storyFiles.ts) is linked back into objects,
 * once per build, and shared by every page: pages never query collections themselves. `loadCorpus`
 * is every story the build makes pages for, drafts too on the dev server and in a preview; what
 * reaches beyond a story's own pages reads `loadPublishedCorpus`.
 */
let corpus: Promise<Corpus> | undefined;

export function loadCorpus(): Promise<Corpus> {
  corpus ??= (async () => {
    const actors = new Map((await getCollection('actors')).map(({ id, data }) => [id, data]));
    const authors = new Map((await getCollection('authors')).map(({ id, data }) => [id, data]));
    const entries = (await getCollection('stories')).map(({ data }) => data);
    const stories = storyFiles.stories(entries).map((stored) => linkStory(stored, actors));
    stories.sort(newestStoryFirst);
    const redirects = (await getCollection('redirects')).map(({ data }) => data);
    redirects.sort((a, b) => a.from.localeCompare(b.from));
    return { stories, actors, authors, redirects };
  })();
  return corpus;
}

/**
 * The corpus as published, drafts left out (src/lib/assemble/drafts.ts): what every output that
 * reaches readers beyond a story's own pages reads: feeds, the sitemap, open data, the search index,
 * lists of stories, other pages' cards and JSON-LD. In a production build the loader has already
 * left drafts out, and this is the same corpus; on the dev server and in a preview it is the one place
 * they are filtered, so a draft shows only on its own pages (README, "Drafts").
 */
let published: Promise<Corpus> | undefined;

export function loadPublishedCorpus(): Promise<Corpus> {
  published ??= loadCorpus().then(withoutDrafts);
  return published;
}

/** Stories by slug, so each page finds its own without scanning every story (quadratic over a build). */
let bySlug: Promise<Map<string, Story>> | undefined;

export async function loadStory(slug: string) {
  bySlug ??= loadCorpus().then(({ stories }) => new Map(stories.map((story) => [story.slug, story])));
  const story = (await bySlug).get(slug);
  if (!story) throw new Error(`No story "${slug}" in content/stories/`);
  return story;
}

/**
 * The problems that keep the dev server on the last good content, as the terminal shows them; none
 * when the content is valid. Read afresh on every page: they change while the server runs.
 */
export async function loadContentProblems(): Promise<StoredProblems['problems']> {
  return (await getCollection('contentProblems')).flatMap(({ data }) => data.problems);
}
