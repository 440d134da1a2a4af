import { expect, test, type Page } from '@playwright/test';
import { pageKind } from '../e2e/sample';
import { builtPages, SITES } from '../e2e/site';
import { axeViolations, notColourOnly } from './axe';

/*
 * Accessibility audit with axe on every page the three sites build (so every page type, including the
 * fixture site's empty states and hostile content), in the light and the dark colour scheme:
 * WCAG 2.0, 2.1 and 2.2 A and AA rules, target-size among them, must find 0 violations. In light every
 * rule runs; in dark, and on a quote card highlighted as its link targets it, the rules that depend on
 * colours (contrast, links told apart by colour), since those are all that change: each page first
 * shows that its styles for the dark scheme and for :target set colours and nothing else
 * (`notColourOnly` in tests/quality/axe.ts), so a style that hid, moved or sized anything there would
 * fail here, and the audits would have to run in full again. Not covered: what axe cannot see
 * (reading order, the sense of text, keyboard use: tests/e2e/keyboard.spec.ts), redirect pages (they
 * leave before they can be audited; tests/e2e/redirects.spec.ts) and print. The search page is
 * audited as it loads, and again with results shown (they are drawn by its script).
 */

// A page is audited in seconds; the longest, a story page audited in full in both schemes and again
// highlighted, took 50 s with the machine's two cores twelve times over-subscribed (a load average of 24).
const PAGE_TIME = 60_000;

/** The page as it is now, in light with every rule and in dark with the colour rules; then its first quote highlighted, in both. */
async function audit(page: Page): Promise<string[]> {
  expect(
    await notColourOnly(page),
    `${page.url()}: styles for the dark scheme or :target that set more than colours`,
  ).toEqual([]);
  const violations: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const found = await axeViolations(page, { colours: colorScheme === 'dark' });
    violations.push(...found.map((line) => `${colorScheme}: ${line}`));
  }
  // A quote reached by its link is highlighted (:target): the highlighted card's colours are audited
  // too, the page's fragment set in place (the highlight is all that changes).
  const quote = await page.evaluate(() => document.querySelector('[id^="q-"]')?.id ?? null);
  if (quote) {
    await page.evaluate((id) => (location.hash = id), quote);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const highlighted = await axeViolations(page, { only: `#${quote}`, colours: true });
      violations.push(...highlighted.map((line) => `${colorScheme}, #${quote} highlighted: ${line}`));
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return violations;
}

for (const site of SITES) {
  const pages = builtPages(site).filter((p) => !p.redirect);

  test(`${site.name}: 0 axe violations on the search page with results shown, light and dark`, async ({ page }) => {
    test.setTimeout(PAGE_TIME);
    // Every quote of the site: a search by filter alone, as the address can give it.
    await page.goto(`${site.origin}/search/?kind=quote`);
    await expect(page.getByRole('status')).toHaveText(/^\d+ results?\.$/);
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first()).toBeVisible();
    expect(await audit(page)).toEqual([]);
  });

  // One test a page kind, its pages audited in turn in one browser page (a browser context made once
  // for the kind), listed from the build as the tests are collected; the time limit grows with the
  // number of pages, so a busy machine or a site with more pages runs no test past its limit.
  for (const [kind, ofKind] of Map.groupBy(pages, (p) => pageKind(p.path))) {
    test(`${site.name}: 0 axe violations on ${kind}, ${ofKind.length} page(s), light and dark`, async ({ page }) => {
      test.setTimeout(ofKind.length * PAGE_TIME);
      const violations: string[] = [];
      for (const { path } of ofKind) {
        await page.goto(`${site.origin}${path}`);
        violations.push(...(await audit(page)));
      }
      expect(violations).toEqual([]);
    });
  }
}
