import { readFile } from 'node:fs/promises';
import type { APIRoute } from 'astro';
import site from 'virtual:verifiable-explainers/config';
import { ICON_FILES, siteLogo } from '../lib/outputs/logo.ts';

/*
 * The site's logo and icons as PNGs (the publisher's logo in structured data, iOS's home-screen icon,
 * a PNG favicon), drawn from the configured logo, on the dev server (the site's integration adds each
 * of their routes here); a build writes the files itself, from the image cache (src/integrations/shareCards.ts).
 */

export const GET: APIRoute = async ({ url }) => {
  const icon = ICON_FILES.find(({ path }) => path === url.pathname);
  if (icon === undefined) throw new Error(`No icon at ${url.pathname}`);
  const { logo } = site.settings;
  const png = await siteLogo(await readFile(logo, 'utf8'), logo, site.imageCache, undefined, icon.size);
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
