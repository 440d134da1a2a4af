import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { normalise, PAPERS, pageTexts, printToPdf } from './pdf';

/*
 * A story too long for one sheet (the test fixture in tests/fixtures/long-story, built by
 * `npm run build:fixtures` into dist-fixtures/long): its briefing flows on to more pages with no
 * quote, timeline entry, actor, dispute or source cut across a break and no heading left at the
 * foot of a page. Each entry's text must stand whole on one page of the PDF, and each heading must
 * be followed on its page by the start of its section. Not covered here: the seed's one-page fit
 * (briefing.spec.ts), and how the fixture's other pages print.
 */

const built = resolve('dist-fixtures/long/stories/harbour-dispute/briefing/index.html');

/** The text of every element the print rules promise never to split, and of each heading with what follows it. */
async function readBriefing(page: Page) {
  return page.evaluate(() => {
    const text = (el: Element) => {
      const copy = el.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
      return copy.textContent;
    };
    const entries = [
      ...document.querySelectorAll('.briefing li, .briefing figure.key-quote, .briefing .actor-line'),
    ].map(text);
    const headings = [...document.querySelectorAll('.briefing h2')].map((h2) => {
      const next = h2.nextElementSibling!;
      const first = next.matches('ol, ul, dl') ? next.firstElementChild! : next;
      return { heading: text(h2), first: text(first) };
    });
    return { entries, headings };
  });
}

test.beforeAll(() => {
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build:fixtures\` first`);
});

for (const paper of PAPERS) {
  test(`a long briefing flows on to more ${paper} pages without splitting an entry or stranding a heading`, async ({
    page,
  }, testInfo) => {
    await page.goto(pathToFileURL(built).href);
    const { entries, headings } = await readBriefing(page);
    expect(entries.length).toBeGreaterThan(30);

    const pages = pageTexts(await printToPdf(page, paper, testInfo.outputPath(`long-${paper}.pdf`))).map(normalise);
    expect(pages.length).toBeGreaterThan(1);

    const pageOf = (text: string) => pages.findIndex((p) => p.includes(normalise(text)));
    for (const entry of entries) {
      expect(pageOf(entry), `printed whole on one page: "${entry.trim().slice(0, 80)}…"`).toBeGreaterThanOrEqual(0);
    }
    for (const { heading, first } of headings) {
      expect(pageOf(heading + first), `"${heading}" on the same page as its first entry`).toBeGreaterThanOrEqual(0);
    }
    // Every page carries the running footer, the story's quotation marks intact.
    pages.forEach((text, i) => {
      expect(text).toContain(normalise(`Page ${i + 1} of ${pages.length}`));
      expect(text).toContain(normalise('The harbour dispute, from the first strike to the "final" arbitration panel'));
    });
  });
}
