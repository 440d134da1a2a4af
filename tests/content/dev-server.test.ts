import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { LAST_GOOD_VERSION } from '../../src/lib/content/problems';
import { eventually as eventuallyOn, fetchPage as fetchUrl, startDevServer, type DevServer } from './devServer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * `npm run dev` while an editor writes: a file that turns invalid is reported in the terminal and in a
 * banner on the page, the pages keep its last good version, and the fix shows, without the banner, as
 * soon as it is saved. Runs `astro dev` on a copy of the minimal fixture and reads the page as served
 * (parse5). Not covered: that the browser reloads by itself (the test fetches again; Astro reloads
 * open pages when the content store changes), how the banner looks, and the build, which stops
 * instead (tests/content/bad-content.test.ts; tests/quality/markup-safety.spec.ts checks that no
 * built page holds the banner).
 */

const content = mkdtempSync(join(tmpdir(), 'dev-content-'));
const quote = join(content, 'stories/base-story/quotes/ann-direct.md');
const original = () => readFileSync('tests/fixtures/content/minimal/stories/base-story/quotes/ann-direct.md', 'utf8');
let server: DevServer;
const log = () => server.log();
const eventually = <T>(what: string, read: () => Promise<T> | T, check: (value: T) => boolean) =>
  eventuallyOn(server, what, read, check);

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
const textOf = (node: Node): string =>
  'value' in node ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
/** The text of the page's first blockquote: the first quote's words as a reader sees them. */
function firstQuote(node: Node): string | undefined {
  if ('tagName' in node && node.tagName === 'blockquote') return textOf(node);
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) {
    const found = firstQuote(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

type Element = DefaultTreeAdapterMap['element'];
const elements = (node: Node): Element[] => [
  ...('tagName' in node ? [node] : []),
  ...('childNodes' in node ? node.childNodes.flatMap(elements) : []),
];
const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

/**
 * The text of the content-problems banner, as assistive technology finds it: a region (a <section>
 * named by aria-labelledby) whose heading says "Invalid content"; undefined when the page has none.
 */
function banner(document: Node): string | undefined {
  const all = elements(document);
  const heading = all.find((e) => /^h[1-6]$/.test(e.tagName) && textOf(e).startsWith('Invalid content'));
  const region = all.find(
    (e) => e.tagName === 'section' && heading !== undefined && attribute(e, 'aria-labelledby') === attribute(heading, 'id'),
  );
  return region && textOf(region);
}

const fetchPage = async () => (await fetchUrl(`${server.origin}/stories/base-story/`)).text;

beforeAll(async () => {
  cpSync('tests/fixtures/content/minimal', content, { recursive: true });
  server = startDevServer(content);
  await eventually('the dev server serves the story', fetchPage, (html) => html.includes('next week'));
}, 90_000);

afterAll(() => {
  server.stop();
  rmSync(content, { recursive: true, force: true });
});

describe('the dev server, while a file is invalid', () => {
  it('reports the problem and keeps serving the last good version', async () => {
    // An unknown speaker, and new words: neither may reach the page.
    writeFileSync(
      quote,
      original()
        .replace('speaker: ann-example', 'speaker: nobody-here')
        .replace('We will return to the table next week.', 'We will return to the table.'),
    );
    await eventually('the problem is reported', log, (text) => text.includes('field `speaker` is "nobody-here"'));
    expect(log()).toContain(LAST_GOOD_VERSION);
    const html = await eventually('the page shows the banner', fetchPage, (text) => banner(parse(text)) !== undefined);
    const shown = banner(parse(html))!;
    expect(shown).toContain('Invalid content (1 problem)');
    expect(shown).toContain('stories/base-story/quotes/ann-direct.md');
    expect(shown).toContain('field `speaker` is "nobody-here"');
    expect(shown).toContain(LAST_GOOD_VERSION);
    expect(firstQuote(parse(html))).toBe('“We will return to the table next week.”');
  }, 90_000);

  it('shows the fix as soon as it is saved', async () => {
    writeFileSync(quote, original().replace('We will return to the table next week.', 'We will return to the table.'));
    const html = await eventually(
      'the page shows the new words and no banner',
      fetchPage,
      (text) => !text.includes('next week') && text.includes('return to the table') && banner(parse(text)) === undefined,
    );
    expect(firstQuote(parse(html))).toBe('“We will return to the table.”');
    expect(banner(parse(html))).toBeUndefined();
  }, 90_000);
});
