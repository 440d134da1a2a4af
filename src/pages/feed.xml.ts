import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadPublishedCorpus } from '../loader/corpus.ts';
import { siteSettings } from '../loader/site.ts';
import { siteFeed } from '../lib/outputs/feed.ts';

/** The site's RSS feed: its newest stories and corrections (src/lib/outputs/feed.ts). */
export const GET: APIRoute = async ({ site }) => {
  const { stories, actors } = await loadPublishedCorpus();
  return rss(siteFeed(stories, { site: site!, actors }, siteSettings));
};
