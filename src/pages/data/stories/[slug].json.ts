import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCorpus, loadStory } from '../../../lib/content';
import { toOpenData } from '../../../lib/opendata';

/** The story's quotes, claims and events as open data: /data/stories/<slug>.json. */
export const getStaticPaths = (async () => {
  const { stories } = await loadCorpus();
  return stories.map((story) => ({ params: { slug: story.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const story = await loadStory(params.slug!);
  return new Response(JSON.stringify(toOpenData(story, site!), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
