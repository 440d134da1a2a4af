import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import globalCss from '../../styles/global.css?raw';
import { imageCacheDir, renderOrReuse } from './imagecache';
import { drawLines, fitText, loadFaces, missingCharacter, type Direction, type TextFace } from './cardtext';
import { describeAffiliation, describeRole, speakerName, unnamedParts, type ActorLookup } from '../present/actors';
import { FORM_LABELS, SITE_DESCRIPTION, SITE_NAME } from '../present/labels';
import { describeSaid, displayWords } from '../present/quotes';
import { formatDate } from '../present/dates';
import { isUnnamed, type Quote, type Story } from '../model/corpus';
import { capitalise, shorten } from '../present/text';
import { translationLabel } from '../present/language';
import { SITE_LANGUAGE, textDirection } from '../model/language';

/**
 * The share card: a 1200x630 PNG per quote for link previews. It shows the words (shortened between
 * words when too long), the form, the speaker and role (a speaker the source does not name: as it
 * describes them, marked unnamed, with who it ties them to), the date as we know it, and the story's title.
 * Drawn with satori (layout to SVG) and resvg (SVG to PNG) from font files in npm packages, in the
 * site's light palette read from global.css, so no colour is written twice. Words satori cannot set
 * (right to left, or a script that needs shaping, such as Pashto and Dari) are shaped in cardtext.ts
 * and placed as an image; words no card font can draw are left off, and the card says where to read them.
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
}

/** A translation line: the translated words, and whose translation it is. */
export interface CardTranslation {
  words: string;
  /** "Our translation", or "Translation: <the source's title>". */
  label: string;
}

/** What a card is made from. */
export type CardQuote = Pick<Quote, 'form' | 'words' | 'speaker' | 'role' | 'said' | 'lang' | 'translation'>;

/** How cards look, apart from their text: a change here must redraw every card. */
export interface CardDesign {
  /** `LAYOUT_VERSION`. */
  version: number;
  /** The colours the card uses, by custom-property name. */
  palette: Record<string, string>;
  /** The font files, by name. */
  fonts: string[];
}

/**
 * Bump when `cardLayout` or the encoding changes, so every cached card is drawn again (2: palette
 * PNG; 3: shaped right-to-left words, the translation line, the words left off when no font has them).
 */
const LAYOUT_VERSION = 3;
/** The longest words a card shows in full; longer ones are shortened. */
export const WORDS_MAX = 190;
/** The palette entries the card uses. */
const CARD_COLOURS = ['bg', 'fg', 'muted', 'border', 'accent'] as const;

/** The speaker's name; a long description is shortened before the unnamed mark, which always shows. */
function cardSpeaker(speaker: Quote['speaker']): string {
  if (!isUnnamed(speaker)) return speakerName(speaker);
  const [description, mark] = unnamedParts(speaker, { capitalised: true });
  return `${shorten(description, 56)} ${mark}`;
}

/** The speaker's second line: the role then, or an unnamed speaker's affiliation. */
function speakerLine(quote: Pick<Quote, 'speaker' | 'role'>, actors: ActorLookup): string {
  if (isUnnamed(quote.speaker)) return capitalise(describeAffiliation(quote.speaker) ?? '');
  return quote.role === undefined ? '' : describeRole(quote.role, actors);
}

/** The longest translation a card shows in full. */
const TRANSLATION_MAX = 150;

/**
 * The words as the card shows them: a direct quote in quotation marks, guillemets for words that run
 * right to left (Pashto and Dari quote «so»; the shaper mirrors them to face the right way).
 */
function cardWords(quote: CardQuote, direction: Direction): string {
  const words = shorten(quote.words, WORDS_MAX);
  return direction === 'rtl' && quote.form === 'direct' ? `«${words}»` : displayWords(quote.form, words);
}

