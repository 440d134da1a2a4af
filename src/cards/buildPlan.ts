import type { APIRoute } from 'astro';
import { buildPlanOf } from '../lib/outputs/buildplan.ts';
import { corpusCardFiles } from '../loader/cards.ts';
import { loadPublishedCorpus } from '../loader/corpus.ts';

/*
 * The build plan (src/lib/outputs/buildplan.ts), a file of every build and never of the site: the
 * site's integration adds this route to builds only, and reads and deletes its file at the build's end.
 */

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await buildPlanOf(await loadPublishedCorpus(), await corpusCardFiles())), {
    headers: { 'Content-Type': 'application/json' },
  });
