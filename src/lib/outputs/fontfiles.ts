import fontverter from 'fontverter';
import { Blob as HbBlob, Face as HbFace } from 'harfbuzzjs';
import subsetFont from 'subset-font';
import { featuresOf, type Face } from './fonts.ts';

/**
 * The font files themselves: the characters a source font can draw
 * (its cmap, read with harfbuzzjs), and the face cut to some characters as WOFF2 (subset-font, i.e.
 * harfbuzz's subsetter). src/lib/outputs/fonts.ts decides what goes in; this only does the cutting.
 */

/** A source font, as TrueType/OpenType bytes, with the code points it maps to a glyph. */
export interface SourceFont {
  bytes: Uint8Array;
  codePoints: ReadonlySet<number>;
}

/** A font file (TTF, WOFF or WOFF2) unpacked to sfnt, which harfbuzz reads, with its character map. */
export async function readFont(file: Uint8Array): Promise<SourceFont> {
  const bytes = new Uint8Array(await fontverter.convert(Buffer.from(file), 'sfnt'));
  return { bytes, codePoints: new Set(new HbFace(new HbBlob(bytes)).collectUnicodes()) };
}

/** The face cut to exactly these code points, with only the OpenType features the site needs, as WOFF2. */
export async function cutFace(
  face: Face,
  source: SourceFont,
  points: readonly number[],
): Promise<Uint8Array<ArrayBuffer>> {
  const text = String.fromCodePoint(...points);
  const woff2 = await subsetFont(Buffer.from(source.bytes), text, {
    targetFormat: 'woff2',
    keepFeatures: featuresOf(face),
  });
  return new Uint8Array(woff2);
}
