import type { APIRoute } from 'astro';
import verifier from 'virtual:verifiable-explainers/verifier';

/**
 * The verifier anyone can run, one ES module that needs only Node (README "Check it yourself"):
 * bundled from src/verify/main.ts by the integration (src/integrations/verifier.ts). public/_headers
 * serves it as JavaScript to download, so a browser shows no page that runs it.
 */
export const GET: APIRoute = () =>
  new Response(verifier, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
