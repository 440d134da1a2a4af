/**
 * The verifier as readers run it: the built script, `dist/verify.mjs` (bundled by the build,
 * src/integrations/verifier.ts), run by Node on built folders, its exit code and lines checked.
 *
 * - On each site of SITES it must pass, and on a copy of it with one direct quote's word changed it must
 *   fail, naming that quote; a zero width space in a quote is named by its Unicode name (the name
 *   tables are bundled, src/integrations/verifier.ts).
 * - Given an address rather than a folder, on the hand-made site served under a path of a local server.
 * - With `--originals`, on the hand-made site with its sources' addresses pointed at a local server
 *   (a free port, tests/ports.ts) holding HTML copies of them as their publishers' pages would wrap
 *   them (tests/fixtures/verify/originals/): the agency's original is there; the wire's original is
 *   gone (404), so its archived copy is read. Then with the agency's page changed by one word, the
 *   quote it holds must fail.
 *
 * Usage: npm run test:verify (after npm run build). Exits non-zero naming what went wrong.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '../ports.ts';

const SCRIPT = 'dist/verify.mjs';
const FIXTURE = 'tests/fixtures/verify/site';
const ORIGINALS = 'tests/fixtures/verify/originals';

/**
 * The built sites the verifier must pass: the hand-made one (offsets and hashes computed apart from the
 * site's code), the site, and the languages fixture (Persian and Pashto, excerpts-only sources).
 */
const SITES = [FIXTURE, 'dist', 'dist-fixtures/languages'];

let failures = 0;
const fail = (message: string) => {
  failures++;
  console.error(`FAIL ${message}`);
};
const pass = (message: string) => {
  console.log(`ok   ${message}`);
};

/** Runs the script: its exit code and its output's lines (stdout and stderr). */
function verify(...args: string[]): Promise<{ code: number; lines: string[] }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, lines: `${stdout}${stderr}`.split('\n').filter((line) => line !== '') });
    });
  });
}

/** A copy of a built site's open data in a new folder, each story's data changed by `change`. */
function copyOf(site: string, change: (story: Record<string, unknown>) => void): string {
  const folder = mkdtempSync(join(tmpdir(), 'verify-'));
  cpSync(join(site, 'data'), join(folder, 'data'), { recursive: true });
  const stories = join(folder, 'data/stories');
  for (const file of readdirSync(stories)) {
    const story = JSON.parse(readFileSync(join(stories, file), 'utf8')) as Record<string, unknown>;
    change(story);
    writeFileSync(join(stories, file), JSON.stringify(story, null, 2));
  }
  return folder;
}

interface Quote {
  id: string;
  words: string;
  form: string;
}

/** Expects a run to pass: exit code 0, a line for every quote, no failed line. */
async function expectPass(what: string, ...args: string[]): Promise<string[]> {
  const { code, lines } = await verify(...args);
  const failed = lines.filter((line) => line.startsWith('FAIL'));
  if (code !== 0 || failed.length > 0) fail(`${what}: exit code ${code}, expected 0\n  ${failed.join('\n  ')}`);
  else if (!lines.some((line) => line.startsWith('ok   quote ')))
    fail(`${what}: no quote was checked\n  ${lines.join('\n  ')}`);
  else pass(`${what}: ${lines.at(-1) ?? ''}`);
  return lines;
}

/** Expects a run to fail on one quote, named, with exit code 1. */
async function expectQuoteFailure(what: string, slug: string, id: string, ...args: string[]) {
  const { code, lines } = await verify(...args);
  const named = lines.find((line) => line.startsWith(`FAIL quote ${id} (${slug})`));
  if (code !== 1 || named === undefined)
    fail(`${what}: exit code ${code}, expected 1 with a failed line for quote ${id}\n  ${lines.join('\n  ')}`);
  else pass(`${what}: ${named}`);
}

for (const site of SITES) {
  await expectPass(`${site} passes`, site);
  // One word of the first direct quote changed: the quote must fail, by name.
  let changed: { slug: string; id: string } | undefined;
  const folder = copyOf(site, (story) => {
    const quote = (story.quotes as Quote[]).find(
      (candidate) => candidate.form === 'direct' && /\p{L}{3,}/u.test(candidate.words),
    );
    if (changed !== undefined || quote === undefined) return;
    quote.words = quote.words.replace(/\p{L}{3,}/u, 'verifier');
    changed = { slug: story.slug as string, id: quote.id };
  });
  if (changed === undefined) fail(`${site}: has no direct quote to change`);
  else
    await expectQuoteFailure(
      `${site} with a word of quote ${changed.id} changed fails`,
      changed.slug,
      changed.id,
      folder,
    );
  rmSync(folder, { recursive: true });
}

