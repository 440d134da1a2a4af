import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { actors, quotes, stories } from './content';
import { LANGUAGES_SITE } from './site';

/*
 * The site's own type as a reader's browser gets it: which font files one page of each type actually
 * downloads once its fonts are ready, the Latin faces within 60 KB together, the Arabic face only on
 * a page that shows Arabic-script text (the languages fixture's Pashto quote); and what keeps the
 * story page still as its fonts arrive: text drawn at once (`font-display: swap`) in a local font
 * resized to the web font's metrics, so the swap moves no line. That is checked from the page's own
 * rules against the web font as the browser measures it, not by timing a swap: how far a page shifts
 * depends on whether the fonts arrive before the first paint, and on which local fonts the machine
 * has (this one may have none of Georgia, Times New Roman, Liberation Serif or Arial). Not covered:
 * the fallbacks' widths (`size-adjust` comes from @capsizecss/metrics, for fonts this machine may
 * lack); the font files' own sizes (npm run test:budgets); the printed fonts (briefing.spec.ts).
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

/** A computed `font-family` as its list of names, unquoted: the browser quotes every name with a space. */
function familyNames(value: string): string[] {
  const names: string[] = [];
  let name = '';
  let quoted = false;
  for (const c of value) {
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      names.push(name.trim());
      name = '';
    } else name += c;
  }
  return [...names, name.trim()];
}

test('the story page draws its text at once, in local fonts resized to the web fonts’ metrics', async ({ page }) => {
  await page.goto(`/stories/${slug}/`);
  await page.evaluate(() => document.fonts.ready);
  const found = await page.evaluate(() => {
    // The stacks the page's text is drawn in: of every element holding text of its own.
    const stacks = new Set<string>();
    for (const element of document.body.querySelectorAll('*')) {
      const text = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (text && element.checkVisibility()) stacks.add(getComputedStyle(element).fontFamily);
    }
    const faces = [...document.styleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((rule) => rule instanceof CSSFontFaceRule)
      .map(({ style }) => ({
        family: style.getPropertyValue('font-family'),
        display: style.getPropertyValue('font-display'),
        local: style.getPropertyValue('src').startsWith('local('),
        ascent: parseFloat(style.getPropertyValue('ascent-override')) / 100,
        descent: parseFloat(style.getPropertyValue('descent-override')) / 100,
        size: parseFloat(style.getPropertyValue('size-adjust')) / 100,
      }));
    return { stacks: [...stacks], faces };
  });
  const faces = found.faces.map((face) => ({ ...face, family: familyNames(face.family)[0]! }));
  // The web font's own ascent and descent, in ems, as the browser draws it (loaded: the page uses it).
  const measure = (family: string) =>
    page.evaluate(async (family) => {
      const font = `1000px "${family}"`;
      await document.fonts.load(font, 'H');
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = font;
      const { fontBoundingBoxAscent, fontBoundingBoxDescent } = context.measureText('H');
      return {
        loaded: document.fonts.check(font, 'H'),
        ascent: fontBoundingBoxAscent / 1000,
        descent: fontBoundingBoxDescent / 1000,
      };
    }, family);

  expect(faces.length).toBeGreaterThan(0);
  for (const face of faces) expect(face.display, face.family).toBe('swap');
  expect(found.stacks.length).toBeGreaterThan(0);
  const rows: string[] = [];
  for (const web of new Set(found.stacks.map((stack) => familyNames(stack)[0]!))) {
    const names = familyNames(found.stacks.find((stack) => familyNames(stack)[0] === web)!);
    const fallbacks = faces.filter((face) => face.local && face.family.startsWith(`${web} Fallback: `));
    // Every stack the text is drawn in starts with a web font that has resized fallbacks, and names them.
    expect(fallbacks.length, `${web}: fallback faces`).toBeGreaterThan(0);
    for (const fallback of fallbacks) expect(names, web).toContain(fallback.family);
    const metrics = await measure(web);
    expect(metrics.loaded, `${web} loaded`).toBe(true);
    for (const fallback of fallbacks) {
      // An override is a share of the font size, which size-adjust scales: together they give the line.
      expect(fallback.ascent * fallback.size, `${fallback.family}: ascent`).toBeCloseTo(metrics.ascent, 2);
      expect(fallback.descent * fallback.size, `${fallback.family}: descent`).toBeCloseTo(metrics.descent, 2);
      rows.push(
        `${fallback.family}: ascent ${(fallback.ascent * fallback.size).toFixed(3)} em, descent ${(fallback.descent * fallback.size).toFixed(3)} em`,
      );
    }
    rows.push(`${web} as drawn: ascent ${metrics.ascent.toFixed(3)} em, descent ${metrics.descent.toFixed(3)} em`);
  }
  console.log(`The story page's stacks and their fallbacks\n${rows.join('\n')}`);
});
