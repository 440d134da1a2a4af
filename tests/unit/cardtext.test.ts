import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  breakLines,
  drawLines,
  fitText,
  fontCoverage,
  loadFaces,
  missingCharacter,
  shapeText,
  type PlacedGlyph,
  type ShapedLine,
  type TextStyle,
} from '../../src/lib/outputs/cardtext';

/*
 * Shaping for the share card: Arabic-script words joined and run right to left, a Latin name or a
 * year kept left to right inside them, lines broken by shaped width and fitted to a box. Not covered
 * here: the card these lines go on (tests/unit/sharecard.test.ts draws a whole Pashto card).
 */

const naskh = ['arabic', 'latin', 'latin-ext'].map(
  (subset) => `@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-${subset}-600-normal.woff`,
);
const inter = ['latin', 'latin-ext'].map((subset) => `@fontsource/inter/files/inter-${subset}-600-normal.woff`);
const faces = await loadFaces([...naskh, ...inter]);
const rtl = (lang: string, size = 60): TextStyle => ({ faces, size, lang, direction: 'rtl' });

const PASHTO = 'موږ ټولو لورو ته بلنه ورکوو چې د سولې خبرو ته دوام ورکړي.';
const DARI = 'ما از همه طرف‌ها می‌خواهیم که به گفتگوهای صلح ادامه دهند.';

/** The glyphs that draw text[index], left to right. */
const glyphsOf = (line: ShapedLine, index: number) => line.glyphs.filter((glyph) => glyph.cluster === index);
/** The glyph each character of `text` has in the font before shaping: its isolated form. */
const nominal = (text: string, index: number) => faces[0]!.font.nominalGlyph(text.codePointAt(index)!);
const leftmost = (glyphs: PlacedGlyph[]) => Math.min(...glyphs.map((glyph) => glyph.x));

describe('missingCharacter', () => {
  it('finds the first character no face has, and passes ZWNJ, which HarfBuzz never draws', () => {
    const covered = faces.map((face) => face.unicodes);
    expect(missingCharacter(PASHTO, covered)).toBeUndefined();
    expect(missingCharacter(DARI, covered)).toBeUndefined();
    expect(missingCharacter('Peace 和平', covered)).toBe('和');
    expect(missingCharacter(PASHTO, covered.slice(3))).toBe('م');
  });
});

