import { expect, test } from '@playwright/test';
import { stories } from './content';
import {
  eventCount,
  keyQuoteWords,
  normalise,
  PAPERS,
  pageCount,
  pageTexts,
  pdfFonts,
  printToPdf,
  PROJECT_FONTS,
  spareHeight,
  type Paper,
} from './pdf';
import { settingsOf, SITE } from './site';

/*
 * The seed story's briefing, on screen and printed to PDF at A4 and Letter: one sheet each, with
 * every key quote and both Stanekzais in the printed text; every story's briefing on one sheet in
 * the project's own fonts with a tenth of the sheet to spare, and no entry split across the printed
 * columns. Not covered here: the long story that
 * flows to a second sheet (long-briefing.spec.ts), other pages' print rules (print.spec.ts), and
 * whether a phone can scan the QR code (tests/unit/qr.test.ts checks the drawing module by module).
 */

const slug = 'khalilzad-warns-taliban';
const briefing = `/stories/${slug}/briefing/`;
const stanekzais = ['Mohammad Masoom Stanekzai', 'Sher Mohammad Abbas Stanekzai'];
// The origin the site was built on: its configuration's, unless SITE_URL overrode it (astro.config.mjs).
const site = process.env.SITE_URL || settingsOf(SITE).origin;

test('the story page links to its briefing', async ({ page }) => {
  await page.goto(`/stories/${slug}/`);
  await page.getByRole('link', { name: 'Print briefing' }).click();
  await expect(page).toHaveURL(briefing);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the briefing carries the story on one screen', async ({ page }) => {
  await page.goto(briefing);
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText("The US envoy's warning to the Taliban, May 2021");
  // When the briefing was updated, and the day its timeline speaks from: the latest source's date.
  const kicker = page.getByText(/^Briefing · updated/);
  await expect(kicker.locator('time')).toHaveCount(2);
  // The latest source's date is ours whole, and the line says so (tests/e2e/accounts.spec.ts).
  await expect(kicker).toContainText(/events as of 8 May 2021\s*≈\s*\(inferred date\), the date of the latest source/);
  for (const name of [
    'The bottom line',
    'Who is who',
    'Timeline',
    'Key quotes',
    'What is disputed, by whom',
    'Sources',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }

  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem')).toHaveCount(eventCount('content', slug));
  await expect(timeline.locator('time[datetime="2020-02"]')).toHaveText('late February 2020');
  await expect(timeline.getByText(/inferred date: not given in full/)).toBeVisible();

  const quotes = page.getByRole('region', { name: 'Key quotes' });
  for (const words of keyQuoteWords('content', slug)) {
    await expect(quotes.getByText(words.slice(0, 60))).toBeVisible();
  }
  await expect(quotes.getByText('Direct quote.')).toHaveCount(2);
  await expect(quotes.getByText("Reported: the source's own words.")).toHaveCount(1);

  const who = page.getByRole('region', { name: 'Who is who' });
  for (const name of stanekzais) {
    await expect(who.getByText(name, { exact: true })).toHaveCount(1);
  }
  await expect(who.getByText("not the Taliban's Sher Mohammad Abbas Stanekzai")).toBeVisible();
  await expect(who.getByText("not the Republic's Mohammad Masoom Stanekzai")).toBeVisible();

  const disputes = page.getByRole('region', { name: 'What is disputed, by whom' });
  await expect(disputes).toContainText('disputed by the Taliban');

  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  const storyUrl = new URL(`/stories/${slug}/`, site).href.replace(/^https?:\/\//, '');
  await expect(page.getByRole('link', { name: storyUrl })).toHaveAttribute('href', `/stories/${slug}/`);
});

test("with JavaScript, the print button opens the browser's print dialog", async ({ page }) => {
  await page.addInitScript(() => {
    window.print = () => {
      document.documentElement.setAttribute('data-printed', '');
    };
  });
  await page.goto(briefing);
  await page.getByRole('button', { name: 'Print this briefing' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-printed', '');
});

for (const paper of PAPERS) {
  test(`the seed briefing prints on exactly one ${paper} page with every key quote and both Stanekzais`, async ({
    page,
  }, testInfo) => {
    await page.goto(briefing);
    const pdf = await printToPdf(page, paper, testInfo.outputPath(`briefing-${paper}.pdf`));
    expect(pageCount(pdf)).toBe(1);

    const text = pageTexts(pdf)[0]!;
    const flat = normalise(text);
    const keyQuotes = keyQuoteWords('content', slug);
    expect(keyQuotes.length).toBeGreaterThan(0);
    for (const words of keyQuotes) expect(flat).toContain(normalise(words));
    for (const name of stanekzais) expect(text.replace(/\s+/g, ' ')).toContain(name);
    // The running footer: the page's title and its number.
    expect(text).toContain('Page 1 of 1');
    expect(flat).toContain(normalise("Briefing: The US envoy's warning to the Taliban, May 2021"));
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the briefing is complete, still prints on one sheet, and offers no dead button', async ({ page }, testInfo) => {
    await page.goto(briefing);
    await expect(page.getByRole('region', { name: 'Key quotes' }).locator('figure')).toHaveCount(
      keyQuoteWords('content', slug).length,
    );
    await expect(page.getByRole('button', { name: 'Print this briefing' })).toBeHidden();
    for (const paper of PAPERS) {
      expect(pageCount(await printToPdf(page, paper, testInfo.outputPath(`briefing-nojs-${paper}.pdf`)))).toBe(1);
    }
  });
});

/** The width print.css's `@page` margins (12 mm each side) leave on each paper, in CSS pixels (96 to the inch). */
const CONTENT_WIDTH: Record<Paper, number> = {
  A4: Math.round(((210 - 24) / 25.4) * 96),
  Letter: Math.round(((215.9 - 24) / 25.4) * 96),
};

for (const story of stories) {
  for (const paper of PAPERS) {
    test(`the ${story} briefing prints on one ${paper} page in the project's fonts, a tenth of it spare`, async ({
      page,
    }, testInfo) => {
      await page.goto(`/stories/${story}/briefing/`);
      const pdf = await printToPdf(page, paper, testInfo.outputPath(`briefing-${story}-${paper}.pdf`));
      expect(pageCount(pdf)).toBe(1);
      // A face the site does not ship means text fell back to a system font, which differs by machine.
      const fonts = pdfFonts(pdf);
      const foreign = fonts.filter((font) => !PROJECT_FONTS.test(font.name));
      expect(foreign, `fonts in the PDF: ${fonts.map((font) => `${font.name} (${font.type})`).join(', ')}`).toEqual([]);
      const [spare] = spareHeight(pdf, paper);
      console.log(`${story} briefing, ${paper}: ${(spare! * 100).toFixed(1)} % of the page spare`);
      expect(spare).toBeGreaterThanOrEqual(0.1);
    });

    test(`no entry of the ${story} briefing is split across the printed columns on ${paper}`, async ({ page }) => {
      // Print media at the paper's text width lays the columns out as the sheet does; page breaks are
      // the PDF's business (long-briefing.spec.ts).
      await page.setViewportSize({ width: CONTENT_WIDTH[paper], height: 1200 });
      await page.emulateMedia({ media: 'print' });
      await page.goto(`/stories/${story}/briefing/`);
      await page.evaluate(() => document.fonts.ready);
      const entries = page.locator(
        '.bottom-line li, .actor-line, .briefing-event, .key-quote, .briefing-dispute, .briefing-source',
      );
      expect(await entries.count()).toBeGreaterThan(5);
      const split = await entries.evaluateAll((elements) =>
        elements.flatMap((el) => {
          let box = el.parentElement;
          while (box && getComputedStyle(box).columnCount === 'auto') box = box.parentElement;
          if (!box) return [];
          const style = getComputedStyle(box);
          const outer = box.getBoundingClientRect();
          const left = outer.left + parseFloat(style.paddingLeft);
          const gap = parseFloat(style.columnGap) || 0;
          const count = Number(style.columnCount);
          const width = (outer.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) + gap) / count;
          const range = document.createRange();
          range.selectNodeContents(el);
          const columns = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.floor((r.left + 1 - left) / width)),
          );
          return columns.size > 1 || el.getClientRects().length > 1
            ? [`${el.textContent.trim().slice(0, 60)}… in columns ${[...columns].join(', ')}`]
            : [];
        }),
      );
      expect(split).toEqual([]);
    });
  }
}

test('the briefing is kept out of search indexes: its story is the page to find', async ({ page }) => {
  await page.goto(briefing);
  expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(new URL(briefing, site).href);
});
