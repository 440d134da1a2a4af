import { createHash } from 'node:crypto';
import { createFontStack } from '@capsizecss/core';
import arial from '@capsizecss/metrics/arial';
import georgia from '@capsizecss/metrics/georgia';
import helvetica from '@capsizecss/metrics/helvetica';
import sourceSans3 from '@capsizecss/metrics/sourceSans3';
import sourceSerif4 from '@capsizecss/metrics/sourceSerif4';
import timesNewRoman from '@capsizecss/metrics/timesNewRoman';
import { describeCharacter, isInvisible } from '../content/characters.ts';
import type { ContentProblem } from '../content/problems.ts';

/**
 * The site's own type: which faces it ships, which characters each one is cut down to, the file
 * names (hashed from what goes into each file, so a page knows a font's address before any font is
 * cut), and the `@font-face` rules with metric-matched fallbacks. Reading and cutting the font
 * files is src/lib/outputs/fontfiles.ts. The content loader plans the fonts with the content
 * (`planFonts`, src/loader/contentLoader.ts); the font route cuts the files (src/loader/fonts.ts).
 */

export type Script = 'latin' | 'arabic';

/** One face the site ships. */
export interface Face {
  family: string;
  /** The file name's stem: `source-serif-4-400-normal`. */
  name: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  /** Which characters it is cut to: Latin faces take everything but Arabic script. */
  script: Script;
  /** The source font, as a package path. */
  source: string;
}

/*
 * The Latin faces are cut from Google Fonts' full TTFs (@expo-google-fonts): fontsource's files are
 * Google's per-script slices, and none of them holds ≈ (U+2248), the marker of every inferred date.
 * The Arabic slice of fontsource's Noto Naskh Arabic has every Arabic letter the faces cover.
 * Weights are what the styles ask for: 400 and 700 (600 resolves to 700 by the CSS font matching);
 * italic only in the text face (quote words, a namesake's distinction, a date as the source gives it).
 */
const SERIF = '@expo-google-fonts/source-serif-4';
const SANS = '@expo-google-fonts/source-sans-3';

/** Every face, in the order the `@font-face` rules are written. */
export const FACES: readonly Face[] = [
  {
    family: 'Source Serif 4',
    name: 'source-serif-4-400-normal',
    weight: 400,
    style: 'normal',
    script: 'latin',
    source: `${SERIF}/400Regular/SourceSerif4_400Regular.ttf`,
  },
  {
    family: 'Source Serif 4',
    name: 'source-serif-4-400-italic',
    weight: 400,
    style: 'italic',
    script: 'latin',
    source: `${SERIF}/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf`,
  },
  {
    family: 'Source Serif 4',
    name: 'source-serif-4-700-normal',
    weight: 700,
    style: 'normal',
    script: 'latin',
    source: `${SERIF}/700Bold/SourceSerif4_700Bold.ttf`,
  },
  {
    family: 'Source Sans 3',
    name: 'source-sans-3-400-normal',
    weight: 400,
    style: 'normal',
    script: 'latin',
    source: `${SANS}/400Regular/SourceSans3_400Regular.ttf`,
  },
  {
    family: 'Source Sans 3',
    name: 'source-sans-3-700-normal',
    weight: 700,
    style: 'normal',
    script: 'latin',
    source: `${SANS}/700Bold/SourceSans3_700Bold.ttf`,
  },
  {
    family: 'Noto Naskh Arabic',
    name: 'noto-naskh-arabic-400-normal',
    weight: 400,
    style: 'normal',
    script: 'arabic',
    source: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2',
  },
];

/** The face a page cannot do without: body text. Preloaded, so it usually arrives before first paint. */
export const PRELOADED_FACE = 'source-serif-4-400-normal';

/**
 * OpenType features kept: kerning, ligatures and the mark positioning accented letters need. The
 * rest (small caps, old-style figures, fractions, stylistic sets) is never asked for and doubles a file.
 */
