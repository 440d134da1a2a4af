import type { AstroIntegrationLogger } from 'astro';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT_FILES } from '../lib/content/tree.ts';
import { ContentError } from '../lib/content/problems.ts';
import type { BuildReport } from '../lib/outputs/buildreport.ts';
import {
  compareUrls,
  formatManifest,
  missingUrlProblems,
  parseManifest,
  publishedUrls,
} from '../lib/outputs/manifest.ts';

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/**
 * The last step of every build's end (src/integrations/index.ts): each URL in the content folder's published-URL manifest must have been built
 * again, as its page or as a redirect page that leads to a built page; otherwise the build fails
 * naming each URL. With `update`, the build's URLs are added to the manifest instead (never removed),
 * and what each quote and claim now says is recorded in the published record (src/lib/outputs/record.ts).
 * A content folder without a manifest (a test fixture) is not checked. It returns what it found, for
 * the build's report.
 */
export async function checkPublishedUrls({
  out,
  contentDir,
  update,
  today,
  logger,
}: {
  out: string;
  contentDir: string;
  update: boolean;
  /** The build's day, `YYYY-MM-DD`: the record is made from the corpus as the loader assembled it. */
  today: string;
  logger: AstroIntegrationLogger;
}): Promise<BuildReport['publishedUrls']> {
  const files = filesUnder(out);
  const produced = publishedUrls(files);
  const manifestPath = join(contentDir, ROOT_FILES.publishedUrls);
  const manifestFile = relative(process.cwd(), manifestPath);
  const manifest = existsSync(manifestPath) ? parseManifest(readFileSync(manifestPath, 'utf8')) : undefined;

  if (update) {
    const { unrecorded } = compareUrls(manifest ?? [], produced);
    writeFileSync(manifestPath, formatManifest([...(manifest ?? []), ...produced]));
    logger.info(`${unrecorded.length} new URL${unrecorded.length === 1 ? '' : 's'} recorded in ${manifestFile}`);
    // Loaded only here: astro.config.mjs imports this file, so its imports slow every build's start.
    const [{ readContent }, { assembleCorpus }, { formatRecord, recordOf }] = await Promise.all([
      import('../lib/content/read.ts'),
      import('../lib/assemble/corpus.ts'),
      import('../lib/outputs/record.ts'),
    ]);
    // The content loader has already held this build's changes to the previous record's corrections log.
    const { files, problems } = readContent(contentDir, process.cwd());
    if (problems.length > 0) throw new ContentError(problems);
    const recordPath = join(contentDir, ROOT_FILES.publishedRecord);
    // The published corpus, drafts left out (src/lib/assemble/drafts.ts): a draft says nothing yet.
    writeFileSync(recordPath, formatRecord(recordOf(assembleCorpus(files, today))));
    logger.info(`what each published page says recorded in ${relative(process.cwd(), recordPath)}`);
  }
  if (manifest === undefined) {
    if (!update)
      logger.warn(`${manifestFile} does not exist: published URLs are not checked (npm run urls:update creates it)`);
    return { checked: false, listed: 0, unrecorded: produced.length, updated: update };
  }

  const { missing, unrecorded } = compareUrls(manifest, produced);
  // The content loader compared the corpus's URLs with the manifest before anything was built
  // (src/lib/outputs/manifest.ts, siteUrls); this confirms the build produced them all.
  const redirectsFile = relative(process.cwd(), join(contentDir, ROOT_FILES.redirects));
  if (missing.length > 0)
    throw new ContentError(missingUrlProblems(missing, new Set(produced), manifestFile, redirectsFile));
  if (!update && unrecorded.length > 0) {
    logger.warn(
      `${unrecorded.length} new URL${unrecorded.length === 1 ? ' is' : 's are'} not in ${manifestFile} yet: run npm run urls:update and commit it`,
    );
  }
  logger.info(`${manifest.length} published URLs all built`);
  return { checked: true, listed: manifest.length, unrecorded: unrecorded.length, updated: update };
}
