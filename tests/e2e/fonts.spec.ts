import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { actors, quotes, stories } from './content';
import { LANGUAGES_SITE } from './site';

/*
 * The site's own type as a reader's browser gets it: which font files one page of each type actually
 * downloads once its fonts are ready, the Latin faces within 60 KB together, the Arabic face only on
 * a page that shows Arabic-script text (the languages fixture's Pashto quote), and no layout
 * shift on the story page. Not covered here: a slow network, where the metric-matched fallbacks
 * (Georgia, Times New Roman or Liberation Serif, Arial) show first: how close they come depends on
 * the fonts the machine has, and this one may have none of them; the font files' own sizes
 * (npm run test:budgets); the printed fonts (briefing.spec.ts).
 */

const LATIN_LIMIT = 60_000;
const slug = stories[0]!;
const source = readdirSync(`content/stories/${slug}/sources`)[0]!.replace(/\.md$/, '');
const PAGE_TYPES: [string, string][] = [
  ['home', '/'],
  ['story', `/stories/${slug}/`],
  ['quote', quotes.find((q) => q.slug === slug)!.path],
  ['source', `/stories/${slug}/sources/${source}/`],
  ['actor', `/actors/${[...actors.keys()][0]}/`],
  ['briefing', `/stories/${slug}/briefing/`],
];

interface Downloaded {
  file: string;
  bytes: number;
}

/** Opens a page and lists the font files it downloaded by the time `document.fonts.ready` settles. */
async function fontsOf(page: Page, url: string): Promise<{ fonts: Downloaded[]; arabicText: boolean }> {
  const pending: Promise<Downloaded>[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.woff2')) pending.push(response.body().then((body) => ({ file: path, bytes: body.length })));
  });
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready);
  const arabicText = await page.evaluate(() => /\p{Script=Arabic}/u.test(document.body.innerText));
  return { fonts: await Promise.all(pending), arabicText };
}

const isArabicFace = (file: string) => file.includes('arabic');
const total = (fonts: Downloaded[]) => fonts.reduce((sum, font) => sum + font.bytes, 0);

test('each page type downloads its Latin faces within 60 KB, and no Arabic face without Arabic text', async ({
  browser,
}) => {
  const rows: string[] = [];
  for (const [type, url] of PAGE_TYPES) {
    // A fresh context a page: nothing cached from the page before.
    const context = await browser.newContext();
    const { fonts, arabicText } = await fontsOf(await context.newPage(), url);
    await context.close();
    const latin = fonts.filter((font) => !isArabicFace(font.file));
    expect(latin.length, `${type}: downloads the body face at least`).toBeGreaterThan(0);
    expect(total(latin), `${type}: Latin faces`).toBeLessThanOrEqual(LATIN_LIMIT);
    expect(arabicText).toBe(false);
    expect(
      fonts.filter((font) => isArabicFace(font.file)).map((font) => font.file),
      type,
    ).toEqual([]);
    const faces = fonts.map((font) => font.file.replace(/^\/fonts\/|\.[0-9a-f]+\.woff2$/g, '')).sort();
    rows.push(
      `${type.padEnd(9)} ${String(fonts.length).padStart(5)} ${(total(fonts) / 1000).toFixed(1).padStart(6)}  ${faces.join(', ')}`,
    );
  }
  console.log(
    `Font files each page type downloads (KB = 1,000 bytes)\npage      files     KB  faces\n${rows.join('\n')}`,
  );
});

test.describe('on a site with Arabic-script text', () => {
  test.use({ baseURL: LANGUAGES_SITE.origin });

  test('only a page that shows it downloads the Arabic face, and Arabic-script words are drawn in it', async ({
    browser,
  }) => {
    const visit = async (url: string) => {
      const context = await browser.newContext({ baseURL: LANGUAGES_SITE.origin });
      const page = await context.newPage();
      const result = await fontsOf(page, url);
      // The face each Pashto word is drawn in, as the browser resolved it: Naskh, never a system font.
      const faces = await page.evaluate(() =>
        [...document.querySelectorAll('bdi[lang="ps"]')].map((element) => getComputedStyle(element).fontFamily),
      );
      await context.close();
      return { ...result, faces, arabic: result.fonts.filter((font) => isArabicFace(font.file)) };
    };
    const quote = await visit('/stories/commission-calls-for-talks/quotes/parwana-invite/');
    expect(quote.arabicText).toBe(true);
    expect(quote.arabic).toHaveLength(1);
    expect(quote.faces.length).toBeGreaterThan(0);
    for (const family of quote.faces) expect(family).toMatch(/^"?Noto Naskh Arabic"?,/);
    const home = await visit('/');
    expect(home.arabicText).toBe(false);
    expect(home.arabic).toEqual([]);
    console.log(`The Arabic face, on the page that shows Pashto: ${(total(quote.arabic) / 1000).toFixed(1)} KB`);
  });
});

test('the story page does not shift as its fonts arrive (CLS < 0.01)', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { shift: number };
    w.shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`/stories/${slug}/`);
  await page.evaluate(() => document.fonts.ready);
  // Two frames after the fonts settle, so a shift their swap causes is observed.
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        requestAnimationFrame(() => {
          requestAnimationFrame(() => {
            resolve((window as unknown as { shift: number }).shift);
          });
        });
      }),
  );
  console.log(`Story page cumulative layout shift: ${shift.toFixed(4)}`);
  expect(shift).toBeLessThan(0.01);
});
