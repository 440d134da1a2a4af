import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { StoriesIndex } from '../../src/lib/outputs/opendata';
import { axeViolations } from '../quality/axe';
import { LIST_SITE } from './site';
import { elements, parseXml, textOf } from './xml';

/*
 * The story list on a site with more stories than one page holds (27: tests/fixtures/content/many-stories):
 * the home page shows the newest 25 and a navigation to every page of the list, marked up so a screen
 * reader announces it (a labelled nav, the current page, the next and previous pages), with 0 axe
 * violations in light and dark; every story is two clicks from the home page, by keyboard too; the
 * feed and the sitemap still list every story. Not covered: the weight of the pages at 1,000 stories
 * (measured on the benchmark corpus; the budget is asserted by npm run test:budgets on dist/).
 */

test.use({ baseURL: LIST_SITE.origin });

const stories = (JSON.parse(readFileSync(join(LIST_SITE.dist, 'data/stories.json'), 'utf8')) as StoriesIndex).stories;

test('the home page lists the newest 25 and links every page of the list', async ({ page }) => {
  await page.goto('/');
  const list = page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 2 });
  await expect(list).toHaveText(stories.slice(0, 25).map((story) => story.title));
  // Each story's dates and counts, as words with a space either side of each separator.
  await expect(page.getByRole('main').getByRole('listitem').first().locator('.meta')).toHaveText(
    /^Published \d{1,2} [A-Z][a-z]+ \d{4}(, updated \d{1,2} [A-Z][a-z]+ \d{4})? · \d+ quotes · \d+ events$/,
  );
  const pages = page.getByRole('navigation', { name: 'Pages of stories' });
  await expect(pages.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
  await expect(pages.getByRole('link', { name: 'Older stories' })).toHaveAttribute('rel', 'next');
  await expect(pages.getByRole('link', { name: 'Newer stories' })).toHaveCount(0);

  await pages.getByRole('link', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/\/page\/2\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stories, page 2 of 2');
  await expect(list).toHaveText(stories.slice(25).map((story) => story.title));
  await expect(pages.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  await expect(pages.getByRole('link', { name: 'Newer stories' })).toHaveAttribute('rel', 'prev');
  await expect(pages.getByRole('link', { name: 'Older stories' })).toHaveCount(0);
});

test('every story is two clicks from the home page', async ({ page }) => {
  await page.goto('/');
  const listPages = await page
    .getByRole('navigation', { name: 'Pages of stories' })
    .getByRole('link', { name: /^Page / })
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  const reached = new Set<string>();
  for (const path of listPages) {
    await page.goto(path);
    const links = page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 2 }).getByRole('link');
    for (const href of await links.evaluateAll((all) => all.map((link) => link.getAttribute('href')!)))
      reached.add(href);
  }
  expect([...reached].sort()).toEqual(stories.map((story) => new URL(story.url).pathname).sort());
});

test('the second page is reached by keyboard', async ({ page }) => {
  await page.goto('/');
  const second = page.getByRole('navigation', { name: 'Pages of stories' }).getByRole('link', { name: 'Page 2' });
  // Tab through the page (the skip link, the site's name, 25 stories, page 1) until it reaches page 2.
  for (let presses = 0; presses < 40 && !(await second.evaluate((link) => link === document.activeElement)); presses++)
    await page.keyboard.press('Tab');
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/page\/2\/$/);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the list's pages have 0 axe violations, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of ['/', '/page/2/']) {
      await page.goto(path);
      expect(await axeViolations(page)).toEqual([]);
    }
  });
}

test('the feed and the sitemap list every story', () => {
  const read = (path: string) => readFileSync(join(LIST_SITE.dist, path), 'utf8');
  const items = elements(parseXml(read('feed.xml')), 'item').map((item) => textOf(item, 'link'));
  expect(items).toEqual(stories.map((story) => story.url));
  const listed = elements(parseXml(read('sitemap-0.xml')), 'loc').map((loc) => new URL(loc.textContent!).pathname);
  for (const story of stories) expect(listed).toContain(new URL(story.url).pathname);
  expect(listed).toContain('/page/2/');
});
