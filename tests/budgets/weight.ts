import { gzipSync } from 'node:zlib';

/**
 * Page weight: what a browser downloads for one built page, read from the HTML and the files it
 * references. Pure: files are read through the `read` function the caller passes, so tests can hand
 * in a fake site. Built for Astro's output (well-formed, quoted attributes), not arbitrary HTML.
 */

/** Bytes as stored and as sent gzipped (zlib's default level, what servers use on the fly). */
export interface Size {
  raw: number;
  gzip: number;
}

export interface FontFace {
  /** The page or stylesheet the `@font-face` rule is in. */
  in: string;
  /** The font file's URL path, or the full URL when another origin serves it. */
  url: string;
  sameOrigin: boolean;
  /** Whether the rule declares a `unicode-range`, i.e. the file is a subset the browser loads only when needed. */
  subset: boolean;
}

export interface PageWeight {
  /** The page's URL path. */
  path: string;
  /** The markup, without the contents of inline styles and scripts (JSON-LD counts as markup). */
  html: Size;
  /** Inline styles plus linked stylesheets (and their @imports). */
  css: Size;
  /** Inline scripts plus script files and the modules they import statically. */
  js: Size;
  /** What HTML + CSS + JS cost on the wire: the gzipped document plus each gzipped stylesheet and script file. */
  transferGzip: number;
  /** The document plus every same-origin subresource it loads: stylesheets, scripts, images, fonts, icons. */
  requests: number;
  /** Subresources on another origin (none are allowed). */
  crossOrigin: string[];
  /** Same-origin subresources missing from dist/. */
  missing: string[];
  /** Scripts in <head> that block rendering: classic scripts without `async` or `defer`. */
  blockingScripts: string[];
  fonts: FontFace[];
}

export type ReadFile = (urlPath: string) => Uint8Array | undefined;

const size = (text: string | Uint8Array): Size => ({
  raw: typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength,
  gzip: gzipSync(text).byteLength,
});

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript']);
const RAW_ELEMENT = /<(script|style)\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/\1\s*>/gi;
const TAG = /<(link|img|source|video|audio|iframe|embed|object|input|track)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const LOADED_LINKS = new Set(['stylesheet', 'preload', 'modulepreload', 'icon', 'manifest']);

const decode = (value: string) =>
  value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** The attributes of a start tag's attribute text, names lower-cased, entities in values decoded. */
