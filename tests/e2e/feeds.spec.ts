import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse, parseFragment } from 'parse5';
import { claimStatuses } from '../../src/lib/model/entities';
import sharp from 'sharp';
import type { StoriesIndex } from '../../src/lib/outputs/opendata';
import { builtPages, FIXTURE_SITE, settingsOf, SITE, SITES, type Site } from './site';
import { elements, parseXml, textOf } from './xml';

/*
 * What the site publishes for programs and for lost readers: the RSS feeds (XML, one entry per story
 * and one per correction, every field escaped: the fixture site has markup in every field; a feed per
 * story; each read again by a feed reader's parser, @rowanmanning/feed-parser), the sitemap (every page but the
 * redirect pages and the 404 page, dated from the content), robots.txt, /data/stories.json, the 404
 * page, and the story list's pages (every story two clicks from the home page). Read from each site's
 * build (XML with an XML parser, HTML with parse5); the 404 page through `astro preview`.
 * Not covered: how feed readers draw these and how search engines use them; the open data's schemas
 * (tests/quality/opendata.spec.ts); the list's pages beyond the first (a site needs more than 25
 * stories for a second: the benchmark corpus, tests/bench).
 */

const read = (site: Site, path: string) => readFileSync(join(site.dist, path), 'utf8');
/** RSS's module for an item's full content (`content:encoded`). */
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const index = (site: Site) => JSON.parse(read(site, 'data/stories.json')) as StoriesIndex;
const pathOf = (url: string) => new URL(url).pathname;
/** The feed's items, each as its link, title and full content. */
const feedItems = (site: Site) =>
  elements(parseXml(read(site, 'feed.xml')), 'item').map((item) => ({
    link: textOf(item, 'link'),
    title: textOf(item, 'title'),
    content: textOf(item, 'encoded', CONTENT) ?? '',
  }));

interface Node {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
}

/** Every node of a parsed document or fragment, in document order. */
function nodesOf(root: Node): Node[] {
  const found: Node[] = [root];
  for (const child of root.childNodes ?? []) found.push(...nodesOf(child));
  return found;
}
/** A node's text, all of it. */
const textOfNode = (root: Node) =>
  nodesOf(root)
    .filter((node) => node.nodeName === '#text')
    .map((node) => node.value)
    .join('');
/** An HTML fragment's text, all of it, and the names of its elements: what a reader of the feed sees, and what markup it holds. */
const textOfHtml = (html: string) => textOfNode(parseFragment(html));
const elementNames = (html: string) =>
  new Set(
    nodesOf(parseFragment(html) as unknown as Node)
      .filter((node) => node.attrs !== undefined)
      .map((node) => node.nodeName),
  );
const hrefsOf = (html: string) =>
  nodesOf(parse(html) as unknown as Node).flatMap((node) =>
    node.nodeName === 'a' ? (node.attrs?.find((a) => a.name === 'href')?.value ?? []) : [],
  );

