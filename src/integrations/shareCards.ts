import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cardFallbacks, describeCardFallback, resetCardFallbacks } from '../lib/outputs/cardfallbacks.ts';
import {
  describeTally,
  imageCacheDir,
  imageTally,
  pruneCache,
  startBuildTally,
  writeImageFiles,
} from '../lib/outputs/imagecache.ts';
import { setCardWorkerFile } from '../lib/outputs/cardpool.ts';

/**
 * Share cards. On the dev server: the card routes (src/cards/), each card drawn as it is asked for.
 * In a build, at the start: where the card pool's worker is (src/lib/outputs/cardpool.ts says why
 * the build must be told). The pages plan and draw every card before the first is written
 * (src/loader/cards.ts). At the end: the card files are written from the cache into the site, the
 * cards no page of this build used are deleted from the cache, then one log line says how many cards
 * were drawn and how many reused, which the check that a second build draws nothing reads; then a
 * warning for each card drawn without part of its text because no card font can draw it (Chinese
 * words, say), naming the card.
 *
 * The deletion happens at `astro:build:done`, which Astro reaches only once every page of the build
 * is written (a failed build stops before it) and never under `astro dev`: the plan is every card
 * the site links to. This integration comes first, so the later ones (the published-URL check) see
 * the card files.
 */
export default function shareCards(): AstroIntegration {
  return {
    name: 'share-cards',
    hooks: {
      'astro:config:setup': ({ config, command, injectRoute }) => {
        setCardWorkerFile(new URL('src/lib/outputs/cardworker.ts', config.root));
        if (command !== 'dev') return;
        for (const [pattern, file] of [
          ['/card.png', 'siteCard.ts'],
          ['/stories/[slug]/card.png', 'storyCard.ts'],
          ['/stories/[slug]/quotes/[quote].png', 'quoteCard.ts'],
        ] as const)
          injectRoute({ pattern, entrypoint: new URL(`../cards/${file}`, import.meta.url), prerender: true });
      },
      'astro:build:start': () => {
        startBuildTally();
        resetCardFallbacks();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const cache = imageCacheDir();
        const tally = imageTally();
        if (tally.files.length === 0)
          throw new Error('Share cards: no page of this build planned the cards (src/loader/cards.ts)');
        await writeImageFiles(cache, tally.files, fileURLToPath(dir));
        const pruned = await pruneCache(cache, tally.used);
        tally.ms += performance.now() - started;
        logger.info(describeTally(tally, relative(process.cwd(), cache), pruned));
        // Cards are noted in plan order: the report sorts them.
        const fallbacks = [...cardFallbacks()].sort((a, b) => a.path.localeCompare(b.path));
        for (const fallback of fallbacks) logger.warn(describeCardFallback(fallback));
      },
    },
  };
}
