import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CARD_FONT_FILES,
  CARD_HEIGHT,
  CARD_WIDTH,
  WORDS_MAX,
  cardAltText,
  cardDesign,
  cardFallback,
  cardFiles,
  cardImage,
  cardKey,
  cardQuote,
  describeCard,
  loadCardFonts,
  readPalette,
  renderCard,
  renderCardFullColour,
  type CardContent,
  type CardFile,
} from '../../src/lib/outputs/sharecard';
import { corpus, day } from './fixtures/corpus';
import { meanChannelDifference } from '../bench/figures';
import { settings } from './fixtures/settings';

/*
 * Share cards: what a card shows, its cache key, and real drawings through satori and resvg (cold,
 * then warm from the cache): a Latin card, a Pashto card whose shaped words stand on the right, and a
 * Chinese card no card font can draw, drawn without its words and reported. Not covered here: how
 * the card looks (open the PNGs in .cache/share-cards/), and the build's own log line
 * (tests/e2e/quotes.spec.ts reads the build). Shaping itself: tests/unit/cardtext.test.ts.
 */

const { stories, actors } = corpus();
const older = stories.find((s) => s.slug === 'older')!;
const quote = (id: string) => stories.flatMap((s) => s.quotes).find((q) => q.id === id)!;

const card: CardContent = {
  label: 'Direct quote',
  words: '“We will stand firm”',
  paraphrase: false,
  lang: 'en',
  direction: 'ltr',
  speaker: 'Ann Lee',
  unnamed: false,
  role: 'Envoy, State Department',
  date: '7 May 2021',
  story: 'The older story',
  corrected: '',
};
const design = cardDesign(CARD_FONT_FILES);

const PASHTO = 'موږ ټولو لورو ته بلنه ورکوو چې د سولې خبرو ته دوام ورکړي.';
const DARI = 'ما از همه طرف‌ها می‌خواهیم که به گفتگوهای صلح ادامه دهند.';
const CHINESE = '我们邀请各方继续和平谈判。';
/** A card of `words` in `lang`, as describeCard makes it from the stand-firm quote. */
const cardIn = (lang: string, words: string, more: object = {}) =>
  describeCard({ ...quote('stand-firm'), lang, words, ...more }, older.title, actors);
/** A quote's card as the build plans it, by its cache key. */
const quoteCard = (content: CardContent) => ({
  key: cardKey(content, design),
  job: { kind: 'quote' as const, card: content },
});

describe('describeCard', () => {
  it('shows the words, form, speaker, role, date and story title', () => {
    expect(describeCard(quote('stand-firm'), older.title, actors)).toEqual(card);
  });

  it('puts only direct quotes in quotation marks, and labels a paraphrase', () => {
    const paraphrase = describeCard(quote('talks-failed'), older.title, actors);
    expect(paraphrase.words).toBe('Talks have failed.');
    expect(paraphrase.label).toMatch(/paraphrase/i);
    expect(paraphrase.paraphrase).toBe(true);
    expect(describeCard({ ...quote('stand-firm'), form: 'reported' }, older.title, actors).words).toBe(
      'We will stand firm',
    );
  });

  it('says when a date is inferred, and when there is none', () => {
    const inferred = {
      ...day('2021-05-07'),
      statedAs: 'late on Friday',
      provenance: 'inferred' as const,
      reasoning: 'r',
    };
    expect(describeCard({ ...quote('stand-firm'), said: inferred }, 'T', actors).date).toBe(
      '7 May 2021, inferred from “late on Friday”',
    );
    expect(describeCard({ ...quote('stand-firm'), said: undefined }, 'T', actors).date).toBe(
      'Date not given in the source',
    );
  });

  it('prints an unnamed speaker as the source describes them, marked unnamed, with who it ties them to', () => {
    expect(describeCard(quote('talks-over'), older.title, actors)).toMatchObject({
      speaker: 'A senior Council official (unnamed)',
      unnamed: true,
      role: 'Affiliated with The Council',
    });
    expect(describeCard(quote('hopeful'), 'T', actors)).toMatchObject({
      speaker: 'A diplomat (unnamed)',
      unnamed: true,
      role: '',
    });
  });

  it('keeps the unnamed mark when a long description is shortened', () => {
    const talksOver = quote('talks-over');
    const long = { ...talksOver, speaker: { kind: 'unnamed' as const, description: 'an official '.repeat(20) } };
    expect(describeCard(long, 'T', actors).speaker).toMatch(/^An official (an official )+an… \(unnamed\)$/);
  });

  it('names the organisation of a member’s role by its actor', () => {
    expect(describeCard(quote('listening'), 'T', actors).role).toBe('Spokesman, The Council');
  });

  it('runs words right to left by their language', () => {
    expect(cardIn('ps', PASHTO)).toMatchObject({ lang: 'ps', direction: 'rtl', words: `«${PASHTO}»` });
    expect(cardIn('fa-AF', DARI, { form: 'paraphrase' })).toMatchObject({ direction: 'rtl', words: DARI });
    expect(cardIn('zh', CHINESE)).toMatchObject({ lang: 'zh', direction: 'ltr', words: `“${CHINESE}”` });
    expect(describeCard(quote('stand-firm'), 'T', actors)).toMatchObject({ lang: 'en', direction: 'ltr' });
  });

  it('labels a translation as ours or the source’s, and has none when the quote has none', () => {
    const ours = { words: 'We invite all sides to continue the peace talks.', by: 'us' as const };
    expect(cardIn('ps', PASHTO, { translation: ours }).translation).toEqual({
      words: ours.words,
      label: 'Our translation, not the speaker’s words',
    });
    const theirs = { words: 'We invite all sides.', by: 'source' as const, source: { title: 'Tolo News' } };
    expect(cardIn('ps', PASHTO, { translation: theirs }).translation).toEqual({
      words: 'We invite all sides.',
      label: 'Translation published in Tolo News',
    });
    expect(cardIn('ps', PASHTO)).not.toHaveProperty('translation');
  });

  it('shortens long words with an ellipsis, inside the quotation marks', () => {
    const long = 'word '.repeat(100).trim();
    const { words } = describeCard({ ...quote('stand-firm'), words: long }, 'T', actors);
    expect(words.length).toBeLessThanOrEqual(WORDS_MAX + 2);
    expect(words).toMatch(/^“(word )+word…”$/);
  });
});

