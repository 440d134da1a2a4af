import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeShareCards } from '../../src/integrations/shareCards';
import { describeCardFallback } from '../../src/lib/outputs/cardfallbacks';
import type { PlannedCard } from '../../src/lib/outputs/buildplan';
import type { CardDesign } from '../../src/lib/outputs/carddraw';

/*
 * The share-card step of the build's end: the planned card files written from the cache, the unused
 * cache pruned, its figures for the build's report, one tally line, and one warning per card drawn
 * without part of its text. Not covered here: deciding what a card leaves off
 * (tests/unit/sharecard.test.ts), drawing (the cards here are all cached; tests/unit/cardpool.test.ts
 * draws in the pool), and a real build's output (tests/e2e/rebuild.spec.ts reads its report).
 */

const reason = 'drawn without the words (no card font has “我”, U+6211; it says they are on the quote’s page)';
const root = pathToFileURL(`${process.cwd()}/`);
// Never drawn with: every planned card is in the cache.
const design = {} as CardDesign;
const card = (path: string, key: string, fallback?: string): PlannedCard =>
  ({ path, key, job: {}, fallback }) as unknown as PlannedCard;

describe('describeCardFallback', () => {
  it('says which card and what it leaves off', () => {
    expect(describeCardFallback({ path: '/stories/a/quotes/b.png', reason })).toBe(
      `share card /stories/a/quotes/b.png: ${reason}`,
    );
  });
});

describe('writeShareCards', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'share-cards-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the planned cards and the logo into the site, prunes the rest, warns once per card drawn without part of its text, in path order, and returns its figures for the build’s report', async () => {
    const cache = join(dir, 'cards');
    const out = join(dir, 'dist');
    await mkdir(cache);
    for (const key of ['k1', 'k2', 'stale']) await writeFile(join(cache, `${key}.png`), key);
    const info = vi.fn();
    const warn = vi.fn();
    const logger = { info, warn } as unknown as AstroIntegrationLogger;
    const cards = [
      card('/stories/b/quotes/c.png', 'k2', reason),
      card('/stories/a/quotes/b.png', 'k1', reason),
      card('/card.png', 'k2'),
    ];

    const report = await writeShareCards({ design, cards }, { out, root, cache, logo: 'public/favicon.svg', logger });

    expect(await readFile(join(out, 'stories/a/quotes/b.png'), 'utf8')).toBe('k1');
    expect(await readFile(join(out, 'card.png'), 'utf8')).toBe('k2');
    for (const icon of ['logo.png', 'apple-touch-icon.png', 'favicon-32.png'])
      expect((await readFile(join(out, icon))).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((await readdir(cache)).filter((name) => !name.startsWith('logo-')).sort()).toEqual(['k1.png', 'k2.png']);
    expect(report).toEqual({ planned: 3, rendered: 0, reused: 2, pruned: 1, withFallback: 2, pool: null });
    expect(info).toHaveBeenCalledWith(
      expect.stringMatching(/^share cards: 0 rendered, 2 reused .*; 1 no page uses removed$/),
    );
    expect(warn.mock.calls).toEqual([
      [`share card /stories/a/quotes/b.png: ${reason}`],
      [`share card /stories/b/quotes/c.png: ${reason}`],
    ]);
  });
});
