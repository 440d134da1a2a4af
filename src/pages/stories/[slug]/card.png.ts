import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCorpus } from '../../../loader/corpus.ts';
import { loadCards } from '../../../loader/cards.ts';
import { describeStoryCard, pageCard } from '../../../lib/outputs/sharecard.ts';
import { noteCardFallback } from '../../../lib/outputs/cardfallbacks.ts';
import type { Story } from '../../../lib/model/corpus.ts';

/* Each story's card for link previews (headline, dek, dates), drawn at build time or reused from the cache. */

const CARD_PATH = /^\/stories\/([a-z0-9-]+)\/card\.png$/;

export const getStaticPaths = (async () => {
  const { stories, redirects } = await loadCorpus();
  const bySlug = new Map(stories.map((story) => [story.slug, story]));
  // A renamed story's published card (content/redirects.yaml) serves the card of the story it now
  // points to: a static host cannot answer with a redirect, and whoever embedded the image expects one.
  const moved = redirects.flatMap((redirect) => {
    const from = CARD_PATH.exec(redirect.from)?.[1];
    const story = bySlug.get(CARD_PATH.exec(redirect.to)?.[1] ?? '');
    return from !== undefined && story !== undefined ? [{ params: { slug: from }, props: { story } }] : [];
  });
  return [...stories.map((story) => ({ params: { slug: story.slug }, props: { story } })), ...moved];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ story: Story }> = async ({ props, url }) => {
  // A build draws every card it lacks at the first request, on every core (src/loader/cards.ts).
  if (!import.meta.env.DEV) await loadCards();
  const { image, fallback } = await pageCard(describeStoryCard(props.story));
  // The build's report (src/integrations/shareCardReport.ts) names every card drawn without part of its text.
  if (fallback !== undefined) noteCardFallback(url.pathname, fallback);
  return new Response(image as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