describe('cardKey', () => {
  const key = cardKey(card, design);

  it('is the same for the same content, however it was assembled', () => {
    expect(cardKey({ ...card }, cardDesign([...CARD_FONT_FILES]))).toBe(key);
    expect(cardKey(describeCard(quote('stand-firm'), older.title, actors), design)).toBe(key);
  });

  it('ignores what the card does not show: source, claims, medium, words past the cut', () => {
    const shown = quote('stand-firm');
    expect(
      cardKey(
        describeCard(
          { ...shown, medium: 'speech', source: stories[0]!.sources[0]! } as typeof shown,
          older.title,
          actors,
        ),
        design,
      ),
    ).toBe(key);
    const long = 'word '.repeat(100);
    expect(cardKey(describeCard({ ...shown, words: `${long} one` }, 'T', actors), design)).toBe(
      cardKey(describeCard({ ...shown, words: `${long} two` }, 'T', actors), design),
    );
  });

  it('changes with the translation, and with the language even when the words are the same', () => {
    const translated = { ...card, translation: { words: 'We will stand firm', label: 'Our translation' } };
    expect(cardKey(translated, design)).not.toBe(key);
    expect(
      cardKey({ ...translated, translation: { ...translated.translation, label: 'Translation: X' } }, design),
    ).not.toBe(cardKey(translated, design));
    expect(cardKey({ ...card, lang: 'en-GB' }, design)).not.toBe(key);
  });

  it('tells an unnamed speaker from an actor of the same words', () => {
    expect(cardKey({ ...card, unnamed: true }, design)).not.toBe(key);
  });

  it('changes when any text on the card changes', () => {
    for (const field of Object.keys(card) as (keyof CardContent)[]) {
      // The fixture has no translation: every field is text or a flag.
      const changed = {
        ...card,
        [field]: typeof card[field] === 'boolean' ? !card[field] : `${card[field] as string}!`,
      };
      expect(cardKey(changed, design), field).not.toBe(key);
    }
  });

  it('changes when the design changes: version, a colour, a font', () => {
    expect(cardKey(card, { ...design, version: design.version + 1 })).not.toBe(key);
    expect(cardKey(card, { ...design, palette: { ...design.palette, accent: '#000000' } })).not.toBe(key);
    expect(cardKey(card, { ...design, fonts: design.fonts.slice(1) })).not.toBe(key);
  });
});

describe('a corrected quote’s card', () => {
  const corrected = describeCard({ ...quote('stand-firm'), correctedOn: '2024-03-02' }, older.title, actors);

  it('carries the day of its latest correction, and says so in its text alternative', async () => {
    expect(corrected.corrected).toBe('Corrected 2 March 2024');
    expect(await cardAltText(corrected, 'Ann Lee')).toMatch(/ Corrected 2 March 2024\.$/);
  });

  it('is a card of its own: a correction draws the card again', () => {
    const plain = describeCard(quote('stand-firm'), older.title, actors);
    expect(plain.corrected).toBe('');
    expect(cardKey(corrected, design)).not.toBe(cardKey(plain, design));
  });
});