function cardTranslation(translation: NonNullable<Quote['translation']>): CardTranslation {
  return {
    words: shorten(translation.words, TRANSLATION_MAX),
    label: shorten(capitalise(translationLabel(translation)), 90),
  };
}

/** What the card for a quote shows; `actors` names the organisations roles belong to. */
export function describeCard(quote: CardQuote, storyTitle: string, actors: ActorLookup): CardContent {
  const { lang } = quote;
  const direction = textDirection(lang);
  return {
    label: FORM_LABELS[quote.form],
    words: cardWords(quote, direction),
    paraphrase: quote.form === 'paraphrase',
    lang,
    direction,
    ...(quote.translation && { translation: cardTranslation(quote.translation) }),
    speaker: cardSpeaker(quote.speaker),
    unnamed: isUnnamed(quote.speaker),
    role: shorten(speakerLine(quote, actors), 90),
    date: shorten(capitalise(describeSaid(quote.said)), 90),
    story: shorten(storyTitle, 90),
  };
}

/**
 * The light-scheme value of each custom property in the site's stylesheet: the first declaration of
 * each name, which is the `:root` block's (the dark block comes after it).
 */
export function readPalette(css: string): Record<string, string> {
  const palette: Record<string, string> = {};
  for (const [, name, value] of css.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) palette[name!] ??= value!.trim();
  return palette;
}

/** The design cards are drawn with. */
export function cardDesign(fonts: string[], css: string = globalCss): CardDesign {
  const all = readPalette(css);
  const palette = Object.fromEntries(
    CARD_COLOURS.map((name) => {
      if (all[name] === undefined) throw new Error(`src/styles/global.css: the share card needs the colour --${name}`);
      return [name, all[name]];
    }),
  );
  return { version: LAYOUT_VERSION, palette, fonts };
}

/**
 * The cache key of a card: a hash of everything that decides its pixels (the text it shows and the
 * design), serialised with fixed key order, so it changes exactly when the image would.
 */
export function cardKey(card: CardContent, design: CardDesign): string {
  const text = [
    card.label,
    card.words,
    card.paraphrase,
    card.lang,
    card.direction,
    card.translation?.words ?? null,
    card.translation?.label ?? null,
    card.speaker,
    card.unnamed,
    card.role,
    card.date,
    card.story,
  ];
  const look = [design.version, Object.entries(design.palette).sort(([a], [b]) => a.localeCompare(b)), design.fonts];
  return createHash('sha256')
    .update(JSON.stringify([text, look]))
    .digest('hex')
    .slice(0, 32);
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
const WORDS_WITHHELD = 'The words are on the quote’s page';

/** The pieces of a card's text that come from the content, each set on its own. */
type Piece = 'words' | 'translationLabel' | 'translation' | 'speaker' | 'role' | 'date' | 'story';

/** How a piece is drawn: by satori as text, as a shaped image, or not at all when no card font can draw it. */
type Art = { kind: 'text' } | { kind: 'image'; src: string; width: number; height: number } | { kind: 'withheld' };

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
      ),
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
type PiecePlan = { kind: 'text' } | { kind: 'shaped'; faces: TextFace[] } | { kind: 'withheld'; missing: string };

/**
 * Text that runs left to right and that Inter draws whole stays satori's text, never shaped. Other
 * text is shaped, in Noto Naskh Arabic first when it runs right to left, else in Inter first (so a
 * Pashto date the source gives, inside an English line, is joined and runs right to left).
 */
async function planPiece(piece: PieceText): Promise<PiecePlan> {
  const inter = await loadFaces(interFaces(piece.weight));
  if (piece.direction === 'ltr' && missingCharacter(piece.text, inter) === undefined) return { kind: 'text' };
  const naskh = await loadFaces(naskhFaces(piece.weight));
  const faces = piece.direction === 'rtl' ? [...naskh, ...inter] : [...inter, ...naskh];
  const missing = missingCharacter(piece.text, faces);
  return missing === undefined ? { kind: 'shaped', faces } : { kind: 'withheld', missing };
}

