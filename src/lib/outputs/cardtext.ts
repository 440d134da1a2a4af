import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import bidiFactory, { type Bidi, type EmbeddingLevels } from 'bidi-js';
import type * as HarfBuzz from 'harfbuzzjs';
import type { textDirection } from '../model/language.ts';
import { cachedCodePoints } from './fontcache.ts';

/**
 * Text the share card's layout engine cannot set: satori neither shapes complex scripts nor runs
 * text right to left, so Pashto or Dari words would come out as separate, left-to-right letters.
 * Here HarfBuzz shapes them (joining, marks, mirrored brackets), bidi-js orders mixed-direction
 * lines (UAX #9: a Latin name or "2021" stays left to right inside a right-to-left line), lines are
 * broken by shaped width, and the result is drawn as SVG glyph outlines the card embeds as an image.
 * HarfBuzz and each font are loaded once per process, and only for cards that need them.
 */

/** Which way a line of text runs (src/lib/model/language.ts, `textDirection`). */
export type Direction = ReturnType<typeof textDirection>;

/** A font loaded into HarfBuzz. */
export interface TextFace {
  /** The font file, as a package path ("@fontsource/inter/files/inter-latin-600-normal.woff"). */
  file: string;
  font: HarfBuzz.Font;
  /** Font units per em: shaped positions are scaled by size / upem. */
  upem: number;
  /** The characters the font has a glyph for: any other would shape to glyph 0, a box. */
  unicodes: ReadonlySet<number>;
  /** Ascender and descender (negative, below the baseline), in font units. */
  ascender: number;
  descender: number;
}

const require = createRequire(import.meta.url);

let harfbuzz: Promise<typeof HarfBuzz> | undefined;
const faces = new Map<string, Promise<TextFace>>();
let bidi: Bidi | undefined;

/** HarfBuzz, whose module instantiates its WebAssembly on import: imported on first use, so a Latin-only build never pays for it. */
const loadHarfBuzz = () => (harfbuzz ??= import('harfbuzzjs'));

/**
 * The fonts, loaded once per process each. fontsource ships WOFF, which HarfBuzz does not read:
 * fontverter unpacks it to the TrueType inside.
 */
export function loadFaces(files: readonly string[]): Promise<TextFace[]> {
  return Promise.all(
    files.map((file) => {
      let face = faces.get(file);
      if (face === undefined) {
        face = readFace(file);
        faces.set(file, face);
      }
      return face;
    }),
  );
}

async function readFace(file: string): Promise<TextFace> {
  // fontverter ships no types; this is the one function of its README the card uses. Required here, with
  // the first face, so a build that only reads the fonts' cached characters (`fontCoverage`) never loads it.
  const fontverter = require('fontverter') as { convert: (font: Buffer, to: 'truetype') => Promise<Buffer> };
  const [hb, sfnt] = await Promise.all([
    loadHarfBuzz(),
    readFile(require.resolve(file)).then((woff) => fontverter.convert(woff, 'truetype')),
  ]);
  const face = new hb.Face(new hb.Blob(sfnt));
  const font = new hb.Font(face);
  const { ascender, descender } = font.hExtents();
  return { file, font, upem: face.upem, unicodes: new Set(face.collectUnicodes()), ascender, descender };
}

const coverages = new Map<string, Promise<ReadonlySet<number>>>();

/**
 * The characters each font file can draw, without loading it into HarfBuzz when the font cache has
 * its character map: planning a card needs no more, and most builds draw no card.
 */
export function fontCoverage(files: readonly string[]): Promise<ReadonlySet<number>[]> {
  return Promise.all(
    files.map((file) => {
      let coverage = coverages.get(file);
      if (coverage === undefined) {
        coverage = readFile(require.resolve(file)).then((bytes) =>
          cachedCodePoints(basename(file), bytes, async () => (await loadFaces([file]))[0]!.unicodes),
        );
        coverages.set(file, coverage);
      }
      return coverage;
    }),
  );
}

/** Characters HarfBuzz hides rather than draws (ZWNJ, ZWJ, direction marks): no font needs a glyph for them. */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** The first character of `text` that none of the fonts can draw (each given by its characters), or undefined when they draw it all. */
export function missingCharacter(text: string, fonts: readonly ReadonlySet<number>[]): string | undefined {
  for (const char of text) {
    if (IGNORABLE.test(char)) continue;
    const code = char.codePointAt(0)!;
    if (!fonts.some((covered) => covered.has(code))) return char;
  }
  return undefined;
}

/** One glyph placed on a line: x from the line's left edge, y down from its baseline, in pixels. */
export interface PlacedGlyph {
  face: TextFace;
  /** The glyph id in the face (0 would be .notdef, the box). */
  id: number;
  /** Where in the text the character (or first of the characters) it draws stands. */
  cluster: number;
  x: number;
  y: number;
}

