import type { AstroIntegrationLogger } from 'astro';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_LANGUAGE } from '../lib/model/language.ts';
import type { BuildReport } from '../lib/outputs/buildreport.ts';
import type { claimRecords } from '../lib/outputs/search.ts';
import { SEARCH_INDEX_FOLDER, STORY_DATA_FOLDER } from '../lib/present/urls.ts';

type StoryData = Parameters<typeof claimRecords>[0][number];

/** The files under `dir`, with their names and sizes. */
function filesIn(dir: string): { path: string; name: string; size: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, name: entry.name, size: statSync(path).size };
    });
}

/**
 * A step of every build's end (src/integrations/index.ts): Pagefind indexes
 * the built pages through its Node API, adds each claim from the stories' open data, and writes the
 * index and its client to `/pagefind/` beside them, for the search page. It returns what it indexed
 * and the bytes, for the build's report; one log line says the same, with the time. Any error
 * Pagefind reports fails the build.
 */
export async function writeSearchIndex({
  out,
  logger,
}: {
  out: string;
  logger: AstroIntegrationLogger;
}): Promise<BuildReport['search']> {
  const started = performance.now();
  // Loaded only here: astro.config.mjs imports this file, so its imports slow every build's start.
  const [{ close, createIndex }, { claimRecords, describeIndexing, INDEXED_PAGES, isIndexFile, SEARCH_CLIENT_FILES }] =
    await Promise.all([import('pagefind'), import('../lib/outputs/search.ts')]);
  const fail = (step: string, errors: string[]) => {
    if (errors.length > 0) throw new Error(`Search index (Pagefind), ${step}: ${errors.join('; ')}`);
  };
  try {
    // One language: the site's. Quotes in other languages are indexed with it, as the page shows them.
    const created = await createIndex({ forceLanguage: SITE_LANGUAGE });
    fail('creating the index', created.index ? created.errors : [...created.errors, 'no index was created']);
    const index = created.index!;
    const pages = await index.addDirectory({ path: out, glob: INDEXED_PAGES });
    fail(`reading ${out}`, pages.errors);

    const dataDir = join(out, STORY_DATA_FOLDER);
    const stories = existsSync(dataDir)
      ? readdirSync(dataDir)
          .filter((name) => name.endsWith('.json'))
          .map((name) => JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as StoryData)
      : [];
    const records = claimRecords(stories);
    // All sent at once: Pagefind's process takes them in turn, without a round trip between each.
    const added = await Promise.all(
      records.map((record) => index.addCustomRecord({ ...record, language: SITE_LANGUAGE })),
    );
    fail(
      'adding the claims',
      added.flatMap(({ errors }) => errors),
    );

    const outputPath = join(out, SEARCH_INDEX_FOLDER);
    fail('writing the index', (await index.writeFiles({ outputPath })).errors);
    // Pagefind also writes its ready-made interfaces and a web worker; the search page uses neither.
    const files = filesIn(outputPath).filter((file) => {
      const kept = isIndexFile(file.name) || SEARCH_CLIENT_FILES.includes(file.name);
      if (!kept) rmSync(file.path);
      return kept;
    });
    const bytes = (ofIndex: boolean) =>
      files.filter((file) => isIndexFile(file.name) === ofIndex).reduce((sum, file) => sum + file.size, 0);
    const indexed = {
      pages: pages.page_count,
      records: records.length,
      indexBytes: bytes(true),
      clientBytes: bytes(false),
    };
    logger.info(describeIndexing({ ...indexed, milliseconds: performance.now() - started }));
    return indexed;
  } finally {
    await close();
  }
}
