import { createHash } from 'node:crypto';
import globalCss from '../../styles/global.css?raw';
import { imageCacheDir, renderOrReuse, type PlannedImage } from './imagecache';
import type { Direction } from './cardtext';
import {
  CARD_FONT_FILES,
  designFrom,
  drawCard,
  planCard,
  WORDS_WITHHELD,
  type CardContent,
  type CardDesign,
  type CardJob,
  type CardTranslation,
  type Piece,
} from './carddraw';
import { describeAffiliation, describeRole, speakerName, unnamedParts, type ActorLookup } from '../present/actors';
import { FORM_LABELS } from '../present/labels';
import { describeSaid, displayWords } from '../present/quotes';
import { isUnnamed, type Corpus, type Quote } from '../model/corpus';
import { capitalise, shorten } from '../present/text';
import { translationLabel } from '../present/language';
import { textDirection } from '../model/language';

// Drawing lives in carddraw.ts, which the card pool's workers load outside Vite; what pages and tests use of it is here too.
export {
  readPalette,
  CARD_FONT_FILES,
  CARD_HEIGHT,
  CARD_WIDTH,
  loadCardFonts,
  renderCard,
  renderCardFullColour,
  type CardContent,
  type CardDesign,
  type CardTranslation,
} from './carddraw';

/**
 * The share card: a 1200x630 PNG per quote for link previews. It shows the words (shortened between
 * words when too long), the form, the speaker and role (a speaker the source does not name: as it
 * describes them, marked unnamed, with who it ties them to), the date as we know it, and the story's title.
 * Drawn in carddraw.ts, in the site's light palette read from global.css, so no colour is written
 * twice; words no card font can draw are left off, and the card says where to read them.
 */

/** What a card is made from. */
export type CardQuote = Pick<Quote, 'form' | 'words' | 'speaker' | 'role' | 'said' | 'lang' | 'translation'>;

/** The longest words a card shows in full; longer ones are shortened. */
export const WORDS_MAX = 190;

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

/** The design cards are drawn with, in the site's palette (src/styles/global.css). */
export const cardDesign = (fonts: string[], css: string = globalCss): CardDesign => designFrom(fonts, css);

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

/** The design, read from the stylesheet once per build. */
let buildDesign: CardDesign | undefined;
export const shareCardDesign = (): CardDesign => (buildDesign ??= cardDesign(CARD_FONT_FILES));

/**
 * The quote's share card as a PNG: from the cache when a card with the same content and design was
 * drawn before (a build draws them all beforehand, `quoteCardPlan`), else drawn now (satori's fonts
 * are read only then) and cached. `fallback` says what the card leaves off because no card font can
 * draw it, for the build to report.
 */
export async function shareCard(
  quote: CardQuote,
  storyTitle: string,
  actors: ActorLookup,
  cacheDir: string = imageCacheDir(),
): Promise<{ image: Uint8Array; rendered: boolean; fallback: string | undefined }> {
  const card = describeCard(quote, storyTitle, actors);
  const design = shareCardDesign();
  const fallback = await cardFallback(card);
  const result = await renderOrReuse(cacheDir, cardKey(card, design), () => drawCard({ kind: 'quote', card }, design));
  return { ...result, fallback };
}

/** Every quote's card in the corpus, by cache key: what a build draws on every core before serving the first. */
export function quoteCardPlan({ stories, actors }: Pick<Corpus, 'stories' | 'actors'>): PlannedImage<CardJob>[] {
  const design = shareCardDesign();
  return stories.flatMap((story) =>
    story.quotes.map((quote) => {
      const card = describeCard(quote, story.title, actors);
      return { key: cardKey(card, design), job: { kind: 'quote' as const, card } };
    }),
  );
}
