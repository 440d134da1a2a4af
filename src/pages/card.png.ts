import type { APIRoute } from 'astro';
import { describeSiteCard, pageCard } from '../lib/outputs/sharecard.ts';
import { loadCards } from '../loader/cards.ts';
import { noteCardFallback } from '../lib/outputs/cardfallbacks.ts';

/* The site's card, the link-preview image of every page without one of its own (src/lib/outputs/preview.ts). */
export const GET: APIRoute = async ({ url }) => {
  // A build draws every card it lacks at the first request, on every core (src/loader/cards.ts).
  if (!import.meta.env.DEV) await loadCards();
  const { image, fallback } = await pageCard(describeSiteCard());
  if (fallback !== undefined) noteCardFallback(url.pathname, fallback);
  return new Response(image as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
