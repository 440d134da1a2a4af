import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { drawLines, fitText, fontCoverage, loadFaces, missingCharacter, type Direction } from './cardtext.ts';
import { SITE_LANGUAGE, textDirection } from '../model/language.ts';

/**
 * Drawing a share card from what it shows (sharecard.ts decides that, and caches the result). Drawn
 * with satori (layout to SVG) and resvg (SVG to PNG) from font files in npm packages; words satori
 * cannot set (right to left, or a script that needs shaping, such as Pashto and Dari) are shaped in
 * cardtext.ts and placed as an image; words no card font can draw are left off.
 *
 * This module and those it imports run in plain Node as well as in the build: the card pool's
 * workers (cardpool.ts, cardworker.ts) load it through Node's own TypeScript type stripping, outside
 * Vite. So its imports name their `.ts` files and it imports nothing Vite must transform (the
 * stylesheet's palette comes in the `CardDesign`).
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Everything the card shows, as text: two cards with equal content are the same image. */
export interface CardContent {
  /** The form label: "Direct quote", "Paraphrase, not their words"... */
  label: string;
  /** The words, shortened to fit, in quotation marks only for a direct quote. */
  words: string;
  /** Whether the words are our paraphrase rather than the speaker's. */
  paraphrase: boolean;
  /** The words' language, BCP 47 ("ps", "fa-AF", "en"): HarfBuzz shapes by its conventions. */
  lang: string;
  /** Which way the words run: right to left for a language written in Arabic script, say. */
  direction: Direction;
  /** A translation of the words, set under them in the card's own face, smaller. */
  translation?: CardTranslation | undefined;
  /** The speaker's full name; for a speaker the source does not name, its description marked unnamed. */
  speaker: string;
  /** Whether the source does not name the speaker: such a card never shows a name or a role. */
  unnamed: boolean;
  /** The speaker's role when the words were said, or what the source ties an unnamed speaker to; empty when neither is known. */
  role: string;
  /** When, and how sure we are: "7 May 2021, inferred from “late on Friday”". */
  date: string;
  /** The story's title. */
  story: string;
  /** "Corrected 2 March 2024" when a correction changed what the quote says; empty when none has. */
  corrected: string;
}

/** A translation line: the translated words, and whose translation it is. */
export interface CardTranslation {
  words: string;
  /** "Our translation", or "Translation: <the source's title>". */
  label: string;
}

/**
 * Bump when `cardLayout` or the encoding changes, so every cached card is drawn again (2: palette
 * PNG; 3: shaped right-to-left words, the translation line, the words left off when no font has them).
 */
const LAYOUT_VERSION = 3;
/** The palette entries the card uses. */
const CARD_COLOURS = ['bg', 'fg', 'muted', 'border', 'accent'] as const;

/**
 * The light-scheme value of each custom property in the site's stylesheet: the first declaration of
 * each name, which is the `:root` block's (the dark block comes after it).
 */
export function readPalette(css: string): Record<string, string> {
  const palette: Record<string, string> = {};
  for (const [, name, value] of css.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) palette[name!] ??= value!.trim();
  return palette;
}

/** The design cards are drawn with: the layout's version, `fonts` and the palette `css` declares. */
export function designFrom(fonts: string[], css: string): CardDesign {
  const all = readPalette(css);
  const palette = Object.fromEntries(
    CARD_COLOURS.map((name) => {
      if (all[name] === undefined) throw new Error(`src/styles/global.css: the share card needs the colour --${name}`);
      return [name, all[name]];
    }),
  );
  return { version: LAYOUT_VERSION, palette, fonts };
}

/** How cards look, apart from their text: a change here must redraw every card. */
export interface CardDesign {
  /** `LAYOUT_VERSION`. */
  version: number;
  /** The colours the card uses, by custom-property name. */
  palette: Record<string, string>;
  /** The font files, by name. */
  fonts: string[];
}

interface Node {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: (Node | string)[] | Node | string;
    src?: string;
    width?: number;
    height?: number;
  };
}

const el = (style: Node['props']['style'], ...children: (Node | string)[]): Node => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
});

/** The words' type size: large for a short quote, smaller for a long one, a step smaller above a translation. */
function wordsSize(words: string, translated: boolean): number {
  const step = (words.length <= 90 ? 0 : words.length <= 140 ? 1 : 2) + (translated ? 1 : 0);
  return WORDS_SIZES[step]!;
}

