import { readFileSync } from 'node:fs';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { BuiltPage } from './site';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

/**
 * A page's kind: its path with the segments a route fills in (every second one: `/stories/<slug>/`,
 * `/stories/<slug>/quotes/<id>/`, `/actors/<id>/`) written `*`, so `/stories/*\/quotes/*` is every
 * quote page and `/about/` a kind of its own.
 */
export function pageKind(path: string): string {
  const segments = path.split('/').filter(Boolean);
  return `/${segments.map((segment, i) => (i % 2 === 1 ? '*' : segment)).join('/')}${segments.length ? '/' : ''}`;
}

/**
 * Attributes that name one story, actor or URL rather than a kind of element: left out of a control's
 * description, so two quote cards of the same form and status describe alike. Any other `data-`
 * attribute counts (a new one makes more pages differ, never fewer).
 */
const PER_ENTITY = /^data-(actor|print-url|search-.*|pagefind-.*)$/;

/** What a focus selector matches: `focusables` in tests/e2e/keyboard.spec.ts, as markup. */
function focusable(el: Element): boolean {
  const has = (name: string) => el.attrs.some((a) => a.name === name);
  const tabindex = el.attrs.find((a) => a.name === 'tabindex')?.value;
  if (tabindex !== undefined) return tabindex !== '-1';
  if (el.tagName === 'a') return has('href');
  return ['button', 'summary', 'input', 'select', 'textarea'].includes(el.tagName);
}

/** An element as styles see it: its tag, classes, component (Astro's scope attribute), direction and `data-` values. */
function describe(el: Element): string {
  const parts = el.attrs
    .filter((a) => a.name.startsWith('data-') && !PER_ENTITY.test(a.name))
    .map((a) => (a.name.startsWith('data-astro-cid-') ? `[${a.name}]` : `[${a.name}=${a.value}]`));
  for (const a of el.attrs) {
    if (a.name === 'class')
      parts.push(
        ...a.value
          .split(/\s+/)
          .filter(Boolean)
          .map((c) => `.${c}`),
      );
    if (a.name === 'dir' || a.name === 'type' || a.name === 'role') parts.push(`[${a.name}=${a.value}]`);
  }
  return el.tagName + parts.sort().join('');
}

/**
 * The kinds of control on a built page: each focusable element described with the elements around
 * it (what its focus ring, its place on screen and its place in the Tab order depend on), never with
 * its text or link target.
 */
export function controlsOf(file: string): Set<string> {
  const found = new Set<string>();
  const visit = (node: Node, context: string) => {
    if (!('childNodes' in node)) return;
    let inside = context;
    if ('tagName' in node) {
      inside = `${context} > ${describe(node)}`;
      if (focusable(node)) found.add(inside);
    }
    const children = 'content' in node ? node.content.childNodes : node.childNodes;
    for (const child of children) visit(child, inside);
  };
  visit(parse(readFileSync(file, 'utf8')), '');
  return found;
}

/**
 * Pages enough that every page kind, and every kind of control (`controlsOf`) any page has, is on
 * one of them: of each kind the page with most kinds of control, then whichever page adds most of
 * those still missing, until no page adds any. The pages left out differ from those taken only in
 * their text and in how many of each control they repeat.
 */
export function controlSample(pages: BuiltPage[]): BuiltPage[] {
  const controls = new Map(pages.map((p) => [p.path, controlsOf(p.file)]));
  const seen = new Set<string>();
  const chosen = new Set<BuiltPage>();
  const take = (page: BuiltPage) => {
    chosen.add(page);
    for (const c of controls.get(page.path)!) seen.add(c);
  };
  const added = (page: BuiltPage) => [...controls.get(page.path)!].filter((c) => !seen.has(c)).length;
  const kinds = Map.groupBy(pages, (p) => pageKind(p.path));
  for (const ofKind of kinds.values())
    take(ofKind.reduce((best, p) => (controls.get(p.path)!.size > controls.get(best.path)!.size ? p : best)));
  for (;;) {
    const best = pages
      .filter((p) => !chosen.has(p))
      .reduce<BuiltPage | undefined>((b, p) => (b === undefined || added(p) > added(b) ? p : b), undefined);
    if (best === undefined || added(best) === 0) break;
    take(best);
  }
  return pages.filter((p) => chosen.has(p));
}
