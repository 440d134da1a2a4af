import { createHash } from 'node:crypto';
import globalCss from '../../styles/global.css?raw';
import { renderOrReuse, type PlannedImage } from './imagecache.ts';
import type { Direction } from './cardtext.ts';
import {
  CARD_FONT_FILES,
  designFrom,
  drawCard,
  planCard,
  planPageCard,
  WORDS_WITHHELD,
  type CardContent,
  type CardDesign,
  type CardJob,
  type CardTranslation,
  type PageCardContent,
  type Piece,
} from './carddraw.ts';
import { describeAffiliation, describeRole, speakerName, unnamedParts, type ActorLookup } from '../present/actors.ts';
import { FORM_LABELS } from '../present/labels.ts';
import type { SiteSettings } from '../model/site.ts';
import { correctionsOf } from '../present/corrections.ts';
import { formatDate } from '../present/dates.ts';
import { describeSaid, displayWords } from '../present/quotes.ts';
import { isUnnamed, type Correction, type Quote, type Story } from '../model/corpus.ts';
import { hrefOf, pathsOf, ROUTES, type SiteCorpus } from '../present/routes.ts';
import { capitalise, shorten } from '../present/text.ts';
import { translationLabel } from '../present/language.ts';
import { textDirection } from '../model/language.ts';
import { statedDay } from '../model/date.ts';

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
  type PageCardContent,
} from './carddraw.ts';

/**
 * The share card: a 1200x630 PNG per quote for link previews. It shows the words (shortened between
 * words when too long), the form, the speaker and role (a speaker the source does not name: as it
 * describes them, marked unnamed, with who it ties them to), the date as we know it, and the story's title.
 * Drawn in carddraw.ts, in the site's light palette read from global.css, so no colour is written
 * twice; words no card font can draw are left off, and the card says where to read them.
 */

/** What a card is made from: the quote, and the day of the latest correction to what it says, if any. */
export type CardQuote = Pick<Quote, 'form' | 'words' | 'speaker' | 'role' | 'said' | 'lang' | 'translation'> & {
  correctedOn?: string | undefined;
};

/** The quote as its card is made from it, in its story: with its latest correction's day. */
export const cardQuote = (quote: Quote, story: Pick<Story, 'corrections'>): CardQuote => ({
  ...quote,
  correctedOn: correctionsOf(story, 'quote', quote.id)[0]?.date,
});

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
    corrected: quote.correctedOn === undefined ? '' : `Corrected ${dayInWords(quote.correctedOn)}`,
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
    // Only when there is one, so the cards of quotes never corrected keep their keys and their cached images.
    ...(card.corrected === '' ? [] : [card.corrected]),
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
  const corrected = card.corrected === '' ? '' : ` ${card.corrected}.`;
  return `${card.label}. ${withheld.has('words') ? `${WORDS_WITHHELD}.` : card.words}${translation} ${speaker}. ${card.date}.${corrected}`;
}

/** The design, read from the stylesheet once per build. */
let buildDesign: CardDesign | undefined;
export const shareCardDesign = (): CardDesign => (buildDesign ??= cardDesign(CARD_FONT_FILES));

/** A day, `YYYY-MM-DD`, as pages write it: "2 March 2024". */
const dayInWords = (day: string) => formatDate(statedDay(day));

/** Bump when what a page card shows changes, so every cached page card is drawn again. */
const PAGE_LAYOUT_VERSION = 1;
/** The longest headline and dek a page card shows in full; longer ones are shortened. */
export const HEADLINE_MAX = 140;
export const DEK_MAX = 200;

/** "Published 7 May 2021 · updated 9 May 2021", or only the first when the story was never updated. */
function storyDates(published: string, updated: string): string {
  return published === updated
    ? `Published ${dayInWords(published)}`
    : `Published ${dayInWords(published)} · updated ${dayInWords(updated)}`;
}