describe('fontCoverage', () => {
  it('gives each font’s characters, as HarfBuzz reads them, and caches them in the font cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'font-cache-'));
    const before = process.env.FONT_CACHE;
    process.env.FONT_CACHE = dir;
    try {
      const covered = await fontCoverage([...naskh, ...inter]);
      expect(covered).toEqual(faces.map((face) => face.unicodes));
      expect((await readdir(dir)).filter((name) => name.endsWith('.cmap.json'))).toHaveLength(5);
    } finally {
      if (before === undefined) delete process.env.FONT_CACHE;
      else process.env.FONT_CACHE = before;
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('shapeText', () => {
  it('joins Pashto letters: contextual forms, not the isolated ones the font maps them to', async () => {
    const line = await shapeText(PASHTO, rtl('ps'));
    const letters = [...PASHTO.matchAll(/\p{L}/gu)].map((match) => match.index);
    const joined = letters.filter((index) =>
      glyphsOf(line, index).every((glyph) => glyph.id !== nominal(PASHTO, index)),
    );
    expect(joined.length).toBeGreaterThan(letters.length / 2);
    // م opens "موږ" and joins the و after it: its initial form.
    expect(glyphsOf(line, 0)[0]!.id).not.toBe(nominal(PASHTO, 0));
    expect(line.glyphs.some((glyph) => glyph.id === 0)).toBe(false);
  });

  it('runs right to left: the first character rightmost, the full stop leftmost', async () => {
    const line = await shapeText(PASHTO, rtl('ps'));
    const first = glyphsOf(line, 0)[0]!;
    expect(first.x).toBe(Math.max(...line.glyphs.map((glyph) => glyph.x)));
    expect(leftmost(glyphsOf(line, PASHTO.length - 1))).toBe(leftmost(line.glyphs));
  });

  it('shapes Dari with no box, and keeps a letter before ZWNJ unjoined', async () => {
    const line = await shapeText(DARI, rtl('fa-AF'));
    expect(line.glyphs.length).toBeGreaterThan(0);
    expect(line.glyphs.some((glyph) => glyph.id === 0)).toBe(false);
    // ف in "طرف‌ها" ends its part of the word (final form); in "طرفها" it joins on (medial).
    const zwnj = await shapeText('طرف‌ها', rtl('fa-AF'));
    const joined = await shapeText('طرفها', rtl('fa-AF'));
    const ids = (line: ShapedLine) => glyphsOf(line, 2).map((glyph) => glyph.id);
    expect(ids(zwnj)).not.toEqual(ids(joined));
  });

  it('keeps a Latin name and a year left to right inside a right-to-left line', async () => {
    const text = 'زلمي خلیلزاد (Zalmay Khalilzad) په 2021 کې وویل';
    const line = await shapeText(text, rtl('ps'));
    const xOf = (index: number) => leftmost(glyphsOf(line, index));
    const run = (word: string) => Array.from({ length: word.length }, (_, i) => xOf(text.indexOf(word) + i));
    for (const word of ['Zalmay', 'Khalilzad', '2021']) {
      const xs = run(word);
      expect(xs, word).toEqual([...xs].sort((a, b) => a - b));
    }
    // The Latin name reads after "زلمي خلیلزاد", so it stands left of it; "2021" after "په", left of that.
    expect(xOf(text.indexOf('Khalilzad'))).toBeLessThan(xOf(text.indexOf('خلیلزاد')));
    expect(xOf(text.indexOf('2021'))).toBeLessThan(xOf(text.indexOf('په')));
    expect(xOf(text.indexOf('Zalmay'))).toBeLessThan(xOf(text.indexOf('Khalilzad')));
  });

  it('mirrors guillemets in a right-to-left line, so they open on the right', async () => {
    const line = await shapeText(`«${PASHTO}»`, rtl('ps'));
    const open = glyphsOf(line, 0)[0]!;
    const close = glyphsOf(line, PASHTO.length + 1)[0]!;
    expect(open.x).toBe(Math.max(...line.glyphs.map((glyph) => glyph.x)));
    // Mirrored, each is drawn with the other's glyph.
    expect(open.id).toBe(open.face.font.nominalGlyph('»'.codePointAt(0)!));
    expect(close.id).toBe(close.face.font.nominalGlyph('«'.codePointAt(0)!));
  });
});

describe('breakLines and fitText', () => {
  const long = `${PASHTO} ${PASHTO} ${PASHTO}`;

  it('breaks between words, each line no wider than the box, all the text kept', async () => {
    const lines = await breakLines(long, rtl('ps', 42), 600);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(600);
    expect(lines.map((line) => long.slice(line.start, line.end)).join(' ')).toBe(long);
  });

  it('takes the largest size whose lines fit, else cuts words for an ellipsis before the closing mark', async () => {
    const style = { faces, lang: 'ps', direction: 'rtl' as const };
    const roomy = await fitText(PASHTO, style, [60, 50, 42], { width: 1056, height: 300 });
    expect([roomy.size, roomy.cut]).toEqual([60, false]);
    const tight = await fitText(`«${long}»`, style, [60, 50, 42], { width: 600, height: 150 });
    expect([tight.size, tight.cut]).toEqual([42, true]);
    expect(tight.lines.length * tight.lineHeight).toBeLessThanOrEqual(150);
    // The closing guillemet, mirrored, is the leftmost glyph of the last line; the ellipsis is drawn.
    const last = tight.lines.at(-1)!;
    const closing = last.glyphs.find((glyph) => glyph.x === leftmost(last.glyphs))!;
    expect(closing.id).toBe(closing.face.font.nominalGlyph('«'.codePointAt(0)!));
    const ellipsis = faces.map((face) => face.font.nominalGlyph('…'.codePointAt(0)!));
    expect(last.glyphs.some((glyph) => ellipsis.includes(glyph.id))).toBe(true);
  });
});

describe('line height', () => {
  it('makes room for the tallest and deepest face the lines use, whichever face comes first', async () => {
    const reach = (face: (typeof faces)[number]) => (face.ascender - face.descender) / face.upem;
    const box = { width: 1056, height: 300 };
    // Arabic words in a left-to-right paragraph: Inter first, but Naskh draws them and reaches further.
    const ltr = await fitText(
      PASHTO,
      { faces: [...faces.slice(3), ...faces.slice(0, 3)], lang: 'en', direction: 'ltr' },
      [60],
      box,
    );
    expect(reach(faces[0]!)).toBeGreaterThan(reach(faces[3]!));
    expect(ltr.lineHeight).toBeCloseTo(reach(faces[0]!) * 60);
    // Latin alone keeps the card's 1.25.
    const latin = await fitText(
      'We will stand firm',
      { faces: faces.slice(3), lang: 'en', direction: 'ltr' },
      [60],
      box,
    );
    expect(latin.lineHeight).toBe(75);
  });
});

describe('drawLines', () => {
  it('draws each glyph as a path in the colour, right-aligned lines for right-to-left text', async () => {
    const set = await fitText(PASHTO, { faces, lang: 'ps', direction: 'rtl' }, [60], { width: 1056, height: 300 });
    const { svg, height } = drawLines(set, 'rtl', 1056, '#123456');
    expect(height).toBe(Math.ceil(set.lines.length * set.lineHeight));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1056"/);
    expect(svg).toContain('<g fill="#123456">');
    // Every glyph with an outline is a path (spaces have none).
    const inked = set.lines.flatMap((line) => line.glyphs).filter((g) => g.face.font.glyphToPath(g.id) !== '');
    expect(svg.match(/<path /g)).toHaveLength(inked.length);
    // The first line's first character, rightmost, ends at the right edge.
    const first = set.lines[0]!;
    expect(1056 - first.width + Math.max(...first.glyphs.map((g) => g.x))).toBeGreaterThan(1000);
  });
});
