import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'parse5';
import { LAST_GOOD_VERSION } from '../../src/lib/content/problems';
import { linkProblem } from '../../src/lib/model/links';

/*
 * The markup of every built page, read as a browser's parser reads it (parse5), with no browser:
 * every `.html` file under dist/ and under each dist-fixtures/<name>/ (built before Playwright runs,
 * see `npm test`). A page fails, with its file and the element, when it holds:
 * - a <script> that is not JSON-LD and not the site's own: an inline script counts as the site's
 *   only when its sha256 hash is in the `script-src` of the page's Content-Security-Policy meta tag
 *   (Astro hashes the scripts it emits there), a script with `src` only when it is same-origin
 *   under /_astro/;
 * - an iframe, frame, frameset, object, embed, applet or base element;
 * - any attribute named on… (an event handler), on any element;
 * - an href, src, action, formaction, xlink:href, srcset, poster, ping, or a meta refresh's url,
 *   that `linkProblem` refuses (its scheme decoded as a browser would, and then some: only http,
 *   https, mailto and paths on this site), with one exception: `<img src="data:image/…">`, which is
 *   allowed and listed in the test's output, so whether the site should have any can be decided;
 * - an SVG <animate>/<set> that would write an href;
 * - the dev server's banner about invalid content (src/components/ContentProblems.astro), found by the
 *   sentence it says: only `npm run dev` may show it.
 * <noscript> content is parsed as markup (scripting off), so it is checked too.
 *
 * Not covered: CSS (a `url()` or `expression()` in a style attribute or a <style> element; the CSP
 * allows only hashed styles), what inline scripts do once allowed (tests/e2e/security.spec.ts runs
 * the pages under the CSP in Chromium), JSON-LD contents, non-HTML files (open data, share cards),
 * HTTP headers, and the dev server.
 */

interface HtmlNode {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string; prefix?: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'ping']);

/** The built sites: dist/ and each folder under dist-fixtures/. */
function distFolders(): string[] {
  const fixtures = existsSync('dist-fixtures')
    ? readdirSync('dist-fixtures', { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join('dist-fixtures', entry.name))
    : [];
  return ['dist', ...fixtures];
}

function htmlFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function* elements(node: HtmlNode): Generator<HtmlNode> {
  if (node.attrs !== undefined) yield node;
  for (const child of node.childNodes ?? []) yield* elements(child);
  if (node.content !== undefined) yield* elements(node.content);
}

const attributeName = (a: { name: string; prefix?: string }) => (a.prefix ? `${a.prefix}:${a.name}` : a.name);
const attribute = (node: HtmlNode, name: string) =>
  node.attrs?.find((a) => attributeName(a).toLowerCase() === name)?.value;
const text = (node: HtmlNode): string =>
  node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(text).join('');
const sha256 = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;

/** The sources the page's CSP meta tag allows for scripts. */
function scriptSources(document: HtmlNode): Set<string> {
  const meta = [...elements(document)].find(
    (node) => node.nodeName === 'meta' && attribute(node, 'http-equiv')?.toLowerCase() === 'content-security-policy',
  );
  const directive = (attribute(meta ?? { nodeName: '' }, 'content') ?? '')
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name?.toLowerCase() === 'script-src');
  return new Set(directive?.slice(1) ?? []);
}

/** A short name for an element in a report: `<a href="…">`. */
const show = (node: HtmlNode) =>
  `<${node.nodeName}${(node.attrs ?? [])
    .slice(0, 3)
    .map((a) => ` ${attributeName(a)}="${a.value.length > 60 ? `${a.value.slice(0, 59)}…` : a.value}"`)
    .join('')}>`;

function check(file: string, found: string[], dataImages: string[]): void {
  const document = parse(readFileSync(file, 'utf8'), { scriptingEnabled: false }) as unknown as HtmlNode;
  const allowed = scriptSources(document);
  const fail = (node: HtmlNode, what: string) => found.push(`${file}: ${show(node)}: ${what}`);

  for (const node of elements(document)) {
    const name = node.nodeName;
    if (FORBIDDEN_ELEMENTS.has(name)) fail(node, `a <${name}> element`);

    if (name === 'script') {
      const type = attribute(node, 'type')?.trim().toLowerCase();
      const src = attribute(node, 'src');
      if (type === 'application/ld+json') {
        if (src !== undefined) fail(node, 'a JSON-LD script with src');
      } else if (src !== undefined) {
        if (!src.startsWith('/_astro/') || linkProblem(src) !== undefined)
          fail(node, 'a script from outside this origin’s /_astro/');
      } else if (!allowed.has(sha256(text(node)))) {
        fail(node, `an inline script whose hash ${sha256(text(node))} is not in the page's CSP script-src`);
      }
    }

    for (const a of node.attrs ?? []) {
      const attributeKey = attributeName(a).toLowerCase();
      if (/^on/.test(a.name.toLowerCase())) fail(node, `an event handler attribute ${attributeName(a)}`);
      if (attributeKey === 'srcset') {
        for (const candidate of a.value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0] ?? '';
          const problem = linkProblem(url);
          if (problem !== undefined) fail(node, `srcset holds ${problem}`);
        }
      }
      if (!URL_ATTRIBUTES.has(attributeKey)) continue;
      if (name === 'img' && attributeKey === 'src' && /^\s*data:image\//i.test(a.value)) {
        dataImages.push(`${file}: <img src="${a.value.slice(0, 40)}…">`);
        continue;
      }
      const problem = linkProblem(a.value);
      if (problem !== undefined) fail(node, `${attributeName(a)} is ${problem}`);
    }

    if (name === 'meta' && attribute(node, 'http-equiv')?.toLowerCase() === 'refresh') {
      const url = /url\s*=\s*['"]?([^'"]*)/i.exec(attribute(node, 'content') ?? '')?.[1];
      const problem = url === undefined ? undefined : linkProblem(url.trim());
      if (problem !== undefined) fail(node, `a refresh to ${problem}`);
    }

    if ((name === 'animate' || name === 'set') && /href/i.test(attribute(node, 'attributename') ?? ''))
      fail(node, 'an SVG animation that writes an href');
  }

  if (text(document).includes(LAST_GOOD_VERSION)) fail(document, "the dev server's banner about invalid content");
}

test('no page holds a foreign script, a frame, an event handler, a link a story could not hold or the dev banner', () => {
  const found: string[] = [];
  const dataImages: string[] = [];
  const scanned: Record<string, number> = {};
  const folders = distFolders();
  expect(folders.length, 'dist/ and at least one dist-fixtures/<name>/').toBeGreaterThan(1);
  for (const folder of folders) {
    const files = htmlFiles(folder);
    scanned[folder] = files.length;
    for (const file of files) check(file, found, dataImages);
  }
  console.log(
    `markup safety: ${Object.entries(scanned)
      .map(([folder, count]) => `${folder} ${count} pages`)
      .join(', ')}; ${found.length} problems; ${dataImages.length} data: images${
      dataImages.length > 0 ? `:\n  ${dataImages.join('\n  ')}` : ''
    }`,
  );
  for (const image of dataImages) test.info().annotations.push({ type: 'data: image', description: image });
  expect(
    Object.entries(scanned)
      .filter(([, count]) => count === 0)
      .map(([folder]) => folder),
  ).toEqual([]);
  expect(found).toEqual([]);
});
