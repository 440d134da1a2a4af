import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import shareCards from '../../src/integrations/shareCards';
import {
  cardFallbacks,
  describeCardFallback,
  noteCardFallback,
  resetCardFallbacks,
} from '../../src/lib/outputs/cardfallbacks';
import { imageTally } from '../../src/lib/outputs/imagecache';

/*
 * The record of share cards drawn without part of their text, and the build's report of it: one
 * warning per card, naming it. Not covered here: deciding what a card leaves off
 * (tests/unit/sharecard.test.ts), and a real build's output.
 */

const reason = 'drawn without the words (no card font has “我”, U+6211; it says they are on the quote’s page)';

describe('card fallbacks', () => {
  it('records each card and its reason until reset', () => {
    resetCardFallbacks();
    noteCardFallback('/stories/a/quotes/b.png', reason);
    expect(cardFallbacks()).toEqual([{ path: '/stories/a/quotes/b.png', reason }]);
    resetCardFallbacks();
    expect(cardFallbacks()).toEqual([]);
  });

  it('says which card and what it leaves off', () => {
    expect(describeCardFallback({ path: '/stories/a/quotes/b.png', reason })).toBe(
      `share card /stories/a/quotes/b.png: ${reason}`,
    );
  });
});

describe('shareCards', () => {
  /** The integration's hooks, called as Astro would with only what they read. */
  type Options = { logger?: AstroIntegrationLogger; dir?: URL };
  const run = async (hook: 'astro:build:start' | 'astro:build:done', options: Options = {}) => {
    const hooks = shareCards().hooks as Record<string, (options: Options) => unknown>;
    await hooks[hook]!(options);
  };
  const env = { ...process.env };
  let cache: string;
  beforeEach(async () => {
    cache = await mkdtemp(join(tmpdir(), 'share-cards-'));
    process.env.SHARE_CARD_CACHE = join(cache, 'cards');
  });
  afterEach(async () => {
    process.env = { ...env };
    await rm(cache, { recursive: true, force: true });
  });

  it('writes the planned cards into the site, then warns once per card drawn without part of its text, after the tally line', async () => {
    const info = vi.fn();
    const warn = vi.fn();
    const logger = { info, warn } as unknown as AstroIntegrationLogger;
    noteCardFallback('/stories/stale/quotes/old.png', reason);
    await run('astro:build:start');
    await mkdir(join(cache, 'cards'));
    await writeFile(join(cache, 'cards', 'k.png'), 'card');
    imageTally().files.push({ path: '/stories/a/quotes/b.png', key: 'k' });
    noteCardFallback('/stories/a/quotes/b.png', reason);
    await run('astro:build:done', { logger, dir: pathToFileURL(join(cache, 'dist/')) });
    expect(await readFile(join(cache, 'dist/stories/a/quotes/b.png'), 'utf8')).toBe('card');
    expect(info).toHaveBeenCalledWith(expect.stringMatching(/^share cards: 0 rendered/));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(`share card /stories/a/quotes/b.png: ${reason}`);
  });

  it('fails a build whose pages planned no card', async () => {
    await run('astro:build:start');
    await expect(run('astro:build:done', { dir: pathToFileURL(join(cache, 'dist/')) })).rejects.toThrow(
      /no page of this build planned the cards/,
    );
  });
});
