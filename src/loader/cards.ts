import { cardWorkerFile, drawInPool } from '../lib/outputs/cardpool';
import { fillCache, imageCacheDir } from '../lib/outputs/imagecache';
import { quoteCardPlan, shareCardDesign } from '../lib/outputs/sharecard';
import { loadCorpus } from './corpus';

/**
 * Every share card of the build, drawn before the first card route is served: the card routes call
 * this, the first call plans every card the corpus needs (src/lib/outputs/sharecard.ts) and draws
 * the ones the cache lacks in the card pool, on every core (src/lib/outputs/cardpool.ts); every
 * route then reads its card from the cache. Build only: the dev server draws each card as it is asked for.
 */
let cards: Promise<void> | undefined;

export function loadCards(): Promise<void> {
  cards ??= (async () => {
    const planned = quoteCardPlan(await loadCorpus());
    const design = shareCardDesign();
    await fillCache(imageCacheDir(), planned, (jobs, drawn) => drawInPool(cardWorkerFile(), design, jobs, drawn));
  })();
  return cards;
}
