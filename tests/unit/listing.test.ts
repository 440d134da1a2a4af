import { describe, expect, it } from 'vitest';
import { listPageCount, listPages, STORIES_PER_PAGE } from '../../src/lib/present/listing';
import { storyListPath } from '../../src/lib/present/urls';

/*
 * The story list cut into pages (src/lib/present/listing.ts): the home page first, then /page/<n>/,
 * every item on exactly one page, in order. Not covered: the pages' markup and their navigation
 * (tests/e2e/feeds.spec.ts), and their weight (tests/budgets).
 */

describe('listPages', () => {
  it('puts the first page at the home page and the others at /page/<n>/', () => {
    expect(storyListPath(1)).toBe('/');
    expect(storyListPath(2)).toBe('/page/2/');
    expect(listPages([1, 2, 3, 4, 5], 2).map((page) => [storyListPath(page.number), page.items])).toEqual([
      ['/', [1, 2]],
      ['/page/2/', [3, 4]],
      ['/page/3/', [5]],
    ]);
  });

  it('keeps a home page for an empty site, and lists every item once, in order', () => {
    expect(listPages([])).toEqual([{ number: 1, items: [] }]);
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const pages = listPages(items);
    expect(pages).toHaveLength(listPageCount(1000));
    expect(pages.length).toBe(Math.ceil(1000 / STORIES_PER_PAGE));
    expect(pages.flatMap((page) => page.items)).toEqual(items);
    expect(pages.every((page) => page.items.length <= STORIES_PER_PAGE)).toBe(true);
  });
});
