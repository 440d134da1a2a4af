import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCorpus } from '../../../../lib/content';
import { shareCard } from '../../../../lib/sharecard';
import type { Quote } from '../../../../lib/story';

/* Each quote's share card, drawn at build time (or reused from the cache) and written to dist/. */

export const getStaticPaths = (async () => {
  const { stories } = await loadCorpus();
  return stories.flatMap((story) =>
    story.quotes.map((quote) => ({ params: { slug: story.slug, quote: quote.id }, props: { quote, storyTitle: story.title } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ quote: Quote; storyTitle: string }> = async ({ props }) => {
  const { image } = await shareCard(props.quote, props.storyTitle);
  return new Response(image as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
