import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadCorpus } from '../loader/corpus.ts';
import { feedItems } from '../lib/outputs/feed.ts';
import { siteSettings } from '../loader/site.ts';

/** The RSS feed: every story, in full, and every correction (src/lib/outputs/feed.ts). */
export const GET: APIRoute = async ({ site }) => {
  const { stories, actors } = await loadCorpus();
  return rss({
    title: siteSettings.name,
    description: siteSettings.description,
    customData: `<language>${siteSettings.language}</language>`,
    site: site!,
    items: feedItems(stories, { site: site!, actors }),
  });
};
