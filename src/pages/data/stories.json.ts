import { siteSettings } from '../../loader/site.ts';
import type { APIRoute } from 'astro';
import { loadPublishedCorpus } from '../../loader/corpus.ts';
import { toStoriesIndex } from '../../lib/outputs/opendata.ts';

/** The index of the open data: every story with the address of its data (src/lib/outputs/opendata.ts). */
export const GET: APIRoute = async ({ site }) => {
  const { stories } = await loadPublishedCorpus();
  return new Response(JSON.stringify(toStoriesIndex(stories, site!, siteSettings.licences.data), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
