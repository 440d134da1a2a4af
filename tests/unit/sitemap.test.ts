import { describe, expect, it } from 'vitest';
import { sitemapPlan } from '../../src/lib/outputs/sitemap';

/*
 * What the sitemap lists and each page's lastmod (src/lib/outputs/sitemap.ts). Not covered: the
 * sitemap @astrojs/sitemap writes from it (tests/e2e/feeds.spec.ts compares it with the built pages).
 */

const plan = sitemapPlan(
  [
    { slug: 'a', updated: '2024-03-02' },
    { slug: 'b', updated: '2024-05-01' },
  ],
  ['/stories/old/', '/stories/a/quotes/gone/'],
);
const at = (path: string) => `https://example.org${path}`;

describe('sitemapPlan', () => {
  it('lists pages, not files, no redirect page and no briefing (kept out of indexes, its story is the page to find)', () => {
    expect(plan.includes(at('/stories/a/'))).toBe(true);
    expect(plan.includes(at('/actors/ann/'))).toBe(true);
    expect(plan.includes(at('/stories/a/quotes/q.png'))).toBe(false);
    expect(plan.includes(at('/stories/old/'))).toBe(false);
    expect(plan.includes(at('/stories/a/quotes/gone/'))).toBe(false);
    expect(plan.includes(at('/stories/a/briefing/'))).toBe(false);
  });

  it('dates every page of a story by its update, and every other page by the newest update', () => {
    expect(plan.lastmod(at('/stories/a/'))).toBe('2024-03-02');
    expect(plan.lastmod(at('/stories/a/quotes/q/'))).toBe('2024-03-02');
    expect(plan.lastmod(at('/stories/b/briefing/'))).toBe('2024-05-01');
    expect(plan.lastmod(at('/'))).toBe('2024-05-01');
    expect(plan.lastmod(at('/page/2/'))).toBe('2024-05-01');
    expect(plan.lastmod(at('/actors/ann/'))).toBe('2024-05-01');
    expect(plan.lastmod(at('/search/'))).toBe('2024-05-01');
  });

  it('dates nothing on a site without stories', () => {
    expect(sitemapPlan([], []).lastmod(at('/'))).toBeUndefined();
  });
});
