import { expect, test, type Page } from '@playwright/test';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { readContent } from '../../src/lib/content/read';
import { todayOf } from '../../src/lib/model/calendar';
import type { Source } from '../../src/lib/model/corpus';
import { renderSource, textFragment, withTextFragment, type Stretch } from '../../src/lib/present/textFragment';
import { LANGUAGES_SITE } from './site';

/*
 * Links to the exact passage, in Chromium: each source in content/ served as a publisher's page would
 * show it (a header, one <p> a paragraph, a footer) from a made-up origin that `page.route` fulfils
 * (no network, no server), opened at the link the site makes for a passage; the test reads which
 * characters the browser highlights and expects exactly the passage's. Chromium gives scripts no handle
 * on the matched range (`document.fragmentDirective` is empty, the selection is not set, `::target-text`
 * cannot be queried), so the page paints `::target-text` in one colour, text and background alike, and
 * each character is looked up in a screenshot. Passages: every direct quote, words that stand several
 * times in the source (case aside), a passage longer than the whole-match limit, one across two
 * paragraphs, and the first and last words of a source.
 * Then the same for the links the built pages of the languages fixture carry, as a reader follows them.
 * Not covered here: building the directives and the report's rules (tests/unit/textFragment.test.ts).
 */

const ORIGIN = 'https://publisher.example';
// A short window, so that most passages are out of view until the browser scrolls to them.
test.use({ viewport: { width: 800, height: 320 } });
/** The highlight: what a highlighted character's box is filled with, text and all. */
const HIGHLIGHT = [255, 0, 255] as const;

const { files, problems } = readContent('content', process.cwd());
// Assembled as the build assembles it, on the build's day.
const today = todayOf(process.env, () => new Date());
const { stories } = assembleCorpus(files, today);
const source = (slug: string, id: string) => {
  const found = stories.find((story) => story.slug === slug)?.sources.find((of) => of.id === id);
  if (!found) throw new Error(`no source ${id} in story ${slug} in content/`);
  return found;
};
const wire = source('us-taliban-doha-agreement', 'wire-report');
const article = source('khalilzad-warns-taliban', 'seed-article');

/** The stretch of a source's text a string holds, at its `n`th occurrence (from 0). */
function nth(of: Source, text: string, n: number): Stretch {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = of.text.indexOf(text, at + 1);
    if (at < 0) throw new Error(`"${text}" is not ${n + 1} times in ${of.id}`);
  }
  return { start: at, end: at + text.length };
}

