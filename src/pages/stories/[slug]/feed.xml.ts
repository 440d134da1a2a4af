import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadPublishedCorpus, loadStory } from '../../../loader/corpus.ts';
import { siteSettings } from '../../../loader/site.ts';
import { storyFeed } from '../../../lib/outputs/feed.ts';
import { pathsOf, ROUTES } from '../../../lib/present/routes.ts';

/**
 * A story's own RSS feed: the story and every correction or update to it (src/lib/outputs/feed.ts).
 * A redirected feed (a renamed story) serves the new story's feed at the old address.
 */
export const getStaticPaths = (async () =>
  pathsOf(ROUTES.storyFeed, await loadPublishedCorpus()).map(({ params, props }) => ({
    params,
    props,
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ story: string }> = async ({ props, site }) => {
  const story = await loadStory(props.story);
  const { actors } = await loadPublishedCorpus();
  return rss(storyFeed(story, { site: site!, actors }, siteSettings));
};