/** The words' type sizes, largest first. */
const WORDS_SIZES = [60, 50, 42, 36];
/** The width the words have: the card less its accent border and side padding. */
const WORDS_WIDTH = CARD_WIDTH - 24 - 56 - 64;
/** The height shaped words may take, so they never reach the speaker; less above a translation. */
const WORDS_HEIGHT = { alone: 290, translated: 180 };
/** What a card shows instead of words no card font can draw. */
export const WORDS_WITHHELD = 'The words are on the quote’s page';

/** The pieces of a card's text that come from the content, each set on its own. */
export type Piece = 'words' | 'translationLabel' | 'translation' | 'speaker' | 'role' | 'date' | 'story';

/** How a piece is drawn: by satori as text, as a shaped image, or not at all when no card font can draw it. */
type Art = { kind: 'text' } | { kind: 'image'; src: string; width: number; height: number } | { kind: 'withheld' };

/** Every card's frame: the page colours, the accent rule down the left, and its sections spread from top to foot. */
function cardFrame(palette: CardDesign['palette'], ...sections: Node[]): Node {
  return el(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      backgroundColor: palette.bg!,
      color: palette.fg!,
      fontFamily: 'Inter',
      borderLeft: `24px solid ${palette.accent}`,
    },
    el(
      { flexDirection: 'column', justifyContent: 'space-between', width: '100%', padding: '52px 64px 44px 56px' },
      ...sections,
    ),
  );
}

/** A piece of text as satori places it: as text in `style`, or as its shaped image; nothing when withheld. */
function drawPiece(drawn: Art, style: Node['props']['style'], text: string): Node[] {
  if (drawn.kind === 'withheld') return [];
  if (drawn.kind === 'text') return [el(style, text)];
  const image: Node = { type: 'img', props: { src: drawn.src, width: drawn.width, height: drawn.height } };
  return [el({ marginTop: style?.marginTop ?? 0 }, image)];
}

/** The card as a satori element tree, each piece drawn as `art` says. */
function cardLayout(card: CardContent, palette: CardDesign['palette'], art: Record<Piece, Art>): Node {
  const translation = art.translation.kind === 'withheld' ? undefined : card.translation;
  /** A piece of this card, by name, drawn as `art` says. */
  const piece = (name: Piece, style: Node['props']['style'], text: string): Node[] => drawPiece(art[name], style, text);
  const words =
    art.words.kind === 'withheld'
      ? [el({ fontSize: 42, fontWeight: 400, color: palette.muted!, lineHeight: 1.25 }, WORDS_WITHHELD)]
      : // A paraphrase is set lighter than words someone said, beside its label.
        piece(
          'words',
          {
            fontSize: wordsSize(card.words, translation !== undefined),
            fontWeight: card.paraphrase ? 400 : 600,
            lineHeight: 1.25,
          },
          card.words,
        );
  return cardFrame(
    palette,
    el(
      { fontSize: 24, fontWeight: 700, color: palette.muted!, textTransform: 'uppercase', letterSpacing: 1 },
      card.label,
    ),
    translation === undefined
      ? el({ flexDirection: 'column' }, ...words)
      : el(
          { flexDirection: 'column' },
          ...words,
          el(
            { flexDirection: 'column', marginTop: 18 },
            ...piece(
              'translationLabel',
              { fontSize: 18, fontWeight: 700, color: palette.muted!, textTransform: 'uppercase', letterSpacing: 1 },
              translation.label,
            ),
            ...piece('translation', { fontSize: 26, lineHeight: 1.3, marginTop: 4 }, translation.words),
          ),
        ),
    el(
      { flexDirection: 'column', borderTop: `2px solid ${palette.border}`, paddingTop: 20 },
      ...piece('speaker', { fontSize: 32, fontWeight: 700 }, card.speaker),
      ...(card.role === '' ? [] : piece('role', { fontSize: 24, color: palette.muted! }, card.role)),
      ...piece('date', { fontSize: 24, color: palette.muted!, marginTop: 4 }, card.date),
      ...piece('story', { fontSize: 22, color: palette.accent!, marginTop: 14 }, card.story),
      // Our words and a date: always in the card's own face, so never a shaped piece.
      ...(card.corrected === ''
        ? []
        : [el({ fontSize: 20, fontWeight: 700, color: palette.fg!, marginTop: 8 }, card.corrected)]),
    ),
  );
}

export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 600 | 700;
  style: 'normal';
}

const FONT_FILES = [400, 600, 700].flatMap((weight) =>
  ['latin', 'latin-ext'].map((subset) => ({
    file: `inter-${subset}-${weight}-normal.woff`,
    weight: weight as CardFont['weight'],
  })),
);

let fonts: Promise<CardFont[]> | undefined;