const LATIN_FEATURES = ['kern', 'liga', 'calt', 'ccmp', 'locl', 'mark', 'mkmk', 'clig'];
/** Arabic shaping: initial, medial, final and isolated forms, required ligatures, cursive joining. */
const ARABIC_FEATURES = [
  ...['init', 'medi', 'fina', 'isol', 'rlig', 'rclt', 'curs'],
  ...['kern', 'mark', 'mkmk', 'ccmp', 'liga', 'calt', 'locl'],
];

/** The OpenType features a face keeps when it is cut. */
export const featuresOf = (face: Face): string[] => (face.script === 'arabic' ? ARABIC_FEATURES : LATIN_FEATURES);

/**
 * What the templates write besides the content: printable ASCII, and the typography of
 * src/components, src/pages and src/lib/present (curly quotes, dashes, the ellipsis of a shortened
 * text or address, the middle dot of titles and the briefing's kicker, the ≈ of an inferred date).
 */
export const TEMPLATE_CHARACTERS =
  Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCodePoint(0x20 + i)).join('') + '“”‘’–—…·≈';

/**
 * Characters that stand inside Arabic-script text without being Arabic script themselves; the Arabic
 * face keeps those it has (fontsource's Arabic slice has the joiners and Arabic punctuation, not
 * Latin digits or the space: those come from the Latin face beside it in the stack).
 */
export const ARABIC_COMMON = ' 0123456789«».,:!()-\u200c\u200d\u060c\u061b\u061f';

/** Whether a character is Arabic script, or used only with it (the Arabic comma, semicolon and question mark). */
export const isArabicScript = (ch: string) => /^\p{Script_Extensions=Arabic}$/u.test(ch);

/** Where a content string comes from, for error messages: `stories/khalilzad-warns-taliban › quotes.3.words`. */
export interface ShownText {
  where: string;
  text: string;
}

/** A string of an entry's data and its field, as a path: `quotes.3.words`; `''` for the data itself. */
export interface FieldText {
  field: string;
  text: string;
}

/**
 * Every string in an entry's data, however deep, with its field: a generic walk, so a field added to
 * the model is covered without a change here. Keys are not shown text and are skipped.
 */
export function fieldTexts(data: unknown): FieldText[] {
  const found: FieldText[] = [];
  // The path is built as one string on the way down: a corpus of thousands of stories has millions of nodes.
  const child = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (value !== '') found.push({ field: path, text: value });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, child(path, String(i)));
      });
    } else if (value instanceof Map) {
      for (const [key, item] of value) walk(item, child(path, String(key)));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) walk(item, child(path, key));
    }
  };
  walk(data, '');
  return found;
}

/** Every string in an entry's data, with where it sits: `stories/khalilzad-warns-taliban › quotes.3.words`. */
export function shownTexts(entry: string, data: unknown): ShownText[] {
  return fieldTexts(data).map(({ field, text }) => ({ where: field === '' ? entry : `${entry} › ${field}`, text }));
}

/** The characters of some texts, each once, as code points in ascending order. */
export function codePointsOf(texts: Iterable<string>): number[] {
  const set = new Set<number>();
  // By index rather than `for…of`, which makes a string of each character: the first read of a large
  // folder passes every character of every file through here (a third faster at N = 1,000).
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      set.add(cp);
      if (cp > 0xffff) i++;
    }
  }
  return [...set].sort((a, b) => a - b);
}

/** What a face is cut to, from the characters the site shows and those the source font has. */
export function facePoints(face: Face, shown: readonly number[], has: ReadonlySet<number>): number[] {
  const common = new Set(codePointsOf([ARABIC_COMMON]));
  const arabic = shown.filter((cp) => isArabicScript(String.fromCodePoint(cp)));
  const wanted =
    face.script === 'arabic'
      ? arabic.length === 0
        ? []
        : [...arabic, ...common]
      : codePointsOf([
          TEMPLATE_CHARACTERS,
          ...shown.filter((cp) => !arabic.includes(cp)).map((cp) => String.fromCodePoint(cp)),
        ]);
  return [...new Set(wanted)].filter((cp) => has.has(cp)).sort((a, b) => a - b);
}

