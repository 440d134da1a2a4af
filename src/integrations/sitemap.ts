import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { builtSitemapFacts, sitemapPlan, type SitemapPlan } from '../lib/outputs/sitemap.ts';

/**
 * The sitemap (`/sitemap-index.xml`), written by @astrojs/sitemap after the build: every page but the
 * redirect pages, with `lastmod` from the content (src/lib/outputs/sitemap.ts). The stories' dates and
 * the redirects are those of the corpus the pages were built from, which the corpus loader notes
 * (src/loader/corpus.ts), so the content folder is not read again.
 */
export function siteSitemap(): AstroIntegration {
  let plan: SitemapPlan | undefined;
  const planned = (): SitemapPlan => {
    if (plan === undefined) {
      const facts = builtSitemapFacts();
      if (facts === undefined)
        throw new Error('Sitemap: no page of this build loaded the corpus (src/loader/corpus.ts)');
      plan = sitemapPlan(facts.stories, facts.redirectPaths);
    }
    return plan;
  };
  return sitemap({
    filter: (url) => planned().includes(url),
    serialize: (item) => {
      const lastmod = planned().lastmod(item.url);
      return lastmod === undefined ? item : { ...item, lastmod };
    },
  });
}
