import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { readContent } from '../lib/content/read';
import { sitemapPlan, type SitemapPlan } from '../lib/outputs/sitemap';

/**
 * The sitemap (`/sitemap-index.xml`), written by @astrojs/sitemap after the build: every page but the
 * redirect pages, with `lastmod` from the content (src/lib/outputs/sitemap.ts). The stories' dates
 * and the redirects are read from the content folder once the build is done, when the content loader
 * has already checked the folder (an invalid one stops the build before any page is written).
 */
export function siteSitemap({ contentDir }: { contentDir: string }): AstroIntegration {
  let plan: SitemapPlan | undefined;
  const planned = (): SitemapPlan => {
    if (plan === undefined) {
      const { files } = readContent(contentDir, process.cwd(), ['stories']);
      plan = sitemapPlan(
        files.stories.map((story) => ({ slug: story.id, updated: story.data.updated })),
        files.redirects.map((redirect) => redirect.id),
      );
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
