import { claimRecord, type SearchRecord } from '../present/search.ts';
import type { BuildReport } from './buildreport.ts';
import type { toOpenData } from './opendata.ts';
import { SITE_LANGUAGE } from '../model/language.ts';
import { builtPagesGlob, ROUTES } from '../present/routes.ts';

/**
 * The search index's records that are not pages of their own, and the build's report on the index
 * (src/integrations/searchIndex.ts). Claims live on their story's page, at their anchor; the story's
 * open data (src/lib/outputs/opendata.ts) lists each with its text, status and URL, so the index
 * reads them there, after the build, rather than from a second copy of the content.
 */

type OpenData = ReturnType<typeof toOpenData>;

/** A record Pagefind indexes as it is given: its URL path on this site, its words, what it shows, what narrows it. */
export interface CustomRecord extends SearchRecord {
  url: string;
  content: string;
}

/**
 * One record per claim of these stories' open data, at its anchor on the story page. A file redirect
 * serves a story's data at an old address too (README, "Published URLs and redirects"): each claim
 * is listed once, by its URL.
 */
export function claimRecords(stories: readonly Pick<OpenData, 'slug' | 'title' | 'claims'>[]): CustomRecord[] {
  const records = new Map<string, CustomRecord>();
  for (const story of stories) {
    for (const claim of story.claims) {
      const { pathname, hash } = new URL(claim.url);
      records.set(pathname + hash, { url: pathname + hash, ...claimRecord(claim, story) });
    }
  }
  return [...records.values()];
}

/**
 * The built pages Pagefind reads, as a glob under the output folder: those that mark what is indexed
 * with `data-pagefind-body` (a story's page, a quote's, a person's). Pagefind would find nothing to
 * index in the others, but reading them (briefings, sources, the story list: a third of the HTML at
 * N = 1,000) takes a fifth of its time. tests/e2e/search.spec.ts checks that no other built page is marked.
 */
export const INDEXED_PAGES = builtPagesGlob([ROUTES.story, ROUTES.quote, ROUTES.actor]);

/** What indexing did, as the build's report gives it, and how long it took, for the build log. */
export type IndexingFigures = BuildReport['search'] & { milliseconds: number };

/** Pagefind's client as the search page loads it: the script, and the WebAssembly for the site's language. */
export const SEARCH_CLIENT_FILES: readonly string[] = ['pagefind.js', `wasm.${SITE_LANGUAGE}.pagefind`];

/** Whether a file Pagefind writes is part of the index (data that grows with the content) rather than its client. */
export function isIndexFile(name: string): boolean {
  return name === 'pagefind-entry.json' || /\.pf_[a-z]+$/.test(name);
}

/** The build log's line: `search index: 39 pages read, 11 claims added, index 38.3 KB (client 107.0 KB), 237 ms`. */
export function describeIndexing(figures: IndexingFigures): string {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  return (
    `search index: ${figures.pages} pages read, ${figures.records} claims added, ` +
    `index ${kb(figures.indexBytes)} (client ${kb(figures.clientBytes)}), ${Math.round(figures.milliseconds)} ms`
  );
}