/**
 * The Arabic face's `unicode-range`: Arabic script and the joiners, never a character Latin text
 * uses, so a page downloads the face only when it shows Arabic-script text.
 */
const inArabicRange = (cp: number) => cp === 0x200c || cp === 0x200d || isArabicScript(String.fromCodePoint(cp));

/** A character in the content that no face shipped for its script can show, and where it is. */
export interface Uncovered {
  codePoint: number;
  /** The faces that lack it. */
  faces: string[];
  /** The first few places it appears. */
  where: string[];
}

/**
 * Characters in the content that a shipped face cannot draw. A Latin character must be in every
 * Latin face, since any text may be set in either family, roman or italic; an Arabic-script one in
 * the Arabic face. Invisible characters (joiners, direction marks) draw nothing and are not checked.
 */
export function uncoveredCharacters(
  texts: readonly ShownText[],
  shown: readonly number[],
  coverage: ReadonlyMap<Face, ReadonlySet<number>>,
  limit = 3,
): Uncovered[] {
  // Each distinct character (`shown`, the texts' code points) is judged once; the texts are walked
  // again only to say where a missing one is.
  const missing = new Map<number, Uncovered>();
  for (const cp of shown) {
    const ch = String.fromCodePoint(cp);
    if (isInvisible(ch) || /^\s$/u.test(ch)) continue;
    const script: Script = isArabicScript(ch) ? 'arabic' : 'latin';
    const lacking = [...coverage]
      .filter(([face, has]) => face.script === script && !has.has(cp))
      .map(([face]) => face.name);
    if (lacking.length > 0) missing.set(cp, { codePoint: cp, faces: lacking, where: [] });
  }
  if (missing.size === 0) return [];
  for (const { where, text } of texts) {
    for (const ch of text) {
      const known = missing.get(ch.codePointAt(0)!);
      if (known && known.where.length < limit && !known.where.includes(where)) known.where.push(where);
    }
  }
  return [...missing.values()].sort((a, b) => a.codePoint - b.codePoint);
}

/** The build's error for characters no face can show: each character, which faces lack it, and where it is. */
export function describeUncovered(uncovered: readonly Uncovered[]): string {
  const lines = uncovered.map(
    ({ codePoint, faces, where }) =>
      `  ${describeCharacter(String.fromCodePoint(codePoint))}: not in ${faces.join(', ')}; in ${where.join('; ')}`,
  );
  return (
    `The content has ${uncovered.length === 1 ? 'a character' : `${uncovered.length} characters`} that no font the site ships can show:\n` +
    `${lines.join('\n')}\n` +
    'Write the text without them, or add a face for their script to FACES in src/lib/outputs/fonts.ts.'
  );
}

/** A content file as the fonts check reads it: its fields, and its text. */
export interface FileTexts {
  /** The file, relative to the project's root. */
  file: string;
  data: unknown;
  body?: string | undefined;
}

/**
 * The content check of the same rule (src/loader/contentLoader.ts), so `npm run check:content` and
 * the dev server find what the build would: one problem for each field of a file that holds a
 * character no face shipped for its script can show, naming the character and the faces.
 */
export function uncoveredProblems(
  files: readonly FileTexts[],
  coverage: ReadonlyMap<Face, ReadonlySet<number>>,
): ContentProblem[] {
  const texts = files.flatMap(({ file, data, body }) =>
    [...fieldTexts(data), ...(body ? [{ field: 'body', text: body }] : [])].map((text) => ({ file, ...text })),
  );
  const shown = codePointsOf(texts.map(({ text }) => text));
  const lacking = new Map(
    uncoveredCharacters([], shown, coverage).map(({ codePoint, faces }) => [codePoint, faces] as const),
  );
  if (lacking.size === 0) return [];
  return texts.flatMap(({ file, field, text }) => {
    const missing = [...new Set(text)].filter((ch) => lacking.has(ch.codePointAt(0)!));
    if (missing.length === 0) return [];
    const named = missing.map(
      (ch) => `${describeCharacter(ch)} (not in ${lacking.get(ch.codePointAt(0)!)!.join(', ')})`,
    );
    return [
      {
        file,
        field,
        value: text,
        expected: `only characters the site's fonts can show, but it has ${named.join(', ')}: write the text without ${missing.length === 1 ? 'it' : 'them'}, or add a face for the script to FACES in src/lib/outputs/fonts.ts`,
      },
    ];
  });
}

