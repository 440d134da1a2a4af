import { expect, test, type Page } from '@playwright/test';
import { controlSample, pageKind } from './sample';
import { builtPages, SITES } from './site';

/*
 * Keyboard and screen-reader structure on every page the three sites build: landmarks and headings
 * in order, dates as words, no motion when the reader asks for less, and the skip link first and
 * working; and Tab reaching every control (the timeline's and the sidebar's included) with a visible
 * focus ring and no trap, walked on a sample of the pages (tests/e2e/sample.ts): every page kind of
 * every site, and pages enough that every kind of control any page has (a focusable element with
 * its classes, component, direction and `data-` form, inside the same elements) is walked on one.
 * Not walked: the other pages of a kind, which differ from the walked ones only in their text and
 * in how many of each control they repeat (60 quote pages of one template); their focus rings, their
 * places on screen and in the Tab order come from the same markup and styles, and text cannot hide
 * a control or hold focus. Their structure, which does depend on their text (headings, dates), is
 * checked on every page. Not covered: what a screen reader actually announces (no screen reader runs
 * here; the accessible names and roles it reads are what axe and these checks see), and print.
 */

/** Every element Tab should reach, in document order, described for messages. */
async function focusables(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, summary, input, select, textarea, [tabindex]:not([tabindex="-1"])',
      ),
    ]
      .filter((el) => el.getClientRects().length > 0 || el.classList.contains('skip-link'))
      .map((el) => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`),
  );
}

/** What a focus stop looked like: the element, described as `focusables` does, and whether its focus ring showed on screen. */
interface Stop {
  name: string;
  ring: boolean;
  onScreen: boolean;
}

/**
 * Records, in the page, the focused element at each key press, just before the press moves focus
 * on (a Tab's keydown): by then the previous press's focus and scroll have settled, as they have when the test asks
 * after each press. One walk is then its key presses and a single read, not a round trip to the
 * page after every press (the walk of a page with a hundred controls ran past its time limit on a
 * busy machine). `focusStops` reads the record, with the stop the last press reached.
 */
async function recordFocusStops(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { focusStops: (Stop | null)[]; describeFocus: () => Stop | null };
    w.describeFocus = () => {
      const el = document.activeElement as HTMLElement | null;
      // Focus that left for the browser's own controls leaves activeElement where it was.
      if (!el || el === document.body || !document.hasFocus()) return null;
      const style = getComputedStyle(el);
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
      const box = el.getBoundingClientRect();
      return {
        name: `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`,
        ring,
        onScreen:
          box.width > 0 &&
          box.height > 0 &&
          box.bottom > 0 &&
          box.right > 0 &&
          box.top < innerHeight &&
          box.left < innerWidth,
      };
    };
    w.focusStops = [];
    // Tab only: Shift+Tab presses Shift first, which moves nothing.
    window.addEventListener('keydown', (event) => event.key === 'Tab' && w.focusStops.push(w.describeFocus()), {
      capture: true,
    });
  });
}

/** The stop each press of a walk reached, in order (`null` where focus had left the page), and clears the record. */
async function focusStops(page: Page): Promise<(Stop | null)[]> {
  return page.evaluate(() => {
    const w = window as unknown as { focusStops: (Stop | null)[]; describeFocus: () => Stop | null };
    // Each keydown recorded where the press before it had left focus; the first recorded the start.
    const stops = [...w.focusStops.slice(1), w.describeFocus()];
    w.focusStops = [];
    return stops;
  });
}

/** Presses a key `times` times, each press awaited, with no read of the page in between. */
async function press(page: Page, key: string, times: number) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** One banner, one main, one contentinfo, labelled navigation; headings that never skip a level; dates in words; no motion when less is asked for. */
async function checkStructure(page: Page) {
  await test.step('one banner, one main, one contentinfo, labelled navigation, and headings that never skip a level', async () => {
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Site' })).toHaveCount(1);
    const levels = await page
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0], 'the first heading is the h1').toBe(1);
    expect(
      levels.filter((l) => l === 1),
      'one h1',
    ).toHaveLength(1);
    levels.forEach((level, i) => {
      if (i > 0)
        expect(level - levels[i - 1]!, `heading ${i + 1} (h${level}) after h${levels[i - 1]}`).toBeLessThanOrEqual(1);
    });
  });

  await test.step('dates are machine-readable <time> values shown in words', async () => {
    const times = await page
      .locator('time')
      .evaluateAll((ts) => ts.map((t) => ({ datetime: t.getAttribute('datetime'), text: t.textContent })));
    for (const time of times) {
      expect(time.datetime, time.text).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      // A span's start may show only its day or month ("22 to 28 February 2020"): its datetime holds the rest.
      expect(time.text, `${time.datetime} shown as words`).toMatch(/[A-Za-z]|^\d{1,4}$/);
    }
  });

  await test.step('with reduced motion asked for, nothing moves; without, scrolling is smooth', async () => {
    const motion = await page.evaluate(() => ({
      scroll: getComputedStyle(document.documentElement).scrollBehavior,
      moving: [...document.querySelectorAll('*')]
        .map((el) => getComputedStyle(el))
        .filter(
          (s) =>
            (s.animationName !== 'none' && parseFloat(s.animationDuration) > 0) || parseFloat(s.transitionDuration) > 0,
        ).length,
    }));
    expect(motion).toEqual({ scroll: 'auto', moving: 0 });
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });
}

/** Tab from the top of a freshly loaded page reaches every control once, each with its ring on screen; Shift+Tab walks back; neither end holds focus. */
async function walkFocus(page: Page, path: string) {
  await test.step('Tab reaches every control once per round, each with a visible focus ring on screen, and never gets stuck', async () => {
    const expected = await focusables(page);
    // The walk's length is the page's number of controls: the test's time limit grows with it.
    test.setTimeout(test.info().timeout + expected.length * 250);
    await recordFocusStops(page);
    await press(page, 'Tab', expected.length);
    const reached: string[] = [];
    for (const now of await focusStops(page)) {
      if (now === null) break;
      expect(now.ring, `${path}: focus ring on ${now.name}`).toBe(true);
      expect(now.onScreen, `${path}: ${now.name} scrolled into view when focused`).toBe(true);
      reached.push(now.name);
    }
    expect(reached, path).toEqual(expected);
    // And back: Shift+Tab from the last control walks the same controls in reverse.
    await press(page, 'Shift+Tab', expected.length - 1);
    const back = (await focusStops(page)).map((now) => now?.name ?? 'none');
    expect(back, path).toEqual(expected.toReversed().slice(1));
    // Past either end, focus goes to the browser (headless Chromium then reports no focus, or
    // leaves it where it was) or wraps round: never held inside the page.
    await press(page, 'Shift+Tab', 1);
    expect([null, expected[0], expected.at(-1)], `${path}: Shift+Tab before the first control`).toContain(
      (await focusStops(page))[0]?.name ?? null,
    );
  });
}

/** From a freshly loaded page (focus nowhere yet), the first Tab reaches the skip link, which shows and moves focus to the main content. */
async function checkSkipLink(page: Page) {
  await test.step('the skip link is the first stop, shows when focused, and moves focus to the main content', async () => {
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });
}

for (const site of SITES) {
  test.describe(site.name, () => {
    test.use({ baseURL: site.origin });
    const pages = builtPages(site).filter((p) => !p.redirect);
    const walked = new Set(controlSample(pages).map((p) => p.path));

    // One test a page kind, its pages visited in turn in one browser page: a browser context is made
    // once for the kind, not once a page. The time limit grows with the pages and their controls, so a
    // busy machine or a site with more pages runs no test past its limit.
    for (const [kind, ofKind] of Map.groupBy(pages, (p) => pageKind(p.path))) {
      const walks = ofKind.filter((p) => walked.has(p.path)).length;
      test(`${kind}, ${ofKind.length} page(s): landmarks and headings in order, dates as words, no motion when less is asked for, the skip link first; on ${walks} of them, Tab reaching every control once per round with a visible focus ring, never stuck`, async ({
        page,
      }) => {
        test.setTimeout(30_000 + ofKind.length * 15_000);
        // Instant scrolling, so "on screen" is measured where focus lands, not halfway through a smooth scroll.
        await page.emulateMedia({ reducedMotion: 'reduce' });
        for (const { path } of ofKind) {
          await test.step(path, async () => {
            await page.goto(path);
            await checkStructure(page);
            if (walked.has(path)) {
              await walkFocus(page, path);
              // A fresh load: the walk left focus wherever the browser put it.
              await page.reload();
            }
            await checkSkipLink(page);
          });
        }
      });
    }
  });
}
