import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawInPool } from '../../src/lib/outputs/cardpool';
import { CARD_FONT_FILES, cardDesign, describeCard } from '../../src/lib/outputs/sharecard';
import { drawCard, type CardJob } from '../../src/lib/outputs/carddraw';
import { corpus } from './fixtures/corpus';

/*
 * The card pool: real worker threads running src/lib/outputs/cardworker.ts, which Node loads from the
 * source by stripping its types (as the build does), draw the same cards as the main thread does, in
 * any order, and a card that cannot be drawn fails naming it. Not covered here: the speed-up (the
 * benchmark prints cards per second per core) and the build's use of the pool (src/integrations/shareCards.ts).
 */

const WORKER = new URL('../../src/lib/outputs/cardworker.ts', import.meta.url);
const design = cardDesign(CARD_FONT_FILES);
const { stories, actors } = corpus();
const jobs: CardJob[] = stories.flatMap((story) =>
  story.quotes.map((quote) => ({ kind: 'quote' as const, card: describeCard(quote, story.title, actors) })),
);

const pixels = async (png: Uint8Array) => sharp(png).raw().toBuffer();

describe('drawInPool', () => {
  it('draws every card on two workers, pixel for pixel as the main thread does', async () => {
    const drawn = new Map<CardJob, Uint8Array>();
    const threads = await drawInPool(
      WORKER,
      design,
      jobs,
      (job, image) => {
        drawn.set(job, image);
        return Promise.resolve();
      },
      2,
    );
    expect(threads).toBe(2);
    expect(drawn.size).toBe(jobs.length);
    for (const job of jobs.slice(0, 2)) {
      const own = await drawCard(job, design);
      expect((await pixels(drawn.get(job)!)).equals(await pixels(own))).toBe(true);
    }
  }, 60_000);

  it('starts no more workers than there are cards', async () => {
    expect(await drawInPool(WORKER, design, jobs.slice(0, 1), () => Promise.resolve(), 4)).toBe(1);
  }, 30_000);

  it('fails naming the card it could not draw', async () => {
    const broken = { kind: 'quote', card: { ...jobs[0]!.card, words: undefined } } as unknown as CardJob;
    await expect(drawInPool(WORKER, design, [broken], () => Promise.resolve(), 1)).rejects.toThrow(
      /drawing the quote card .* failed/,
    );
  }, 30_000);
});