/** From the start of a string in a source's text to the end of its line (its paragraph). */
function toLineEnd(of: Source, text: string): Stretch {
  const { start } = nth(of, text, 0);
  const end = of.text.indexOf('\n', start);
  return { start, end: end < 0 ? of.text.length : end };
}

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The source as its publisher's page: its paragraphs as rendered (white space collapsed), between a header and a footer. */
function publisherPage(of: Source): string {
  const paragraphs = renderSource(of.text, of.lang).text.split('\n');
  return `<!doctype html>
<html lang="${of.lang}">
<head>
<meta charset="utf-8">
<title>Publisher</title>
<style>
  body { font: 16px/1.5 sans-serif; color: #000; background: #fff; max-width: 40em; margin: 2em auto; }
  ::target-text { color: rgb(${HIGHLIGHT.join(',')}); background-color: rgb(${HIGHLIGHT.join(',')}); }
</style>
</head>
<body>
<header><p>Publisher Example · World news</p></header>
<article>
${paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`).join('\n')}
</article>
<footer><p>© Publisher Example</p></footer>
</body>
</html>`;
}

/**
 * The characters Chromium highlights in the article, as indexes into its paragraphs joined by `\n`
 * (the rendered text the directive was made for): each character's box looked up in a screenshot.
 * Spaces are left out (one at the end of a line has no box).
 */
async function highlighted(page: Page): Promise<number[]> {
  const png = (await page.screenshot({ fullPage: true })).toString('base64');
  return page.evaluate(
    async ({ png, colour }) => {
      const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const found: number[] = [];
      let offset = 0;
      for (const paragraph of document.querySelectorAll('article p')) {
        const node = paragraph.firstChild as Text;
        for (let i = 0; i < node.data.length; i++) {
          if (/\s/.test(node.data[i]!)) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = range.getBoundingClientRect();
          if (box.width === 0) continue;
          const x = Math.floor(box.left + window.scrollX + box.width / 2);
          const y = Math.floor(box.top + window.scrollY + box.height / 2);
          const at = (y * image.width + x) * 4;
          if (colour.every((value, k) => Math.abs(pixels[at + k]! - value) < 40)) found.push(offset + i);
        }
        offset += node.data.length + 1;
      }
      return found;
    },
    { png, colour: [...HIGHLIGHT] },
  );
}

/** Whether the character at an index of the rendered text is inside the window. */
function inView(page: Page, index: number): Promise<boolean> {
  return page.evaluate((index) => {
    let offset = 0;
    for (const paragraph of document.querySelectorAll('article p')) {
      const node = paragraph.firstChild as Text;
      if (index <= offset + node.data.length) {
        const range = document.createRange();
        range.setStart(node, index - offset);
        range.setEnd(node, index - offset + 1);
        const box = range.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }
      offset += node.data.length + 1;
    }
    return false;
  }, index);
}

interface Case {
  name: string;
  of: Source;
  span: Stretch;
  /** What the directive must have: context, a start and an end. */
  expects?: 'context' | 'range';
}

const cases: Case[] = [
  ...stories.flatMap((story) =>
    story.quotes.flatMap((quote) =>
      quote.span ? [{ name: `quote ${story.slug}/${quote.id}`, of: quote.source, span: quote.span }] : [],
    ),
  ),
  // "intra-Afghan negotiations" three times in the wire report, once capitalised: matching ignores case.
  ...[0, 1].map((n) => ({
    name: `"intra-Afghan negotiations", occurrence ${n + 1} of 3`,
    of: wire,
    span: nth(wire, 'intra-Afghan negotiations', n),
    expects: 'context' as const,
  })),
  {
    name: '"Intra-Afghan negotiations", capitalised',
    of: wire,
    span: nth(wire, 'Intra-Afghan negotiations', 0),
    expects: 'context',
  },
  {
    name: '"reduction in violence", occurrence 3 of 4',
    of: wire,
    span: nth(wire, 'reduction in violence', 2),
    expects: 'context',
  },
  {
    name: '"the Taliban", occurrence 11 of 13',
    of: article,
    span: nth(article, 'the Taliban', 10),
    expects: 'context',
  },
  {
    name: 'a paragraph longer than the whole-match limit',
    of: wire,
    span: toLineEnd(wire, 'In a joint declaration issued in Kabul on Saturday'),
    expects: 'range',
  },
  {
    name: 'a passage across two paragraphs',
    of: article,
    span: {
      start: nth(article, 'With the foreign forces', 0).start,
      end: nth(article, 'vowed that the Taliban', 0).end,
    },
    expects: 'range',
  },
  { name: 'the first words of a source', of: wire, span: nth(wire, 'DOHA/KABUL — The United States', 0) },
  { name: 'the last words of a source', of: article, span: nth(article, 'the capital of Qatar.', 0) },
];

test('the content has sources, and quotes placed in them', () => {
  expect(problems).toEqual([]);
  expect(cases.filter((c) => c.name.startsWith('quote ')).length).toBeGreaterThan(5);
});

/**
 * Opens `href` with its origin serving `of` as its publisher's page, and expects Chromium to scroll to
 * and highlight exactly the stretch `span` of its text.
 */
async function expectHighlighted(page: Page, of: Source, span: Stretch, href: string) {
  const rendered = renderSource(of.text, of.lang);
  await page.unrouteAll();
  await page.route(`${new URL(href).origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: publisherPage(of) }),
  );
  await page.goto(href);

  // Every visible character of the passage, as indexes into the rendered text (the page's paragraphs
  // joined by `\n`): not spaces, nor a format character such as Persian's zero-width non-joiner, which has no box.
  const expected: number[] = [];
  for (let i = 0; i < rendered.text.length; i++) {
    const offset = rendered.offsets[i]!;
    if (offset >= span.start && offset < span.end && !/[\s\p{Cf}]/u.test(rendered.text[i]!)) expected.push(i);
  }
  // The browser scrolls the passage into view once the page is laid out (before any screenshot, which may scroll).
  await expect.poll(() => inView(page, expected[0]!), { timeout: 5000 }).toBe(true);
  // And highlights it, then or a frame later: exactly its characters.
  await expect.poll(() => highlighted(page).then((found) => found.length > 0), { timeout: 5000 }).toBe(true);
  const shown = (indexes: number[]) => indexes.map((i) => rendered.text[i]).join('');
  const found = await highlighted(page);
  expect(shown(found), href).toBe(shown(expected));
  expect(found).toEqual(expected);
}

for (const { name, of, span, expects } of cases) {
  test(`the link to ${name} highlights exactly its words`, async ({ page }) => {
    const made = textFragment(renderSource(of.text, of.lang), span);
    if (!made.ok) throw new Error(made.reason);
    const { directive } = made;
    if (expects === 'context') expect(directive.prefix ?? directive.suffix).toBeDefined();
    if (expects === 'range') expect(directive.end).toBeDefined();
    await expectHighlighted(page, of, span, withTextFragment(`${ORIGIN}/article`, made.fragment));
  });
}

/*
 * The links as the built pages give them: every quote of the languages fixture whose source has a web
 * original, followed from its quote page to the original and to the archived copy (each served here as
 * its publisher's page), lands on the quote's words. The content/ sources have no web address, so
 * their pages carry no such links; the cases above build the same links from their text.
 */
const fixture = assembleCorpus(readContent(LANGUAGES_SITE.content, process.cwd()).files, today);
const linkedQuotes = fixture.stories.flatMap((story) =>
  story.quotes.flatMap((quote) =>
    quote.span && quote.source.url !== undefined ? [{ slug: story.slug, quote, span: quote.span }] : [],
  ),
);

test('the languages fixture has quotes in web sources, one of them with an archived copy', () => {
  expect(linkedQuotes.length).toBeGreaterThan(5);
  expect(linkedQuotes.some(({ quote }) => quote.source.archived !== undefined)).toBe(true);
});

for (const { slug, quote, span } of linkedQuotes) {
  test(`the built quote page ${slug}/${quote.id} links to its words in the original${quote.source.archived ? ' and the archived copy' : ''}`, async ({
    page,
  }) => {
    await page.goto(`${LANGUAGES_SITE.origin}/stories/${slug}/quotes/${quote.id}/`);
    const where = page.getByRole('region', { name: 'Where it comes from' });
    const names = ['Open the passage in the original'];
    if (quote.source.archived) names.push('Open the passage in the archived copy');
    const hrefs: string[] = [];
    for (const name of names) {
      const href = await where.getByRole('link', { name, exact: true }).getAttribute('href');
      expect(href, name).not.toBeNull();
      hrefs.push(href!);
    }
    for (const href of hrefs) await expectHighlighted(page, quote.source, span, href);
  });
}
