import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';

/*
 * The seed story's explainer page in Chromium, as built in dist/: the sidebar, the timeline, quote
 * anchors, keyboard reach, no-JavaScript reading, and a phone-width layout.
 * Not covered here: print (briefing.spec.ts), permalink pages (quotes.spec.ts), axe and HTML
 * validity (quality checks), and the page's weight (budgets script).
 */

const slug = 'khalilzad-warns-taliban';
const storyPath = `/stories/${slug}/`;
const quoteIds = readdirSync(`content/stories/${slug}/quotes`).map((f) => f.replace(/\.md$/, ''));

/** The seed's events in the order the timeline must show them: by earliest possible day, then precision, then id. */
const timeline = [
  ['The US and the Taliban sign a peace deal in Doha', '2020-02', 'late February 2020'],
  ['The Taliban refuse to attend the Istanbul peace talks', '2021-04', 'late April 2021'],
  ['The day the Istanbul peace talks were to begin', '2021-04-24', '24 April 2021'],
  ['Sher Mohammad Abbas Stanekzai vows the Taliban will protect diplomats and journalists', '2021-04-26', '26 April'],
  ['A US-European joint statement condemns Taliban attacks', '2021-05-07', '7 May 2021'],
  ['Khalilzad warns the US will stand with the Afghan Republic', '2021-05-07', '7 May 2021'],
  ['Mohammad Masoom Stanekzai urges the Taliban to take responsibility for peace', '2021-05-07', '7 May 2021'],
] as const;

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Who said what' });

test('every quote of the story is a card in the sidebar', async ({ page }) => {
  await page.goto(storyPath);
  const cards = sidebar(page).getByRole('listitem');
  await expect(cards).toHaveCount(quoteIds.length);
  for (const id of quoteIds) await expect(sidebar(page).locator(`#q-${id}`)).toBeVisible();
  // Paraphrases are labelled and never shown in quotation marks.
  const paraphrases = sidebar(page).locator('[data-form="paraphrase"]');
  expect(await paraphrases.count()).toBeGreaterThan(0);
  for (const text of await paraphrases.locator('.words').allInnerTexts()) expect(text).not.toMatch(/^[“"]/);
  await expect(paraphrases.first()).toContainText('Paraphrase, not their words');
});

test('the timeline lists every event in order, each date at its true precision', async ({ page }) => {
  await page.goto(storyPath);
  const events = page.getByRole('region', { name: 'Timeline' }).getByRole('listitem');
  await expect(events.getByRole('heading', { level: 3 })).toHaveText(timeline.map(([title]) => title));
  for (const [i, [, datetime, words]] of timeline.entries()) {
    const time = events.nth(i).locator('time').first();
    await expect(time).toHaveAttribute('datetime', datetime);
    await expect(time).toHaveText(words);
  }
  // The gap reflects the dates' precision, and inferred dates show their marker and reasoning.
  await expect(events.nth(1)).toContainText('14 months later');
  await expect(events.nth(3)).toContainText('the source says “last week”');
  const inferred = events.nth(3).getByText('inferred date');
  await inferred.click();
  await expect(events.nth(3)).toContainText('Monday 26 April to Sunday 2 May 2021');
});

test('both Stanekzais are named in full and never by a bare surname', async ({ page }) => {
  await page.goto(storyPath);
  // Visible ones: a date's reasoning, folded away until opened, names them too.
  await expect(page.getByText('Mohammad Masoom Stanekzai').filter({ visible: true }).first()).toBeVisible();
  await expect(page.getByText('Sher Mohammad Abbas Stanekzai').filter({ visible: true }).first()).toBeVisible();
  const names = await page.locator('.actor-name').allInnerTexts();
  expect(names.filter((n) => n.trim() === 'Stanekzai')).toEqual([]);
});

test('the disputed claim says who disputes it', async ({ page }) => {
  await page.goto(storyPath);
  const disputed = page.locator('#c-taliban-behind-targeted-violence');
  await expect(disputed).toContainText('Disputed');
  await expect(disputed).toContainText('Disputed by: the Taliban');
  await expect(disputed).toContainText('Claimed by: Afghan security officials');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`each #q- link brings its card into view, highlighted (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const styleOf = (id: string) =>
      page.locator(`#q-${id}`).evaluate((el) => {
        const s = getComputedStyle(el);
        return `${s.backgroundColor} ${s.outlineStyle} ${s.outlineColor}`;
      });
    for (const [i, id] of quoteIds.entries()) {
      await page.goto(`${storyPath}#q-${id}`);
      const card = page.locator(`#q-${id}`);
      await expect(card).toBeInViewport();
      const other = quoteIds[(i + 1) % quoteIds.length]!;
      expect(await styleOf(id)).not.toBe(await styleOf(other));
    }
  });
}

test('a citation marker in the text links to its quote card', async ({ page }) => {
  await page.goto(storyPath);
  const marker = page.getByRole('link', { name: /^Quote 1, Zalmay Khalilzad$/ }).first();
  await marker.click();
  await expect(page).toHaveURL(/#q-khalilzad-stand-with-republic$/);
  await expect(page.locator('#q-khalilzad-stand-with-republic')).toBeInViewport();
});

test('Tab reaches every link, control and quote card, and is not trapped', async ({ page }) => {
  await page.goto(storyPath);
  const focusable = 'a[href], summary, button:not([hidden])';
  const count = await page.locator(focusable).count();
  const reached = new Set<number>();
  const cardsReached = new Set<string>();
  for (let i = 0; i < count + 5; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((selector) => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return {
        index: [...document.querySelectorAll(selector)].indexOf(el),
        card: el.closest('.quote-card')?.id ?? null,
      };
    }, focusable);
    if (!focused) continue;
    reached.add(focused.index);
    if (focused.card) cardsReached.add(focused.card);
  }
  expect(reached.size).toBe(count);
  expect(reached.has(-1), 'focus went to something that is not a link or control').toBe(false);
  expect([...cardsReached].sort()).toEqual(quoteIds.map((id) => `q-${id}`).sort());
});

test('with JavaScript disabled the page is complete', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(storyPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/The US envoy/);
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(quoteIds.length);
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(timeline.length);
  await page.goto(`${storyPath}#q-${quoteIds[0]}`);
  await expect(page.locator(`#q-${quoteIds[0]}`)).toBeInViewport();
  await context.close();
});

test('at 375 px wide no quote is missing and nothing overflows sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(storyPath);
  for (const id of quoteIds) {
    const box = await page.locator(`#q-${id}`).boundingBox();
    expect(box, `card q-${id} is laid out`).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  }
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
});

test('the home page lists the story', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /The US envoy/ }).click();
  await expect(page).toHaveURL(storyPath);
});
