import { readFileSync } from 'node:fs';
import { matchesGlob, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'parse5';
import { INDEXED_PAGES } from '../../src/lib/outputs/search';
import { actors, quotes } from './content';
import { builtPages, LIST_SITE, SITE, SITES } from './site';

/*
 * The search page (/search/) on the built site, with the Pagefind index the build wrote: narrowing by
 * speaker and by form finds every quote the content gives them and nothing else; a quote's result
 * shows its words, speaker, form, date and story; stories, claims and actors are found too; the page
 * works by keyboard alone; without JavaScript it says so and links to the stories; the index is
 * loaded only once a reader searches, and nothing is requested from another origin. What is expected
 * is read from the content files (tests/e2e/content.ts). Not covered: what a screen reader says (the
 * live region and labels are what axe checks, tests/quality/a11y.spec.ts), ranking, and the fixture
 * sites (their search pages are audited by the quality suite and tests/e2e/security.spec.ts).
 */

const results = (page: Page) => page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
const status = (page: Page) => page.getByRole('status');

test.use({ baseURL: SITE.origin });

test('narrowed by speaker: every quote of that speaker, each result naming them', async ({ page }) => {
  const [id, name] = [...actors].find(([actor]) => quotes.filter((q) => q.speaker.id === actor).length > 1)!;
  const theirs = quotes.filter((quote) => quote.speaker.id === id);
  await page.goto('/search/');
  await page.getByLabel('Speaker').selectOption({ label: name });
  await expect(status(page)).toHaveText(`${theirs.length} results.`);
  while (await page.getByRole('button', { name: 'Show more results' }).isVisible())
    await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(results(page)).toHaveCount(theirs.length);
  for (const result of await results(page).all()) await expect(result).toContainText(name);
  const links = await results(page)
    .getByRole('link')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  for (const quote of theirs) expect(links).toContain(quote.path);
  // The address keeps the search: it can be linked to, and opens with the same results.
  await page.goto(page.url());
  await expect(page.getByLabel('Speaker')).toHaveValue(id);
  await expect(status(page)).toHaveText(`${theirs.length} results.`);
});

for (const [form, label, count] of [
  ['paraphrase', 'Paraphrase', quotes.filter((q) => q.form === 'paraphrase').length],
  ['direct', 'Direct', quotes.filter((q) => q.form === 'direct').length],
  ['unnamed', 'Unnamed speaker', quotes.filter((q) => q.speaker.id === undefined).length],
] as const) {
  test(`narrowed by form, ${form}: as many results as the content has such quotes`, async ({ page }) => {
    expect(count).toBeGreaterThan(0);
    await page.goto('/search/');
    await page.getByLabel('Form').selectOption({ label });
    await expect(status(page)).toHaveText(`${count} result${count === 1 ? '' : 's'}.`);
    const labels = await results(page).locator('.label').allTextContents();
    expect(new Set(labels)).toEqual(new Set(['Quote']));
  });
}

test("a quote's result: its words, the speaker's full name, the form, the date as pages show it, and the story", async ({
  page,
}) => {
  const quote = quotes.find((q) => q.id === 'khalilzad-stand-with-republic')!;
  await page.goto('/search/');
  await page.getByLabel('Words to find').fill('keep the Republic intact');
  await expect(status(page)).toHaveText(/^\d+ results?\.$/);
  const result = results(page).filter({ has: page.locator(`a[href="${quote.path}"]`) });
  await expect(result).toHaveCount(1);
  // A direct quote, in quotation marks, as its page sets it.
  await expect(result.getByRole('link', { name: `“${quote.words}”` })).toBeVisible();
  // The date as pages show it, with how it is known: the tweet's day is inferred from "late on Friday".
  await expect(result).toContainText(`${quote.speaker.name} · Direct quote · 7 May 2021 (inferred) · In `);
  await expect(result.getByRole('link', { name: "The US envoy's warning to the Taliban, May 2021" })).toHaveAttribute(
    'href',
    `/stories/${quote.slug}/`,
  );
});

test('stories, claims and people are found too, each saying what it is', async ({ page }) => {
  await page.goto('/search/?q=Khalilzad');
  await expect(results(page).first()).toBeVisible();
  await page.getByLabel('Show').selectOption({ label: 'People and organisations' });
  await expect(results(page).getByRole('link', { name: 'Zalmay Khalilzad' })).toHaveAttribute(
    'href',
    '/actors/zalmay-khalilzad/',
  );
  await page.getByLabel('Show').selectOption({ label: 'Stories' });
  await expect(results(page).first().locator('.label')).toHaveText('Story');
  await page.getByLabel('Words to find').fill('prisoners');
  await page.getByLabel('Show').selectOption({ label: 'Claims' });
  const claim = results(page).first();
  await expect(claim.locator('.label')).toHaveText(/ claim$/);
  await expect(claim.getByRole('link').first()).toHaveAttribute('href', /^\/stories\/[a-z0-9-]+\/#c-[a-z0-9-]+$/);
});

test('by keyboard alone: type, narrow, read the count, and open a result', async ({ page }) => {
  await page.goto('/search/');
  const field = page.getByLabel('Words to find');
  for (let i = 0; i < 10 && !(await field.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(field).toBeFocused();
  await page.keyboard.type('Taliban');
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText(/^\d+ results\.$/);
  // Tab past the Search button to the first filter, and choose with the arrow keys.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Show')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Show')).toHaveValue('quote');
  await expect(status(page)).toHaveText(/^\d+ results?\.$/);
  // On past the other filters to the first result.
  const first = results(page).first().getByRole('link').first();
  for (let i = 0; i < 10 && !(await first.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  const href = await first.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test('without JavaScript: the page says search needs it and links to the stories', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: SITE.origin });
  const page = await context.newPage();
  await page.goto('/search/');
  await expect(page.getByText('Search needs JavaScript')).toBeVisible();
  await page.getByRole('link', { name: 'see all the stories' }).click();
  await expect(page).toHaveURL(`${SITE.origin}/`);
  await context.close();
});

test('the index loads only when a reader searches, from this site; no request leaves it', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/search/');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
  await page.getByLabel('Words to find').fill('peace');
  await expect(status(page)).toHaveText(/^\d+ results\.$/);
  await page.waitForLoadState('networkidle');
  expect(requests.filter((url) => url.includes('/pagefind/')).length).toBeGreaterThan(0);
  expect(requests.filter((url) => !url.startsWith(`${SITE.origin}/`) && !url.startsWith('data:'))).toEqual([]);
});

test('Pagefind reads every page marked for the index: none lies outside the pages it is given', () => {
  type Node = { attrs?: { name: string }[]; childNodes?: Node[]; content?: Node };
  const marked = (node: Node): boolean =>
    (node.attrs ?? []).some((attr) => attr.name === 'data-pagefind-body') ||
    [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])].some(marked);
  for (const site of [...SITES, LIST_SITE]) {
    const pages = builtPages(site).map(({ file }) => ({
      file: relative(site.dist, file),
      marked: marked(parse(readFileSync(file, 'utf8')) as Node),
    }));
    expect(pages.filter((page) => page.marked).length, site.name).toBeGreaterThan(0);
    expect(
      pages.filter((page) => page.marked && !matchesGlob(page.file, INDEXED_PAGES)).map(({ file }) => file),
    ).toEqual([]);
  }
});
