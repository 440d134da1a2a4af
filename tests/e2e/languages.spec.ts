import { expect, test, type Locator } from '@playwright/test';
import { pageCount, PAPERS, pdfFonts, printToPdf, PROJECT_FONTS } from './pdf';
import { LANGUAGES_SITE } from './site';

/*
 * Quotes in Pashto and Dari on an English site (the fixture tests/fixtures/content/languages, built by
 * `npm run build:fixtures`): the words come first, marked with their language and direction and
 * isolated, so our quotation marks and the source's full stop each sit on their own side; the
 * translation follows, a source's quoted, ours never; the briefing prints them in the project's Arabic
 * face. Not covered here: the share card's Arabic
 * shaping (tests/unit/cardtext.test.ts) and which fonts draw the letters (tests/e2e/fonts.spec.ts).
 */

const story = `${LANGUAGES_SITE.origin}/stories/commission-calls-for-talks`;
const pashto = 'موږ ټولو لورو ته بلنه ورکوو چې د سولې خبرو ته دوام ورکړي.';
const dari = 'ما از همه طرف‌ها می‌خواهیم که به گفتگوهای صلح ادامه دهند.';

/**
 * Where characters of an element's text are drawn: the x of the left and right edges of the
 * character at each offset of its one text node.
 */
async function characterEdges(words: Locator, offsets: number[]) {
  return words.evaluate((element, at) => {
    const text = element.firstChild!;
    return at.map((offset) => {
      const range = document.createRange();
      range.setStart(text, offset);
      range.setEnd(text, offset + 1);
      const box = range.getBoundingClientRect();
      return { left: box.left, right: box.right };
    });
  }, offsets);
}

test('a Pashto quote reads right to left inside our quotation marks, its full stop at its left end', async ({
  page,
}) => {
  await page.goto(`${story}/quotes/parwana-invite/`);
  const quote = page.getByRole('figure').filter({ hasText: 'Parwana Example' });
  await expect(quote.getByText('In Pashto', { exact: true })).toBeVisible();
  const words = quote.locator('blockquote bdi');
  await expect(words).toHaveText(pashto);
  await expect(words).toHaveAttribute('lang', 'ps');
  await expect(words).toHaveAttribute('dir', 'rtl');

  const wordsBox = (await words.boundingBox())!;
  const paragraph = quote.locator('blockquote p');
  const [open, close] = await paragraph.evaluate((p) =>
    [p.firstChild!, p.lastChild!].map((node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      return { left: box.left, right: box.right, text: node.textContent };
    }),
  );
  expect(open).toMatchObject({ text: '“' });
  expect(close).toMatchObject({ text: '”' });
  expect(open!.right).toBeLessThanOrEqual(wordsBox.x + 0.5);
  expect(close!.left).toBeGreaterThanOrEqual(wordsBox.x + wordsBox.width - 0.5);

  // The first word is drawn rightmost and the full stop, last in the text, leftmost.
  const [first, fullStop] = await characterEdges(words, [0, pashto.length - 1]);
  expect(first!.right).toBeGreaterThan(fullStop!.right);
  expect(fullStop!.left).toBeLessThan(wordsBox.x + 2);
});

test("the wire report's translation is quoted and attributed; ours is labelled ours, without quotation marks", async ({
  page,
}) => {
  await page.goto(`${story}/quotes/parwana-invite/`);
  // The label, then the translation beside it.
  await expect(page.getByText('Translation published in').locator('..')).toContainText(
    '[Test fixture: a wire report in English]: “We invite all sides to continue the peace talks”',
  );

  await page.goto(`${story}/quotes/zalmai-ask/`);
  const quote = page.getByRole('figure').filter({ hasText: 'Zalmai Example' });
  await expect(quote.getByText('In Dari', { exact: true })).toBeVisible();
  await expect(quote.locator('blockquote bdi')).toHaveText(dari);
  await expect(quote.locator('blockquote bdi')).toHaveAttribute('lang', 'fa-AF');
  const ours = quote.getByText('Our translation, not the speaker’s words:');
  await expect(ours).toBeVisible();
  const translation = await ours.locator('..').textContent();
  expect(translation?.replace(/\s+/g, ' ').trim()).toBe(
    'Our translation, not the speaker’s words: We ask all sides to continue the peace talks.',
  );
});

test('the story page shows each quote in its language first, then its translation', async ({ page }) => {
  await page.goto(`${story}/`);
  for (const [words, lang, translation] of [
    [pashto, 'ps', 'We invite all sides to continue the peace talks'],
    [dari, 'fa-AF', 'We ask all sides to continue the peace talks.'],
  ] as const) {
    const card = page.getByRole('figure').filter({ hasText: translation });
    await expect(card.locator(`blockquote bdi[lang="${lang}"]`)).toHaveText(words);
    const [original, translated] = await Promise.all([
      card.locator('blockquote').boundingBox(),
      card.getByText(translation).boundingBox(),
    ]);
    expect(original!.y).toBeLessThan(translated!.y);
  }
});

test('a Pashto source reads right to left, and a paraphrase of it shows its sentence in Pashto', async ({ page }) => {
  await page.goto(`${story}/sources/statement-ps/`);
  const text = page.getByRole('region', { name: 'The text' }).locator('[lang="ps"]');
  await expect(text).toHaveAttribute('dir', 'rtl');
  expect(await text.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  // Our own title for the source, in [square brackets], is in English.
  await expect(page.getByRole('heading', { level: 1 }).locator('bdi')).not.toHaveAttribute('lang', /.+/);

  await page.goto(`${story}/quotes/parwana-next-meeting/`);
  await expect(page.getByText('The next meeting of the commission will be held in 2021.')).toBeVisible();
  const passage = page.locator('blockquote.passage');
  await expect(passage).toHaveAttribute('lang', 'ps');
  await expect(passage).toHaveAttribute('dir', 'rtl');
});

test('an English source marks the Dari words it quotes with their language and direction', async ({ page }) => {
  await page.goto(`${story}/sources/wire-report/`);
  const text = page.getByRole('region', { name: 'The text' });
  const words = text.locator('mark[lang="fa-AF"]');
  await expect(words).toHaveText('ما آماده‌ایم');
  await expect(words).toHaveAttribute('dir', 'rtl');
  expect(await words.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  // Only the Dari words: the English around them is the page's.
  await expect(words.locator('xpath=ancestor::*[@lang]')).toHaveCount(1);
});

for (const paper of PAPERS) {
  test(`the briefing prints its Pashto and Dari quotes in the project's Arabic face on one ${paper} sheet`, async ({
    page,
  }, testInfo) => {
    await page.goto(`${story}/briefing/`);
    await page.emulateMedia({ media: 'print' });
    const pdf = await printToPdf(page, paper, testInfo.outputPath(`languages-briefing-${paper}.pdf`));
    expect(pageCount(pdf)).toBe(1);
    const fonts = pdfFonts(pdf).map((font) => font.name);
    expect(
      fonts.filter((name) => !PROJECT_FONTS.test(name)),
      fonts.join(', '),
    ).toEqual([]);
    expect(fonts.some((name) => name.startsWith('NotoNaskhArabic-'))).toBe(true);
  });
}
