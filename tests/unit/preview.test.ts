import { describe, expect, it } from 'vitest';
import {
  openGraphLocale,
  previewTags,
  quotePreviewImage,
  sitePreviewImage,
  storyPreviewImage,
  type PagePreview,
} from '../../src/lib/outputs/preview';
import { corpus } from './fixtures/corpus';
import { settings } from './fixtures/settings';

/*
 * Link-preview tags and the images they name. Not covered here: that every built page carries them
 * and a third-party parser reads them (tests/e2e/previews.spec.ts), and the cards themselves
 * (tests/unit/sharecard.test.ts, tests/unit/sharecardPage.test.ts).
 */

const site = 'https://news.example/';
const { stories, actors } = corpus();
const older = stories.find((s) => s.slug === 'older')!;

const page: PagePreview = {
  title: 'The older story',
  description: 'Why it matters.',
  url: 'https://news.example/stories/older/',
  image: { url: 'https://news.example/stories/older/card.png', width: 1200, height: 630, alt: 'The card.' },
};
const tags = (preview: PagePreview, site = settings) =>
  Object.fromEntries(
    previewTags(preview, site).map((tag) => ['property' in tag ? tag.property : tag.name, tag.content]),
  );

describe('openGraphLocale', () => {
  it('gives a language the region its likely-subtags data names, in Open Graph’s language_TERRITORY form', () => {
    expect(openGraphLocale('en')).toBe('en_US');
    expect(openGraphLocale('fr')).toBe('fr_FR');
    expect(openGraphLocale('ps')).toBe('ps_AF');
  });

  it('keeps the region a tag names', () => {
    expect(openGraphLocale('en-GB')).toBe('en_GB');
    expect(openGraphLocale('fa-AF')).toBe('fa_AF');
  });
});

describe('previewTags', () => {
  it('gives every page its title, description, URL, the site’s name, locale and X account, image with size and alt, and Twitter card', () => {
    expect(tags(page)).toEqual({
      'og:type': 'website',
      'og:title': 'The older story',
      'og:description': 'Why it matters.',
      'og:url': 'https://news.example/stories/older/',
      'og:site_name': 'News Example',
      'og:locale': 'en_AU',
      'og:image': 'https://news.example/stories/older/card.png',
      'og:image:type': 'image/png',
      'og:image:width': '1200',
      'og:image:height': '630',
      'og:image:alt': 'The card.',
      'twitter:card': 'summary_large_image',
      'twitter:site': '@newsexample',
      'twitter:title': 'The older story',
      'twitter:description': 'Why it matters.',
      'twitter:image': 'https://news.example/stories/older/card.png',
      'twitter:image:alt': 'The card.',
    });
  });

  it('names no X account when the configuration gives none', () => {
    expect(tags(page, { ...settings, social: {} })).not.toHaveProperty('twitter:site');
  });

  it('makes an article of a page with dates, and gives them', () => {
    expect(tags({ ...page, article: { published: '2021-05-08', modified: '2021-05-10' } })).toMatchObject({
      'og:type': 'article',
      'article:published_time': '2021-05-08',
      'article:modified_time': '2021-05-10',
    });
    expect(tags(page)).not.toHaveProperty('article:published_time');
  });

  it('names Open Graph tags by property and Twitter’s by name', () => {
    for (const tag of previewTags(page, settings)) {
      if ('property' in tag) expect(tag.property).toMatch(/^(og|article):/);
      else expect(tag.name).toMatch(/^twitter:/);
    }
  });
});

describe('preview images', () => {
  it('gives the site’s card, the story’s card and a quote’s card, absolute, sized, described', async () => {
    expect(await sitePreviewImage(site, settings)).toEqual({
      url: 'https://news.example/card.png',
      width: 1200,
      height: 630,
      alt: `News Example. ${settings.description}`,
    });
    expect(await storyPreviewImage(older, site, settings.name)).toEqual({
      url: 'https://news.example/stories/older/card.png',
      width: 1200,
      height: 630,
      alt: `News Example. ${older.title}. ${older.dek} Published 9 May 2021.`,
    });
    const quote = older.quotes.find((q) => q.id === 'stand-firm')!;
    const image = await quotePreviewImage(quote, older, actors, site);
    expect(image).toMatchObject({
      url: 'https://news.example/stories/older/quotes/stand-firm.png',
      width: 1200,
      height: 630,
    });
    expect(image.alt).toContain('“We will stand firm” Ann Lee, Envoy');
  });

  it('works out a story’s card once for all its pages, and again for another origin or site name', async () => {
    const first = storyPreviewImage(older, site, settings.name);
    // The story, its briefing and each of its sources ask: one image, the same object.
    expect(storyPreviewImage(older, site, settings.name)).toBe(first);
    const elsewhere = await storyPreviewImage(older, 'https://mirror.example', settings.name);
    expect(elsewhere.url).toBe('https://mirror.example/stories/older/card.png');
    const renamed = await storyPreviewImage(older, site, 'Other News');
    expect(renamed.alt).toBe(`Other News. ${older.title}. ${older.dek} Published 9 May 2021.`);
    expect((await first).url).toBe('https://news.example/stories/older/card.png');
    // Another story object, an edited one on the dev server, is worked out afresh.
    const edited = await storyPreviewImage({ ...older, title: 'Edited' }, site, settings.name);
    expect(edited.alt).toBe(`News Example. Edited. ${older.dek} Published 9 May 2021.`);
  });
});
