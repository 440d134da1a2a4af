import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { parse } from 'parse5';
import { openGraphLocale } from '../../src/lib/outputs/preview';
import { builtFiles, builtPages, LIST_SITE, settingsOf, SITE } from '../e2e/site';
import { elements, parseXml, textOf } from '../e2e/xml';

/*
 * The site's configuration alone names the site: the many-stories fixture is built with a
 * configuration of its own (tests/fixtures/content/many-stories/site.yaml: another name, description,
 * origin, region, licences and accounts), and nothing it builds may name the site's own
 * (content/site.yaml): every file of it is read, as text, a gzipped file (Pagefind's index) once
 * unzipped, and none holds the site's name, description or origin. Then each place that names the
 * site is read as its reader reads it (an HTML parser for pages, an XML parser for the feed and the
 * sitemap, JSON for JSON-LD, the manifest and the data) and must give the configured values. Share
 * cards are images: what they show is read through their text alternative, made from the same
 * description the card is drawn from (src/lib/outputs/sharecard.ts). Not covered: the drawn pixels.
 */

const ours = settingsOf(SITE);
const theirs = settingsOf(LIST_SITE);
const dist = LIST_SITE.dist;

interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  value?: string;
}

function* nodes(node: HtmlNode): Generator<HtmlNode> {
  yield node;
  for (const child of node.childNodes ?? []) yield* nodes(child);
}
const attribute = (node: HtmlNode, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const text = (node: HtmlNode): string =>
  node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(text).join('');

/** A built file's text: gzipped files unzipped, so an index's words are read too. */
function textOfFile(file: string): string {
  const bytes = readFileSync(file);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('latin1');
}

test('the two configurations differ in every value the test looks for', () => {
  expect(theirs.name).not.toBe(ours.name);
  expect(theirs.description).not.toBe(ours.description);
  expect(new URL(theirs.origin).host).not.toBe(new URL(ours.origin).host);
  expect(theirs.language).not.toBe(ours.language);
});

test(`${LIST_SITE.name}: no built file names the site's own configuration`, () => {
  const files = builtFiles(LIST_SITE);
  expect(files.length).toBeGreaterThan(50);
  // Latin-1 reads every byte as one character, so a UTF-8 name is found as its bytes are.
  const needles = [ours.name, ours.description, new URL(ours.origin).host].map((needle) =>
    Buffer.from(needle, 'utf8').toString('latin1'),
  );
  const found = files.flatMap((file) => {
    const content = textOfFile(file);
    return needles.filter((needle) => content.includes(needle)).map((needle) => `${relative(dist, file)}: ${needle}`);
  });
  expect(found).toEqual([]);
});

test(`${LIST_SITE.name}: every page names the configured site, on its origin, in its language`, () => {
  const pages = builtPages(LIST_SITE).filter((page) => !page.redirect);
  expect(pages.length).toBeGreaterThan(27);
  for (const page of pages) {
    const all = [...nodes(parse(readFileSync(page.file, 'utf8')))];
    const where = relative('.', page.file);
    const meta = (key: string) =>
      attribute(
        all.find((n) => n.nodeName === 'meta' && (attribute(n, 'property') ?? attribute(n, 'name')) === key) ?? {
          nodeName: 'none',
        },
        'content',
      );
    const link = (rel: string) =>
      all.filter((n) => n.nodeName === 'link' && attribute(n, 'rel') === rel).map((n) => attribute(n, 'href'));
    const title = text(all.find((n) => n.nodeName === 'title')!);
    expect(title === theirs.name || title.endsWith(` · ${theirs.name}`), `${where}: ${title}`).toBe(true);
    expect(
      attribute(
        all.find((n) => n.nodeName === 'html')!,
        'lang',
      ),
      where,
    ).toBe(theirs.language);
    expect(text(all.find((n) => attribute(n, 'class')?.includes('site-name'))!).trim(), where).toBe(theirs.name);
    expect(meta('og:site_name'), where).toBe(theirs.name);
    expect(meta('og:locale'), where).toBe(openGraphLocale(theirs.language));
    expect(meta('twitter:site'), where).toBe(theirs.social.x);
    expect(link('canonical')[0], where).toMatch(new RegExp(`^${theirs.origin}/`));
    expect(meta('og:image'), where).toMatch(new RegExp(`^${theirs.origin}/`));
    expect(link('me'), where).toEqual([`https://social.example.net/@desk`]);
    for (const script of all.filter((n) => attribute(n, 'type') === 'application/ld+json')) {
      const json = text(script);
      for (const url of json.match(/https?:\/\/[^"]+/g) ?? [])
        if (!/schema\.org|creativecommons|opendatacommons|x\.com|social\.example\.net/.test(url))
          expect(url, where).toMatch(new RegExp(`^${theirs.origin}/`));
    }
  }
});

test(`${LIST_SITE.name}: the home page's JSON-LD, a story's publisher and the cards name the configured site`, () => {
  const html = (path: string) => [...nodes(parse(readFileSync(join(dist, path), 'utf8')))];
  const jsonLd = (all: HtmlNode[]) =>
    all
      .filter((n) => attribute(n, 'type') === 'application/ld+json')
      .map((n) => JSON.parse(text(n)) as Record<string, unknown>);
  const alt = (all: HtmlNode[]) =>
    attribute(
      all.find((n) => n.nodeName === 'meta' && attribute(n, 'property') === 'og:image:alt')!,
      'content',
    );

  const home = html('index.html');
  const [graph] = jsonLd(home).map((ld) => ld['@graph'] as Record<string, unknown>[]);
  expect(graph).toEqual([
    expect.objectContaining({
      '@type': 'WebSite',
      name: theirs.name,
      url: `${theirs.origin}/`,
      inLanguage: theirs.language,
    }),
    expect.objectContaining({
      '@type': 'NewsMediaOrganization',
      name: theirs.name,
      email: theirs.contact.editorial,
      sameAs: ['https://x.com/harbourgazette', 'https://social.example.net/@desk'],
    }),
  ]);
  // The site's card shows the name and description; a story's card the name over the headline.
  expect(alt(home)).toBe(`${theirs.name}. ${theirs.description}`);

  const storyPage = builtPages(LIST_SITE).find((page) => /^\/stories\/[^/]+\/$/.test(page.path))!;
  const story = html(relative(dist, storyPage.file));
  const [article] = jsonLd(story);
  expect(article).toMatchObject({
    publisher: { name: theirs.name, url: `${theirs.origin}/` },
    inLanguage: theirs.language,
    license: theirs.licences.text.url,
  });
  expect(alt(story)).toMatch(new RegExp(`^${theirs.name}\\. `));
});

test(`${LIST_SITE.name}: the feed, sitemap, robots.txt, manifest and open data name the configured site`, () => {
  const feed = parseXml(readFileSync(join(dist, 'feed.xml'), 'utf8'));
  const channel = elements(feed, 'channel')[0]!;
  expect(textOf(channel, 'title')).toBe(theirs.name);
  expect(textOf(channel, 'description')).toBe(theirs.description);
  expect(textOf(channel, 'language')).toBe(theirs.language);
  for (const item of elements(feed, 'item')) expect(textOf(item, 'link')).toMatch(new RegExp(`^${theirs.origin}/`));

  const sitemap = parseXml(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8'));
  const locs = elements(sitemap, 'url').map((url) => textOf(url, 'loc')!);
  expect(locs.length).toBeGreaterThan(27);
  for (const loc of locs) expect(loc).toMatch(new RegExp(`^${theirs.origin}/`));
  expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${theirs.origin}/sitemap-index.xml`);

  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8')) as Record<string, unknown>;
  expect(manifest).toMatchObject({ name: theirs.name, description: theirs.description, lang: theirs.language });

  const index = JSON.parse(readFileSync(join(dist, 'data/stories.json'), 'utf8')) as {
    licence: unknown;
    stories: { url: string }[];
  };
  expect(index.licence).toEqual(theirs.licences.data);
  for (const story of index.stories) expect(story.url).toMatch(new RegExp(`^${theirs.origin}/`));
});