async function planCard(card: CardContent): Promise<[Piece, PieceText, PiecePlan][]> {
  return Promise.all(
    Object.entries(pieceTexts(card)).map(
      async ([name, piece]) => [name as Piece, piece, await planPiece(piece)] as [Piece, PieceText, PiecePlan],
    ),
  );
}

const named = (char: string) => `“${char}”, U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** What the report calls each piece. */
const PIECE_NAMES: Record<Piece, string> = {
  words: 'the words',
  translationLabel: 'the translation',
  translation: 'the translation',
  speaker: 'the speaker',
  role: 'the role',
  date: 'the date',
  story: 'the story title',
};

/**
 * What a card leaves off because no card font can draw it, said for the build's report; undefined
 * when it draws everything. Decided from the text and the fonts alone, so a card reused from the
 * cache is reported as well as one drawn now.
 */
export async function cardFallback(card: CardContent): Promise<string | undefined> {
  const left = (await planCard(card)).flatMap(([name, , plan]) =>
    plan.kind === 'withheld'
      ? [
          `${PIECE_NAMES[name]} (no card font has ${named(plan.missing)}${name === 'words' ? '; it says they are on the quote’s page' : ''})`,
        ]
      : [],
  );
  return left.length === 0 ? undefined : `drawn without ${[...new Set(left)].join(' and ')}`;
}

/**
 * The card's text alternative: what the image shows, in its order: the form, the words (or that the
 * card leaves them off), the translation and whose it is, who said it, and when.
 */
export async function cardAltText(card: CardContent, speaker: string): Promise<string> {
  const withheld = new Set(
    (await planCard(card)).flatMap(([name, , plan]) => (plan.kind === 'withheld' ? [name] : [])),
  );
  const translation =
    card.translation && !withheld.has('translation') && !withheld.has('translationLabel')
      ? ` ${card.translation.label}: ${card.translation.words}.`
      : '';
  return `${card.label}. ${withheld.has('words') ? `${WORDS_WITHHELD}.` : card.words}${translation} ${speaker}. ${card.date}.`;
}

/** A piece as satori places it: shaped text as an SVG image of its glyphs, in its colour. */
async function pieceArt(piece: PieceText, plan: PiecePlan, palette: CardDesign['palette']): Promise<Art> {
  if (plan.kind !== 'shaped') return plan;
  const set = await fitText(
    piece.text,
    { faces: plan.faces, lang: piece.lang, direction: piece.direction },
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
  return new Uint8Array(await sharp(png).png({ palette: true, colours: 256, compressionLevel: 9 }).toBuffer());
}

/** The design, read from the stylesheet once per build. */
let buildDesign: CardDesign | undefined;

/**
 * The quote's share card as a PNG: from the cache when a card with the same content and design was
 * drawn before, else drawn now (satori's fonts are read only then) and cached. `fallback` says what
 * the card leaves off because no card font can draw it, for the build to report.
 */
export async function shareCard(
  quote: CardQuote,
  storyTitle: string,
  actors: ActorLookup,
  cacheDir: string = imageCacheDir(),
): Promise<{ image: Uint8Array; rendered: boolean; fallback: string | undefined }> {
  const card = describeCard(quote, storyTitle, actors);
  const design = (buildDesign ??= cardDesign(CARD_FONT_FILES));
  const fallback = await cardFallback(card);
  const result = await renderOrReuse(cacheDir, cardKey(card, design), async () =>
    renderCard(card, design, await loadCardFonts()),
  );
  return { ...result, fallback };
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

/** Bump when `pageCardLayout` changes, so every cached page card is drawn again. */
const PAGE_LAYOUT_VERSION = 1;
/** The longest headline and dek a page card shows in full; longer ones are shortened. */
export const HEADLINE_MAX = 140;
export const DEK_MAX = 200;
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
type PagePiece = keyof PageCardContent;

/** "Published 7 May 2021 · updated 9 May 2021", or only the first when the story was never updated. */
function storyDates(published: string, updated: string): string {
  const day = (on: string) => formatDate({ on, provenance: 'stated' });
  return published === updated
    ? `Published ${day(published)}`
    : `Published ${day(published)} · updated ${day(updated)}`;
}

/** What a story's card shows. */
export function describeStoryCard(story: Pick<Story, 'title' | 'dek' | 'published' | 'updated'>): PageCardContent {
  return {
    kicker: SITE_NAME,
    headline: shorten(story.title, HEADLINE_MAX),
    dek: shorten(story.dek, DEK_MAX),
    footer: storyDates(story.published, story.updated),
  };
}

/** What the site's card shows. */
export function describeSiteCard(): PageCardContent {
  return { kicker: '', headline: SITE_NAME, dek: SITE_DESCRIPTION, footer: '' };
}

/** The cache key of a page card: a hash of its text and the design, as `cardKey` is for a quote's. */
export function pageCardKey(card: PageCardContent, design: CardDesign): string {
  const text = ['page', PAGE_LAYOUT_VERSION, card.kicker, card.headline, card.dek, card.footer];
  const look = [design.version, Object.entries(design.palette).sort(([a], [b]) => a.localeCompare(b)), design.fonts];
  return createHash('sha256')
    .update(JSON.stringify([text, look]))
    .digest('hex')
    .slice(0, 32);
}

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

async function planPageCard(card: PageCardContent): Promise<[PagePiece, PieceText, PiecePlan][]> {
  return Promise.all(
    Object.entries(pagePieceTexts(card)).map(
      async ([name, piece]) => [name as PagePiece, piece, await planPiece(piece)] as [PagePiece, PieceText, PiecePlan],
    ),
  );
}

/** What a page card leaves off because no card font can draw it, for the build's report; undefined when it draws everything. */
export async function pageCardFallback(card: PageCardContent): Promise<string | undefined> {
  const left = (await planPageCard(card)).flatMap(([name, , plan]) =>
    plan.kind === 'withheld' ? [`the ${name} (no card font has ${named(plan.missing)})`] : [],
  );
  return left.length === 0 ? undefined : `drawn without ${left.join(' and ')}`;
}

/** The page card's text alternative: what it shows, in its order, without what it leaves off. */
export async function pageCardAltText(card: PageCardContent): Promise<string> {
  const drawn = (await planPageCard(card)).flatMap(([name, , plan]) => (plan.kind === 'withheld' ? [] : [card[name]]));
  return drawn.map((text) => (/[.!?…]$/.test(text) ? text : `${text}.`)).join(' ');
}

/** The page card as a satori element tree, each piece drawn as `art` says. */
function pageCardLayout(card: PageCardContent, palette: CardDesign['palette'], art: Record<PagePiece, Art>): Node {
  const piece = (name: PagePiece, style: Node['props']['style']): Node[] =>
    card[name] === '' ? [] : drawPiece(art[name], style, card[name]);
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
  const svg = await satori(pageCardLayout(card, design.palette, art), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: cardFonts,
  });
  return paletteEncode(new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng());
}

/**
 * A page card as a PNG, from the cache when one with the same text and design was drawn before,
 * else drawn now and cached; `fallback` as `shareCard` gives it.
 */
export async function pageCard(
  card: PageCardContent,
  cacheDir: string = imageCacheDir(),
): Promise<{ image: Uint8Array; rendered: boolean; fallback: string | undefined }> {
  const design = (buildDesign ??= cardDesign(CARD_FONT_FILES));
  const fallback = await pageCardFallback(card);
  const result = await renderOrReuse(cacheDir, pageCardKey(card, design), async () =>
    renderPageCard(card, design, await loadCardFonts()),
  );
  return { ...result, fallback };
}