for (const site of SITES) {
  test.describe(site.name, () => {
    test('the feed is XML with one entry per story, newest first, and one per correction', () => {
      const items = feedItems(site);
      const stories = index(site).stories;
      const storyItems = items.filter((item) => !item.link!.includes('#'));
      expect(storyItems.map((item) => item.link)).toEqual(stories.map((story) => story.url));
      expect(storyItems.map((item) => item.title)).toEqual(stories.map((story) => story.title));
      // Every correction the open data lists has its entry, linking its place in the story's log.
      const corrections = stories.map(
        (story) => JSON.parse(read(site, pathOf(story.data))) as { corrections: { url: string }[] },
      );
      expect(
        items
          .filter((item) => item.link!.includes('#'))
          .map((item) => item.link)
          .sort(),
      ).toEqual(corrections.flatMap((data) => data.corrections.map((correction) => correction.url)).sort());
    });

    test('each feed, as a feed reader parses it: where it lives, its language and last change, and citations that read apart without the site’s CSS', () => {
      const stories = index(site).stories;
      const feeds = ['/feed.xml', ...stories.map((story) => `${pathOf(story.url)}feed.xml`)];
      let bracketed = 0;
      for (const path of feeds) {
        const feed = parseFeed(read(site, path));
        expect(feed.self && pathOf(feed.self), path).toBe(path);
        expect(feed.language, path).toBe(settingsOf(site).language);
        expect(feed.updated, path).toBeInstanceOf(Date);
        for (const item of feed.items) {
          const html = item.content ?? '';
          const marks = nodesOf(parseFragment(html) as unknown as Node)
            .filter((node) => /#[qc]-/.test(node.attrs?.find((a) => a.name === 'href')?.value ?? ''))
            .map(textOfNode);
          // A feed reader drops the CSS that sets a marker apart: a bare number ("¹²" reads as twelve) or
          // a bare status ("forces.reportedreported") must not reach it; "[1][2]" and "[reported]" do.
          expect(
            marks.filter((text) => /^\d+$/.test(text) || (claimStatuses as readonly string[]).includes(text)),
            `${path}: ${item.url}`,
          ).toEqual([]);
          bracketed += marks.filter((text) => /^\[(\d+|[a-z]+)\]$/.test(text)).length;
          expect(elementNames(html), `${path}: ${item.url}`).not.toContain('sup');
        }
      }
      expect(bracketed, 'citation markers in the feeds').toBeGreaterThan(0);
      // A story's feed: the story and every correction or update to it.
      for (const story of stories) {
        const feed = parseFeed(read(site, `${pathOf(story.url)}feed.xml`));
        const data = JSON.parse(read(site, pathOf(story.data))) as { corrections: { url: string }[] };
        expect(feed.items.map((item) => item.url).sort()).toEqual(
          [story.url, ...data.corrections.map((correction) => correction.url)].sort(),
        );
      }
    });

    test('the sitemap lists every page but redirects, briefings and the 404 page, every one dated, stories by their update', () => {
      const parts = elements(parseXml(read(site, 'sitemap-index.xml')), 'sitemap').map((part) => textOf(part, 'loc')!);
      const entries = parts.flatMap((part) =>
        elements(parseXml(read(site, pathOf(part))), 'url').map((url) => ({
          loc: textOf(url, 'loc')!,
          lastmod: textOf(url, 'lastmod'),
        })),
      );
      const listed = entries.map((entry) => pathOf(entry.loc)).sort();
      const pages = builtPages(site)
        .filter((page) => !page.redirect && page.path !== '/404.html' && !page.path.endsWith('/briefing/'))
        .map((page) => page.path)
        .sort();
      expect(listed).toEqual(pages);
      expect(entries.filter((entry) => entry.lastmod === undefined).map((entry) => entry.loc)).toEqual([]);
      for (const story of index(site).stories) {
        const entry = entries.find((e) => e.loc === story.url);
        expect(entry?.lastmod?.slice(0, 10), story.url).toBe(story.updated);
      }
    });

    test('robots.txt points to the sitemap', () => {
      const lines = read(site, 'robots.txt').split('\n');
      const sitemap = lines.find((line) => line.startsWith('Sitemap: '))?.slice('Sitemap: '.length);
      expect(sitemap && pathOf(sitemap)).toBe('/sitemap-index.xml');
      expect(lines).toContain('User-agent: *');
    });

    test('/data/stories.json lists every story page with its data, which exists', () => {
      const stories = index(site).stories;
      const storyPages = builtPages(site).filter((page) => !page.redirect && /^\/stories\/[^/]+\/$/.test(page.path));
      expect(stories.map((story) => pathOf(story.url)).sort()).toEqual(storyPages.map((page) => page.path).sort());
      for (const story of stories) expect(existsSync(join(site.dist, pathOf(story.data))), story.data).toBe(true);
    });

    test('every story is two clicks from the home page: a page of the list, then the story', () => {
      const home = read(site, 'index.html');
      const listPages = ['/', ...hrefsOf(home).filter((href) => /^\/page\/\d+\/$/.test(href))];
      const reached = new Set(
        listPages
          .flatMap((path) => hrefsOf(read(site, join(path, 'index.html'))))
          .filter((href) => href.startsWith('/stories/')),
      );
      for (const story of index(site).stories) expect(reached, story.url).toContain(pathOf(story.url));
    });
  });
}

test('the feed carries markup in every field as escaped text, never as markup', () => {
  const items = feedItems(FIXTURE_SITE);
  const story = index(FIXTURE_SITE).stories.find((s) => s.slug === 'unsafe-story')!;
  const item = items.find((i) => i.link === story.url)!;
  // The title is text in the XML, exactly the headline, markup and all.
  expect(item.title).toBe(story.title);
  expect(item.title).toContain('<script>');
  // The content is HTML carried as text: read as HTML, it holds no element the site did not write.
  expect(elementNames(item.content)).toEqual(new Set(['p', 'h2', 'ul', 'li', 'a']));
  const words = textOfHtml(item.content);
  expect(words).toContain('</script><script>alert("dek")</script>');
  expect(words).toContain('"><svg onload=alert("bottom line")>');
});

test('a correction’s entry says what changed, what it said before, and keeps markup as text', () => {
  const entry = feedItems(FIXTURE_SITE).find((item) => item.link!.endsWith('#k-2024-03-02-quote-script-in-words'))!;
  expect(entry.title).toMatch(/^Correction: <script>/);
  const words = textOfHtml(entry.content);
  expect(words).toContain('</p><script>alert("correction")</script> The words were cut short & "fixed".');
  expect(words).toContain('Before: It read “<img src=x onerror=alert("was")> the words before”.');
  expect(elementNames(entry.content)).toEqual(new Set(['p', 'a']));
});

test('the site’s feed and the story’s own are linked where a reader sees them', async ({ page }) => {
  const story = index(SITE).stories[0]!;
  await page.goto(pathOf(story.url));
  await expect(page.getByRole('link', { name: 'Follow this story’s updates (RSS)' })).toHaveAttribute(
    'href',
    `${pathOf(story.url)}feed.xml`,
  );
  await expect(
    page.getByRole('contentinfo').getByRole('link', { name: 'Follow new stories and corrections (RSS feed)' }),
  ).toHaveAttribute('href', '/feed.xml');
});

test.describe('the 404 page', () => {
  test('answers an unknown address with 404, and links home and to search', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: 'See every story, newest first' })).toHaveAttribute('href', '/');
    await expect(main.getByRole('link', { name: /Search/ })).toHaveAttribute('href', '/search/');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
  });
});

