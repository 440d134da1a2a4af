import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { fontCacheDir } from '../lib/outputs/fontcache.ts';
import { writeAtomically } from '../lib/outputs/imagecache.ts';
import type { SourceFont } from '../lib/outputs/fontfiles.ts';
import type { ShippedFace, SiteFonts } from '../lib/outputs/fonts.ts';
import { readSources } from './fontSources.ts';

/**
 * The site's fonts as the content loader planned them with the content (src/loader/contentLoader.ts):
 * the `@font-face` rules BaseLayout inlines and the faces the font route (src/pages/fonts/[file].ts)
 * cuts. Only read here; read afresh on every page, since the dev server plans them again when the
 * content changes.
 */
export async function loadFonts(): Promise<SiteFonts> {
  const [entry] = await getCollection('fonts');
  if (!entry) throw new Error('Fonts: the content loader stored no font plan (src/loader/contentLoader.ts)');
  return entry.data;
}

const cut = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * A shipped face's WOFF2 file: from the font cache, else cut now and cached; once per build. Cutting
 * a face (subsetting, then WOFF2's Brotli) takes a second or more of CPU.
 */
export function fontFile(shipped: ShippedFace): Promise<Uint8Array<ArrayBuffer>> {
  let file = cut.get(shipped.file);
  if (!file) {
    const dir = fontCacheDir();
    const path = join(dir, shipped.file);
    file = readFile(path).then(
      (cached) => new Uint8Array(cached),
      async (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        const { cutFace, readFont } = await import('../lib/outputs/fontfiles.ts');
        const source: SourceFont = await readFont((await readSources()).get(shipped.face.name)!.bytes);
        const woff2 = await cutFace(shipped.face, source, shipped.points);
        await writeAtomically(dir, path, woff2);
        return woff2;
      },
    );
    cut.set(shipped.file, file);
  }
  return file;
}