/** A line, shaped and ordered left to right as it is seen. */
export interface ShapedLine {
  /** Where the line's text starts and ends in the paragraph (end exclusive). */
  start: number;
  end: number;
  glyphs: PlacedGlyph[];
  /** Its advance width in pixels. */
  width: number;
}

/** What to set text with: the faces in order of preference, the size, the language and the base direction. */
export interface TextStyle {
  faces: readonly TextFace[];
  /** Font size in pixels. */
  size: number;
  /** BCP 47: HarfBuzz applies a language's own forms (Persian or Urdu digits, say). */
  lang: string;
  direction: Direction;
}

/** A paragraph, its bidi levels computed once, as UAX #9 asks, before it is broken into lines. */
interface Paragraph {
  hb: typeof HarfBuzz;
  bidi: Bidi;
  text: string;
  levels: EmbeddingLevels;
  style: TextStyle;
}

/** A stretch of text in one face at one bidi level: the unit HarfBuzz shapes. */
interface Run {
  start: number;
  end: number;
  level: number;
  face: TextFace;
}

/**
 * The runs of text[start, end): a new run where the bidi level changes or the character needs
 * another face. A character stays in the current face when that face has it (a space, a mark), so a
 * word is not split between fonts for a character both have.
 */
function runsOf({ text, levels, style }: Paragraph, start: number, end: number): Run[] {
  const runs: Run[] = [];
  for (let i = start; i < end;) {
    const code = text.codePointAt(i)!;
    const next = i + (code > 0xffff ? 2 : 1);
    const level = levels.levels[i]!;
    const last = runs.at(-1);
    const keeps = last?.face.unicodes.has(code) === true || IGNORABLE.test(String.fromCodePoint(code));
    const face =
      last !== undefined && keeps
        ? last.face
        : (style.faces.find((f) => f.unicodes.has(code)) ?? last?.face ?? style.faces[0]!);
    if (last?.level === level && last.face === face) last.end = next;
    else runs.push({ start: i, end: next, level, face });
    i = next;
  }
  return runs;
}

/** A run's glyphs, left to right as seen (HarfBuzz returns a right-to-left run already reversed), in pixels. */
function shapeRun(paragraph: Paragraph, run: Run): { glyphs: PlacedGlyph[]; width: number } {
  const { hb, text, style } = paragraph;
  const buffer = new hb.Buffer();
  // The whole paragraph goes in as context, so letters join across a run's edges; only the run is shaped.
  buffer.addText(text, run.start, run.end - run.start);
  buffer.setDirection(run.level % 2 === 1 ? hb.Direction.RTL : hb.Direction.LTR);
  buffer.setLanguage(style.lang);
  buffer.guessSegmentProperties();
  hb.shape(run.face.font, buffer);
  const scale = style.size / run.face.upem;
  let x = 0;
  const glyphs = buffer.getGlyphInfosAndPositions().map((glyph) => {
    const placed = {
      face: run.face,
      id: glyph.codepoint,
      cluster: glyph.cluster,
      x: x + (glyph.xOffset ?? 0) * scale,
      y: -(glyph.yOffset ?? 0) * scale,
    };
    x += (glyph.xAdvance ?? 0) * scale;
    return placed;
  });
  return { glyphs, width: x };
}

/** text[start, end) as one line: its runs shaped, then put in visual order by bidi-js's reordering. */
function shapeLine(paragraph: Paragraph, start: number, end: number): ShapedLine {
  const runs = runsOf(paragraph, start, end);
  // Where each character of the line ends up, seen left to right: UAX #9 rule L2, as bidi-js gives it.
  const order = Array.from({ length: end - start }, (_, i) => start + i);
  for (const [from, to] of paragraph.bidi.getReorderSegments(paragraph.text, paragraph.levels, start, end - 1)) {
    order.splice(from! - start, to! - from! + 1, ...order.slice(from! - start, to! - start + 1).reverse());
  }
  const seenAt = new Map(order.map((logical, visual) => [logical, visual]));
  // A run is one level, so it stays in one piece: ordering runs by any one of their characters orders them.
  runs.sort((a, b) => seenAt.get(a.start)! - seenAt.get(b.start)!);
  const glyphs: PlacedGlyph[] = [];
  let width = 0;
  for (const run of runs) {
    const shaped = shapeRun(paragraph, run);
    glyphs.push(...shaped.glyphs.map((glyph) => ({ ...glyph, x: glyph.x + width })));
    width += shaped.width;
  }
  return { start, end, glyphs, width };
}

async function paragraphOf(text: string, style: TextStyle): Promise<Paragraph> {
  const hb = await loadHarfBuzz();
  bidi ??= bidiFactory();
  return { hb, bidi, text, levels: bidi.getEmbeddingLevels(text, style.direction), style };
}

/** `text` shaped as a single line. */
export async function shapeText(text: string, style: TextStyle): Promise<ShapedLine> {
  return shapeLine(await paragraphOf(text, style), 0, text.length);
}

/**
 * The text broken into lines no wider than `width`: greedily, word by word, by each word's shaped
 * width and the shaped width of the space before it; then each line shaped whole for drawing. A word
 * wider than a line gets a line of its own.
 */