/** Inter from @fontsource/inter (satori reads WOFF, not WOFF2), read from disk once per build. */
export function loadCardFonts(): Promise<CardFont[]> {
  const require = createRequire(import.meta.url);
  fonts ??= Promise.all(
    FONT_FILES.map(async ({ file, weight }) => ({
      name: 'Inter',
      data: await readFile(require.resolve(`@fontsource/inter/files/${file}`)),
      weight,
      style: 'normal' as const,
    })),
  );
  return fonts;
}

/** The weights card text is set in (`cardLayout`): words 600 (a paraphrase 400), names and labels 700, the rest 400. */
type TextWeight = 400 | 600 | 700;
const interFaces = (weight: TextWeight) =>
  ['latin', 'latin-ext'].map((subset) => `@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`);
/** Noto Naskh Arabic for Arabic-script text, with its own Latin for the names and figures among them. */
const naskhFaces = (weight: TextWeight) =>
  ['arabic', 'latin', 'latin-ext'].map(
    (subset) => `@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-${subset}-${weight}-normal.woff`,
  );

export const CARD_FONT_FILES = [
  ...FONT_FILES.map((f) => f.file),
  ...([400, 600, 700] as const).flatMap((weight) => naskhFaces(weight).map((path) => path.split('/').at(-1)!)),
];

/** A piece of the card's text as it is set: its words, weight, colour, the sizes it may take and the box it must fit. */
interface PieceText {
  text: string;
  weight: TextWeight;
  colour: keyof CardDesign['palette'];
  /** Largest first: shaped text takes the largest that fits the box. */
  sizes: readonly number[];
  height: number;
  lang: string;
  direction: Direction;
}

/** The card's pieces as they are set (`cardLayout` gives satori the same sizes and weights). */
function pieceTexts(card: CardContent): Partial<Record<Piece, PieceText>> {
  const ours = { lang: SITE_LANGUAGE, direction: textDirection(SITE_LANGUAGE) };
  const line = (text: string, weight: TextWeight, size: number, colour: PieceText['colour'] = 'muted'): PieceText => ({
    text,
    weight,
    colour,
    sizes: [size],
    height: 2 * 1.6 * size,
    ...ours,
  });
  const { translation } = card;
  return {
    words: {
      text: card.words,
      weight: card.paraphrase ? 400 : 600,
      colour: 'fg',
      sizes: WORDS_SIZES,
      height: translation ? WORDS_HEIGHT.translated : WORDS_HEIGHT.alone,
      lang: card.lang,
      direction: card.direction,
    },
    ...(translation && {
      // Satori sets the label in capitals; shaped text is put in capitals before it is shaped.
      translationLabel: line(translation.label.toLocaleUpperCase(SITE_LANGUAGE), 700, 18),
      translation: line(translation.words, 400, 26, 'fg'),
    }),
    speaker: line(card.speaker, 700, 32, 'fg'),
    ...(card.role === '' ? {} : { role: line(card.role, 400, 24) }),
    date: line(card.date, 400, 24),
    story: line(card.story, 400, 22, 'accent'),
  };
}

/** How a piece will be drawn, decided from its characters and the fonts' before anything is drawn. */
type PiecePlan = { kind: 'text' } | { kind: 'shaped'; files: string[] } | { kind: 'withheld'; missing: string };

/**
 * Text that runs left to right and that Inter draws whole stays satori's text, never shaped. Other
 * text is shaped, in Noto Naskh Arabic first when it runs right to left, else in Inter first (so a
 * Pashto date the source gives, inside an English line, is joined and runs right to left).
 */
async function planPiece(piece: PieceText): Promise<PiecePlan> {
  const inter = interFaces(piece.weight);
  if (piece.direction === 'ltr' && missingCharacter(piece.text, await fontCoverage(inter)) === undefined)
    return { kind: 'text' };
  const naskh = naskhFaces(piece.weight);
  const files = piece.direction === 'rtl' ? [...naskh, ...inter] : [...inter, ...naskh];
  const missing = missingCharacter(piece.text, await fontCoverage(files));
  return missing === undefined ? { kind: 'shaped', files } : { kind: 'withheld', missing };
}

export async function planCard(card: CardContent): Promise<[Piece, PieceText, PiecePlan][]> {
  return Promise.all(
    Object.entries(pieceTexts(card)).map(
      async ([name, piece]) => [name as Piece, piece, await planPiece(piece)] as [Piece, PieceText, PiecePlan],
    ),
  );
}

