import { ROUTES, routeAt } from '../present/routes.ts';
import { storySlugOf } from '../present/urls.ts';

/**
 * What the sitemap (@astrojs/sitemap, src/integrations/sitemap.ts) lists, and when each page last
 * changed. Pages only (URLs ending in `/`; files such as share cards and data are not pages), no
 * redirect page (a search engine should index where a moved page went, not the old address), and no
 * briefing (a story's printable form, kept out of indexes by its `noindex`: the story is the page to
 * find). Every page listed has a `lastmod`: a page of a story changes when the story is updated, so it
 * carries the story's `updated`; every other page (the story list, actors, search, the 404 page) shows
 * what the stories say, so it carries the newest `updated`.
 */

export interface SitemapPlan {
  /** Whether the sitemap lists this absolute URL. */
  includes(url: string): boolean;
  /** The day the page at this absolute URL last changed, `YYYY-MM-DD`; undefined for a site without stories. */
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
  const pathOf = (url: string) => new URL(url).pathname;
  return {
    includes: (url) => {
      const path = pathOf(url);
      // A page of a story the facts do not list is a draft's, in a preview build (src/lib/assemble/drafts.ts).
      const slug = storySlugOf(path);
      if (slug !== undefined && !updated.has(slug)) return false;
      return path.endsWith('/') && !redirects.has(path) && routeAt(path)?.route !== ROUTES.briefing;
    },
    lastmod: (url) => {
      const slug = storySlugOf(pathOf(url));
      return (slug === undefined ? undefined : updated.get(slug)) ?? newest;
    },
  };
}

/** What the sitemap needs from the corpus a build's pages were made from. */
export interface SitemapFacts {
  /** The published stories: no draft's page is listed. */
  stories: { slug: string; updated: string }[];
  /** The old paths that redirect pages stand at. */
  redirectPaths: string[];
}
