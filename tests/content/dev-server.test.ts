import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * `npm run dev` while an editor writes: a file that turns invalid is reported in the terminal, the
 * pages keep its last good version, and the fix shows as soon as it is saved. Runs `astro dev` on a
 * copy of the minimal fixture. Not covered: what the browser shows about the problem (the terminal
 * is the only place it is reported), and the build, which stops instead (tests/content/bad-content.test.ts).
 */

const PORT = 4399;
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
    env: { ...withoutTestRunner(process.env), ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: content, NO_COLOR: '1' },
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
    expect(log).toContain('The pages show the last good version until this is fixed.');
    const html = await fetchPage();
    expect(html).toContain('return to the table next week');
  }, 90_000);

  it('shows the fix as soon as it is saved', async () => {
    writeFileSync(quote, original().replace('We will return to the table next week.', 'We will return to the table.'));
    const html = await eventually('the page shows the new words', fetchPage, (text) => !text.includes('next week') && text.includes('return to the table'));
    expect(firstQuote(parse(html))).toBe('“We will return to the table.”');
  }, 90_000);
});
