import type { APIRoute, GetStaticPaths } from 'astro';
import type { ShippedFace } from '../../lib/outputs/fonts.ts';
import { fontFile, loadFonts } from '../../loader/fonts.ts';
import { FONT_ROUTE, pathsOf } from '../../lib/present/routes.ts';

/**
 * The site's fonts, /fonts/<face>.<hash>.woff2: each face cut to the characters the site shows, as
 * the content loader planned them (src/loader/fonts.ts). The hash in the name changes with the file,
 * so hosts may cache it forever.
 */
export const getStaticPaths = (async () => {
  const { faces } = await loadFonts();
  return pathsOf(FONT_ROUTE, faces).map(({ params }) => ({
    params,
    props: { shipped: faces.find((face) => face.file === params.file)! },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ shipped: ShippedFace }> = async ({ props }) =>
  new Response(await fontFile(props.shipped), { headers: { 'Content-Type': 'font/woff2' } });