/** `U+20-7E,U+A0,U+2013-2014`: code points as a `unicode-range`, runs joined. */
export function unicodeRange(points: readonly number[]): string {
  const hex = (cp: number) => cp.toString(16).toUpperCase();
  const runs: [number, number][] = [];
  for (const cp of [...new Set(points)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && cp === last[1] + 1) last[1] = cp;
    else runs.push([cp, cp]);
  }
  return runs.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
}

/** Bump when the cutting changes in a way the inputs below do not show (harfbuzz options, the output format). */
const CUT_VERSION = 1;

/** A face as the site ships it. */
export interface ShippedFace {
  face: Face;
  /** The code points it is cut to. */
  points: number[];
  /** `source-serif-4-400-normal.3f9a1c07be.woff2`. */
  file: string;
}

/**
 * The file name of a face cut to some characters: a hash of everything that goes into the file (the
 * source font's bytes, the characters, the features kept), so a change to any of them is a new address
 * and a browser never shows a stale cached font.
 */
export function shippedFace(face: Face, points: readonly number[], sourceBytes: Uint8Array): ShippedFace {
  const hash = createHash('sha256')
    .update(JSON.stringify([CUT_VERSION, face.name, featuresOf(face), points]))
    .update(sourceBytes)
    .digest('hex')
    .slice(0, 10);
  return { face, points: [...points], file: `${face.name}.${hash}.woff2` };
}

/** Fallback names that carry another font's metrics on other systems: Liberation has Times New Roman's and Arial's. */
const METRIC_TWINS: Record<string, string[]> = {
  'Times New Roman': ['Liberation Serif', 'LiberationSerif'],
  Arial: ['Liberation Sans', 'LiberationSans'],
};

/**
 * The two stacks, each with the local fonts the web font falls back to while it loads, resized by
 * Capsize to the web font's metrics so the swap moves no line (`ascent-override`, `size-adjust`).
 */
const STACKS = {
  body: createFontStack([sourceSerif4, georgia, timesNewRoman], { fontFaceFormat: 'styleObject' }),
  ui: createFontStack([sourceSans3, arial, helvetica], { fontFaceFormat: 'styleObject' }),
};

const ARABIC_FAMILY = '"Noto Naskh Arabic"';

/**
 * `font-family` values: the web font, the Arabic face right after it (before the local fallbacks,
 * which on some systems draw Arabic in Times New Roman), the metric-matched fallbacks, the local
 * fonts themselves and the generic family. `arabicFirst` is for elements in an Arabic-script language.
 */
export function fontStack(which: 'body' | 'ui', arabicFirst = false): string {
  const [web, ...rest] = STACKS[which].fontFamily.split(', ');
  const generic = which === 'body' ? 'serif' : 'sans-serif';
  return (arabicFirst ? [ARABIC_FAMILY, web, ...rest, generic] : [web, ARABIC_FAMILY, ...rest, generic]).join(', ');
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A rule's declarations as CSS, one line; properties named as in JavaScript (`fontFamily`). */
const declarations = (properties: object) =>
  Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${kebab(name)}:${String(value)}`)
    .join(';');

/** The metric-matched fallback faces, Liberation added wherever it stands in for a font's metrics. */
function fallbackFaces(): string[] {
  return [...STACKS.body.fontFaces, ...STACKS.ui.fontFaces].map(({ '@font-face': face }) => {
    const { fontFamily = '', src = '' } = face;
    const twins = Object.entries(METRIC_TWINS).find(([local]) => fontFamily.endsWith(`Fallback: ${local}"`))?.[1] ?? [];
    const local = [src, ...twins.map((name) => `local('${name}')`)].join(', ');
    return `@font-face{${declarations({ ...face, src: local, fontDisplay: 'swap' })}}`;
  });
}

