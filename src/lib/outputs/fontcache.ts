import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeAtomically } from './imagecache.ts';

/**
 * Where fonts, and what the build needs to know about them, are kept between builds: `FONT_CACHE`, or
 * `.cache/fonts` in the project (git-ignored). Every name there hashes everything that goes into the
 * file, so a cached file is never stale and any content folder may share the folder.
 */
export const fontCacheDir = () => resolve(process.env.FONT_CACHE ?? '.cache/fonts');

/**
 * The characters a font file maps to glyphs, from the font cache by the file's hash, else `read()`'s,
 * then cached. Reading a character map means unpacking the font (zlib for WOFF, Brotli for WOFF2)
 * and loading HarfBuzz; with the map cached, a build that draws nothing loads neither.
 */
export async function cachedCodePoints(
  name: string,
  bytes: Uint8Array,
  read: () => Promise<Iterable<number>>,
  dir: string = fontCacheDir(),
): Promise<ReadonlySet<number>> {
  const path = join(dir, `${name}.${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.cmap.json`);
  // No map cached, or anything but a list of code points (a file cut short, say): read from the font.
  const cached = await readFile(path, 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined);
  if (Array.isArray(cached) && cached.every((point) => Number.isInteger(point))) return new Set(cached as number[]);
  const points = new Set(await read());
  await writeAtomically(dir, path, new TextEncoder().encode(JSON.stringify([...points])));
  return points;
}
