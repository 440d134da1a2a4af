import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { cardFallbacks, describeCardFallback, resetCardFallbacks } from '../lib/outputs/cardfallbacks';
import { describeTally, imageCacheDir, imageTally, resetImageTally } from '../lib/outputs/imagecache';

/**
 * Reports how many share cards a build drew and how many it reused from the cache: one log line,
 * which the check that a second build draws nothing reads. Then a warning for each card drawn
 * without part of its text because no card font can draw it (Chinese words, say), naming the card.
 */
export default function shareCardReport(): AstroIntegration {
  return {
    name: 'share-card-report',
    hooks: {
      'astro:build:start': () => {
        resetImageTally();
        resetCardFallbacks();
      },
      'astro:build:done': ({ logger }) => {
        logger.info(describeTally(imageTally(), relative(process.cwd(), imageCacheDir())));
        for (const fallback of cardFallbacks()) logger.warn(describeCardFallback(fallback));
      },
    },
  };
}