/**
 * The `@font-face` rules every page carries inline: each shipped face, with its `unicode-range`
 * (exactly the characters it was cut to, so a page with no Arabic-script text never fetches the
 * Arabic face), then the fallbacks. `url` gives a file's address on the site.
 */
export function fontFaceCss(shipped: readonly ShippedFace[], url: (file: string) => string): string {
  const faces = shipped.map(
    ({ face, points, file }) =>
      `@font-face{${declarations({
        fontFamily: `"${face.family}"`,
        src: `url(${url(file)}) format("woff2")`,
        fontWeight: face.weight,
        fontStyle: face.style,
        fontDisplay: 'swap',
        unicodeRange: unicodeRange(face.script === 'arabic' ? points.filter(inArabicRange) : points),
      })}}`,
  );
  return [...faces, ...fallbackFaces(), stackRules()].join('');
}

/** Languages written in Arabic script that pages may mark: their text puts the Arabic face first. */
const ARABIC_SCRIPT_LANGUAGES = ['ps', 'fa', 'prs', 'ar', 'ur'];

/**
 * The site's font stacks as the custom properties every stylesheet reads (`--font-body`, `--font-ui`),
 * written here, beside the faces they name, and nowhere else. Text in an Arabic-script language puts
 * the Arabic face first, so it draws every character it has (the joiners, Arabic punctuation), not only
 * the letters (global.css sets an element with a `lang` in the stack again, so it takes its own).
 */
function stackRules(): string {
  const stacks = (arabicFirst: boolean) =>
    declarations({ '--font-body': fontStack('body', arabicFirst), '--font-ui': fontStack('ui', arabicFirst) });
  const arabic = ARABIC_SCRIPT_LANGUAGES.map((lang) => `:lang(${lang})`).join(',');
  return `:root{${stacks(false)}}${arabic}{${stacks(true)}}`;
}

/** Where the site serves a font file (src/pages/fonts/[file].ts). */
export const fontUrl = (file: string): string => `/fonts/${file}`;

/** A face's source font as its package ships it, and the characters it can draw. */
export interface SourceFile {
  /** The file's bytes, which name every face cut from it (`shippedFace`). */
  bytes: Uint8Array;
  codePoints: ReadonlySet<number>;
}

/** The site's fonts for one build, as every page and the font route read them. */
export interface SiteFonts {
  /** Each face that has a character to show, and what it is cut to. */
  faces: ShippedFace[];
  /** The `@font-face` rules, for an inline `<style>`. */
  css: string;
  /** The address of the face worth preloading. */
  preload: string;
}

/**
 * The site's fonts for what its pages show: `texts`, every string of the content as the pages get it
 * (the content store's entries), and `sources`, each face's source font by name. A character no face
 * can show throws, naming where: the content check refuses such characters in the files
 * (`uncoveredProblems`), and this holds for what the assembly derives from them. `shown`, the texts'
 * code points, may be given when known (the dev server keeps each entry's).
 */
export function planFonts(
  texts: readonly ShownText[],
  sources: ReadonlyMap<string, SourceFile>,
  shown: readonly number[] = codePointsOf(texts.map(({ text }) => text)),
): SiteFonts {
  const source = (face: Face) => {
    const file = sources.get(face.name);
    if (!file) throw new Error(`Fonts: no source font for ${face.name}`);
    return file;
  };
  const coverage = new Map(FACES.map((face) => [face, source(face).codePoints]));
  const uncovered = uncoveredCharacters(texts, shown, coverage);
  if (uncovered.length > 0) throw new Error(describeUncovered(uncovered));
  const faces = FACES.flatMap((face) => {
    const points = facePoints(face, shown, source(face).codePoints);
    return points.length === 0 ? [] : [shippedFace(face, points, source(face).bytes)];
  });
  const preload = faces.find(({ face }) => face.name === PRELOADED_FACE);
  if (!preload) throw new Error(`Fonts: ${PRELOADED_FACE}, the face pages preload, has nothing to show`);
  return { faces, css: fontFaceCss(faces, fontUrl), preload: fontUrl(preload.file) };
}
