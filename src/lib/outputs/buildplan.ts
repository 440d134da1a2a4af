import type { CardDesign } from './carddraw.ts';
import { cardFallbackOf, shareCardDesign, type CardFile } from './sharecard.ts';
import type { SitemapFacts } from './sitemap.ts';
import { liveHrefs, ROUTES, type SiteCorpus } from '../present/routes.ts';

/**
 * What the build's end needs from the corpus the pages were built from: every card file with its
 * drawing and what it leaves off, and the sitemap's facts. A route writes it as a file of the build
 * (src/cards/buildPlan.ts) and the site's integration reads and deletes it at `astro:build:done`
 * (src/integrations/index.ts): pages and integrations load separate copies of the modules, and a
 * file of the build is the one documented way from the ones to the other (docs/decisions/0001-build-plan.md).
 */
export interface BuildPlan {
  /** The card design every card is drawn in (fonts and palette). */
  design: CardDesign;
  /** Every card file of the site (src/lib/outputs/sharecard.ts, `cardFiles`). */
  cards: PlannedCard[];
  sitemap: SitemapFacts;
}

export interface PlannedCard extends CardFile {
  /** What the card leaves off because no card font can draw it, for the build's report. */
  fallback?: string | undefined;
}

/** `corpus` is the published one (no draft in the sitemap); `cards` are every card the pages show, a draft's in a preview. */
export async function buildPlanOf(corpus: SiteCorpus, cards: readonly CardFile[]): Promise<BuildPlan> {
  return {
    design: shareCardDesign(),
    cards: await Promise.all(cards.map(async (file) => ({ ...file, fallback: await cardFallbackOf(file.job) }))),
    sitemap: {
      stories: corpus.stories.map(({ slug, updated }) => ({ slug, updated })),
      // Pages of their own no longer: redirects, and the pages that say a quote was withdrawn.
      redirectPaths: [...corpus.redirects.map(({ from }) => from), ...liveHrefs(ROUTES.gone, corpus)],
    },
  };
}
