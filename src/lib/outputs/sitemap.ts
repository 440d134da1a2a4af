import { hrefOf, liveHrefs, ROUTES } from '../present/routes.ts';
import { storySlugOf } from '../present/urls.ts';

/**
 * What the sitemap (@astrojs/sitemap, src/integrations/sitemap.ts) lists, and when each page last
 * changed. Pages only (URLs ending in `/`; files such as share cards and data are not pages), and no
 * redirect page: a search engine should index where a moved page went, not the old address. A page of
 * a story changes when the story is updated, so it carries the story's `updated`; the pages of the
 * story list change whenever any story does, so they carry the newest `updated`.
 */

export interface SitemapPlan {
  /** Whether the sitemap lists this absolute URL. */
  includes(url: string): boolean;
  /** The day the page at this absolute URL last changed, `YYYY-MM-DD`, where the content says. */
  lastmod(url: string): string | undefined;
}

export function sitemapPlan(
  stories: readonly { slug: string; updated: string }[],
  redirectPaths: readonly string[],
): SitemapPlan {
  const redirects = new Set(redirectPaths);
  const updated = new Map(stories.map((story) => [story.slug, story.updated]));
  const newest = stories
    .map((story) => story.updated)
    .sort()
    .at(-1);
  const listPaths = new Set([hrefOf(ROUTES.home, {}), ...liveHrefs(ROUTES.storyList, { stories })]);
  const pathOf = (url: string) => new URL(url).pathname;
  return {
    includes: (url) => {
      const path = pathOf(url);
      return path.endsWith('/') && !redirects.has(path);
    },
    lastmod: (url) => {
      const path = pathOf(url);
      if (listPaths.has(path)) return newest;
      const slug = storySlugOf(path);
      return slug === undefined ? undefined : updated.get(slug);
    },
  };
}

/** What the sitemap needs from the corpus a build's pages were made from. */
export interface SitemapFacts {
  stories: { slug: string; updated: string }[];
  /** The old paths that redirect pages stand at. */
  redirectPaths: string[];
}
