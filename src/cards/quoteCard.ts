import type { APIRoute, GetStaticPaths } from 'astro';
import type { CardFile } from '../lib/outputs/sharecard.ts';
import { ROUTES } from '../lib/present/routes.ts';
import { cardResponse, cardRoutes } from '../loader/cards.ts';

/*
 * Each quote's share card, `/stories/<slug>/quotes/<id>.png`, on the dev server (the site's
 * integration adds the route there); a build writes the card files at its end
 * (src/integrations/shareCards.ts).
 */

export const getStaticPaths = (() => cardRoutes(ROUTES.quoteCard)) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: CardFile }> = ({ props }) => cardResponse(props.file);
