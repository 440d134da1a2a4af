import type { APIRoute } from 'astro';
import { SITE_IMAGE_PATH } from '../lib/present/urls.ts';
import { cardFileAt, cardResponse } from '../loader/cards.ts';

/*
 * The site's card, `/card.png`, the link-preview image of every page without one of its own, on the
 * dev server (the site's integration adds the route there); a build writes the card files at its end
 * (src/integrations/shareCards.ts).
 */

export const GET: APIRoute = async () => cardResponse(await cardFileAt(SITE_IMAGE_PATH));