// An invisible character in a quote is named by its Unicode name: the name tables are bundled in the script.
{
  const folder = copyOf(FIXTURE, (story) => {
    for (const quote of story.quotes as Quote[]) {
      if (quote.id === 'ines-harbour-open') quote.words = quote.words.replace(' is ', ' is\u200B ');
    }
  });
  const { code, lines } = await verify(folder);
  const named = lines.find(
    (line) => line.startsWith('FAIL quote ines-harbour-open') && line.includes('U+200B ZERO WIDTH SPACE'),
  );
  if (code !== 1 || named === undefined) fail(`a zero width space in a quote is not named\n  ${lines.join('\n  ')}`);
  else pass(`a zero width space in a quote is named: ${named}`);
  rmSync(folder, { recursive: true });
}

// --originals, against copies of the sources served locally.
const [port] = freePorts(1);
const server = `http://127.0.0.1:${port!}`;
const agencyPage = readFileSync(join(ORIGINALS, 'agency-report.html'), 'utf8');
const pages = new Map<string, string>([
  ['/agency.example/2021/04/02/harbour-reopens/', agencyPage],
  ['/agency.example/2021/04/02/harbour-reopens-changed/', agencyPage.replaceAll('harbour is', 'harbour was')],
  [
    '/archive.example/web/20210306120000/https://wire.example/2021/03/06/commission-calls-for-talks/',
    readFileSync(join(ORIGINALS, 'wire-report-archived.html'), 'utf8'),
  ],
]);
/** The hand-made site's open data, served under /site/ as a host would serve the built folder. */
const siteData = new Map(
  ['data/stories.json', ...readdirSync(join(FIXTURE, 'data/stories')).map((file) => `data/stories/${file}`)].map(
    (path) => [`/site/${path}`, readFileSync(join(FIXTURE, path), 'utf8')],
  ),
);
const http = createServer((request, response) => {
  const data = siteData.get(request.url ?? '');
  const page = pages.get(request.url ?? '');
  const type = data === undefined ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8';
  response.writeHead(data === undefined && page === undefined ? 404 : 200, { 'Content-Type': type });
  response.end(data ?? page ?? 'Not found');
});
await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));

/** The hand-made site with every source address on the local server, the agency's at `agencyPath`. */
const served = (agencyPath: string) =>
  copyOf(FIXTURE, (story) => {
    for (const source of story.sources as { url: string | null; archived: { url: string } | null }[]) {
      const local = (url: string) => url.replace(/^https:\/\//, `${server}/`);
      if (source.url !== null) source.url = local(source.url).replace('/harbour-reopens/', agencyPath);
      if (source.archived !== null) source.archived.url = local(source.archived.url);
    }
    // Each annotation's first target is the original: it must name the source's address still.
    for (const annotation of story.annotations as { target: { source: string }[] }[]) {
      for (const target of annotation.target) {
        if (target.source.startsWith('https://agency.example/') || target.source.startsWith('https://wire.example/')) {
          target.source = target.source.replace(/^https:\/\//, `${server}/`).replace('/harbour-reopens/', agencyPath);
        }
      }
    }
  });

try {
  // Given an address, the data's addresses (on the site it was built for) are read by their paths there.
  await expectPass('the hand-made site served at an address passes', `${server}/site/`);
  const folder = served('/harbour-reopens/');
  const lines = await expectPass('--originals against local copies passes', folder, '--originals');
  for (const expected of [
    `ok   quote ines-harbour-open (harbour-reopens-in-excerpts): a direct quote, verbatim in the original, ${server}/agency.example/`,
    `ok   quote zalmai-ready (commission-calls-for-talks): a direct quote, verbatim in the archived copy, ${server}/archive.example/`,
  ]) {
    if (lines.some((line) => line.startsWith(expected))) pass(`--originals: ${expected}`);
    else fail(`--originals: no line starts "${expected}"\n  ${lines.join('\n  ')}`);
  }
  rmSync(folder, { recursive: true });
  const changedFolder = served('/harbour-reopens-changed/');
  await expectQuoteFailure(
    '--originals with the original changed by a word fails',
    'harbour-reopens-in-excerpts',
    'ines-harbour-open',
    changedFolder,
    '--originals',
  );
  rmSync(changedFolder, { recursive: true });
} finally {
  http.close();
}

console.log(failures === 0 ? 'The verifier checks as it should.' : `${failures} failure(s).`);
process.exit(failures === 0 ? 0 : 1);
