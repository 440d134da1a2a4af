/**
 * The site's URL paths, built in one place because they are permanent once published (DESIGN.md,
 * "URLs"). Every part comes from a file name (a story's folder, a quote's or source's file), never
 * from a position or a text, so editing a quote's words keeps its URL.
 */

interface QuoteRef {
  /** The story's slug. */
  slug: string;
  /** The quote's id: its file name. */
  id: string;
}

export function storyPath(slug: string): string {
  return `/stories/${slug}/`;
}

/** The quote's card on the story page. */
export function quoteInStoryPath(quote: QuoteRef): string {
  return `${storyPath(quote.slug)}#q-${quote.id}`;
}

/** The quote's own page. */
export function quotePath(quote: QuoteRef): string {
  return `${storyPath(quote.slug)}quotes/${quote.id}/`;
}

/** The quote's share card image (1200x630 PNG). */
export function quoteImagePath(quote: QuoteRef): string {
  return `${storyPath(quote.slug)}quotes/${quote.id}.png`;
}

export function sourcePath(slug: string, sourceId: string): string {
  return `${storyPath(slug)}sources/${sourceId}/`;
}

/**
 * Where the quote's words, or the sentence a paraphrase restates, are highlighted in the source text;
 * undefined when the content does not record where (a paraphrase without `passage`).
 */
export function quoteInSourcePath(quote: QuoteRef & { source: { id: string }; span?: unknown; passage?: unknown }): string | undefined {
  if (quote.span === undefined && quote.passage === undefined) return undefined;
  return `${sourcePath(quote.slug, quote.source.id)}#q-${quote.id}`;
}

export function actorPath(actorId: string): string {
  return `/actors/${actorId}/`;
}

/** A site path as an absolute URL on the public origin (`site` in astro.config.mjs). */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}
