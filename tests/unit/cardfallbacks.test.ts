import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it, vi } from 'vitest';
import shareCardReport from '../../src/integrations/shareCardReport';
import {
  cardFallbacks,
  describeCardFallback,
  noteCardFallback,
  resetCardFallbacks,
} from '../../src/lib/outputs/cardfallbacks';

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

describe('shareCardReport', () => {
  /** The integration's hooks, called as Astro would with only what they read. */
  const run = async (hook: 'astro:build:start' | 'astro:build:done', logger?: AstroIntegrationLogger) => {
    const hooks = shareCardReport().hooks as Record<string, (options: { logger?: AstroIntegrationLogger }) => unknown>;
    await hooks[hook]!({ ...(logger && { logger }) });
  };

  it('warns once per card drawn without part of its text, after the tally line', async () => {
    const info = vi.fn();
    const warn = vi.fn();
    const logger = { info, warn } as unknown as AstroIntegrationLogger;
    noteCardFallback('/stories/stale/quotes/old.png', reason);
    await run('astro:build:start');
    noteCardFallback('/stories/a/quotes/b.png', reason);
    await run('astro:build:done', logger);
    expect(info).toHaveBeenCalledWith(expect.stringMatching(/^share cards: 0 rendered/));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(`share card /stories/a/quotes/b.png: ${reason}`);
  });
});
