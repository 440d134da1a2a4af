import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import globalCss from '../../styles/global.css?raw';
import { imageCacheDir, renderOrReuse } from './imagecache';
import { describeAffiliation, describeRole, speakerName, unnamedParts, type ActorLookup } from '../present/actors';
import { FORM_LABELS } from '../present/labels';
import { describeSaid, displayWords } from '../present/quotes';
import { isUnnamed, type Quote } from '../model/corpus';
import { shorten } from '../present/text';

/**
 * The share card: a 1200x630 PNG per quote for link previews. It shows the words (shortened between
 * words when too long), the form, the speaker and role (a speaker the source does not name: as it
 * describes them, marked unnamed, with who it ties them to), the date as we know it, and the story's title.
 * Drawn with satori (layout to SVG) and resvg (SVG to PNG) from a font file in an npm package, in the
 * site's light palette read from global.css, so no colour is written twice.
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

/** How cards look, apart from their text: a change here must redraw every card. */
export interface CardDesign {
  /** `LAYOUT_VERSION`. */
  version: number;
  /** The colours the card uses, by custom-property name. */
  palette: Record<string, string>;
  /** The font files, by name. */
  fonts: string[];
}

/** Bump when `cardLayout` or the encoding changes, so every cached card is drawn again (2: palette PNG). */
const LAYOUT_VERSION = 2;
/** The longest words a card shows in full; longer ones are shortened. */
export const WORDS_MAX = 190;
/** The palette entries the card uses. */
const CARD_COLOURS = ['bg', 'fg', 'muted', 'border', 'accent'] as const;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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

/** What the card for a quote shows; `actors` names the organisations roles belong to. */
export function describeCard(
  quote: Pick<Quote, 'form' | 'words' | 'speaker' | 'role' | 'said'>,
  storyTitle: string,
  actors: ActorLookup,
): CardContent {
  return {
    label: FORM_LABELS[quote.form],
    words: displayWords(quote.form, shorten(quote.words, WORDS_MAX)),
    paraphrase: quote.form === 'paraphrase',
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
  const text = [card.label, card.words, card.paraphrase, card.speaker, card.unnamed, card.role, card.date, card.story];
  const look = [design.version, Object.entries(design.palette).sort(([a], [b]) => a.localeCompare(b)), design.fonts];
  return createHash('sha256')
    .update(JSON.stringify([text, look]))
    .digest('hex')
    .slice(0, 32);
}

interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string };
}

const el = (style: Node['props']['style'], ...children: (Node | string)[]): Node => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
});

/** The words' type size: large for a short quote, smaller for a long one. */
function wordsSize(words: string): number {
  return words.length <= 90 ? 60 : words.length <= 140 ? 50 : 42;
}

/** The card as a satori element tree. */
function cardLayout(card: CardContent, palette: CardDesign['palette']): Node {
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
      // A paraphrase is set lighter than words someone said, beside its label.
      el({ fontSize: wordsSize(card.words), fontWeight: card.paraphrase ? 400 : 600, lineHeight: 1.25 }, card.words),
      el(
        { flexDirection: 'column', borderTop: `2px solid ${palette.border}`, paddingTop: 20 },
        el({ fontSize: 32, fontWeight: 700 }, card.speaker),
        ...(card.role === '' ? [] : [el({ fontSize: 24, color: palette.muted! }, card.role)]),
        el({ fontSize: 24, color: palette.muted!, marginTop: 4 }, card.date),
        el({ fontSize: 22, color: palette.accent!, marginTop: 14 }, card.story),
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

export const CARD_FONT_FILES = FONT_FILES.map((f) => f.file);

/** Draws the card as a full-colour PNG, exactly as resvg renders it. */
export async function renderCardFullColour(
  card: CardContent,
  design: CardDesign,
  cardFonts: CardFont[],
): Promise<Uint8Array> {
  const svg = await satori(cardLayout(card, design.palette), {
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
  const png = await renderCardFullColour(card, design, cardFonts);
  return new Uint8Array(await sharp(png).png({ palette: true, colours: 256, compressionLevel: 9 }).toBuffer());
}

/** The design, read from the stylesheet once per build. */
let buildDesign: CardDesign | undefined;

/**
 * The quote's share card as a PNG: from the cache when a card with the same content and design was
 * drawn before, else drawn now (the fonts are read only then) and cached.
 */
export async function shareCard(
  quote: Parameters<typeof describeCard>[0],
  storyTitle: string,
  actors: ActorLookup,
  cacheDir: string = imageCacheDir(),
): Promise<{ image: Uint8Array; rendered: boolean }> {
  const card = describeCard(quote, storyTitle, actors);
  const design = (buildDesign ??= cardDesign(CARD_FONT_FILES));
  return renderOrReuse(cacheDir, cardKey(card, design), async () => renderCard(card, design, await loadCardFonts()));
}
