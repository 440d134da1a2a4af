import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { normalise, pageTexts, printToPdf } from './pdf';

/*
 * The print rules of the pages other than the briefing: chrome left off, the sidebar's quotes after
 * the text, ink on white, the running footer. Not covered here: the briefing's fit and page breaks
 * (briefing.spec.ts, long-briefing.spec.ts), and pages that later issues add (their specs print them).
 */

const story = '/stories/khalilzad-warns-taliban/';
/** The long fixture story (`npm run build:fixtures`), whose text links to its source. */
const fixtureStory = resolve('dist-fixtures/long/stories/harbour-dispute/index.html');

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`printed from a ${colorScheme} screen`, () => {
    test.use({ colorScheme });

    test('the story page prints without navigation, with every quote after the text', async ({ page }) => {
      await page.goto(story);
      const nav = page.getByRole('navigation', { name: 'Site' });
      const briefingLink = page.getByRole('link', { name: 'Print briefing' });
      await expect(nav).toBeVisible();
      await expect(briefingLink).toBeVisible();
      const cards = page.locator('.quote-card');
      const count = await cards.count();
      expect(count).toBeGreaterThan(0);

      await page.emulateMedia({ media: 'print' });
      await expect(nav).toBeHidden();
      await expect(briefingLink).toBeHidden();
      await expect(page.getByRole('link', { name: 'Skip to content' })).toBeHidden();

      const sidebar = page.getByRole('complementary', { name: 'Who said what' });
      await expect(sidebar).toBeVisible();
      for (let i = 0; i < count; i++) await expect(cards.nth(i)).toBeVisible();
      const text = await page.locator('.prose').boundingBox();
      const quotes = await sidebar.boundingBox();
      expect(quotes!.y).toBeGreaterThanOrEqual(text!.y + text!.height);
      expect(quotes!.width).toBeGreaterThanOrEqual(text!.width * 0.9);
    });

    test('every page prints dark text on white, with no background that wastes ink', async ({ page }) => {
      for (const path of ['/', story, `${story}briefing/`]) {
        await page.goto(path);
        await page.emulateMedia({ media: 'print' });
        const offenders = await page.evaluate(() => {
          const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
          const found: string[] = [];
          for (const el of document.querySelectorAll('body *')) {
            const style = getComputedStyle(el);
            if (style.display === 'none' || el.closest('.visually-hidden')) continue;
            const [r, g, b, a = 1] = channels(style.backgroundColor);
            if (a > 0 && Math.min(r!, g!, b!) < 255)
              found.push(`${el.tagName}.${el.getAttribute('class')}: background ${style.backgroundColor}`);
            const ownText = [...el.childNodes].some(
              (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
            );
            if (ownText && Math.max(...channels(style.color).slice(0, 3)) > 0x60)
              found.push(`${el.tagName}.${el.getAttribute('class')}: text ${style.color}`);
          }
          return found;
        });
        expect(offenders, path).toEqual([]);
      }
    });
  });
}

test('the printed story page keeps every quote and carries a running footer with its title and page numbers', async ({
  page,
}, testInfo) => {
  await page.goto(story);
  const title = await page.getByRole('heading', { level: 1 }).innerText();
  const words = await page.locator('.quote-card .words').allInnerTexts();
  const pages = pageTexts(await printToPdf(page, 'A4', testInfo.outputPath('story-A4.pdf')));
  expect(pages.length).toBeGreaterThan(1);
  const all = normalise(pages.join(''));
  for (const quote of words) expect(all).toContain(normalise(quote));
  pages.forEach((text, i) => {
    expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    expect(text).toContain(title);
  });
  expect(all).not.toContain(normalise('Skip to content'));
});

test('a link in the story text prints with its address after it, shortened', async ({ page }, testInfo) => {
  if (!existsSync(fixtureStory)) throw new Error(`${fixtureStory} is missing: run \`npm run build:fixtures\` first`);
  await page.goto(pathToFileURL(fixtureStory).href);
  const link = page.getByRole('link', { name: /^the Gazette.s report/ });
  const after = () => link.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(await after()).toBe('none');
  await page.emulateMedia({ media: 'print' });
  expect(await after()).toBe('" (calder-gazette.example/…/the-harbour-dispute-fr…)"');

  const text = normalise(
    pageTexts(await printToPdf(page, 'A4', testInfo.outputPath('fixture-story-A4.pdf'))).join(' '),
  );
  expect(text).toContain(normalise('the Gazette’s report (calder-gazette.example/…/the-harbour-dispute-fr…)'));
});
