import { folderOf, hrefOf, ROUTES, routeAt, SCHEMA_KINDS } from './routes.ts';

/**
 * The site's URL paths, built in one place because they are permanent once published (README,
 * "Published URLs and redirects"). Every part comes from a file name (a story's folder, a quote's or source's file), never
 * from a position or a text, so editing a quote's words keeps its URL.
 *
 * The paths come from the route table (./routes.ts), where each kind of page declares its pattern once.
 *
 * Also addresses as readers meet them on paper: on screen a link is clicked; in print its address is
 * the only way to follow it, so it is printed after the link, without the parts nobody types.
 */

interface QuoteRef {
  /** The story's slug. */
  slug: string;
  /** The quote's id: its file name. */
  id: string;
  /** Its fragment id on every page that shows it (`q-<id>`, set by assembly). */
  anchor: string;
}

export function storyPath(slug: string): string {
  return hrefOf(ROUTES.story, { slug });
}

/** A story's own feed: the story and every correction or update to it. */
export function storyFeedPath(slug: string): string {
  return hrefOf(ROUTES.storyFeed, { slug });
}

/** The slug of the story a path belongs to (`/stories/<slug>/…`, a page or file of the story), or undefined for any other path. */
export function storySlugOf(path: string): string | undefined {
  return routeAt(path)?.params.slug;
}

/** A quote, claim or event on the story page, by its anchor (`q-…`, `c-…`, `e-…`). */
export function inStoryPath(slug: string, anchor: string): string {
  return `${storyPath(slug)}#${anchor}`;
}

/** The quote's card on the story page. */
export function quoteInStoryPath(quote: QuoteRef): string {
  return inStoryPath(quote.slug, quote.anchor);
}

/** The quote's own page. */
export function quotePath(quote: Pick<QuoteRef, 'slug' | 'id'>): string {
  return hrefOf(ROUTES.quote, { slug: quote.slug, quote: quote.id });
}

/** The quote's share card image (1200x630 PNG). */
export function quoteImagePath(quote: Pick<QuoteRef, 'slug' | 'id'>): string {
  return hrefOf(ROUTES.quoteCard, { slug: quote.slug, quote: quote.id });
}

/** The story's own card for link previews (1200x630 PNG): its headline, dek and dates. */
export function storyImagePath(slug: string): string {
  return hrefOf(ROUTES.storyCard, { slug });
}

/** The site's card, the link-preview image of pages that have none of their own (1200x630 PNG). */
export const SITE_IMAGE_PATH = hrefOf(ROUTES.siteCard, {});

/** The site's logo as a PNG, drawn from the configured logo: structured data asks for a raster image. */
export const LOGO_PATH = hrefOf(ROUTES.logo, {});

/** The logo as a 32-pixel PNG icon. */
export const FAVICON_PNG_PATH = hrefOf(ROUTES.favicon, {});

/** The logo as iOS's home-screen icon, 180 pixels. */
export const TOUCH_ICON_PATH = hrefOf(ROUTES.touchIcon, {});

/** The web manifest. */
export const WEB_MANIFEST_PATH = hrefOf(ROUTES.webManifest, {});

/** The site's RSS feed: its newest stories and corrections (src/lib/outputs/feed.ts). */
export const FEED_PATH = hrefOf(ROUTES.feed, {});

/** What a host serves for an address it has no file for. */
export const NOT_FOUND_PATH = hrefOf(ROUTES.notFound, {});

/** An author's page: who they are, and the stories they wrote or edited. */
export function authorPath(id: string): string {
  return hrefOf(ROUTES.author, { author: id });
}

/** The newsroom's own pages, which every page's footer links and the publisher's JSON-LD names. */
export const STANDARDS_PATHS = {
  about: hrefOf(ROUTES.about, {}),
  standards: hrefOf(ROUTES.standards, {}),
  corrections: hrefOf(ROUTES.corrections, {}),
  contact: hrefOf(ROUTES.contact, {}),
} as const;

export function sourcePath(slug: string, sourceId: string): string {
  return hrefOf(ROUTES.source, { slug, source: sourceId });
}

