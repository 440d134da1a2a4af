import type { APIRoute } from 'astro';
import { absoluteUrl, SITEMAP_PATH } from '../lib/present/urls.ts';

/** Every page may be crawled; the sitemap (@astrojs/sitemap, astro.config.mjs) lists them. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(SITEMAP_PATH, site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