test('the site links its favicon, a drawn SVG image, its PNG icons and its web manifest, all built from the configured logo', async ({
  page,
  request,
}) => {
  await page.goto(SITE.origin + '/');
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href');
  const icon = await request.get(href!);
  expect(icon.ok()).toBe(true);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  const svg = parseXml(await icon.text()).documentElement!;
  expect(svg.localName).toBe('svg');
  expect(svg.getAttribute('viewBox')).toBe('0 0 32 32');
  expect(elements(svg, 'path').length).toBeGreaterThan(0);

  const png = async (url: string) => {
    const response = await request.get(url);
    expect(response.ok(), url).toBe(true);
    return sharp(await response.body()).metadata();
  };
  const favicon = await page.locator('link[rel="icon"][type="image/png"]').getAttribute('href');
  expect(await png(favicon!)).toMatchObject({ format: 'png', width: 32, height: 32 });
  const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect(await png(touch!)).toMatchObject({ format: 'png', width: 180, height: 180 });

  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await request.get(manifestHref!)).json()) as {
    name: string;
    lang: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  expect(manifest).toMatchObject({ name: settingsOf(SITE).name, lang: settingsOf(SITE).language });
  for (const entry of manifest.icons.filter((entry) => entry.type === 'image/png')) {
    const [width, height] = entry.sizes.split('x').map(Number);
    expect(await png(entry.src)).toMatchObject({ width, height });
  }
  expect(manifest.icons.map((entry) => entry.src)).toContain(href);
});
