import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCorpus } from '../../../../loader/corpus.ts';
import { loadCards } from '../../../../loader/cards.ts';
import { cardQuote, shareCard, type CardQuote } from '../../../../lib/outputs/sharecard.ts';
import { noteCardFallback } from '../../../../lib/outputs/cardfallbacks.ts';
import type { Corpus } from '../../../../lib/model/corpus.ts';

/* Each quote's share card, drawn at build time (or reused from the cache) and written to dist/. */

const IMAGE_PATH = /^\/stories\/([a-z0-9-]+)\/quotes\/([a-z0-9-]+)\.png$/;

export const getStaticPaths = (async () => {
  const { stories, redirects, actors } = await loadCorpus();
  const cards = new Map(
    stories.flatMap((story) =>
      story.quotes.map(
        (quote) =>
          [`${story.slug}/${quote.id}`, { quote: cardQuote(quote, story), storyTitle: story.title, actors }] as const,
      ),
    ),
  );
  // A removed quote's published image (content/redirects.yaml) serves the image it now points to:
  // a static host cannot answer with a redirect, and whoever embedded the image expects an image.
  const moved = redirects.flatMap((redirect) => {
    const [, fromSlug, fromQuote] = IMAGE_PATH.exec(redirect.from) ?? [];
    const [, toSlug, toQuote] = IMAGE_PATH.exec(redirect.to) ?? [];
    const card = cards.get(`${toSlug}/${toQuote}`);
    return fromSlug && fromQuote && card ? [{ params: { slug: fromSlug, quote: fromQuote }, props: card }] : [];
  });
  return [
    ...[...cards].map(([key, card]) => {
      const [slug = '', quote = ''] = key.split('/');
      return { params: { slug, quote }, props: card };
    }),
    ...moved,
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ quote: CardQuote; storyTitle: string; actors: Corpus['actors'] }> = async ({
  props,
  url,
}) => {
  // A build draws every card it lacks at the first request, on every core; the dev server, each as it is asked for.
  if (!import.meta.env.DEV) await loadCards();
  const { image, fallback } = await shareCard(props.quote, props.storyTitle, props.actors);
  // The build's report (src/integrations/shareCardReport.ts) names every card drawn without part of its text.
  if (fallback !== undefined) noteCardFallback(url.pathname, fallback);
  return new Response(image as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
