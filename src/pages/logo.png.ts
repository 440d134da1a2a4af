import { readFile } from 'node:fs/promises';
import type { APIRoute } from 'astro';
import { drawLogo } from '../lib/outputs/logo';

/* The site's logo as a PNG, for the publisher in structured data: drawn from the favicon at build time. */
const FAVICON = 'public/favicon.svg';

export const GET: APIRoute = async () =>
  new Response((await drawLogo(await readFile(FAVICON, 'utf8'), FAVICON)) as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': 'image/png' },
  });
