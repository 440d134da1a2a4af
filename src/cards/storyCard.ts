import type { APIRoute, GetStaticPaths } from 'astro';
import type { CardFile } from '../lib/outputs/sharecard.ts';
import { cardResponse, cardRoutes } from '../loader/cards.ts';

/*
 * Each story's card for link previews, `/stories/<slug>/card.png`, on the dev server (the site's
 * integration adds the route there); a build writes the card files at its end
 * (src/integrations/shareCards.ts).
 */

export const getStaticPaths = (() =>
  cardRoutes(/^\/stories\/([a-z0-9-]+)\/card\.png$/, ([slug = '']) => ({ slug }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: CardFile }> = ({ props }) => cardResponse(props.file);
