import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { fontCacheDir } from '../lib/outputs/fontcache.ts';
import { writeAtomically } from '../lib/outputs/imagecache.ts';
import { fontCoverage, readSources } from './fontSources.ts';
import type { SourceFont } from '../lib/outputs/fontfiles.ts';
import {
  codePointsOf,
  describeUncovered,
  FACES,
  facePoints,
  fontFaceCss,
  PRELOADED_FACE,
  shippedFace,
  shownTexts,
  uncoveredCharacters,
  type ShippedFace,
} from '../lib/outputs/fonts.ts';

/**
 * The site's fonts for this build, worked out once and shared by every page (the `@font-face` rules
 * BaseLayout inlines) and by the font route (src/pages/fonts/[file].ts, which cuts the files): every
 * string of every entry of the content collections, the characters each face is cut to, and the
 * files' hashed names. A character no face can show stops the build here, naming where it is.
 */
export interface SiteFonts {
  faces: ShippedFace[];
  /** The `@font-face` rules, for an inline `<style>`. */
  css: string;
  /** The address of the face worth preloading. */
  preload: string;
}

/** Where the font route serves a file. */
export const fontUrl = (file: string) => `/fonts/${file}`;

let fonts: Promise<SiteFonts> | undefined;

export function loadFonts(): Promise<SiteFonts> {
  fonts ??= (async () => {
    const entries = [
      ...(await getCollection('stories')),
      ...(await getCollection('actors')),
      ...(await getCollection('redirects')),
    ];
    const texts = entries.flatMap(({ collection, id, data }) => shownTexts(`${collection}/${id}`, data));
    const source = await readSources();
    const shown = codePointsOf(texts.map(({ text }) => text));
    // The content loader refused such characters in the files (uncoveredProblems); this also holds for
    // what the assembly derives from them, which is what the pages show.
    const uncovered = uncoveredCharacters(texts, shown, await fontCoverage());
    if (uncovered.length > 0) throw new Error(describeUncovered(uncovered));

    const faces = FACES.flatMap((face) => {
      const { bytes, codePoints } = source.get(face.name)!;
      const points = facePoints(face, shown, codePoints);
      return points.length === 0 ? [] : [shippedFace(face, points, bytes)];
    });
    const preload = faces.find(({ face }) => face.name === PRELOADED_FACE)!;
    return { faces, css: fontFaceCss(faces, fontUrl), preload: fontUrl(preload.file) };
  })();
  return fonts;
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