export async function breakLines(text: string, style: TextStyle, width: number): Promise<ShapedLine[]> {
  const paragraph = await paragraphOf(text, style);
  const words = [...text.matchAll(/\S+/g)].map((match) => {
    const start = match.index;
    const end = start + match[0].length;
    return { start, end, width: shapeLine(paragraph, start, end).width };
  });
  const lines: { start: number; end: number; width: number }[] = [];
  for (const word of words) {
    const line = lines.at(-1);
    const joined = line && line.width + shapeLine(paragraph, line.end, word.start).width + word.width;
    if (line !== undefined && joined !== undefined && joined <= width) {
      line.end = word.end;
      line.width = joined;
    } else lines.push({ ...word });
  }
  return lines.map((line) => shapeLine(paragraph, line.start, line.end));
}

/** A paragraph set to fit a box, ready to draw. */
export interface SetText {
  lines: ShapedLine[];
  size: number;
  /** Baseline to baseline, in pixels. */
  lineHeight: number;
  /** From the top of a line to its baseline, in pixels. */
  baseline: number;
  /** Whether words were dropped (and an ellipsis put in) to fit the box. */
  cut: boolean;
}

const ELLIPSIS = '…';

/**
 * A line's height and baseline for lines at `size`: from the highest ascender and the deepest
 * descender of the faces the lines use (Naskh's reach well past Inter's), at least 1.25 em (the
 * card's Latin line height), the extra shared above and below as CSS does.
 */
function lineBox(lines: readonly ShapedLine[], size: number): { lineHeight: number; baseline: number } {
  const used = new Set(lines.flatMap((line) => line.glyphs.map((glyph) => glyph.face)));
  const ascent = Math.max(0, ...[...used].map((face) => (face.ascender / face.upem) * size));
  const descent = Math.max(0, ...[...used].map((face) => (-face.descender / face.upem) * size));
  const lineHeight = Math.max(1.25 * size, ascent + descent);
  return { lineHeight, baseline: (lineHeight - ascent - descent) / 2 + ascent };
}

/**
 * The text at the largest of `sizes` whose lines fit the box. When none does, at the smallest, with
 * words dropped from the end for an ellipsis, which goes before a closing quotation mark.
 */
export async function fitText(
  text: string,
  style: Omit<TextStyle, 'size'>,
  sizes: readonly number[],
  box: { width: number; height: number },
): Promise<SetText> {
  let lines: ShapedLine[] = [];
  for (const size of sizes) {
    lines = await breakLines(text, { ...style, size }, box.width);
    const metrics = lineBox(lines, size);
    if (lines.length * metrics.lineHeight <= box.height) return { lines, size, ...metrics, cut: false };
  }
  const sized = { ...style, size: sizes.at(-1)! };
  const { lineHeight, baseline } = lineBox(lines, sized.size);
  const fits = Math.max(1, Math.floor(box.height / lineHeight));
  const closing = /\p{Pf}$/u.exec(text)?.[0] ?? '';
  const ends = [...text.matchAll(/\S+/g)].map((match) => match.index + match[0].length);
  // Start from the words the lines that fit hold, and drop one more until the ellipsis fits too.
  for (let kept = ends.filter((end) => end <= lines[fits - 1]!.end).length; ; kept--) {
    const shortened = `${text.slice(0, ends[Math.max(0, kept - 1)]).replace(/[\s.,;:،؛]+$/u, '')}${ELLIPSIS}${closing}`;
    const cutLines = await breakLines(shortened, sized, box.width);
    if (cutLines.length <= fits || kept <= 1) {
      return { lines: cutLines.slice(0, fits), size: sized.size, lineHeight, baseline, cut: true };
    }
  }
}

/**
 * The lines as an SVG image `width` wide: glyph outlines in `colour`, each line right-aligned when
 * the text runs right to left, else left-aligned. Outlines are in font units, y up: each is scaled,
 * flipped and moved to its place (to a hundredth of a pixel, below what the renderer can show).
 */
export function drawLines(
  set: SetText,
  direction: Direction,
  width: number,
  colour: string,
): { svg: string; height: number } {
  const at = (n: number) => Math.round(n * 100) / 100;
  const height = Math.ceil(set.lines.length * set.lineHeight);
  const paths = set.lines.flatMap((line, index) => {
    const left = direction === 'rtl' ? width - line.width : 0;
    const baseline = set.baseline + index * set.lineHeight;
    return line.glyphs.flatMap(({ face, id, x, y }) => {
      const outline = face.font.glyphToPath(id);
      if (outline === '') return [];
      const scale = +(set.size / face.upem).toFixed(6);
      return [
        `<path transform="translate(${at(left + x)} ${at(baseline + y)}) scale(${scale} ${-scale})" d="${outline}"/>`,
      ];
    });
  });
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><g fill="${colour}">${paths.join('')}</g></svg>`,
    height,
  };
}
