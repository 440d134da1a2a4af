/**
 * The list of stories, newest first, cut into pages so that the home page weighs the same at 10 or
 * 10,000 stories: the first page is the home page, the others `/page/<n>/`. Every page links every
 * other, so any story is two clicks from the home page: its list page, then the story.
 */

/** Stories on one page of the list. */
export const STORIES_PER_PAGE = 25;

export interface ListPage<T> {
  /** The page's number, from 1: its URL path is `storyListPath(number)` (src/lib/present/urls.ts). */
  number: number;
  /** What it lists, in the order given. */
  items: T[];
}

/** How many pages `count` stories take; an empty site still has its home page. */
export function listPageCount(count: number, perPage = STORIES_PER_PAGE): number {
  return Math.max(1, Math.ceil(count / perPage));
}

/** The list cut into pages, in order. */
export function listPages<T>(items: readonly T[], perPage = STORIES_PER_PAGE): ListPage<T>[] {
  return Array.from({ length: listPageCount(items.length, perPage) }, (_, index) => ({
    number: index + 1,
    items: items.slice(index * perPage, (index + 1) * perPage),
  }));
}
