import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { threadId } from 'node:worker_threads';
import { cacheSuffixOf } from '../content/folder.ts';

/**
 * Images drawn at build time, kept on disk by a key that hashes everything they show. The cache
 * lives outside dist/ (which every build empties), so an image is drawn once and reused by every
 * later build until what it shows changes.
 */

export interface ImageTally {
  /** Images drawn in this build. */
  rendered: number;
  /** Images taken from the cache. */
  reused: number;
  /** Milliseconds spent getting images, drawn or reused. */
  ms: number;
  /** The images drawn beforehand on several threads (`fillCache`): how many threads, and for how long, in milliseconds. */
  pool?: { threads: number; ms: number } | undefined;
  /** The key of every image this build asked for: what the cache keeps when the build is done (`pruneCache`). */
  used: Set<string>;
}

/** A file of the site that is a cached image: its URL path, and the key it is cached under. */
export interface ImageFile {
  path: string;
  key: string;
}

/** A tally for one build, or one dev request: whoever draws keeps its own and passes it on. */
export const newTally = (): ImageTally => ({ rendered: 0, reused: 0, ms: 0, used: new Set() });

/**
 * Where images are cached: `override` (`SHARE_CARD_CACHE`), else `.cache/share-cards` in the project
 * (git-ignored) for the site's own `content/` and a folder of its own for each other content folder
 * (fixtures, the benchmark), as Astro's content cache is (astro.config.mjs): a build keeps only the
 * images its own pages use (`pruneCache`), so two content folders sharing one cache would each delete
 * the other's.
 */
export function imageCacheDir(contentDir: string, override?: string): string {
  if (override) return resolve(override);
  return resolve(`.cache/share-cards${cacheSuffixOf(contentDir, process.cwd())}`);
}

/**
 * Writes aside and renames, so a build stopped half-way never leaves a truncated file to reuse; the
 * file aside is named for its process and thread, since the card pool writes from several threads.
 */
export async function writeAtomically(dir: string, file: string, image: Uint8Array): Promise<void> {
  await mkdir(dir, { recursive: true });
  const partial = `${file}.${process.pid}-${threadId}.partial`;
  await writeFile(partial, image);
  await rename(partial, file);
}

/**
 * The image cached under `key`, or `render()`'s result, which is then cached. Every image asked for is
 * noted in `tally`, so `pruneCache` keeps it; `counted: false` leaves one out of the share cards' report
 * (the site's logo).
 */
export async function renderOrReuse(
  dir: string,
  key: string,
  render: () => Promise<Uint8Array>,
  tally: ImageTally = newTally(),
  { counted = true }: { counted?: boolean } = {},
): Promise<{ image: Uint8Array; rendered: boolean }> {
  const started = performance.now();
  tally.used.add(key);
  const file = join(dir, `${key}.png`);
  try {
    const image = await readFile(file);
    if (counted) {
      tally.reused++;
      tally.ms += performance.now() - started;
    }
    return { image, rendered: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const image = await render();
  await writeAtomically(dir, file, image);
  if (counted) {
    tally.rendered++;
    tally.ms += performance.now() - started;
  }
  return { image, rendered: true };
}

/** An image a build needs: its cache key, and what to draw it from. */
export interface PlannedImage<Job> {
  key: string;
  job: Job;
}

/** Draws `jobs`, calling `drawn` with each job and its image as it is done; returns how many threads drew. */
export type DrawMany<Job> = (jobs: Job[], drawn: (job: Job, image: Uint8Array) => Promise<void>) => Promise<number>;

/**
 * Draws every planned image the cache lacks, all at once with `drawMany` (the card pool draws them
 * on every core), and caches them; the others count as reused in `tally`. The plan is every image the
 * build needs, so each is marked used (`pruneCache` keeps it).
 */
export async function fillCache<Job>(
  dir: string,
  planned: readonly PlannedImage<Job>[],
  drawMany: DrawMany<Job>,
  tally: ImageTally,
): Promise<void> {
  const started = performance.now();
  const cached = new Set(await readdir(dir).catch(() => []));
  const missing = new Map<Job, string>();
  for (const { key, job } of planned) {
    if (tally.used.has(key)) continue;
    tally.used.add(key);
    if (cached.has(`${key}.png`)) tally.reused++;
    else missing.set(job, key);
  }
  if (missing.size === 0) {
    tally.ms += performance.now() - started;
    return;
  }
  const threads = await drawMany([...missing.keys()], async (job, image) => {
    const key = missing.get(job)!;
    await writeAtomically(dir, join(dir, `${key}.png`), image);
    tally.rendered++;
  });
  const ms = performance.now() - started;
  tally.ms += ms;
  tally.pool = { threads, ms };
}

/**
 * Writes each image file from the cache into the built site at `outDir`, at its URL path. A path
 * that would land outside `outDir` fails the build, naming it.
 */
export async function writeImageFiles(dir: string, files: readonly ImageFile[], outDir: string): Promise<void> {
  const out = resolve(outDir);
  const targets = files.map(({ path, key }) => {
    const target = join(out, path);
    if (!target.startsWith(out + sep)) throw new Error(`An image file's path leaves the site: ${path}`);
    return { from: join(dir, `${key}.png`), to: target };
  });
  await Promise.all(
    [...new Set(targets.map(({ to }) => dirname(to)))].map((folder) => mkdir(folder, { recursive: true })),
  );
  await Promise.all(targets.map(({ from, to }) => copyFile(from, to)));
}

/**
 * Deletes the images in `dir` no page of this build used, and any partial write a stopped build left.
 * Only for the end of a whole build (the share-card step of the site's integration calls it at `astro:build:done`, which
 * Astro reaches only when every page is written, and never under `astro dev`): `used` is then every
 * image the site links to. Returns how many files it deleted.
 */
export async function pruneCache(dir: string, used: ReadonlySet<string>): Promise<number> {
  const files = (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isFile());
  const stale = files
    .map(({ name }) => name)
    .filter((name) => !(name.endsWith('.png') && used.has(name.slice(0, -'.png'.length))));
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
  return stale.length;
}

/**
 * The line a build prints, for people: tests and the benchmark read the same counts from the build's
 * report (src/lib/outputs/buildreport.ts).
 */
export function describeTally(tally: ImageTally, dir: string, pruned = 0): string {
  const pool = tally.pool
    ? `; ${tally.rendered} drawn on ${tally.pool.threads} thread${tally.pool.threads === 1 ? '' : 's'} in ${(tally.pool.ms / 1000).toFixed(2)} s`
    : '';
  const removed = pruned > 0 ? `; ${pruned} no page uses removed` : '';
  return `share cards: ${tally.rendered} rendered, ${tally.reused} reused from ${dir} in ${Math.round(tally.ms)} ms${pool}${removed}`;
}
