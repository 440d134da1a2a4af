import type { APIRoute, GetStaticPaths } from 'astro';
import type { CardFile } from '../lib/outputs/sharecard.ts';
import { ROUTES } from '../lib/present/routes.ts';
import { cardResponse, cardRoutes } from '../loader/cards.ts';

/*
 * Each story's card for link previews, `/stories/<slug>/card.png`, on the dev server (the site's
 * integration adds the route there); a build writes the card files at its end
 * (src/integrations/shareCards.ts).
 */

export const getStaticPaths = (() => cardRoutes(ROUTES.storyCard)) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: CardFile }> = ({ props }) => cardResponse(props.file);
