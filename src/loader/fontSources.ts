import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cachedCodePoints } from '../lib/outputs/fontcache.ts';
import { FACES, type Face, type SourceFile } from '../lib/outputs/fonts.ts';

/** A face's source file, and its characters (cached: src/lib/outputs/fontfiles.ts is loaded only to read them). */
async function readSourceFile(face: Face): Promise<SourceFile> {
  const bytes = new Uint8Array(await readFile(createRequire(import.meta.url).resolve(face.source)));
  const codePoints = await cachedCodePoints(face.name, bytes, async () => {
    const { readFont } = await import('../lib/outputs/fontfiles.ts');
    return (await readFont(bytes)).codePoints;
  });
  return { bytes, codePoints };
}

let sources: Promise<Map<string, SourceFile>> | undefined;

/**
 * Every face's source file and characters, read once a process: the content loader checks the
 * content against them and plans the fonts from them (src/loader/contentLoader.ts), and the font
 * route cuts them (./fonts.ts).
 */
export const readSources = (): Promise<Map<string, SourceFile>> =>
  (sources ??= Promise.all(FACES.map(async (face) => [face.name, await readSourceFile(face)] as const)).then(
    (pairs) => new Map(pairs),
  ));

/** What each face can draw, for the content check. */
export const fontCoverage = async (): Promise<Map<Face, ReadonlySet<number>>> => {
  const source = await readSources();
  return new Map(FACES.map((face) => [face, source.get(face.name)!.codePoints]));
};
