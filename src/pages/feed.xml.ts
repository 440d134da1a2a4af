import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadCorpus } from '../loader/corpus.ts';
import { feedItems } from '../lib/outputs/feed.ts';
import { SITE_NAME } from '../lib/present/labels.ts';

/** The RSS feed: every story, in full, and every correction (src/lib/outputs/feed.ts). */
export const GET: APIRoute = async ({ site }) => {
  const { stories, actors } = await loadCorpus();
  return rss({
    title: SITE_NAME,
    description: 'News stories explained, with every quote checked against its source.',
    site: site!,
    items: feedItems(stories, { site: site!, actors }),
  });
};