/**
 * Where the quote's words, or the sentence a paraphrase restates, are highlighted in the source text;
 * undefined when the content does not record where (a paraphrase without `passage`).
 */
export function quoteInSourcePath(
  quote: QuoteRef & { source: { id: string }; span?: unknown; passage?: unknown },
): string | undefined {
  if (quote.span === undefined && quote.passage === undefined) return undefined;
  return `${sourcePath(quote.slug, quote.source.id)}#${quote.anchor}`;
}

/** The story's one-page printable briefing. */
export function briefingPath(slug: string): string {
  return hrefOf(ROUTES.briefing, { slug });
}

/** The folder of the stories' open data, under the site's root. */
export const STORY_DATA_FOLDER = folderOf(ROUTES.storyData);

/** The story's open data. */
export function dataPath(slug: string): string {
  return hrefOf(ROUTES.storyData, { slug });
}

/** The search page. */
export const SEARCH_PATH = hrefOf(ROUTES.search, {});

/**
 * The folder of the search index and its client (Pagefind's), under the site's root: written after
 * the build, its file names change with the content, and only the search page's script loads them.
 */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/** The index of the open data: every story with the address of its data. */
export const STORIES_DATA_PATH = hrefOf(ROUTES.storiesData, {});

/** The verifier anyone can run on the open data (README, "Check it yourself"). */
export const VERIFIER_PATH = hrefOf(ROUTES.verifier, {});

/** The JSON Schemas of the open data: one story's file, and the index. */
export const SCHEMA_PATHS = Object.fromEntries(
  SCHEMA_KINDS.map((kind) => [kind, hrefOf(ROUTES.schema, { kind })]),
) as Record<(typeof SCHEMA_KINDS)[number], string>;

/** The sitemap that search engines are pointed to (robots.txt); @astrojs/sitemap writes it. */
export const SITEMAP_PATH = hrefOf(ROUTES.sitemap, {});

/** A page of the story list, from 1: the first is the home page, the others `/page/<n>/`. */
export function storyListPath(page: number): string {
  return page === 1 ? hrefOf(ROUTES.home, {}) : hrefOf(ROUTES.storyList, { page: String(page) });
}

export function actorPath(actorId: string): string {
  return hrefOf(ROUTES.actor, { actor: actorId });
}

/** The absolute address of a path on this site, e.g. for a QR code or a printed link. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (site === undefined) throw new Error(`absoluteUrl: no \`site\` in astro.config.mjs to make "${path}" absolute`);
  return new URL(path, site).href;
}

const ELLIPSIS = '…';

/**
 * An address as it is printed: no scheme, no `www.`, and, when longer than `maxLength` characters,
 * the middle of the path replaced by an ellipsis. The host is always kept whole, as is the end of
 * the path where it fits, since those are what identify the page.
 *
 * "https://www.example.org/a/b/c/story-name/" -> "example.org/a/…/story-name/" (when too long)
 */
export function shortenUrl(url: string, maxLength = 48): string {
  const { host, pathname, search } = new URL(url);
  const bare = `${host.replace(/^www\./, '')}${pathname === '/' && search === '' ? '' : pathname}${search}`;
  if (bare.length <= maxLength) return bare;

  const hostPart = host.replace(/^www\./, '');
  const trailing = pathname.endsWith('/') ? '/' : '';
  const segments = pathname.split('/').filter((s) => s !== '');
  const last = `${segments.at(-1) ?? ''}${trailing}${search}`;
  const candidates = [
    segments.length > 2 ? `${hostPart}/${segments[0]}/${ELLIPSIS}/${last}` : undefined,
    `${hostPart}/${ELLIPSIS}/${last}`,
  ];
  for (const candidate of candidates) {
    if (candidate !== undefined && candidate.length <= maxLength) return candidate;
  }
  // Even the last segment is too long: keep its start, which usually carries the words.
  const room = maxLength - hostPart.length - `/${ELLIPSIS}/`.length - ELLIPSIS.length;
  return room > 0 ? `${hostPart}/${ELLIPSIS}/${last.slice(0, room)}${ELLIPSIS}` : `${hostPart}/${ELLIPSIS}`;
}