/**
 * The drawing libraries, loaded with the first card drawn: a build whose cards all come from the
 * cache never draws one, and loading satori, resvg and sharp costs it a fifth of a second of CPU.
 */
async function loadLibraries() {
  const [satori, resvg, sharp] = await Promise.all([import('satori'), import('@resvg/resvg-js'), import('sharp')]);
  return { satori: satori.default, Resvg: resvg.Resvg, sharp: sharp.default };
}
let libraries: ReturnType<typeof loadLibraries> | undefined;
const drawingLibraries = () => (libraries ??= loadLibraries());

/** A piece as satori places it: shaped text as an SVG image of its glyphs, in its colour. */
async function pieceArt(piece: PieceText, plan: PiecePlan, palette: CardDesign['palette']): Promise<Art> {
  if (plan.kind !== 'shaped') return plan;
  const set = await fitText(
    piece.text,
    { faces: await loadFaces(plan.files), lang: piece.lang, direction: piece.direction },
    piece.sizes,
    {
      width: WORDS_WIDTH,
      height: piece.height,
    },
  );
  const { svg, height } = drawLines(set, piece.direction, WORDS_WIDTH, palette[piece.colour]!);
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  return { kind: 'image', src, width: WORDS_WIDTH, height };
}

/** Draws the card as a full-colour PNG, exactly as resvg renders it. */
export async function renderCardFullColour(
  card: CardContent,
  design: CardDesign,
  cardFonts: CardFont[],
): Promise<Uint8Array> {
  const art: Record<Piece, Art> = {
    words: { kind: 'text' },
    translationLabel: { kind: 'text' },
    translation: { kind: 'text' },
    speaker: { kind: 'text' },
    role: { kind: 'text' },
    date: { kind: 'text' },
    story: { kind: 'text' },
  };
  for (const [name, piece, plan] of await planCard(card)) art[name] = await pieceArt(piece, plan, design.palette);
  // A translation is shown whole or not at all: its label without it, or it without its label, would mislead.
  if (art.translationLabel.kind === 'withheld') art.translation = { kind: 'withheld' };
  const { satori, Resvg } = await drawingLibraries();
  const svg = await satori(cardLayout(card, design.palette, art), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: cardFonts,
  });
  return new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng();
}

/**
 * Draws the card as a PNG with a palette of at most 256 colours (libimagequant, through sharp). A
 * card is flat colour and anti-aliased text, so it loses nothing a reader can see and weighs about a
 * third: the whole site is deployed on every build, and cards are most of its bytes. Every link
 * preview reads a palette PNG. tests/unit/sharecard.test.ts compares it with the full-colour render.
 */
export async function renderCard(card: CardContent, design: CardDesign, cardFonts: CardFont[]): Promise<Uint8Array> {
  return paletteEncode(await renderCardFullColour(card, design, cardFonts));
}

/** A full-colour PNG as a palette PNG (see `renderCard`). */
async function paletteEncode(png: Uint8Array): Promise<Uint8Array> {
  const { sharp } = await drawingLibraries();
  return new Uint8Array(await sharp(png).png({ palette: true, colours: 256, compressionLevel: 9 }).toBuffer());
}

/**
 * A page's own card for link previews, drawn like the quote cards (same palette, faces, accent rule
 * and encoding): a story's shows its headline, dek and dates; the site's, the card of every page
 * without one of its own, shows the site's name and what it is.
 */
export interface PageCardContent {
  /** The line above the headline, in capitals: the site's name on a story's card; empty on the site's own. */
  kicker: string;
  /** The story's headline, or the site's name. */
  headline: string;
  /** The story's dek, or what the site is. */
  dek: string;
  /** The line at the foot: when the story was published and last updated; empty on the site's card. */
  footer: string;
}

/** The headline's type sizes, largest first, and the longest headline each is used for. */
const HEADLINE_SIZES = [
  [64, 50],
  [56, 90],
  [48, 120],
  [42, Infinity],
] as const;
/** The heights shaped headline and dek text may take: three lines of each. */
const HEADLINE_HEIGHT = 240;
const DEK_HEIGHT = 125;

/** The pieces of a page card's text, each set on its own. */
export type PagePiece = keyof PageCardContent;

/** The sizes a headline may take: the one its length calls for, then smaller ones for shaped text that needs them. */
function headlineSizes(headline: string): number[] {
  const first = HEADLINE_SIZES.findIndex(([, longest]) => headline.length <= longest);
  return HEADLINE_SIZES.slice(first).map(([size]) => size);
}

