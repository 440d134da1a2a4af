import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { sitemapPlan, type SitemapFacts, type SitemapPlan } from '../lib/outputs/sitemap.ts';

/**
 * The sitemap (`/sitemap-index.xml`), written by @astrojs/sitemap at the build's end: every page but
 * the redirect pages, with `lastmod` from the content (src/lib/outputs/sitemap.ts). The stories' dates
 * and the redirects are those of the corpus the pages were built from, which the build plan carries
 * (`facts`, read when the sitemap is written), so the content folder is not read again.
 */
export function siteSitemap(facts: () => SitemapFacts): AstroIntegration {
  // Worked out once per build's facts: the filter and serializer ask for every page.
  const plans = new WeakMap<SitemapFacts, SitemapPlan>();
  const planned = (): SitemapPlan => {
    const current = facts();
    let plan = plans.get(current);
    if (plan === undefined) {
      plan = sitemapPlan(current.stories, current.redirectPaths);
      plans.set(current, plan);
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
