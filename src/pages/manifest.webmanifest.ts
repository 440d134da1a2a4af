import type { APIRoute } from 'astro';
import { webManifest } from '../lib/outputs/webmanifest.ts';
import { siteSettings } from '../loader/site.ts';

/** The web manifest (src/lib/outputs/webmanifest.ts), from the site's configuration. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(webManifest(siteSettings), null, 2), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
