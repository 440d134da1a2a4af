import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadCorpus } from '../loader/corpus.ts';
import { siteFeed } from '../lib/outputs/feed.ts';
import { SITE_LANGUAGE } from '../lib/model/language.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/present/labels.ts';

/** The site's RSS feed: its newest stories and corrections (src/lib/outputs/feed.ts). */
export const GET: APIRoute = async ({ site }) => {
  const { stories, actors } = await loadCorpus();
  return rss(
    siteFeed(
      stories,
      { site: site!, actors },
      { name: SITE_NAME, description: SITE_DESCRIPTION, language: SITE_LANGUAGE },
    ),
  );
};
