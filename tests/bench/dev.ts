/**
 * The dev-server benchmark (`npm run bench:dev`): prints figures, asserts nothing, never part of `npm test`.
 *
 * For each N it writes the scaling benchmark's synthetic corpus (tests/bench/corpus.ts) to a temporary
 * folder, starts `astro dev` on it (CONTENT_DIR, a free port, a cache folder of its own, so a cold
 * start) and times what an editor waits for, from the moment the file is written to the moment the
 * page served shows the change (the page is fetched again and again, as the browser's reload would):
 *
 *   first page:   from starting the server to the first story's page served;
 *   page again:   the same page fetched again, nothing changed (what a render costs);
 *   title save:   three saves of the first story's title, one after another;
 *   quote+source: a quote's words changed together with the source they are taken from;
 *   new quote:    a new quote file, until its page is served.
 *
 * Beside each save, the content loader's own line for that save (its log), so the time can be split
 * between the loader and the rest (Astro's store, Vite's reload, the page's render).
 *
 * The folders go under the system's temporary folder (`TMPDIR=/dev/shm` puts them in memory).
 *
 * Usage: npm run bench:dev [-- --sizes 1000,5000] [--keep]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheSuffixOf } from '../../src/lib/content/folder.ts';
import { startDevServer } from '../content/devServer.ts';
import { formatTable } from '../budgets/weight.ts';
import { generateCorpus } from './corpus.ts';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = options.sizes.split(',').map(Number);
const siteRoot = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'explainer-dev-bench-'));

/** How often the page is fetched while waiting for a change to show. */
const POLL_MS = 25;
/** How long a step may take before the benchmark gives up on it. */
const GIVE_UP_MS = 300_000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The page's text, or undefined while the server does not serve it (starting, or not found). */
async function pageText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url);
    const text = await response.text();
    return response.ok ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Milliseconds from `started` until the page at `url` holds `text`. */
async function until(url: string, text: string, started: number): Promise<number> {
  while (performance.now() - started < GIVE_UP_MS) {
    if ((await pageText(url))?.includes(text)) return performance.now() - started;
    await sleep(POLL_MS);
  }
  throw new Error(`${url} did not show "${text}" within ${GIVE_UP_MS / 1000} s`);
}

interface Step {
  name: string;
  ms: number;
  /** The content loader's log line for this step, if it logged one. */
  loader: string | undefined;
}

/** Runs the benchmark's steps against a dev server on a corpus of `count` stories. */
async function measure(count: number): Promise<Step[]> {
  const content = join(work, `content-${count}`);
  for (const [path, text] of generateCorpus(count)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  const cacheDir = join(siteRoot, `node_modules/.astro/content${cacheSuffixOf(content, siteRoot)}`);
  rmSync(cacheDir, { recursive: true, force: true });
  const story = 'story-00001';
  const storyFile = join(content, `stories/${story}/story.mdx`);

  const started = performance.now();
  const server = startDevServer(content);
  const base = server.origin;
  const storyPage = `${base}/stories/${story}/`;
  /** The content loader's lines logged since `from` (an offset into the log). */
  const loaderLines = (from: number) =>
    server
      .log()
      .slice(from)
      .split('\n')
      .filter((line) => line.includes('content: '))
      .map((line) => line.slice(line.indexOf('content: ')).replaceAll(`${relative(siteRoot, content)}/`, ''))
      .join(' | ') || undefined;

  const steps: Step[] = [];
  try {
    const title = /^title: "(.*)"$/m.exec(readFileSync(storyFile, 'utf8'))![1]!;
    steps.push({ name: 'first page', ms: await until(storyPage, title, started), loader: loaderLines(0) });
    const again = performance.now();
    steps.push({ name: 'page again', ms: await until(storyPage, title, again), loader: undefined });

    /** Writes the files, then times until `url` holds `shows`. */
    const save = async (name: string, files: [string, string][], url: string, shows: string) => {
      const from = server.log().length;
      const written = performance.now();
      for (const [path, text] of files) writeFileSync(path, text);
      const ms = await until(url, shows, written);
      // The loader's line can come a moment after the page changed; a later save's time is not this one's.
      await sleep(500);
      steps.push({ name, ms, loader: loaderLines(from) });
    };

    for (const n of [1, 2, 3]) {
      const text = readFileSync(storyFile, 'utf8');
      const newTitle = `Saved title number ${n}`;
      await save(
        `title save ${n}`,
        [[storyFile, text.replace(/^title: ".*"$/m, `title: "${newTitle}"`)]],
        storyPage,
        newTitle,
      );
    }

    const quoteFile = join(content, `stories/${story}/quotes/direct-warning.md`);
    const sourceFile = join(content, `stories/${story}/sources/article.md`);
    const [old, changed] = ['another delay', 'one more delay'];
    await save(
      'quote + source save',
      [
        [sourceFile, readFileSync(sourceFile, 'utf8').replaceAll(old, changed)],
        [quoteFile, readFileSync(quoteFile, 'utf8').replaceAll(old, changed)],
      ],
      storyPage,
      changed,
    );

    // A new reported quote of a sentence the source holds, by the story's first speaker.
    const speaker = /^speaker: (.*)$/m.exec(readFileSync(quoteFile, 'utf8'))![1]!;
    const words = /Figures seen by reporters show that costs on [^.]*\./.exec(readFileSync(sourceFile, 'utf8'))![0];
    await save(
      'new quote file',
      [
        [
          join(content, `stories/${story}/quotes/new-figures.md`),
          `---\nspeaker: ${speaker}\nsource: article\nform: reported\nmedium: statement\n---\n${words.slice(0, -1)}\n`,
        ],
      ],
      `${base}/stories/${story}/quotes/new-figures/`,
      'Figures seen by reporters',
    );
  } catch (error) {
    console.error(`N = ${count}: ${String(error)}\nserver log (last 4,000 characters):\n${server.log().slice(-4000)}`);
  } finally {
    server.stop();
    await server.closed;
    if (!options.keep) rmSync(cacheDir, { recursive: true, force: true });
  }
  return steps;
}

try {
  for (const count of sizes) {
    const load = loadavg().map((x) => x.toFixed(1));
    const steps = await measure(count);
    console.log(`\nN = ${count} (load average before: ${load.join(' ')})`);
    console.log(
      formatTable(
        ['step', 'seconds', 'content loader'],
        steps.map((step) => [step.name, (step.ms / 1000).toFixed(2), step.loader ?? '']),
      ),
    );
  }
} finally {
  if (options.keep) console.log(`\nkept: ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
