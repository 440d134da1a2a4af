import { readFile } from 'node:fs/promises';
import type { APIRoute } from 'astro';
import site from 'virtual:verifiable-explainers/config';
import { FAVICON_FILE, siteLogo } from '../lib/outputs/logo.ts';

/*
 * The site's logo as a PNG, for the publisher in structured data, drawn from the favicon, on the dev
 * server (the site's integration adds the route there); a build writes the file itself, from the
 * image cache (src/integrations/shareCards.ts).
 */

export const GET: APIRoute = async () =>
  new Response(
    (await siteLogo(await readFile(FAVICON_FILE, 'utf8'), FAVICON_FILE, site.imageCache)) as Uint8Array<ArrayBuffer>,
    {
      headers: { 'Content-Type': 'image/png' },
    },
  );
