/**
 * Page types: the route files under src/pages, matched against the HTML files in dist/. The route
 * files are the truth about which pages share a template; dist/ alone cannot tell that
 * `/stories/only-story/` is one of many when a site has a single story.
 */

export type Segment = { kind: 'static'; value: string } | { kind: 'param' } | { kind: 'rest' };

export interface Route {
  /** The page type as a person reads it: `/stories/[slug]/`, `/`. */
  pattern: string;
  segments: Segment[];
}

const PAGE_FILE = /\.(astro|md|mdx|html)$/;

/** The route a file under src/pages serves (path relative to src/pages), or none for endpoints and private files. */
export function routeOf(pageFile: string): Route | undefined {
  if (!PAGE_FILE.test(pageFile)) return undefined;
  const parts = pageFile.replace(PAGE_FILE, '').split('/');
  // Astro ignores files and folders whose name starts with an underscore.
  if (parts.some((part) => part.startsWith('_'))) return undefined;
  if (parts.at(-1) === 'index') parts.pop();
  const segments = parts.map((part): Segment => {
    if (/^\[\.\.\.[^\]]+\]$/.test(part)) return { kind: 'rest' };
    if (/^\[[^\]]+\]$/.test(part)) return { kind: 'param' };
    return { kind: 'static', value: part };
  });
  const pattern = parts.length === 0 ? '/' : `/${parts.join('/')}/`;
  return { pattern, segments };
}

/** The URL path a built HTML file answers (`stories/a/index.html` -> `/stories/a/`, `404.html` -> `/404/`). */
export function urlPathOf(htmlFile: string): string {
  const path = htmlFile.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '/');
  return `/${path}`.replace(/\/+$/, '') + '/';
}

const rank = { static: 0, param: 1, rest: 2 } as const;

/** Astro's priority: at the first segment where two routes differ, static beats a parameter beats a rest parameter. */
function compareRoutes(a: Route, b: Route): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (!x || !y) return x ? -1 : 1;
    if (rank[x.kind] !== rank[y.kind]) return rank[x.kind] - rank[y.kind];
  }
  return 0;
}

function matches(segments: Segment[], parts: string[]): boolean {
  const [first, ...rest] = segments;
  if (!first) return parts.length === 0;
  if (first.kind === 'rest') return parts.length > 0;
  if (parts.length === 0) return false;
  if (first.kind === 'static' && first.value !== parts[0]) return false;
  return matches(rest, parts.slice(1));
}

/**
 * The page type of each URL path: the most specific route that matches it. A path no route matches
 * (a redirect page, a page an integration adds) is its own page type, so nothing goes unmeasured.
 */
export function groupPages(urlPaths: string[], routes: Route[]): Map<string, string[]> {
  const ordered = [...routes].sort(compareRoutes);
  const groups = new Map<string, string[]>();
  for (const path of urlPaths) {
    const parts = path.split('/').filter(Boolean);
    const pattern = ordered.find((route) => matches(route.segments, parts))?.pattern ?? path;
    groups.set(pattern, [...(groups.get(pattern) ?? []), path]);
  }
  return groups;
}
