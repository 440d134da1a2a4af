import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import ogs from 'open-graph-scraper';
import { parse } from 'parse5';
import sharp from 'sharp';
import { openGraphLocale } from '../../src/lib/outputs/preview';
import { storySlugOf } from '../../src/lib/present/urls';
import { groupPages } from '../budgets/routes';
import { builtPages, settingsOf, SITE, SITES, type Site } from './site';

/*
 * Link previews, read as a link preview reads them: every built page of every site (redirect pages
 * excepted), its HTML string handed to a third-party parser, open-graph-scraper, with no network and
 * none of its fallbacks (so a tag that is missing is missing, not guessed from <title>). Each page
 * type (the route files under src/pages, so a new one is covered as soon as it is built) must give a
 * title, description, type, URL, site name, locale, Twitter card, and an image with its alt text and
 * size, which must be a built 1200x630 PNG; story pages and their quotes, sources and briefing show
 * the story's card or the quote's, every other page the site's. The story's NewsArticle (read by the
 * same parser) must name its image, author, publisher with a logo that is a built PNG, and the page
 * it is the main entity of. The `<link rel="alternate">`s (read with parse5) must name the feed on
 * every page and the story's open data on a story's pages.
 * Not covered: how the cards look (open dist/card.png and dist/stories/<slug>/card.png), that
 * /feed.xml exists (the feed's own tests), and what a given social site does with the tags (no
 * network here).
 */

interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  value?: string;
}

function* elements(node: HtmlNode): Generator<HtmlNode> {
  if (node.attrs !== undefined) yield node;
  for (const child of node.childNodes ?? []) yield* elements(child);
}

