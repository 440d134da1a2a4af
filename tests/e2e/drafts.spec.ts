import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { parse } from 'parse5';
import { DRAFT_NOTICE } from '../../src/lib/present/labels';
import { builtFiles, builtPages, LIST_SITE, PREVIEW_SITE } from './site';

/*
 * Drafts (README, "Drafts"), on the many-stories fixture, whose one draft story
 * (tests/fixtures/content/many-stories/stories/secret-dredging-plan) quotes an actor no other story
 * names. Its preview build (PREVIEW_SITE, `SITE_PREVIEW=1`) shows the draft on its own pages, each
 * saying it is a draft on screen and on paper, lists it apart on the home page, and marks every page
 * `noindex`; its feed, sitemap, open data and search leave the draft out. The production build of
 * the same folder (LIST_SITE) holds nothing of it, in any file. Not covered here: the dev server,
 * which shows drafts by the same flag (src/integrations/index.ts).
 */

const SLUG = 'secret-dredging-plan';
const STORY = `/stories/${SLUG}/`;
/** What only the draft holds: its slug, title, quote, speaker and source; none may reach a production file. */
const NEEDLES = [
  SLUG,
  'The dredging plan nobody has seen',
  'dredge the outer harbour',
  'Dara Quillfeather',
  'dara-quillfeather',
  'news.example.org/dredging',
];

/** A built file's text: gzipped files (the search index) unzipped; Latin-1, so UTF-8 needles are found as their bytes. */
function textOfFile(file: string): string {
  const bytes = readFileSync(file);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('latin1');
}

/** The needles each file of a site holds, as `file: needle`. */
const found = (site: typeof LIST_SITE) =>
  builtFiles(site).flatMap((file) => {
    const text = textOfFile(file);
    return NEEDLES.filter((needle) => text.includes(needle)).map((needle) => `${relative(site.dist, file)}: ${needle}`);
  });

test('the production build holds nothing of the draft, in any file', () => {
  const files = builtFiles(LIST_SITE);
  expect(files.length).toBeGreaterThan(50);
  expect(found(LIST_SITE)).toEqual([]);
  // The needles are the draft's: the preview of the same folder holds every one.
  const inPreview = new Set(found(PREVIEW_SITE).map((hit) => hit.slice(hit.indexOf(': ') + 2)));
  expect([...inPreview].sort()).toEqual([...NEEDLES].sort());
});

test.describe('the preview build', () => {
  test.use({ baseURL: PREVIEW_SITE.origin });

  for (const path of [
    STORY,
    `${STORY}briefing/`,
    `${STORY}quotes/dredge-in-spring/`,
    `${STORY}sources/briefing-note/`,
  ]) {
    test(`${path} says it is a draft, on screen and on paper`, async ({ page }) => {
      await page.goto(path);
      const notice = page.getByRole('main').getByRole('note').filter({ hasText: DRAFT_NOTICE.heading });
      await expect(notice).toBeVisible();
      await expect(notice.getByText(DRAFT_NOTICE.heading)).toHaveJSProperty('tagName', 'STRONG');
      await page.emulateMedia({ media: 'print' });
      await expect(notice).toBeVisible();
    });
  }

  test('a published story’s page says nothing of drafts', async ({ page }) => {
    await page.goto('/stories/story-01/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Story number 1');
    await expect(page.getByText(DRAFT_NOTICE.heading)).toHaveCount(0);
  });

  test('every page is noindex, once', () => {
    const pages = builtPages(PREVIEW_SITE);
    expect(pages.length).toBeGreaterThan(30);
    type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };
    const robots = (node: Node): string[] => [
      ...(node.nodeName === 'meta' && node.attrs?.some((a) => a.name === 'name' && a.value === 'robots')
        ? [node.attrs.find((a) => a.name === 'content')?.value ?? '']
        : []),
      ...(node.childNodes ?? []).flatMap(robots),
    ];
    const wrong = pages
      .map((page) => ({ page: page.path, robots: robots(parse(readFileSync(page.file, 'utf8')) as Node) }))
      .filter(({ robots }) => robots.length !== 1 || robots[0] !== 'noindex');
    expect(wrong).toEqual([]);
  });

  test('the home page lists the draft apart from the stories, and links it', async ({ page }) => {
    await page.goto('/');
    const drafts = page.getByRole('region', { name: 'Drafts' });
    await expect(drafts.getByRole('listitem')).toHaveCount(1);
    await drafts.getByRole('link', { name: 'The dredging plan nobody has seen' }).click();
    await expect(page).toHaveURL(`${PREVIEW_SITE.origin}${STORY}`);
    await page.goto('/');
    const stories = page.getByRole('main').getByRole('list').first();
    await expect(stories.getByRole('listitem')).toHaveCount(25);
    await expect(stories.getByRole('link', { name: /dredging/ })).toHaveCount(0);
  });

  test('its feed, sitemap and open data leave the draft out, and its page links none of its own', async ({ page }) => {
    const read = (file: string) => readFileSync(join(PREVIEW_SITE.dist, file), 'utf8');
    for (const file of ['feed.xml', 'sitemap-0.xml', 'data/stories.json']) {
      expect(read(file), file).toContain('story-01');
      expect(read(file), file).not.toContain(SLUG);
    }
    expect(existsSync(join(PREVIEW_SITE.dist, `data/stories/${SLUG}.json`))).toBe(false);
    expect(existsSync(join(PREVIEW_SITE.dist, `stories/${SLUG}/feed.xml`))).toBe(false);
    expect(existsSync(join(PREVIEW_SITE.dist, 'stories/story-01/feed.xml'))).toBe(true);
    await page.goto(STORY);
    const alternates = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(alternates).toEqual(['/feed.xml']);
    await expect(page.getByRole('link', { name: /RSS/ })).toHaveCount(1);
    // The speaker's page exists, for the draft's links, but lists only what is published.
    expect(await page.locator('a[href="/actors/dara-quillfeather/"]').count()).toBeGreaterThan(0);
    await page.goto('/actors/dara-quillfeather/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dara Quillfeather');
    await expect(page.getByText('No quote is recorded.')).toBeVisible();
  });

  test('search finds the published stories and never the draft', async ({ page }) => {
    await page.goto('/search/');
    const field = page.getByLabel('Words to find');
    await field.fill('number');
    await expect(page.getByRole('status')).toHaveText(/^\d+ results\.$/);
    for (const words of ['dredge', 'dredging', 'Quillfeather']) {
      await field.fill(words);
      await expect(page.getByRole('status'), words).toHaveText('No results.');
    }
  });
});