/** The page card's pieces as they are set (`pageCardLayout` gives satori the same sizes and weights); empty ones are left out. */
function pagePieceTexts(card: PageCardContent): Partial<Record<PagePiece, PieceText>> {
  const ours = { lang: SITE_LANGUAGE, direction: textDirection(SITE_LANGUAGE) };
  const pieces: Record<PagePiece, PieceText> = {
    // Satori sets the kicker in capitals; shaped text is put in capitals before it is shaped.
    kicker: {
      text: card.kicker.toLocaleUpperCase(SITE_LANGUAGE),
      weight: 700,
      colour: 'muted',
      sizes: [24],
      height: 2 * 1.6 * 24,
      ...ours,
    },
    headline: {
      text: card.headline,
      weight: 700,
      colour: 'fg',
      sizes: headlineSizes(card.headline),
      height: HEADLINE_HEIGHT,
      ...ours,
    },
    dek: { text: card.dek, weight: 400, colour: 'muted', sizes: [30], height: DEK_HEIGHT, ...ours },
    footer: { text: card.footer, weight: 400, colour: 'muted', sizes: [24], height: 2 * 1.6 * 24, ...ours },
  };
  return Object.fromEntries(Object.entries(pieces).filter(([, piece]) => piece.text !== ''));
}

/** How each piece of a page card will be drawn, decided before anything is drawn. */
export async function planPageCard(card: PageCardContent): Promise<[PagePiece, PieceText, PiecePlan][]> {
  return Promise.all(
    Object.entries(pagePieceTexts(card)).map(
      async ([name, piece]) => [name as PagePiece, piece, await planPiece(piece)] as [PagePiece, PieceText, PiecePlan],
    ),
  );
}

/** The page card as a satori element tree, each piece drawn as `art` says. */
function pageCardLayout(card: PageCardContent, palette: CardDesign['palette'], art: Record<PagePiece, Art>): Node {
  const piece = (name: PagePiece, style: Node['props']['style']): Node[] =>
    card[name] === '' ? [] : drawPiece(art[name], style, card[name]);
  return cardFrame(
    palette,
    el(
      { flexDirection: 'column' },
      ...piece('kicker', {
        fontSize: 24,
        fontWeight: 700,
        color: palette.muted!,
        textTransform: 'uppercase',
        letterSpacing: 1,
      }),
    ),
    el(
      { flexDirection: 'column' },
      ...piece('headline', { fontSize: headlineSizes(card.headline)[0]!, fontWeight: 700, lineHeight: 1.15 }),
      ...piece('dek', { fontSize: 30, color: palette.muted!, lineHeight: 1.3, marginTop: 24 }),
    ),
    el(
      {
        flexDirection: 'column',
        ...(card.footer === '' ? {} : { borderTop: `2px solid ${palette.border}`, paddingTop: 20 }),
      },
      ...piece('footer', { fontSize: 24, color: palette.muted! }),
    ),
  );
}

/** Draws a page card as a palette PNG, as `renderCard` draws a quote's. */
export async function renderPageCard(
  card: PageCardContent,
  design: CardDesign,
  cardFonts: CardFont[],
): Promise<Uint8Array> {
  const art: Record<PagePiece, Art> = {
    kicker: { kind: 'text' },
    headline: { kind: 'text' },
    dek: { kind: 'text' },
    footer: { kind: 'text' },
  };
  for (const [name, piece, plan] of await planPageCard(card)) art[name] = await pieceArt(piece, plan, design.palette);
  const { satori, Resvg } = await drawingLibraries();
  const svg = await satori(pageCardLayout(card, design.palette, art), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: cardFonts,
  });
  return paletteEncode(new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng());
}

/** What each kind of card is drawn from: a new kind of card adds its input here and its drawing to `DRAWINGS`. */
export interface CardInputs {
  quote: CardContent;
  page: PageCardContent;
}

type CardKind = keyof CardInputs;

/** One card to draw of kind `K`: plain data, so it can be posted to a worker. */
interface CardJobOf<K extends CardKind> {
  kind: K;
  card: CardInputs[K];
}

/** One card to draw, of any kind. */
export type CardJob = { [K in CardKind]: CardJobOf<K> }[CardKind];

const DRAWINGS: {
  [K in CardKind]: (card: CardInputs[K], design: CardDesign, fonts: CardFont[]) => Promise<Uint8Array>;
} = { quote: renderCard, page: renderPageCard };

/** Draws one card of any kind, in `design`. */
export async function drawCard<K extends CardKind>(job: CardJobOf<K>, design: CardDesign): Promise<Uint8Array> {
  return DRAWINGS[job.kind](job.card, design, await loadCardFonts());
}
