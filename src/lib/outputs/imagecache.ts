import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

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
}

// On globalThis because the page bundle that draws the images and the integration that reports the
// tally each load their own copy of this module during one build.
const TALLY = Symbol.for('verifiable-explainers.image-tally');
type WithTally = typeof globalThis & { [TALLY]?: ImageTally };

/** This build's counts so far. */
export function imageTally(): ImageTally {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- it is undefined until the first call; the rule misreads optional symbol keys under exactOptionalPropertyTypes (typescript-eslint#10440)
  return ((globalThis as WithTally)[TALLY] ??= { rendered: 0, reused: 0, ms: 0 });
}

export function resetImageTally(): void {
  (globalThis as WithTally)[TALLY] = { rendered: 0, reused: 0, ms: 0 };
}

/** Where images are cached: `SHARE_CARD_CACHE`, or `.cache/share-cards` in the project (git-ignored). */
export function imageCacheDir(): string {
  return resolve(process.env.SHARE_CARD_CACHE ?? '.cache/share-cards');
}

/** The image cached under `key`, or `render()`'s result, which is then cached. */
export async function renderOrReuse(
  dir: string,
  key: string,
  render: () => Promise<Uint8Array>,
): Promise<{ image: Uint8Array; rendered: boolean }> {
  const started = performance.now();
  const tally = imageTally();
  const file = join(dir, `${key}.png`);
  try {
    const image = await readFile(file);
    tally.reused++;
    tally.ms += performance.now() - started;
    return { image, rendered: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const image = await render();
  await mkdir(dir, { recursive: true });
  // Written aside and renamed, so a build stopped half-way never leaves a truncated image to reuse.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, image);
  await rename(partial, file);
  tally.rendered++;
  tally.ms += performance.now() - started;
  return { image, rendered: true };
}

/** The line a build prints: the test that a second build draws nothing reads it. */
export function describeTally(tally: ImageTally, dir: string): string {
  return `share cards: ${tally.rendered} rendered, ${tally.reused} reused from ${dir} in ${Math.round(tally.ms)} ms`;
}
