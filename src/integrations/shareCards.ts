import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { PlannedCard } from '../lib/outputs/buildplan.ts';
import type { CardDesign } from '../lib/outputs/carddraw.ts';
import { describeCardFallback } from '../lib/outputs/cardfallbacks.ts';
import { drawInPool } from '../lib/outputs/cardpool.ts';
import { describeTally, fillCache, newTally, pruneCache, writeImageFiles } from '../lib/outputs/imagecache.ts';
import type { BuildReport } from '../lib/outputs/buildreport.ts';
import { ICON_FILES, logoKey, siteLogo } from '../lib/outputs/logo.ts';

/**
 * Below this many cards to draw, they are drawn on this thread, one after another: each worker spends
 * seconds loading satori, resvg and sharp, so an edit to one story (a card or two) would wait longer
 * for the pool than for the drawing.
 */
const POOL_FROM = 8;

/**
 * The share-card step of the build's end (src/integrations/index.ts): the cards the plan lists that
 * the image cache lacks are drawn, on every core (src/lib/outputs/cardpool.ts), and the logo and icons
 * when the logo changed; the files are written from the cache into the built site; the cached images this
 * build did not use are deleted. It returns how many were drawn and how many reused, for the build's
 * report (src/lib/outputs/buildreport.ts), which the check that a second build draws nothing reads;
 * one line says the same in the log, and a warning names each card drawn without part of its text
 * because no card font can draw it (Chinese words, say).
 *
 * Cards are files the build writes, not routes: a route costs each of thousands of cards a page's
 * overhead. It runs at `astro:build:done`, which Astro reaches only once every page is written (a
 * failed build stops before it): the plan is then every card the site links to, so pruning is safe.
 */
export async function writeShareCards(
  { design, cards }: { design: CardDesign; cards: readonly PlannedCard[] },
  {
    out,
    root,
    cache,
    logo,
    logger,
  }: {
    out: string;
    root: URL;
    cache: string;
    /** The configured logo, an SVG, from the project's root: the logo and icons are drawn from it. */
    logo: string;
    logger: AstroIntegrationLogger;
  },
): Promise<BuildReport['cards']> {
  const started = performance.now();
  const tally = newTally();
  await fillCache(
    cache,
    cards,
    async (jobs, drawn) => {
      if (jobs.length >= POOL_FROM)
        return drawInPool(new URL('src/lib/outputs/cardworker.ts', root), design, jobs, drawn);
      // Loaded only when a card is to be drawn: a build whose cards are all cached loads no drawing library.
      const { drawCard } = await import('../lib/outputs/carddraw.ts');
      for (const job of jobs) await drawn(job, await drawCard(job, design));
      return 1;
    },
    tally,
  );
  const svg = await readFile(new URL(logo, root), 'utf8');
  for (const { size } of ICON_FILES) await siteLogo(svg, logo, cache, tally, size);
  await writeImageFiles(
    cache,
    [...cards, ...ICON_FILES.map(({ path, size }) => ({ path, key: logoKey(svg, size) }))],
    out,
  );
  const pruned = await pruneCache(cache, tally.used);
  // The whole step, drawing and writing: fillCache's own share of it is in there.
  tally.ms = performance.now() - started;
  logger.info(describeTally(tally, relative(process.cwd(), cache), pruned));
  const fallbacks = cards.filter((card) => card.fallback !== undefined);
  for (const card of fallbacks.toSorted((a, b) => a.path.localeCompare(b.path)))
    logger.warn(describeCardFallback({ path: card.path, reason: card.fallback! }));
  return {
    planned: cards.length,
    rendered: tally.rendered,
    reused: tally.reused,
    pruned,
    withFallback: fallbacks.length,
    pool: tally.pool ? { threads: tally.pool.threads, milliseconds: tally.pool.ms } : null,
  };
}
