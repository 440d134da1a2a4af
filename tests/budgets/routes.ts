import { routeAt, urlPatternOf } from '../../src/lib/present/routes.ts';

/**
 * Page types: each built page's route in the site's route table (src/lib/present/routes.ts), found by
 * matching its URL's segments against the routes' patterns as Astro ranks them. The table is the truth
 * about which pages share a template; dist/ alone cannot tell that `/stories/only-story/` is one of
 * many when a site has a single story.
 */

/**
 * The page type of each URL path, named by its route's pattern as a URL (`/stories/[slug]/`). A path
 * no route serves is its own page type, so nothing goes unmeasured.
 */
export function groupPages(urlPaths: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const path of urlPaths) {
    const at = routeAt(path);
    const type = at === undefined ? path : urlPatternOf(at.route);
    groups.set(type, [...(groups.get(type) ?? []), path]);
  }
  return groups;
}
