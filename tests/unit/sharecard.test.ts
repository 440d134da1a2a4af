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
  cardDesign,
  cardKey,
  describeCard,
  loadCardFonts,
  readPalette,
  renderCard,
  renderCardFullColour,
  shareCard,
  type CardContent,
} from '../../src/lib/outputs/sharecard';
import { imageTally, resetImageTally } from '../../src/lib/outputs/imagecache';
import { corpus, day } from './fixtures/corpus';

/*
 * Share cards: what a card shows, its cache key, and one real drawing through satori and resvg
 * (cold, then warm from the cache). Not covered here: how the card looks (open the PNGs in
 * .cache/share-cards/), and the build's own log line (tests/e2e/quotes.spec.ts reads the build).
 */

const { stories, actors } = corpus();
const older = stories.find((s) => s.slug === 'older')!;
const quote = (id: string) => stories.flatMap((s) => s.quotes).find((q) => q.id === id)!;

const card: CardContent = {
  label: 'Direct quote',
  words: '“We will stand firm”',
  paraphrase: false,
  speaker: 'Ann Lee',
  unnamed: false,
  role: 'Envoy, State Department',
  date: '7 May 2021',
  story: 'The older story',
};
const design = cardDesign(CARD_FONT_FILES);

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

  it('tells an unnamed speaker from an actor of the same words', () => {
    expect(cardKey({ ...card, unnamed: true }, design)).not.toBe(key);
  });

  it('changes when any text on the card changes', () => {
    for (const field of Object.keys(card) as (keyof CardContent)[]) {
      const changed = { ...card, [field]: typeof card[field] === 'boolean' ? !card[field] : `${card[field]}!` };
      expect(cardKey(changed, design), field).not.toBe(key);
    }
  });

  it('changes when the design changes: version, a colour, a font', () => {
    expect(cardKey(card, { ...design, version: design.version + 1 })).not.toBe(key);
    expect(cardKey(card, { ...design, palette: { ...design.palette, accent: '#000000' } })).not.toBe(key);
    expect(cardKey(card, { ...design, fonts: design.fonts.slice(1) })).not.toBe(key);
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

describe('shareCard', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('draws a 1200x630 PNG once, then reuses it from the cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'share-cards-'));
    dirs.push(dir);
    resetImageTally();
    const cold = await shareCard(quote('stand-firm'), older.title, actors, dir);
    const warm = await shareCard(quote('stand-firm'), older.title, actors, dir);
    expect([cold.rendered, warm.rendered]).toEqual([true, false]);
    expect(Buffer.from(warm.image).equals(Buffer.from(cold.image))).toBe(true);
    const png = Buffer.from(cold.image);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(await readdir(dir)).toEqual([`${cardKey(card, design)}.png`]);
    expect(imageTally()).toMatchObject({ rendered: 1, reused: 1 });
  });
});

describe('renderCard', () => {
  /** Each pixel's channels, decoded from a PNG of any colour type. */
  const pixels = async (png: Uint8Array) => sharp(png).ensureAlpha().raw().toBuffer();

  it('encodes the card with a palette, a fraction of the bytes, no difference a reader can see', async () => {
    const fonts = await loadCardFonts();
    const long: CardContent = {
      ...card,
      words: `“${'We will stand with the Afghans who keep the Republic. '.repeat(4).trim()}”`,
    };
    for (const content of [card, long]) {
      const full = await renderCardFullColour(content, design, fonts);
      const palette = await renderCard(content, design, fonts);
      const [a, b] = await Promise.all([pixels(full), pixels(palette)]);
      expect(b.length).toBe(a.length);
      let total = 0;
      for (let i = 0; i < a.length; i++) total += Math.abs(a[i]! - b[i]!);
      // Mean difference per channel, out of 255: below 1 is invisible on flat colour and text.
      expect(total / a.length).toBeLessThan(1);
      expect(palette.length).toBeLessThan(full.length / 2);
      expect(palette.length, 'a card within the 35 KB budget').toBeLessThan(35_000);
    }
  }, 60_000);
});
