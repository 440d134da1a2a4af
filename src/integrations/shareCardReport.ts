import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { cardFallbacks, describeCardFallback, resetCardFallbacks } from '../lib/outputs/cardfallbacks.ts';
import { describeTally, imageCacheDir, imageTally, pruneCache, resetImageTally } from '../lib/outputs/imagecache.ts';
import { setCardWorkerFile } from '../lib/outputs/cardpool.ts';

/**
 * Share cards in a build. At the start: where the card pool's worker is (src/lib/outputs/cardpool.ts
 * says why the build must be told). At the end: the cards no page of this build used are deleted
 * from the cache, then one log line says how many cards were drawn and how many reused, which the
 * check that a second build draws nothing reads; then a warning for each card drawn without part of
 * its text because no card font can draw it (Chinese words, say), naming the card.
 *
 * The deletion happens at `astro:build:done`, which Astro reaches only once every page of the build
 * is written (a failed build stops before it) and never under `astro dev`: a static build renders
 * every route, so the cards it asked for are every card the site links to.
 */
export default function shareCardReport(): AstroIntegration {
  return {
    name: 'share-card-report',
    hooks: {
      'astro:config:setup': ({ config }) => {
        setCardWorkerFile(new URL('src/lib/outputs/cardworker.ts', config.root));
      },
      'astro:build:start': () => {
        resetImageTally();
        resetCardFallbacks();
      },
      'astro:build:done': async ({ logger }) => {
        const dir = imageCacheDir();
        const pruned = await pruneCache(dir, imageTally().used);
        logger.info(describeTally(imageTally(), relative(process.cwd(), dir), pruned));
        // Pages are built several at a time, so cards are noted in any order: the report sorts them.
        const fallbacks = [...cardFallbacks()].sort((a, b) => a.path.localeCompare(b.path));
        for (const fallback of fallbacks) logger.warn(describeCardFallback(fallback));
      },
    },
  };
}