/** What a story's card shows: the site's name over the story's headline. */
export function describeStoryCard(
  story: Pick<Story, 'title' | 'dek' | 'published' | 'updated'>,
  siteName: string,
): PageCardContent {
  return {
    kicker: siteName,
    headline: shorten(story.title, HEADLINE_MAX),
    dek: shorten(story.dek, DEK_MAX),
    footer: storyDates(story.published, story.updated),
  };
}

/**
 * What a withdrawn quote's card shows at the quote's old card address: that it was withdrawn, when and
 * why, never another quote (links to the old card keep showing an image, and it is the truth).
 */
export function describeWithdrawnCard(
  withdrawal: Pick<Correction, 'date' | 'note'>,
  story: Pick<Story, 'title'>,
  siteName: string,
): PageCardContent {
  return {
    kicker: siteName,
    headline: `Quote withdrawn ${dayInWords(withdrawal.date)}`,
    dek: shorten(withdrawal.note, DEK_MAX),
    footer: shorten(story.title, 90),
  };
}

/** What the site's card shows: its name and description. */
export function describeSiteCard(settings: Pick<SiteSettings, 'name' | 'description'>): PageCardContent {
  return { kicker: '', headline: settings.name, dek: settings.description, footer: '' };
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

/** A card file of the site: where it is served, and the card drawn for it, cached by its key. */
export interface CardFile extends PlannedImage<CardJob> {
  /** Its URL path: `/stories/<slug>/quotes/<id>.png`, `/stories/<slug>/card.png` or `/card.png`. */
  path: string;
}

/**
 * Every card file of the site, at the paths of the card routes (src/lib/present/routes.ts): the
 * site's, each story's and each quote's (a withdrawn quote's says so). An old card address that
 * content/redirects.yaml sends to a card serves that card too: a static host cannot answer with a
 * redirect, and whoever embedded the image expects an image.
 */
export function cardFiles(corpus: SiteCorpus, settings: Pick<SiteSettings, 'name' | 'description'>): CardFile[] {
  const design = shareCardDesign();
  const pageFile = (path: string, card: PageCardContent): CardFile => ({
    path,
    key: pageCardKey(card, design),
    job: { kind: 'page', card },
  });
  const { siteCard, storyCard, quoteCard } = ROUTES;
  const files = [
    ...pathsOf(siteCard, corpus).map(({ params }) => pageFile(hrefOf(siteCard, params), describeSiteCard(settings))),
    ...pathsOf(storyCard, corpus).map(({ params, props }) =>
      pageFile(hrefOf(storyCard, params), describeStoryCard(props.story, settings.name)),
    ),
    ...pathsOf(quoteCard, corpus).map(({ params, props: { story, quote, withdrawn } }): CardFile => {
      const path = hrefOf(quoteCard, params);
      if (quote === undefined) return pageFile(path, describeWithdrawnCard(withdrawn.correction, story, settings.name));
      const card = describeCard(cardQuote(quote, story), story.title, corpus.actors);
      return { path, key: cardKey(card, design), job: { kind: 'quote', card } };
    }),
  ];
  const byPath = new Map(files.map((file) => [file.path, file]));
  const moved = corpus.redirects.flatMap((redirect) => {
    const target = byPath.get(redirect.to);
    return target === undefined ? [] : [{ ...target, path: redirect.from }];
  });
  return [...files, ...moved];
}

/** What a card leaves off because no card font can draw it, for the build's report; undefined when it draws everything. */
export function cardFallbackOf(job: CardJob): Promise<string | undefined> {
  return job.kind === 'quote' ? cardFallback(job.card) : pageCardFallback(job.card);
}

/** A card as a PNG: from the cache when it was drawn before, else drawn now and cached. */
export function cardImage(
  { key, job }: PlannedImage<CardJob>,
  cacheDir: string,
): Promise<{ image: Uint8Array; rendered: boolean }> {
  return renderOrReuse(cacheDir, key, () => drawCard(job, shareCardDesign()));
}