describe('cardFiles', () => {
  const keysOf = (files: CardFile[]) => files.filter(({ job }) => job.kind === 'quote').map(({ key }) => key);
  const before = cardFiles({ stories, actors, authors: new Map(), redirects: [] }, settings);

  it('plans the site’s card, and each story’s and each quote’s, at the addresses the pages give', () => {
    expect(before).toHaveLength(1 + stories.length + stories.flatMap((s) => s.quotes).length);
    expect(before.map(({ path }) => path)).toEqual(
      expect.arrayContaining(['/card.png', '/stories/older/card.png', '/stories/older/quotes/stand-firm.png']),
    );
    const standFirm = before.find(({ path }) => path === '/stories/older/quotes/stand-firm.png')!;
    expect(standFirm.job.kind).toBe('quote');
    expect(standFirm.key).toBe(
      cardKey(describeCard(cardQuote(quote('stand-firm'), older), older.title, actors), design),
    );
  });

  it('serves a card at an old card address that redirects to it', () => {
    const redirect = {
      from: '/stories/older/quotes/gone.png',
      to: '/stories/older/quotes/stand-firm.png',
      reason: 'merged',
      file: 'content/redirects.yaml',
    };
    const files = cardFiles({ stories, actors, authors: new Map(), redirects: [redirect] }, settings);
    const at = (path: string) => files.find((file) => file.path === path);
    expect(at(redirect.from)).toEqual({ ...at(redirect.to), path: redirect.from });
  });

  it('draws a withdrawn quote’s card at its old address, saying it was withdrawn, when and why', () => {
    const withdrawal = {
      date: '2021-06-02',
      kind: 'withdrawn' as const,
      quote: 'gone',
      was: { words: 'We never said it.' },
      note: 'The Council says the statement was not its own.',
      item: { kind: 'quote' as const, id: 'gone' },
      anchor: 'k-2021-06-02-quote-gone',
      before: [{ field: 'words' as const, was: 'We never said it.' }],
    };
    const withdrawn = stories.map((story) =>
      story.slug === older.slug ? { ...story, corrections: [withdrawal] } : story,
    );
    const card = cardFiles({ stories: withdrawn, actors, authors: new Map(), redirects: [] }, settings).find(
      ({ path }) => path === '/stories/older/quotes/gone.png',
    )!;
    expect(card.job).toEqual({
      kind: 'page',
      card: {
        kicker: settings.name,
        headline: 'Quote withdrawn 2 June 2021',
        dek: withdrawal.note,
        footer: older.title,
      },
    });
  });

  it('changes only the edited story’s cards when one story’s quote and title are edited', () => {
    const edited = stories.map((story) =>
      story.slug !== older.slug
        ? story
        : {
            ...story,
            title: `${story.title}, corrected`,
            quotes: story.quotes.map((q, i) => (i === 0 ? { ...q, words: `${q.words} again` } : q)),
          },
    );
    const after = keysOf(cardFiles({ stories: edited, actors, authors: new Map(), redirects: [] }, settings));
    const changed = new Set(after.filter((key) => !keysOf(before).includes(key)));
    expect(changed.size).toBe(older.quotes.length);
    const olderKeys = new Set(
      keysOf(cardFiles({ stories: [older], actors, authors: new Map(), redirects: [] }, settings)),
    );
    expect(
      keysOf(before)
        .filter((key) => !after.includes(key))
        .every((key) => olderKeys.has(key)),
    ).toBe(true);
  });
});

describe('palette', () => {
  it('takes the light value of each custom property, not the dark one', () => {
    const css = ':root { --bg: #fff; --fg: #111; }\n@media (prefers-color-scheme: dark) { :root { --bg: #000; } }';
    expect(readPalette(css)).toEqual({ bg: '#fff', fg: '#111' });
  });

  it('fails naming the colour the card needs when the stylesheet lacks it', () => {
    expect(() => cardDesign([], ':root { --bg: #fff; }')).toThrow(/--fg/);
  });
});

describe('cardImage', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('draws a 1200x630 PNG once, then reuses it from the cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'share-cards-'));
    dirs.push(dir);
    const cold = await cardImage(quoteCard(describeCard(quote('stand-firm'), older.title, actors)), dir);
    const warm = await cardImage(quoteCard(describeCard(quote('stand-firm'), older.title, actors)), dir);
    expect([cold.rendered, warm.rendered]).toEqual([true, false]);
    expect(Buffer.from(warm.image).equals(Buffer.from(cold.image))).toBe(true);
    const png = Buffer.from(cold.image);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(await readdir(dir)).toEqual([`${cardKey(card, design)}.png`]);
  });
});

