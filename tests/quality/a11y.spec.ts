import { expect, test } from '@playwright/test';
import { builtPages, SITES } from '../e2e/site';
import { axeViolations } from './axe';

/*
 * Accessibility audit with axe on every page both sites build (so every page type, including the
 * fixture site's empty states and hostile content), in the light and the dark colour scheme:
 * WCAG 2.0, 2.1 and 2.2 A and AA rules, target-size among them, must find 0 violations. Not covered:
 * what axe cannot see (reading order, the sense of text, keyboard use: tests/e2e/keyboard.spec.ts),
 * redirect pages (they leave before they can be audited; tests/e2e/redirects.spec.ts) and print.
 * The search page is audited as it loads, and again with results shown (they are drawn by its script).
 */

// A page is audited in seconds; the longest, a story page audited twice, took 33 s with the machine's
// two cores ten times over-subscribed (a load average of 20).
test.describe.configure({ timeout: 90_000 });

for (const site of SITES) {
  const pages = builtPages(site).filter((p) => !p.redirect);

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${site.name}, ${colorScheme}: 0 axe violations on the search page with results shown`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      // Every quote of the site: a search by filter alone, as the address can give it.
      await page.goto(`${site.origin}/search/?kind=quote`);
      await expect(page.getByRole('status')).toHaveText(/^\d+ results?\.$/);
      await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first()).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  // One test a page, listed from the build as the tests are collected: each audit has its own time
  // limit, so a busy machine or a site with more pages runs no test past its limit. Both colour
  // schemes in one test: the page is loaded once, and the scheme switched under it.
  for (const { path } of pages) {
    test(`${site.name}: 0 axe violations on ${path}, light and dark`, async ({ page }) => {
      await page.goto(`${site.origin}${path}`);
      const violations: string[] = [];
      const quote = await page.evaluate(() => document.querySelector('[id^="q-"]')?.id ?? null);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        violations.push(...(await axeViolations(page)).map((line) => `${colorScheme}: ${line}`));
      }
      // A quote reached by its link is highlighted (:target): the highlighted card's colours are audited too.
      if (quote) {
        await page.goto(`${site.origin}${path}#${quote}`);
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          const highlighted = await axeViolations(page, `#${quote}`);
          violations.push(...highlighted.map((line) => `${colorScheme}, #${quote} highlighted: ${line}`));
        }
      }
      expect(violations).toEqual([]);
    });
  }
}
