/**
 * `node verify.mjs <site address or built folder> [--originals]`: the verifier anyone can run, as the
 * site serves it (`/verify.mjs`, one file bundled by the build from this module; README "Check it
 * yourself"). Only Node (20 or later) is needed: no checkout of the site, nothing to install. The
 * checks are src/lib/verify/verify.ts; this module reads the data and the web for them.
 *
 * Every address the open data gives is on the site it was built for; its path is read from the site
 * or folder named here instead, so a copy (a preview, a download of the built folder) checks the same.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArguments, verifySite, type Io, type Page } from '../lib/verify/verify.ts';

/** How long one fetch may take: a page that hangs fails, rather than the whole check. */
const TIMEOUT_MS = 30_000;

/** A response's body decoded in the charset its Content-Type names (UTF-8 when it names none, or one Node lacks). */
async function decoded(response: Response): Promise<string> {
  const bytes = await response.arrayBuffer();
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(response.headers.get('content-type') ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

async function get(url: string): Promise<Response> {
  const response = await fetch(url, {
    redirect: 'follow',
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: { 'user-agent': 'verify.mjs (a reader checking quotes against their sources)' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  return response;
}

const parsed = parseArguments(process.argv.slice(2));
if ('usage' in parsed) {
  console.error(parsed.usage);
  process.exit(2);
}
const online = /^https?:\/\//i.test(parsed.site);
const base = online ? new URL(parsed.site.endsWith('/') ? parsed.site : `${parsed.site}/`) : undefined;
const folder = parsed.site;

/**
 * Where the data at an address is, in the site or folder given: an address under it as it is, any
 * other (the site the data was built for) by its path from the root.
 */
const located = (url: string) => {
  if (base && url.startsWith(base.href)) return url;
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
  return base ? new URL(path, base).href : join(folder, path);
};

const io: Io = {
  readData: async (url) => {
    if (url.startsWith('file:')) return JSON.parse(await readFile(fileURLToPath(url), 'utf8')) as unknown;
    const where = located(url);
    return JSON.parse(base ? await decoded(await get(where)) : await readFile(where, 'utf8')) as unknown;
  },
  fetchPage: async (url): Promise<Page> => {
    const response = await get(url);
    return { contentType: response.headers.get('content-type') ?? '', body: await decoded(response) };
  },
  out: (line) => {
    console.log(line);
  },
};

const index = base ? new URL('data/stories.json', base).href : pathToFileURL(join(folder, 'data/stories.json')).href;
process.exitCode = await verifySite(index, io, { originals: parsed.originals });
