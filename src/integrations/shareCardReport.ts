import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { describeTally, imageCacheDir, imageTally, resetImageTally } from '../lib/outputs/imagecache';

/**
 * Reports how many share cards a build drew and how many it reused from the cache: one log line,
 * which the check that a second build draws nothing reads.
 */
export default function shareCardReport(): AstroIntegration {
  return {
    name: 'share-card-report',
    hooks: {
      'astro:build:start': () => {
        resetImageTally();
      },
      'astro:build:done': ({ logger }) => {
        logger.info(describeTally(imageTally(), relative(process.cwd(), imageCacheDir())));
      },
    },
  };
}
