import { statSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { groupPages } from '../budgets/routes';
import { builtPages, LIST_SITE, SITES } from './site';

/*
 * Pages that fit every screen: one page of each page type of every built site (the type's largest
 * page, the likeliest to hold a long word, title or table), opened at phone, tablet and desktop widths.
 * At each width the page must not scroll sideways, and no visible element may stick out of the
 * element that holds it (a select wider than its fieldset, a long address past its column).
 * Not covered: print (tests/e2e/print.spec.ts), what text wraps badly without overflowing, and
 * elements a page clips on purpose (a scrolling box's content, a visually hidden label).
 */

const WIDTHS = [320, 375, 768, 1280];

/** Where the page does not fit: its own width past the window's, and each element past its container. */
async function misfits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')} "${el.textContent.trim().slice(0, 30)}"`;
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      found.push(`the page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
    // Elements taken out of the flow (the skip link until focused), hidden ones, and what a container
    // clips or scrolls on purpose are not measured; every other box must lie within its parent's.
    const clips = (el: Element) => getComputedStyle(el).overflowX !== 'visible';
    const outOfFlow = (el: Element) => ['absolute', 'fixed'].includes(getComputedStyle(el).position);
    for (const el of document.body.querySelectorAll('*')) {
      const parent = el.parentElement;
      if (!parent || el.getClientRects().length === 0 || outOfFlow(el)) continue;
      if (el.closest('[hidden], .visually-hidden, .sr-only') !== null) continue;
      let ancestor: Element | null = parent;
      let skip = false;
      while (ancestor && ancestor !== document.body) {
        if (outOfFlow(ancestor) || (ancestor !== parent && clips(ancestor))) skip = true;
        ancestor = ancestor.parentElement;
      }
      if (skip || clips(parent)) continue;
      const box = el.getBoundingClientRect();
      const outer = parent.getBoundingClientRect();
      if (box.width <= 1) continue;
      if (box.right > outer.right + 1 || box.left < outer.left - 1)
        found.push(
          `${describe(el)} (${Math.round(box.left)}–${Math.round(box.right)}px) outside ${describe(parent)} (${Math.round(outer.left)}–${Math.round(outer.right)}px)`,
        );
    }
    return found;
  });
}

for (const site of [...SITES, LIST_SITE]) {
  test.describe(site.name, () => {
    test.use({ baseURL: site.origin });
    const pages = builtPages(site).filter((page) => !page.redirect);
    // Page types as the page-weight budgets group them: by route in the site's route table.
    const types = groupPages(pages.map((page) => page.path));
    const size = (path: string) => statSync(pages.find((page) => page.path === path)!.file).size;

    for (const [pattern, paths] of types) {
      const largest = paths.reduce((a, b) => (size(b) > size(a) ? b : a));
      test(`${pattern} (${largest}) fits ${WIDTHS.join(', ')} px wide screens`, async ({ page }) => {
        await page.setViewportSize({ width: WIDTHS[0]!, height: 800 });
        await page.goto(largest);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          expect(await misfits(page), `${largest} at ${width} px`).toEqual([]);
        }
      });
    }
  });
}