export function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) {
    attributes.set(m[1]!.toLowerCase(), decode(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attributes;
}

/** The first URL of a `srcset`: a browser fetches one candidate, and which one depends on the screen. */
const firstCandidate = (srcset: string) => srcset.trim().split(/\s+/)[0] ?? '';

/** The URLs a start tag makes the browser fetch (none for links it only follows). */
function tagUrls(name: string, attributes: Map<string, string>): string[] {
  const get = (key: string) => attributes.get(key);
  switch (name) {
    case 'link': {
      const rels = (get('rel') ?? '').toLowerCase().split(/\s+/);
      return rels.some((rel) => LOADED_LINKS.has(rel)) && get('href') ? [get('href')!] : [];
    }
    case 'img':
    case 'source':
      return [get('src') ?? firstCandidate(get('srcset') ?? '')].filter(Boolean);
    case 'video':
      return [get('src'), get('poster')].filter((v): v is string => !!v);
    case 'object':
      return get('data') ? [get('data')!] : [];
    case 'input':
      return get('type')?.toLowerCase() === 'image' && get('src') ? [get('src')!] : [];
    default:
      return get('src') ? [get('src')!] : [];
  }
}

export type Resolved = { sameOrigin: true; path: string } | { sameOrigin: false; url: string } | undefined;

/**
 * Where a reference points, from the page or file at `base` (a URL path). `origin` is the site's own
 * origin (from the canonical link), so absolute URLs to the site itself count as same-origin.
 * Data URLs and fragments are not requests: undefined.
 */
export function resolveUrl(ref: string, base: string, origin: string | undefined): Resolved {
  const trimmed = ref.trim();
  if (trimmed === '' || /^(data|blob|about|javascript):|^#/i.test(trimmed)) return undefined;
  const url = new URL(trimmed, new URL(base, origin ?? 'http://same-origin.invalid'));
  if (url.origin !== (origin ? new URL(origin).origin : 'http://same-origin.invalid')) {
    return { sameOrigin: false, url: url.href };
  }
  return { sameOrigin: true, path: decodeURIComponent(url.pathname) };
}

const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g;
const FONT_FACE = /@font-face\s*\{([^}]*)\}/g;
const JS_IMPORT = /(?:\bimport|\bfrom)\s*["']([^"']+)["']/g;

/** URLs a stylesheet loads: `url()` and `@import`, outside `@font-face` rules (fonts are listed apart). */
export function cssUrls(css: string): string[] {
  const outsideFonts = css.replace(FONT_FACE, '');
  return [...outsideFonts.matchAll(CSS_URL)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').filter(Boolean);
}

/** Each `@font-face` rule's first source URL (the one a browser that supports it fetches) and whether it is a subset. */
export function fontFaces(css: string): { url: string; subset: boolean }[] {
  return [...css.matchAll(FONT_FACE)].flatMap((m) => {
    const body = m[1]!;
    const src = /src\s*:([^;]*)/i.exec(body)?.[1] ?? '';
    const first = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/.exec(src);
    const url = first ? (first[1] ?? first[2] ?? first[3] ?? '') : '';
    return url ? [{ url, subset: /unicode-range\s*:/i.test(body) }] : [];
  });
}

/** Module specifiers a script file imports statically (dynamic `import()` loads later, if ever). */
export function jsImports(js: string): string[] {
  return [...js.matchAll(JS_IMPORT)].map((m) => m[1]!).filter((spec) => /^(\.{0,2}\/|https?:)/.test(spec));
}

/** Measures one built page. `path` is its URL path; `read` returns a dist file by URL path. */
export function measurePage(path: string, document: string, read: ReadFile): PageWeight {
  const html = document.replace(/<!--[\s\S]*?-->/g, '');
  const headEnd = html.search(/<\/head\s*>|<body[\s>]/i);
  const canonical = /<link\b[^>]*\brel=["']?canonical["']?[^>]*>/i.exec(html);
  const origin = canonical ? parseAttributes(canonical[0].slice(5)).get('href') : undefined;
  const siteOrigin = origin && /^https?:/i.test(origin) ? new URL(origin).origin : undefined;

  let inlineCss = '';
  let inlineJs = '';
  const blockingScripts: string[] = [];
  const refs: { ref: string; base: string; kind: 'css' | 'js' | 'other' }[] = [];

  // The markup column is the document with inline style and script contents cut out; they count as CSS and JS.
  const markup = html.replace(
    RAW_ELEMENT,
    (whole, name: string, attributeText: string, content: string, offset: number) => {
      const attributes = parseAttributes(attributeText);
      const empty = `<${name}${attributeText}></${name}>`;
      if (name.toLowerCase() === 'style') {
        inlineCss += content;
        return empty;
      }
      const type = (attributes.get('type') ?? '').toLowerCase();
      if (!JS_TYPES.has(type)) return whole;
      const src = attributes.get('src');
      if (src) refs.push({ ref: src, base: path, kind: 'js' });
      else inlineJs += content;
      if (offset < headEnd && type !== 'module' && !attributes.has('async') && !attributes.has('defer')) {
        blockingScripts.push(src ?? `inline script "${content.trim().slice(0, 40)}"`);
      }
      return src ? whole : empty;
    },
  );
  const withoutRaw = html.replace(RAW_ELEMENT, '');
  for (const m of withoutRaw.matchAll(TAG)) {
    const name = m[1]!.toLowerCase();
    const attributes = parseAttributes(m[2]!);
    const isStylesheet = name === 'link' && /\bstylesheet\b/i.test(attributes.get('rel') ?? '');
    for (const ref of tagUrls(name, attributes)) refs.push({ ref, base: path, kind: isStylesheet ? 'css' : 'other' });
  }

  const loaded = new Set<string>();
  const crossOrigin = new Set<string>();
  const missing = new Set<string>();
  const fonts: FontFace[] = [];
  let css = size(inlineCss);
  let js = size(inlineJs);
  let transferGzip = gzipSync(html).byteLength;
  const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });

  const visitCss = (text: string, from: string) => {
    for (const ref of cssUrls(text)) refs.push({ ref, base: from, kind: /\.css(\?|$)/.test(ref) ? 'css' : 'other' });
    for (const face of fontFaces(text)) {
      const target = resolveUrl(face.url, from, siteOrigin);
      if (!target) continue;
      fonts.push({
        in: from,
        url: target.sameOrigin ? target.path : target.url,
        sameOrigin: target.sameOrigin,
        subset: face.subset,
      });
      refs.push({ ref: face.url, base: from, kind: 'other' });
    }
  };
  visitCss(inlineCss, path);

  // References found while walking stylesheets and scripts are appended, so this loop follows them too.
  for (let i = 0; i < refs.length; i++) {
    const { ref, base, kind } = refs[i]!;
    const target = resolveUrl(ref, base, siteOrigin);
    if (!target) continue;
    if (!target.sameOrigin) {
      crossOrigin.add(target.url);
      continue;
    }
    if (loaded.has(target.path)) continue;
    loaded.add(target.path);
    const bytes = read(target.path);
    if (!bytes) {
      missing.add(target.path);
      continue;
    }
    if (kind === 'other') continue;
    const file = size(bytes);
    transferGzip += file.gzip;
    const text = Buffer.from(bytes).toString('utf8');
    if (kind === 'css') {
      css = add(css, file);
      visitCss(text, target.path);
    } else {
      js = add(js, file);
      for (const spec of jsImports(text)) refs.push({ ref: spec, base: target.path, kind: 'js' });
    }
  }

  return {
    path,
    html: size(markup),
    css,
    js,
    transferGzip,
    requests: 1 + loaded.size,
    crossOrigin: [...crossOrigin],
    missing: [...missing],
    blockingScripts,
    fonts,
  };
}

export interface Budgets {
  /** Per page type (route pattern): HTML + CSS + JS gzipped as transferred, in bytes. */
  transferGzip: Record<string, number>;
  /** JavaScript gzipped, on any page, in bytes. */
  jsGzip: number;
  /** Any one web font file, in bytes. */
  fontBytes: number;
  /** Every Latin face together, in bytes: the most fonts any page can load (the Arabic face only comes with Arabic-script text). */
  latinFontBytes: number;
}

/** What a page of each type may weigh. 1 KB = 1,000 bytes: the stricter reading. */
export const budgets: Budgets = {
  // The search page before a query: Pagefind's client and index load only once a reader searches.
  // The story list's pages hold 25 stories each (src/lib/present/listing.ts), so they weigh the same
  // at any number of stories: 5.0 KB at 1,000 (the benchmark corpus, 40 pages).
  transferGzip: { '/stories/[slug]/': 20_000, '/search/': 60_000, '/': 10_000, '/page/[page]/': 10_000 },
  jsGzip: 2_000,
  fontBytes: 30_000,
  latinFontBytes: 60_000,
};

/** The face a font file holds, from its name (`/fonts/source-serif-4-400-normal.0ae186a8dd.woff2`), and whether it is the Arabic face. */
export function fontFace(path: string): { face: string; arabic: boolean } {
  const face = (path.split('/').at(-1) ?? path).replace(/(\.[0-9a-f]{6,})?\.(woff2?|ttf|otf|eot)$/i, '');
  return { face, arabic: /arabic/i.test(face) };
}

export interface Violation {
  /** The page (URL path) or font file at fault. */
  where: string;
  rule: string;
  detail: string;
}

/**
 * Everything over budget. `pages` maps each page type to its measured pages; `fontFiles` lists every
 * font file in dist/ with its size (a font no page references still ships and is still checked).
 */
export function checkBudgets(
  pages: Map<string, PageWeight[]>,
  fontFiles: { path: string; bytes: number }[],
  limits: Budgets = budgets,
): Violation[] {
  const violations: Violation[] = [];
  for (const [pattern, weights] of pages) {
    const limit = limits.transferGzip[pattern];
    for (const page of weights) {
      if (limit !== undefined && page.transferGzip > limit) {
        violations.push({
          where: page.path,
          rule: `${pattern} HTML+CSS+JS gzipped`,
          detail: `${page.transferGzip} B > ${limit} B`,
        });
      }
      if (page.js.gzip > limits.jsGzip) {
        violations.push({
          where: page.path,
          rule: 'JavaScript gzipped',
          detail: `${page.js.gzip} B > ${limits.jsGzip} B`,
        });
      }
      for (const script of page.blockingScripts) {
        violations.push({
          where: page.path,
          rule: 'no render-blocking script',
          detail: `${script} is in <head> without type="module", defer or async`,
        });
      }
      for (const url of page.crossOrigin) {
        violations.push({ where: page.path, rule: 'no request to another origin', detail: url });
      }
      for (const file of page.missing) {
        violations.push({ where: page.path, rule: 'subresource exists', detail: `${file} is not in dist/` });
      }
      for (const font of page.fonts) {
        if (!font.sameOrigin) violations.push({ where: font.in, rule: 'web fonts self-hosted', detail: font.url });
        else if (!font.subset)
          violations.push({
            where: font.in,
            rule: 'web fonts subset',
            detail: `@font-face for ${font.url} declares no unicode-range`,
          });
      }
    }
  }
  for (const font of fontFiles) {
    if (font.bytes > limits.fontBytes) {
      violations.push({ where: font.path, rule: 'web font size', detail: `${font.bytes} B > ${limits.fontBytes} B` });
    }
  }
  const latin = fontFiles.filter((font) => !fontFace(font.path).arabic);
  const latinBytes = latin.reduce((sum, font) => sum + font.bytes, 0);
  if (latinBytes > limits.latinFontBytes) {
    violations.push({
      where: latin.map((font) => font.path).join(', '),
      rule: 'Latin faces together',
      detail: `${latinBytes} B > ${limits.latinFontBytes} B`,
    });
  }
  // A font used by many pages is reported once per rule and file.
  return [...new Map(violations.map((v) => [`${v.where}|${v.rule}|${v.detail}`, v])).values()];
}

export interface Row {
  pattern: string;
  pages: number;
  /** The page of this type that costs most on the wire; its figures fill the row. */
  heaviest: PageWeight;
  /** The most JavaScript any page of this type loads, gzipped. */
  maxJsGzip: number;
  /** The most requests any page of this type makes. */
  maxRequests: number;
}

/** One row per page type, in the order of `pages`. */
export function summarise(pages: Map<string, PageWeight[]>): Row[] {
  return [...pages].map(([pattern, weights]) => ({
    pattern,
    pages: weights.length,
    heaviest: weights.reduce((a, b) => (b.transferGzip > a.transferGzip ? b : a)),
    maxJsGzip: Math.max(...weights.map((w) => w.js.gzip)),
    maxRequests: Math.max(...weights.map((w) => w.requests)),
  }));
}

/** A plain-text table, right-aligned numbers, for the terminal and CI logs. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells
    .map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
    .join('\n');
}
