import { describe, expect, it } from 'vitest';
import { groupPages } from '../budgets/routes';
import {
  checkBudgets,
  fontFace,
  cssUrls,
  fontFaces,
  jsImports,
  measurePage,
  resolveUrl,
  type PageWeight,
} from '../budgets/weight';

/*
 * The pure parts of the page-weight budget check: page types from the route table, and what one page
 * downloads. Not covered here: walking a real dist/ and the exit code (tests/budgets/check.ts, run
 * by `npm run test:budgets` on the built site).
 */

describe('page types', () => {
  it('groups pages by the route the site’s route table gives them, the most specific one that fits', () => {
    const groups = groupPages([
      '/',
      '/stories/a/',
      '/stories/b/',
      '/stories/a/briefing/',
      '/stories/a/quotes/q-1/',
      '/actors/x/',
      '/page/2/',
      '/search/',
      '/404.html',
      '/old/page/',
    ]);
    expect(Object.fromEntries(groups)).toEqual({
      '/': ['/'],
      '/stories/[slug]/': ['/stories/a/', '/stories/b/'],
      '/stories/[slug]/briefing/': ['/stories/a/briefing/'],
      '/stories/[slug]/quotes/[quote]/': ['/stories/a/quotes/q-1/'],
      '/actors/[actor]/': ['/actors/x/'],
      '/page/[page]/': ['/page/2/'],
      '/search/': ['/search/'],
      '/404.html': ['/404.html'],
      '/[...from]/': ['/old/page/'],
    });
  });

  it('keeps a page no route serves as its own type', () => {
    expect([...groupPages(['/about.html']).keys()]).toEqual(['/about.html']);
  });
});

describe('references', () => {
  it('resolves relative, root-relative and own-origin URLs to paths, and flags other origins', () => {
    const origin = 'https://site.example';
    expect(resolveUrl('../x.css', '/stories/a/', origin)).toEqual({ sameOrigin: true, path: '/stories/x.css' });
    expect(resolveUrl('/_astro/a.js', '/', origin)).toEqual({ sameOrigin: true, path: '/_astro/a.js' });
    expect(resolveUrl('https://site.example/og.png', '/', origin)).toEqual({ sameOrigin: true, path: '/og.png' });
    expect(resolveUrl('https://fonts.example/f.woff2', '/', origin)).toEqual({
      sameOrigin: false,
      url: 'https://fonts.example/f.woff2',
    });
    expect(resolveUrl('//cdn.example/a.js', '/', undefined)).toEqual({
      sameOrigin: false,
      url: 'http://cdn.example/a.js',
    });
    expect(resolveUrl('data:image/png;base64,AA', '/', origin)).toBeUndefined();
  });

  it('finds stylesheet URLs, font faces and static imports', () => {
    const css = `@import "b.css";a{background:url('/bg.png')}@font-face{font-family:I;src:url(/f/i-latin.woff2) format("woff2"),url(/f/i.woff);unicode-range:U+0000-00FF}@font-face{src:url("/f/all.woff2")}`;
    expect(cssUrls(css)).toEqual(['b.css', '/bg.png']);
    expect(fontFaces(css)).toEqual([
      { url: '/f/i-latin.woff2', subset: true },
      { url: '/f/all.woff2', subset: false },
    ]);
    expect(
      jsImports(`import"./a.js";import{b}from"../b.js";import x from "lodash";const c=import("./lazy.js")`),
    ).toEqual(['./a.js', '../b.js']);
  });
});

const site = new Map<string, string>([
  ['/_astro/page.css', 'body{color:red}'.repeat(20)],
  ['/_astro/copy.js', 'import"./shared.js";document.querySelector("button")'],
  ['/_astro/shared.js', 'export const x=1;'],
  ['/img/card.png', 'PNG'],
]);
const read = (path: string) => (site.has(path) ? new TextEncoder().encode(site.get(path)) : undefined);

const page = (head: string, body = '') =>
  `<!doctype html><html><head><link rel="canonical" href="https://site.example/p/">${head}</head><body>${body}</body></html>`;

