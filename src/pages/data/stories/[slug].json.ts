import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCorpus, loadStory } from '../../../loader/corpus.ts';
import { toOpenData } from '../../../lib/outputs/opendata.ts';

const DATA_PATH = /^\/data\/stories\/([a-z0-9-]+)\.json$/;

/**
 * The story's quotes, claims and events as open data: /data/stories/<slug>.json. A redirected data
 * URL (a renamed story) serves the new story's data at the old address: a static host cannot answer
 * with a redirect, and the programs that read it expect the data itself.
 */
export const getStaticPaths = (async () => {
  const { stories, redirects } = await loadCorpus();
  const moved = redirects.flatMap((redirect) => {
    const from = DATA_PATH.exec(redirect.from)?.[1];
    const to = DATA_PATH.exec(redirect.to)?.[1];
    return from !== undefined && to !== undefined ? [{ params: { slug: from }, props: { story: to } }] : [];
  });
  return [...stories.map((story) => ({ params: { slug: story.slug }, props: { story: story.slug } })), ...moved];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ story: string }> = async ({ props, site }) => {
  const story = await loadStory(props.story);
  const { actors } = await loadCorpus();
  return new Response(JSON.stringify(toOpenData(story, site!, actors), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
