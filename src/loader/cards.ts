import { drawCard } from '../lib/outputs/carddraw.ts';
import { cardWorkerFile, drawInPool } from '../lib/outputs/cardpool.ts';
import { fillCache, imageCacheDir } from '../lib/outputs/imagecache.ts';
import { pageCardPlan, quoteCardPlan, shareCardDesign } from '../lib/outputs/sharecard.ts';
import { loadCorpus } from './corpus.ts';

/**
 * Every share card of the build, drawn before the first card route is served: the card routes call
 * this, the first call plans every card the corpus needs (each quote's, each story's and the site's) (src/lib/outputs/sharecard.ts) and draws
 * the ones the cache lacks in the card pool, on every core (src/lib/outputs/cardpool.ts); every
 * route then reads its card from the cache. Build only: the dev server draws each card as it is asked for.
 */
let cards: Promise<void> | undefined;

/**
 * Below this many cards to draw, they are drawn on this thread, one after another: a worker spends
 * seconds loading satori, resvg and sharp, which this thread has loaded already, so an edit to one
 * story (a card or two) would wait longer for the pool than for the drawing.
 */
const POOL_FROM = 8;

export function loadCards(): Promise<void> {
  cards ??= (async () => {
    const corpus = await loadCorpus();
    const planned = [...quoteCardPlan(corpus), ...pageCardPlan(corpus)];
    const design = shareCardDesign();
    await fillCache(imageCacheDir(), planned, async (jobs, drawn) => {
      if (jobs.length >= POOL_FROM) return drawInPool(cardWorkerFile(), design, jobs, drawn);
      for (const job of jobs) await drawn(job, await drawCard(job, design));
      return 1;
    });
  })();
  return cards;
}