describe('measuring a page', () => {
  it('splits markup, CSS and JS and counts each subresource once', () => {
    const document = page(
      '<style>h1{margin:0}</style><link rel="stylesheet" href="/_astro/page.css"><script type="module" src="/_astro/copy.js"></script><script type="application/ld+json">{"@type":"Quotation"}</script>',
      '<h1>Hi</h1><img src="/img/card.png" alt=""><img src="/img/card.png" alt=""><a href="/elsewhere/">x</a><script type="module">import "/_astro/shared.js"</script>',
    );
    const weight = measurePage('/p/', document, read);
    expect(weight.css.raw).toBe('h1{margin:0}'.length + site.get('/_astro/page.css')!.length);
    expect(weight.js.raw).toBe(
      'import "/_astro/shared.js"'.length + site.get('/_astro/copy.js')!.length + site.get('/_astro/shared.js')!.length,
    );
    // JSON-LD is data, so it stays in the markup.
    expect(weight.html.raw).toBe(document.length - 'h1{margin:0}'.length - 'import "/_astro/shared.js"'.length);
    // document + page.css + copy.js + shared.js + card.png
    expect(weight.requests).toBe(5);
    expect(weight.blockingScripts).toEqual([]);
    expect(weight.crossOrigin).toEqual([]);
    expect(weight.missing).toEqual([]);
    expect(weight.transferGzip).toBeGreaterThan(weight.html.gzip);
  });

  it('flags classic scripts in <head> without defer or async, but not in the body', () => {
    const weight = measurePage(
      '/p/',
      page(
        '<script>var a=1</script><script src="/_astro/shared.js" defer></script><script async src="/_astro/copy.js"></script><script src="/_astro/shared.js"></script>',
        '<script>var b=2</script>',
      ),
      read,
    );
    expect(weight.blockingScripts).toEqual(['inline script "var a=1"', '/_astro/shared.js']);
  });

  it('reports other origins and missing files', () => {
    const weight = measurePage(
      '/p/',
      page('<link rel="stylesheet" href="https://cdn.example/x.css"><link rel="icon" href="/favicon.svg">'),
      read,
    );
    expect(weight.crossOrigin).toEqual(['https://cdn.example/x.css']);
    expect(weight.missing).toEqual(['/favicon.svg']);
  });
});

describe('budgets', () => {
  const weigh = (path: string, head: string) => measurePage(path, page(head), read);
  const limits = { transferGzip: { '/stories/[slug]/': 400 }, jsGzip: 60, fontBytes: 30_000, latinFontBytes: 60_000 };
  const check = (pattern: string, weights: PageWeight[], fonts: { path: string; bytes: number }[] = []) =>
    checkBudgets(new Map([[pattern, weights]]), fonts, limits).map((v) => `${v.where}: ${v.rule}`);

  it('passes a light page', () => {
    expect(check('/stories/[slug]/', [weigh('/stories/a/', '')])).toEqual([]);
  });

  it('holds the story page to its total and every page to the JS limit', () => {
    const heavy = weigh(
      '/stories/a/',
      `<style>${Array.from({ length: 400 }, (_, i) => `.c${i}{margin:${i}px}`).join('')}</style>`,
    );
    expect(check('/stories/[slug]/', [heavy])).toEqual(['/stories/a/: /stories/[slug]/ HTML+CSS+JS gzipped']);
    expect(check('/', [heavy])).toEqual([]);
    const scripted = weigh(
      '/',
      `<script type="module">${Array.from({ length: 100 }, (_, i) => `let v${i}=${i * 7919};`).join('')}</script>`,
    );
    expect(check('/', [scripted])).toEqual(['/: JavaScript gzipped']);
  });

  it('refuses fonts from another origin, fonts that are not subset, and fonts over the size limit', () => {
    const fonts = weigh(
      '/',
      '<style>@font-face{src:url(https://fonts.example/a.woff2)}@font-face{src:url(/f/b.woff2)}@font-face{src:url(/f/c.woff2);unicode-range:U+0-FF}</style>',
    );
    expect(check('/', [fonts], [{ path: '/f/c.woff2', bytes: 30_001 }])).toEqual([
      '/: no request to another origin',
      '/: subresource exists',
      '/: subresource exists',
      '/: web fonts self-hosted',
      '/: web fonts subset',
      '/f/c.woff2: web font size',
    ]);
  });

  it('holds the Latin faces together to their limit, leaving the Arabic face out', () => {
    const face = (name: string, bytes: number) => ({ path: `/fonts/${name}.0ae186a8dd.woff2`, bytes });
    const latin = [face('source-serif-4-400-normal', 25_000), face('source-sans-3-400-normal', 25_000)];
    const arabic = face('noto-naskh-arabic-400-normal', 29_000);
    expect(check('/', [weigh('/', '')], [...latin, arabic])).toEqual([]);
    expect(check('/', [weigh('/', '')], [...latin, face('source-serif-4-700-normal', 10_001)])).toEqual([
      '/fonts/source-serif-4-400-normal.0ae186a8dd.woff2, /fonts/source-sans-3-400-normal.0ae186a8dd.woff2, /fonts/source-serif-4-700-normal.0ae186a8dd.woff2: Latin faces together',
    ]);
    expect(fontFace(arabic.path)).toEqual({ face: 'noto-naskh-arabic-400-normal', arabic: true });
  });

  it('fails a render-blocking script', () => {
    expect(check('/', [weigh('/', '<script src="/_astro/shared.js"></script>')])).toEqual([
      '/: no render-blocking script',
    ]);
  });
});
