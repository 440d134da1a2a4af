import { siteSettings } from '../../../loader/site.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadPublishedCorpus, loadStory } from '../../../loader/corpus.ts';
import { toOpenData } from '../../../lib/outputs/opendata.ts';
import { pathsOf, ROUTES } from '../../../lib/present/routes.ts';

/**
 * The story's quotes, claims and events as open data: /data/stories/<slug>.json. A redirected data
 * URL (a renamed story) serves the new story's data at the old address: a static host cannot answer
 * with a redirect, and the programs that read it expect the data itself.
 */
export const getStaticPaths = (async () =>
  pathsOf(ROUTES.storyData, await loadPublishedCorpus()).map(({ params, props }) => ({
    params,
    props,
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ story: string }> = async ({ props, site }) => {
  const story = await loadStory(props.story);
  const { actors } = await loadPublishedCorpus();
  return new Response(JSON.stringify(toOpenData(story, site!, actors, siteSettings.licences.data), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
