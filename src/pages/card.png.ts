import type { APIRoute } from 'astro';
import { describeSiteCard, pageCard } from '../lib/outputs/sharecard';
import { noteCardFallback } from '../lib/outputs/cardfallbacks';

/* The site's card, the link-preview image of every page without one of its own (src/lib/outputs/preview.ts). */
export const GET: APIRoute = async ({ url }) => {
  const { image, fallback } = await pageCard(describeSiteCard());
  if (fallback !== undefined) noteCardFallback(url.pathname, fallback);
  return new Response(image as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
