import type { Correction, Quote, Story } from '../model/corpus.ts';
import type { SiteSettings } from '../model/site.ts';
import type { ActorLookup } from '../present/actors.ts';
import { oncePer, oncePerValue } from '../present/memo.ts';
import { describeSpeaker } from '../present/quotes.ts';
import { absoluteUrl, quoteImagePath, SITE_IMAGE_PATH, storyImagePath } from '../present/urls.ts';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardAltText,
  cardQuote,
  describeCard,
  describeSiteCard,
  describeStoryCard,
  describeWithdrawnCard,
  pageCardAltText,
} from './sharecard.ts';

/**
 * Link previews: the Open Graph and Twitter card tags every page carries (src/layouts/BaseLayout.astro
 * renders them), so a link pasted into a chat, a feed reader or a social site shows the page's title,
 * description, image and the site's name. Every URL in them is absolute on the public origin, as the
 * programs that read them require.
 */

/** A preview image: its absolute URL, its size in pixels and its text alternative. */
export interface PreviewImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** What a page says about itself in a link preview. */
export interface PagePreview {
  /** The page's own title, without the site's name (`og:site_name` gives it). */
  title: string;
  description: string;
  /** The page's canonical URL, absolute. */
  url: string;
  image: PreviewImage;
  /**
   * For a page that is an article (a story, one of its quotes, its briefing): when the story was
   * first published and last updated, `YYYY-MM-DD`. Its Open Graph type is then `article`, else `website`.
   */
  article?: { published: string; modified: string } | undefined;
}

/** One `<meta>` tag: Open Graph's are named by `property`, Twitter's by `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

/**
 * The `og:locale` for a BCP 47 language tag. Open Graph writes a locale as language_TERRITORY
 * ("en_US", its default; Facebook accepts no other form), so a bare "en" is not one. A tag without a
 * region takes the region Unicode's likely-subtags data gives its language (`Intl.Locale#maximize`):
 * "en" → "en_US", "fr" → "fr_FR", "ps" → "ps_AF"; a tag that names its region keeps it ("en-GB" → "en_GB").
 */
export const openGraphLocale = oncePerValue((tag: string): string => {
  // Every page asks, with the site's one language: maximizing a locale is worked out once.
  const { language, region } = new Intl.Locale(tag).maximize();
  return region === undefined ? language : `${language}_${region}`;
});

/**
 * The page's link-preview tags, in the order the Open Graph protocol lists them; the site's name,
 * locale and X account (`twitter:site`, when it has one) from its configuration.
 */
export function previewTags(
  page: PagePreview,
  settings: Pick<SiteSettings, 'name' | 'language' | 'social'>,
): MetaTag[] {
  const { title, description, url, image, article } = page;
  return [
    { property: 'og:type', content: article ? 'article' : 'website' },
    { property: 'og:title', content: title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: url },
    { property: 'og:site_name', content: settings.name },
    { property: 'og:locale', content: openGraphLocale(settings.language) },
    { property: 'og:image', content: image.url },
    { property: 'og:image:type', content: 'image/png' },
    { property: 'og:image:width', content: String(image.width) },
    { property: 'og:image:height', content: String(image.height) },
    { property: 'og:image:alt', content: image.alt },
    ...(article
      ? [
          { property: 'article:published_time', content: article.published },
          { property: 'article:modified_time', content: article.modified },
        ]
      : []),
    { name: 'twitter:card', content: 'summary_large_image' },
    ...(settings.social.x === undefined ? [] : [{ name: 'twitter:site', content: settings.social.x }]),
    { name: 'twitter:title', content: title },
    { name: 'twitter:description', content: description },
    { name: 'twitter:image', content: image.url },
    { name: 'twitter:image:alt', content: image.alt },
  ];
}

/** The site card's preview image, by origin and settings: the same for every page that shows it, so worked out once a build. */
const siteImages = new Map<string, Promise<PreviewImage>>();

/** The site's card: the preview image of every page without one of its own. */
export function sitePreviewImage(
  site: URL | string,
  settings: Pick<SiteSettings, 'name' | 'description'>,
): Promise<PreviewImage> {
  const key = JSON.stringify([String(site), settings.name, settings.description]);
  let image = siteImages.get(key);
  if (image === undefined) {
    image = pageCardAltText(describeSiteCard(settings)).then((alt) => ({
      url: absoluteUrl(SITE_IMAGE_PATH, site),
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      alt,
    }));
    siteImages.set(key, image);
  }
  return image;
}

/** A story's preview images, by origin and site name: the story, its briefing and each of its sources ask for the same one. */
const storyImages = oncePer<object, Map<string, Promise<PreviewImage>>>(() => new Map());

/** The story's card: the preview image of the story and of its pages (briefing, sources). */
export function storyPreviewImage(
  story: Pick<Story, 'slug' | 'title' | 'dek' | 'published' | 'updated'>,
  site: URL | string,
  siteName: string,
): Promise<PreviewImage> {
  const images = storyImages(story);
  const key = JSON.stringify([String(site), siteName]);
  let image = images.get(key);
  if (image === undefined) {
    image = pageCardAltText(describeStoryCard(story, siteName)).then((alt) => ({
      url: absoluteUrl(storyImagePath(story.slug), site),
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      alt,
    }));
    images.set(key, image);
  }
  return image;
}

/** The quote's share card: the preview image of the quote's page. */
export async function quotePreviewImage(
  quote: Quote,
  story: Pick<Story, 'title' | 'corrections'>,
  actors: ActorLookup,
  site: URL | string,
): Promise<PreviewImage> {
  const alt = await cardAltText(
    describeCard(cardQuote(quote, story), story.title, actors),
    describeSpeaker(quote, actors, { capitalised: true }),
  );
  return { url: absoluteUrl(quoteImagePath(quote), site), width: CARD_WIDTH, height: CARD_HEIGHT, alt };
}

/** A withdrawn quote's card, which says it was withdrawn: the preview image of the page at its old address. */
export async function withdrawnQuotePreviewImage(
  withdrawn: { slug: string; id: string; correction: Pick<Correction, 'date' | 'note'> },
  story: Pick<Story, 'title'>,
  site: URL | string,
  siteName: string,
): Promise<PreviewImage> {
  const alt = await pageCardAltText(describeWithdrawnCard(withdrawn.correction, story, siteName));
  return { url: absoluteUrl(quoteImagePath(withdrawn), site), width: CARD_WIDTH, height: CARD_HEIGHT, alt };
}
