import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { LAST_GOOD_VERSION } from '../../src/lib/content/problems';
import { CONTENT_DIR_VARIABLE } from '../../src/lib/content/folder';
import { freePorts } from '../ports';
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

// A port free now: another dev server, or another run of this test, may hold any fixed one.
const [PORT] = freePorts(1) as [number];
const page = `http://127.0.0.1:${PORT}/stories/base-story/`;
const content = mkdtempSync(join(tmpdir(), 'dev-content-'));
const quote = join(content, 'stories/base-story/quotes/ann-direct.md');
const original = () => readFileSync('tests/fixtures/content/minimal/stories/base-story/quotes/ann-direct.md', 'utf8');
let server: ChildProcess;
let log = '';

/** Polls until `check` holds, or fails with what it last saw; the dev server reloads in its own time. */
async function eventually<T>(what: string, read: () => Promise<T> | T, check: (value: T) => boolean): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 120; i++) {
    last = await read();
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what}; last seen: ${String(last).slice(0, 500)}\nserver log:\n${log}`);
}

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

/** The environment without the test runner's variables (NODE_ENV=test, VITEST…), which change how Vite serves. */
const withoutTestRunner = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));

const fetchPage = async () => {
  try {
    return await (await fetch(page)).text();
  } catch {
    return '';
  }
};

beforeAll(async () => {
  cpSync('tests/fixtures/content/minimal', content, { recursive: true });
  // --ignore-lock: a developer's own dev server may be running; this one has its own port and content.
  server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(PORT)], {
    // No call to the network: no telemetry, and no asking the registry for a newer Astro (the variable
    // node_modules/astro/dist/core/dev/update-check.js reads; only `astro dev` checks).
    env: {
      ...withoutTestRunner(process.env),
      ASTRO_TELEMETRY_DISABLED: '1',
      ASTRO_DISABLE_UPDATE_CHECK: 'true',
      [CONTENT_DIR_VARIABLE]: content,
      NO_COLOR: '1',
    },
    detached: true,
  });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await eventually('the dev server serves the story', fetchPage, (html) => html.includes('next week'));
}, 90_000);

afterAll(() => {
  if (server.pid !== undefined) process.kill(-server.pid);
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
    await eventually('the problem is reported', () => log, (text) => text.includes('field `speaker` is "nobody-here"'));
    expect(log).toContain(LAST_GOOD_VERSION);
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
