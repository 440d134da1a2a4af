import { readFile } from 'node:fs/promises';
import type { APIRoute } from 'astro';
import { siteLogo } from '../lib/outputs/logo.ts';

/* The site's logo as a PNG, for the publisher in structured data: drawn from the favicon at build time (and cached). */
const FAVICON = 'public/favicon.svg';

export const GET: APIRoute = async () =>
  new Response((await siteLogo(await readFile(FAVICON, 'utf8'), FAVICON)) as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': 'image/png' },
  });
