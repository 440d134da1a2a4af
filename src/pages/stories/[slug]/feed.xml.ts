import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCorpus, loadStory } from '../../../loader/corpus.ts';
import { siteSettings } from '../../../loader/site.ts';
import { storyFeed } from '../../../lib/outputs/feed.ts';
import { pathsOf, ROUTES } from '../../../lib/present/routes.ts';

/** A story's own RSS feed: the story and every correction or update to it (src/lib/outputs/feed.ts). */
export const getStaticPaths = (async () =>
  pathsOf(ROUTES.storyFeed, await loadCorpus()).map(({ params }) => ({ params }))) satisfies GetStaticPaths;

export const GET: APIRoute<Record<string, never>, { slug: string }> = async ({ params, site }) => {
  const story = await loadStory(params.slug);
  const { actors } = await loadCorpus();
  return rss(storyFeed(story, { site: site!, actors }, siteSettings));
};
