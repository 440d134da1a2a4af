import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CARD_FONT_FILES,
  CARD_HEIGHT,
  CARD_WIDTH,
  DEK_MAX,
  HEADLINE_MAX,
  cardDesign,
  describeSiteCard,
  describeStoryCard,
  cardImage,
  pageCardAltText,
  pageCardFallback,
  pageCardKey,
  type PageCardContent,
} from '../../src/lib/outputs/sharecard';
import { settings } from './fixtures/settings';

/*
 * Page cards (src/lib/outputs/sharecard.ts): a story's card (headline, dek, dates) and the site's,
 * what they show, their cache key, and real drawings (cold, then warm from the cache), Latin and
 * shaped. Not covered here: how they look (open dist/card.png and dist/stories/<slug>/card.png), and
 * that pages name them (tests/e2e/previews.spec.ts). The quote cards: tests/unit/sharecard.test.ts.
 */

const story = {
  title: 'The US envoy’s warning to the Taliban, May 2021',
  dek: 'Washington’s envoy said the United States would stand with the Afghan Republic.',
  published: '2021-05-08',
  updated: '2021-05-10',
};
const design = cardDesign(CARD_FONT_FILES);
/** A page card's PNG, as the build gets it: from the cache, else drawn and cached. */
const pageCard = (card: PageCardContent, dir: string) =>
  cardImage({ key: pageCardKey(card, design), job: { kind: 'page', card } }, dir);
const PASHTO = 'موږ ټولو لورو ته بلنه ورکوو چې د سولې خبرو ته دوام ورکړي';
const CHINESE = '我们邀请各方继续和平谈判';

describe('describeStoryCard', () => {
  it('shows the site’s name, the headline, the dek and both dates', () => {
    expect(describeStoryCard(story, settings.name)).toEqual({
      kicker: 'News Example',
      headline: story.title,
      dek: story.dek,
      footer: 'Published 8 May 2021 · updated 10 May 2021',
    });
  });

  it('gives one date for a story never updated', () => {
    expect(describeStoryCard({ ...story, updated: story.published }, settings.name).footer).toBe(
      'Published 8 May 2021',
    );
  });

  it('shortens a long headline and dek between words', () => {
    const card = describeStoryCard({ ...story, title: 'word '.repeat(60), dek: 'word '.repeat(80) }, settings.name);
    expect(card.headline.length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(card.dek.length).toBeLessThanOrEqual(DEK_MAX);
    expect(card.headline).toMatch(/word…$/);
  });
});

describe('describeSiteCard', () => {
  it('shows the site’s name and what it is, and no dates', () => {
    expect(describeSiteCard(settings)).toEqual({
      kicker: '',
      headline: 'News Example',
      dek: settings.description,
      footer: '',
    });
  });
});

describe('pageCardKey', () => {
  const card = describeStoryCard(story, settings.name);

  it('changes when any text on the card changes, and with the design', () => {
    const keys = [
      pageCardKey(card, design),
      ...(['kicker', 'headline', 'dek', 'footer'] as const).map((field) =>
        pageCardKey({ ...card, [field]: `${card[field]}!` }, design),
      ),
      pageCardKey(card, { ...design, palette: { ...design.palette, accent: '#000' } }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(pageCardKey({ ...card }, design)).toBe(keys[0]);
  });
});

describe('pageCard', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('draws a 1200x630 palette PNG within the cards’ 35 KB budget once, then reuses it from the cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'page-cards-'));
    dirs.push(dir);
    const card = describeStoryCard(
      { ...story, title: 'A headline '.repeat(13), dek: 'A dek '.repeat(33) },
      settings.name,
    );
    const cold = await pageCard(card, dir);
    const warm = await pageCard(card, dir);
    expect([cold.rendered, warm.rendered, await pageCardFallback(card)]).toEqual([true, false, undefined]);
    expect(Buffer.from(warm.image).equals(Buffer.from(cold.image))).toBe(true);
    const { format, width, height, isPalette } = await sharp(cold.image).metadata();
    expect({ format, width, height }).toEqual({ format: 'png', width: CARD_WIDTH, height: CARD_HEIGHT });
    expect(isPalette).toBe(true);
    expect(cold.image.length).toBeLessThan(35_000);
    expect(await readdir(dir)).toEqual([`${pageCardKey(card, design)}.png`]);
  });

  it('shapes a headline in Arabic script, and leaves off one no card font can draw, saying so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'page-cards-'));
    dirs.push(dir);
    const pashto: PageCardContent = { ...describeStoryCard(story, settings.name), headline: PASHTO };
    expect(await pageCardFallback(pashto)).toBeUndefined();
    const chinese: PageCardContent = { ...describeStoryCard(story, settings.name), headline: CHINESE };
    const drawn = await pageCard(chinese, dir);
    expect(await pageCardFallback(chinese)).toBe('drawn without the headline (no card font has “我”, U+6211)');
    expect((await sharp(drawn.image).metadata()).width).toBe(CARD_WIDTH);
    expect(await pageCardAltText(chinese)).not.toContain(CHINESE);
  });
});

describe('pageCardAltText', () => {
  it('says what the card shows, in its order', async () => {
    expect(await pageCardAltText(describeStoryCard(story, settings.name))).toBe(
      `News Example. ${story.title}. ${story.dek} Published 8 May 2021 · updated 10 May 2021.`,
    );
    expect(await pageCardAltText(describeSiteCard(settings))).toBe(`News Example. ${settings.description}`);
  });
});