const attribute = (node: HtmlNode, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const text = (node: HtmlNode): string =>
  node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(text).join('');

/** What the page's own head says, read with an HTML parser: what the preview tags must agree with. */
function head(html: string) {
  const all = [...elements(parse(html))];
  const title = text(all.find((node) => node.nodeName === 'title')!);
  const meta = (name: string) =>
    attribute(
      all.find((node) => node.nodeName === 'meta' && attribute(node, 'name') === name)!,
      'content',
    );
  const links = (rel: string) =>
    all
      .filter((node) => node.nodeName === 'link' && attribute(node, 'rel') === rel)
      .map((node) => ({ type: attribute(node, 'type'), href: attribute(node, 'href') }));
  return {
    title,
    description: meta('description'),
    canonical: links('canonical')[0]?.href,
    alternates: links('alternate'),
  };
}

/** The page types whose pages are articles, with a published and a modified date. */
const ARTICLES = new Set(['/stories/[slug]/', '/stories/[slug]/quotes/[quote]/', '/stories/[slug]/briefing/']);

/** The preview image a page of a known type shows; other types may show the site's card or their own. */
function expectedImage(pattern: string, path: string): string | undefined {
  const slug = storySlugOf(path);
  if (pattern === '/stories/[slug]/quotes/[quote]/') return `${path.slice(0, -1)}.png`;
  if (pattern.startsWith('/stories/[slug]/')) return `/stories/${slug}/card.png`;
  if (pattern === '/' || pattern === '/actors/[actor]/') return '/card.png';
  return undefined;
}

/** The width and height of a built image, read by an image decoder: it must be a PNG. */
async function imageSize(site: Site, url: string): Promise<{ format: string; width: number; height: number }> {
  const { format, width, height } = await sharp(readFileSync(join(site.dist, new URL(url).pathname))).metadata();
  return { format, width, height };
}

/** A JSON-LD organisation or image, as far as these tests read it. */
interface Thing {
  '@type'?: string;
  '@id'?: string;
  name?: string;
  url?: string;
  width?: number;
  height?: number;
  logo?: Thing;
}

for (const site of SITES) {
  const settings = settingsOf(site);
  const pages = builtPages(site).filter((page) => !page.redirect);
  // Page types as the page-weight budgets group pages: by the site's route table.
  const types = groupPages(pages.map((page) => page.path));

  if (site === SITE) {
    test(`${site.name}: every page type to preview is built`, () => {
      expect([...types.keys()]).toEqual(
        expect.arrayContaining([
          '/',
          '/stories/[slug]/',
          '/stories/[slug]/quotes/[quote]/',
          '/stories/[slug]/sources/[source]/',
          '/stories/[slug]/briefing/',
          '/actors/[actor]/',
        ]),
      );
    });
  }

  for (const [pattern, paths] of types) {
    test(`${site.name}: link previews of ${pattern} (${paths.length} pages), read by open-graph-scraper`, async () => {
      for (const path of paths) {
        const { file } = pages.find((page) => page.path === path)!;
        const html = readFileSync(file, 'utf8');
        const own = head(html);
        const { error, result } = await ogs({ html, onlyGetOpenGraphInfo: true });
        const where = relative('.', file);
        expect(error, where).toBe(false);

        expect(result.ogTitle, where).toBe(own.title.replace(` · ${settings.name}`, ''));
        expect(result.ogDescription, where).toBe(own.description);
        expect(result.ogDescription?.length, where).toBeGreaterThan(0);
        expect(result.ogUrl, where).toBe(own.canonical);
        expect(new URL(result.ogUrl!).pathname, where).toBe(path);
        expect(result.ogSiteName, where).toBe(settings.name);
        expect(result.ogLocale, where).toBe(openGraphLocale(settings.language));
        expect(result.ogType, where).toBe(ARTICLES.has(pattern) ? 'article' : 'website');
        expect(result.twitterCard, where).toBe('summary_large_image');

        expect(result.ogImage, where).toHaveLength(1);
        const [image] = result.ogImage!;
        const { origin } = new URL(own.canonical!);
        expect(new URL(image!.url).origin, `${where}: the image is on the site's own origin`).toBe(origin);
        const expected = expectedImage(pattern, path);
        if (expected !== undefined) expect(new URL(image!.url).pathname, where).toBe(expected);
        expect(image!.alt?.trim().length, `${where}: the image has alt text`).toBeGreaterThan(0);
        expect(image!.type, where).toBe('image/png');
        expect({ width: Number(image!.width), height: Number(image!.height) }, where).toEqual({
          width: 1200,
          height: 630,
        });
        expect(await imageSize(site, image!.url), `${where}: the image is a built 1200x630 PNG`).toEqual({
          format: 'png',
          width: 1200,
          height: 630,
        });
        expect(result.twitterImage?.[0], where).toEqual({ url: image!.url, alt: image!.alt });

        if (ARTICLES.has(pattern)) {
          expect(result.articlePublishedTime, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(result.articleModifiedTime! >= result.articlePublishedTime!, where).toBe(true);
        } else {
          expect(result.articlePublishedTime, where).toBeUndefined();
        }

        // The feed on every page; a story's open data on each of its pages, and a built file.
        expect(own.alternates, where).toContainEqual({ type: 'application/rss+xml', href: '/feed.xml' });
        const slug = storySlugOf(path);
        const data = own.alternates.filter((link) => link.type === 'application/json');
        expect(data, where).toEqual(
          slug === undefined ? [] : [{ type: 'application/json', href: `/data/stories/${slug}.json` }],
        );
        for (const link of data) expect(() => readFileSync(join(site.dist, link.href!)), where).not.toThrow();
      }
    });
  }

  const stories = types.get('/stories/[slug]/') ?? [];
  for (const path of stories) {
    test(`${site.name}: the NewsArticle of ${path}, read by open-graph-scraper`, async () => {
      const { file } = pages.find((page) => page.path === path)!;
      const html = readFileSync(file, 'utf8');
      const { result } = await ogs({ html });
      const articles = (result.jsonLD ?? []) as Record<string, unknown>[];
      expect(articles.map((ld) => ld['@type'])).toEqual(['NewsArticle']);
      const article = articles[0]! as {
        headline: string;
        description: string;
        datePublished: string;
        dateModified: string;
        image: Thing;
        author: Thing | Thing[];
        publisher: Thing;
        mainEntityOfPage: Thing;
      };
      expect(article.headline).toBe(result.ogTitle);
      expect(article.description).toBe(result.ogDescription);
      expect(article.datePublished).toBe(result.articlePublishedTime);
      expect(article.dateModified).toBe(result.articleModifiedTime);
      expect(article.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': result.ogUrl });
      expect(article.image).toMatchObject({
        '@type': 'ImageObject',
        url: result.ogImage![0]!.url,
        width: 1200,
        height: 630,
      });
      // The byline's people, each with their page on the site; or, when the story names none, the site.
      if (Array.isArray(article.author)) {
        for (const author of article.author) {
          expect(author['@type']).toMatch(/^(Person|Organization)$/);
          expect(new URL(author.url!).pathname).toMatch(/^\/authors\/[a-z0-9-]+\/$/);
        }
      } else expect(article.author).toMatchObject({ '@type': 'NewsMediaOrganization', name: settingsOf(SITE).name });
      expect(article.publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: settingsOf(SITE).name });
      const logo = article.publisher.logo!;
      expect(logo['@type']).toBe('ImageObject');
      expect(await imageSize(site, logo.url!), 'the logo is a built PNG of the size it claims').toEqual({
        format: 'png',
        width: logo.width,
        height: logo.height,
      });
    });
  }
}
