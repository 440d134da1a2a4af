import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';

/**
 * What a build did, as data: the site's integration writes it at the end of every build
 * (src/integrations/index.ts), beside the content store in Astro's cache folder, and the tests and
 * the benchmark (tests/bench/run.ts) read it instead of the build's log lines, which stay for people.
 * A build that fails writes none (and removes the last one).
 */

const count = z.number().int().nonnegative();
const milliseconds = z.number().nonnegative();

/** The steps of a build's end, in the order they run. */
export const BUILD_END_STEPS = ['share cards', 'sitemap', 'search index', 'published URLs'] as const;

/** The share cards and the logo (src/integrations/shareCards.ts). */
export const cardsReportSchema = z.strictObject({
  /** Card files the site links to, one per story, per quote and the site's. */
  planned: count,
  /** Images drawn by this build (the logo among them when the favicon changed). */
  rendered: count,
  /** Images taken from the image cache, drawn by an earlier build. */
  reused: count,
  /** Cached images no page uses any more, deleted. */
  pruned: count,
  /** Cards drawn without part of their text, because no card font can draw it (each is also a warning in the log). */
  withFallback: count,
  /** The cards drawn on several threads: how many threads, and for how long; null when none were. */
  pool: z.strictObject({ threads: count, milliseconds }).nullable(),
});

/** The search index over the built pages (src/integrations/searchIndex.ts). */
export const searchReportSchema = z.strictObject({
  /** HTML pages Pagefind read (`INDEXED_PAGES` in src/lib/outputs/search.ts; it indexes those marked `data-pagefind-body`). */
  pages: count,
  /** Records added besides pages (claims). */
  records: count,
  /** The index itself: entry, metadata, word index, filter and fragment files, in bytes. */
  indexBytes: count,
  /** Pagefind's client files (script and WebAssembly) beside it, in bytes. */
  clientBytes: count,
});

/** The published-URL check (src/integrations/publishedUrls.ts); a URL not built fails the build first. */
export const publishedUrlsReportSchema = z.strictObject({
  /** Whether the content folder has a published-URL manifest to check against (a test fixture may not). */
  checked: z.boolean(),
  /** URLs the manifest listed, every one built again. */
  listed: count,
  /** URLs this build published that the manifest did not list. */
  unrecorded: count,
  /** Whether this build added them to the manifest and recorded what each page says (`npm run urls:update`). */
  updated: z.boolean(),
});

export const buildReportSchema = z.strictObject({
  /** Stories the site was built from. */
  stories: count,
  /** Pages Astro wrote, redirect pages included. */
  pages: count,
  /** The share cards and the logo. */
  cards: cardsReportSchema,
  /** Each step of the build's end, in the order it ran, and how long it took. */
  steps: z.array(z.strictObject({ step: z.enum(BUILD_END_STEPS), milliseconds })),
  /** The search index. */
  search: searchReportSchema,
  /** The published-URL check. */
  publishedUrls: publishedUrlsReportSchema,
});

export type BuildReport = z.output<typeof buildReportSchema>;
export type BuildEndStep = (typeof BUILD_END_STEPS)[number];

/** Where the build whose Astro cache folder (a URL, as Astro's config gives it, or a path) is `cacheDir` writes its report. */
export const buildReportPath = (cacheDir: URL | string): string =>
  join(typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir), 'build-report.json');

/** The report as JSON, checked against its schema on the way out as on the way in. */
export const formatBuildReport = (report: BuildReport): string =>
  JSON.stringify(buildReportSchema.parse(report), null, 2) + '\n';

/** The report the last build with this cache folder wrote; an error when it wrote none or another shape. */
export function readBuildReport(cacheDir: URL | string): BuildReport {
  const file = buildReportPath(cacheDir);
  return buildReportSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
