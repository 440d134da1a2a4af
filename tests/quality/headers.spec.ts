import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { isHashedAsset } from '../../src/lib/outputs/manifest';
import { builtFiles, SITE } from '../e2e/site';

/*
 * The host's header rules (`_headers`, copied from public/ into dist/), read as Netlify and Cloudflare
 * Pages read them: a path pattern on its own line (`*` matches the rest of the path), its headers
 * indented below it, every matching rule applying. Checked: the headers a <meta> tag cannot set, on
 * every path, a year's immutable cache on exactly the files whose names carry their contents'
 * hash, the open data readable from any origin, the verifier served as a file to download, and no rule that matches nothing. Not covered: a real host serving them (`astro preview` ignores the file).
 */

interface Rule {
  pattern: string;
  headers: Map<string, string>;
}

function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: new Map() });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule === undefined || colon < 0)
      throw new Error(`_headers: a header outside a rule, or without a colon: ${line}`);
    rule.headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return rules;
}

const matches = (pattern: string, path: string) =>
  pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;

/** The headers a path is served with: those of every rule that matches it. */
const headersFor = (rules: Rule[], path: string) =>
  new Map(rules.filter((rule) => matches(rule.pattern, path)).flatMap((rule) => [...rule.headers]));

const rules = parseHeaders(readFileSync(`${SITE.dist}/_headers`, 'utf8'));
const paths = builtFiles(SITE).map((file) => `/${relative(SITE.dist, file)}`);

test('every path gets the headers a meta tag cannot set', () => {
  for (const path of ['/', ...paths]) {
    const headers = headersFor(rules, path);
    expect(headers.get('content-security-policy'), path).toBe("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options'), path).toBe('nosniff');
    expect(headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
  }
});

test('exactly the hashed assets are cached for a year, as immutable', () => {
  const immutable = paths.filter((path) => headersFor(rules, path).get('cache-control') !== undefined);
  const hashed = paths.filter((path) => isHashedAsset(path.slice(1)));
  expect(hashed.filter((path) => path.startsWith('/fonts/')).length).toBeGreaterThan(0);
  expect(immutable.sort()).toEqual(hashed.sort());
  for (const path of immutable) {
    expect(headersFor(rules, path).get('cache-control'), path).toBe('public, max-age=31536000, immutable');
  }
});

test('the open data may be read from any origin, and nothing else says so', () => {
  const open = paths.filter((path) => headersFor(rules, path).get('access-control-allow-origin') === '*');
  expect(open.length).toBeGreaterThan(0);
  expect(open.filter((path) => !path.startsWith('/data/'))).toEqual([]);
  expect(paths.filter((path) => path.startsWith('/data/') && !open.includes(path))).toEqual([]);
});

test('the verifier is served as JavaScript to download, and no other file is', () => {
  const downloads = paths.filter((path) => headersFor(rules, path).get('content-disposition') !== undefined);
  expect(downloads).toEqual(['/verify.mjs']);
  expect(headersFor(rules, '/verify.mjs').get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(headersFor(rules, '/verify.mjs').get('content-disposition')).toBe('attachment; filename="verify.mjs"');
});

test('every rule applies to a built file: a rule that matches nothing is a rule nobody tested', () => {
  expect(
    rules.filter((rule) => !paths.some((path) => matches(rule.pattern, path))).map((rule) => rule.pattern),
  ).toEqual([]);
});
