import { drawCard } from '../lib/outputs/carddraw.ts';
import { noteCardFallback } from '../lib/outputs/cardfallbacks.ts';
import { cardWorkerFile, drawInPool } from '../lib/outputs/cardpool.ts';
import { fillCache, imageCacheDir, imageTally } from '../lib/outputs/imagecache.ts';
import { cardFallbackOf, cardFiles, cardImage, shareCardDesign, type CardFile } from '../lib/outputs/sharecard.ts';
import type { Corpus } from '../lib/model/corpus.ts';
import { loadCorpus } from './corpus.ts';

/**
 * Every share card of a build, drawn before its first page (BaseLayout asks; nothing on the dev
 * server, where no build has started the tally: it draws each card as asked for): the card files the
 * corpus needs (each quote's, each story's and the site's; src/lib/outputs/sharecard.ts), the ones
 * the cache lacks drawn in the card pool, on every core (src/lib/outputs/cardpool.ts). The build
 * then writes the files from the cache when its pages are done (src/integrations/shareCards.ts):
 * a route per card would cost a page's overhead for each of thousands of images (src/cards/ serves
 * them on the dev server).
 */
let cards: Promise<void> | undefined;

/**
 * Below this many cards to draw, they are drawn on this thread, one after another: a worker spends
 * seconds loading satori, resvg and sharp, which this thread has loaded already, so an edit to one
 * story (a card or two) would wait longer for the pool than for the drawing.
 */
const POOL_FROM = 8;

const planned = new WeakMap<Corpus, CardFile[]>();

/** The corpus's card files, worked out once per corpus: the build's plan and every dev request share them. */
async function corpusCardFiles(): Promise<CardFile[]> {
  const corpus = await loadCorpus();
  let files = planned.get(corpus);
  if (files === undefined) {
    files = cardFiles(corpus);
    planned.set(corpus, files);
  }
  return files;
}

export function loadCards(): Promise<void> {
  if (!imageTally().building) return Promise.resolve();
  cards ??= (async () => {
    const files = await corpusCardFiles();
    const design = shareCardDesign();
    await fillCache(imageCacheDir(), files, async (jobs, drawn) => {
      if (jobs.length >= POOL_FROM) return drawInPool(cardWorkerFile(), design, jobs, drawn);
      for (const job of jobs) await drawn(job, await drawCard(job, design));
      return 1;
    });
    // The build's report names every card drawn without part of its text, at each address it has.
    for (const file of files) {
      const fallback = await cardFallbackOf(file.job);
      if (fallback !== undefined) noteCardFallback(file.path, fallback);
    }
    imageTally().files.push(...files.map(({ path, key }) => ({ path, key })));
  })();
  return cards;
}

/**
 * The dev server's card routes (src/cards/): the card files whose path `pattern` matches, with the
 * params its groups capture, each drawn as it is asked for.
 */
export async function cardRoutes<Params>(pattern: RegExp, params: (captured: string[]) => Params) {
  return (await corpusCardFiles()).flatMap((file) => {
    const captured = pattern.exec(file.path);
    return captured === null ? [] : [{ params: params(captured.slice(1)), props: { file } }];
  });
}

/** The card file at a URL path. */
export async function cardFileAt(path: string): Promise<CardFile> {
  const file = (await corpusCardFiles()).find((candidate) => candidate.path === path);
  if (file === undefined) throw new Error(`No card at ${path}`);
  return file;
}

/** A card file as the dev server serves it: from the cache, else drawn now. */
export async function cardResponse(file: CardFile): Promise<Response> {
  const { image } = await cardImage(file);
  return new Response(image as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
}
