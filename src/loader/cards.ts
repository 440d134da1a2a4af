import site from 'virtual:verifiable-explainers/config';
import { cardFiles, cardImage, type CardFile } from '../lib/outputs/sharecard.ts';
import type { Corpus } from '../lib/model/corpus.ts';
import { paramsOf, type AnyRoute, type Params } from '../lib/present/routes.ts';
import { loadCorpus } from './corpus.ts';

/*
 * The corpus's share-card files, for the build plan (src/cards/buildPlan.ts: the site's integration
 * draws and writes them at the build's end) and for the dev server's card routes (src/cards/), which
 * draw each card as it is asked for. A card route per card in a build would cost a page's overhead
 * for each of thousands of images.
 */

const planned = new WeakMap<Corpus, CardFile[]>();

/** The corpus's card files, worked out once per corpus: the build's plan and every dev request share them. */
export async function corpusCardFiles(): Promise<CardFile[]> {
  const corpus = await loadCorpus();
  let files = planned.get(corpus);
  if (files === undefined) {
    files = cardFiles(corpus, site.settings);
    planned.set(corpus, files);
  }
  return files;
}

/**
 * A dev server's card route (src/cards/): the card files at its paths (src/lib/present/routes.ts),
 * with their params, each drawn as it is asked for. The card plan's files, redirected card addresses
 * included, are its paths.
 */
export async function cardRoutes<P extends string>(route: AnyRoute<P>) {
  return (await corpusCardFiles()).flatMap((file): { params: Params<P>; props: { file: CardFile } }[] => {
    const params = paramsOf(route, file.path);
    return params === undefined ? [] : [{ params, props: { file } }];
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
  const { image } = await cardImage(file, site.imageCache);
  return new Response(image as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
}