describe('fallback', () => {
  it('leaves off words no card font can draw, says so, and draws the card all the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'share-cards-'));
    try {
      const chinese = cardIn('zh', CHINESE);
      const fallback = await cardFallback(chinese);
      expect(fallback).toBe(
        'drawn without the words (no card font has “我”, U+6211; it says they are on the quote’s page)',
      );
      const { image } = await cardImage(quoteCard(chinese), dir);
      expect((await sharp(image).metadata()).width).toBe(CARD_WIDTH);
      // The translation is drawn in the card's own face, so it stays.
      const translation = { words: 'We invite all sides.', by: 'us' as const };
      expect(await cardFallback(cardIn('zh', CHINESE, { translation }))).toBe(fallback);
      expect(await cardFallback(cardIn('en', 'Peace', { translation: { ...translation, words: CHINESE } }))).toBe(
        'drawn without the translation (no card font has “我”, U+6211)',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('draws every Latin, Pashto and Dari card whole', async () => {
    for (const content of [
      card,
      cardIn('ps', PASHTO),
      cardIn('fa-AF', DARI),
      cardIn('ps', 'زلمي خلیلزاد په 2021 کې'),
    ]) {
      expect(await cardFallback(content), content.words).toBeUndefined();
    }
  });

  it('shapes the other lines too: a Pashto date in an English line; a story title no font has is left off and said', async () => {
    const pashtoDate = { ...card, date: '5 March 2021, inferred from “د جمعې په ورځ”' };
    expect(await cardFallback(pashtoDate)).toBeUndefined();
    expect(await cardFallback({ ...card, story: CHINESE })).toBe(
      'drawn without the story title (no card font has “我”, U+6211)',
    );
    const fonts = await loadCardFonts();
    const [plain, shaped] = await Promise.all([renderCard(card, design, fonts), renderCard(pashtoDate, design, fonts)]);
    expect(Buffer.compare(Buffer.from(plain), Buffer.from(shaped))).not.toBe(0);
  });
});

describe('renderCard', () => {
  /** Each pixel's channels, decoded from a PNG of any colour type. */
  const pixels = async (png: Uint8Array) => sharp(png).ensureAlpha().raw().toBuffer();

  it('sets Pashto words right-aligned: ink in the words band reaches the right margin, none on the left', async () => {
    const fonts = await loadCardFonts();
    const png = await renderCard(cardIn('ps', 'موږ سوله غواړو'), design, fonts);
    const { data, info } = await sharp(png).removeAlpha().greyscale().raw().toBuffer({ resolveWithObject: true });
    // The words band: below the form label, above the speaker's rule; its text is near black (--fg).
    const inked: number[] = [];
    for (let y = 110; y < 400; y++) {
      for (let x = 80; x < CARD_WIDTH; x++) if (data[y * info.width + x]! < 100) inked.push(x);
    }
    expect(inked.length).toBeGreaterThan(1000);
    expect(Math.max(...inked)).toBeGreaterThan(CARD_WIDTH - 64 - 12);
    expect(Math.max(...inked)).toBeLessThanOrEqual(CARD_WIDTH - 64);
    expect(Math.min(...inked)).toBeGreaterThan(CARD_WIDTH / 2);
  });

  it('encodes the card with a palette, a fraction of the bytes, no difference a reader can see', async () => {
    const fonts = await loadCardFonts();
    const long: CardContent = {
      ...card,
      words: `“${'We will stand with the Afghans who keep the Republic. '.repeat(4).trim()}”`,
    };
    for (const content of [card, long, cardIn('ps', PASHTO), cardIn('fa-AF', `${DARI} ${DARI} ${DARI}`)]) {
      const full = await renderCardFullColour(content, design, fonts);
      const palette = await renderCard(content, design, fonts);
      const [a, b] = await Promise.all([pixels(full), pixels(palette)]);
      // Mean difference per channel, out of 255: below 1 is invisible on flat colour and text.
      expect(meanChannelDifference(a, b)).toBeLessThan(1);
      expect(palette.length).toBeLessThan(full.length / 2);
      expect(palette.length, 'a card within the 35 KB budget').toBeLessThan(35_000);
    }
  }, 60_000);
});

describe('cardAltText', () => {
  it('says what the card shows: the words and their translation, or that the words are left off', async () => {
    const ours = { words: 'We invite all sides to continue the peace talks.', by: 'us' as const };
    expect(await cardAltText(cardIn('ps', PASHTO, { translation: ours }), 'Parwana Example')).toBe(
      `Direct quote. «${PASHTO}» Our translation, not the speaker’s words: ${ours.words}. Parwana Example. ${card.date}.`,
    );
    expect(await cardAltText(cardIn('zh', CHINESE), 'A speaker')).toBe(
      `Direct quote. The words are on the quote’s page. A speaker. ${card.date}.`,
    );
  });
});
