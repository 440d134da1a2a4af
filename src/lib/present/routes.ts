import {
  withdrawnQuotes,
  type ActorRecord,
  type AuthorRecord,
  type Corpus,
  type Quote,
  type Redirect,
  type Source,
  type Story,
} from '../model/corpus.ts';
import { listPageCount } from './listing.ts';

/**
 * The route table: every kind of page and file the site serves, each declared once with its pattern
 * (Astro's, as the page file's path), the module that serves it, and its paths from the corpus. Its
 * URLs are the pattern filled in (`hrefOf`), and a URL or built file is turned back into its kind and
 * params by matching its segments against the patterns (`routeAt`, `paramsOf`), never by a regular
 * expression. Pages' `getStaticPaths`, the published-URL plan (src/lib/outputs/manifest.ts), the card
 * plan (src/lib/outputs/sharecard.ts), the dev server's card routes (src/cards/), the search index's
 * pages (src/lib/outputs/search.ts) and the page-weight budgets (tests/budgets/) all read it.
 */

/**
 * How a route's URL follows from its pattern: a page in a folder of its own (`stories/x/index.html`
 * at `/stories/x/`), a page written as `<pattern>.html` (Astro writes the 404 page so, whatever the
 * build's format), or a file at the pattern itself (`/feed.xml`, `/stories/x/card.png`).
 */
export type Form = 'folder' | 'html' | 'file';

type ParamName<Inside extends string> = Inside extends `...${infer Rest}` ? Rest : Inside;
type ParamNames<P extends string> = P extends `${string}[${infer Inside}]${infer After}`
  ? ParamName<Inside> | ParamNames<After>
  : never;

/** The params a pattern names, each a string: `stories/[slug]/quotes/[quote]` has `slug` and `quote`. */
export type Params<P extends string> = { [Name in ParamNames<P>]: string };

/** What a route's paths are made from: the assembled corpus. */
export type SiteCorpus = Pick<Corpus, 'stories' | 'actors' | 'authors' | 'redirects'>;

/** One page or file of a route: its params, and what the page is made from. */
export interface Path<P extends string, Props> {
  params: Params<P>;
  props: Props;
  /**
   * The redirect (content/redirects.yaml) this path is served for, at its old address: a redirect
   * page, or a file served again with its target's content. Absent for a page or file of its own.
   */
  redirect?: Redirect;
}

export interface Route<P extends string = string, Props = unknown, Input = SiteCorpus> {
  /**
   * Astro's route pattern without its leading slash: the page file's path under src/pages without its
   * extension (and without a last `/index`). A segment is fixed text, `[name]` (a parameter),
   * `[name].png` (a parameter with a fixed end), or `[...name]` (the rest of the path).
   */
  readonly pattern: P;
  readonly form: Form;
  /** The module that serves it, under src/: a page, or the route the integration adds to the dev server. */
  readonly file: string;
  /** Its paths: every page or file it serves, with what each is made from (`self`: this route). */
  readonly paths: (input: Input, self: AnyRoute<P>) => readonly Path<P, Props>[];
}

/** Any route, for what reads only its pattern and form. */
export type AnyRoute<P extends string = string> = Route<P, unknown, never>;

/** A route as declared: its params and props are inferred from its pattern and its paths. */
const route = <const P extends string, Props, Input = unknown>(declared: Route<P, Props, Input>) => declared;

/** The paths of a route that has one page or file. */
const one = () => [{ params: {}, props: {} }];

/** The kinds of the open data's JSON Schemas: one story's file, and the index. */
export const SCHEMA_KINDS = ['story', 'stories'] as const;

/** A quote the story has withdrawn, with its withdrawal. */
type Withdrawn = ReturnType<typeof withdrawnQuotes>[number];

/** A quote's card at its address: a quote of the story, or one withdrawn (its addresses stay, and say so). */
export type QuoteAt =
  { story: Story; quote: Quote; withdrawn?: undefined } | { story: Story; quote?: undefined; withdrawn: Withdrawn };

/** What a page at a gone address is made from: a redirect, or a withdrawn quote in its story. */
export type GoneAt =
  | { redirect: Redirect; withdrawn?: undefined; story?: undefined }
  | { redirect?: undefined; withdrawn: Withdrawn; story: Story };

const quotesAt = (story: Story): QuoteAt[] => [
  ...withdrawnQuotes(story).map((withdrawn) => ({ story, withdrawn })),
  ...story.quotes.map((quote) => ({ story, quote })),
];

/** A quote's own page. Declared apart so that `gone` can name a withdrawn quote's page, which it builds. */
const quote = route({
  pattern: 'stories/[slug]/quotes/[quote]',
  form: 'folder',
  file: 'pages/stories/[slug]/quotes/[quote].astro',
  paths: ({ stories }: SiteCorpus) =>
    stories.flatMap((story) =>
      story.quotes.map((quote) => ({ params: { slug: story.slug, quote: quote.id }, props: { story, quote } })),
    ),
});

/**
 * The paths of a file each story has (its feed, its open data): one a story, and one at each old
 * address a redirect sends to such a file, which serves the target story's file again: a static host
 * cannot answer with a redirect, and the programs that read a feed or data expect the file itself.
 */
function storyFilePaths(
  { stories, redirects }: SiteCorpus,
  self: AnyRoute<'stories/[slug]/feed.xml' | 'data/stories/[slug].json'>,
): Path<'stories/[slug]/feed.xml', { story: string }>[] {
  return [
    ...stories.map((story) => ({ params: { slug: story.slug }, props: { story: story.slug } })),
    ...redirects.flatMap((redirect) => {
      const params = paramsOf(self, redirect.from);
      const target = paramsOf(self, redirect.to);
      return params === undefined || target === undefined ? [] : [{ params, props: { story: target.slug }, redirect }];
    }),
  ];
}

export const ROUTES = {
  /** The home page: the first page of the story list. */
  home: route({ pattern: '', form: 'folder', file: 'pages/index.astro', paths: one }),
  /** The story list's other pages, `/page/2/` on (src/lib/present/listing.ts). */
  storyList: route({
    pattern: 'page/[page]',
    form: 'folder',
    file: 'pages/page/[page].astro',
    paths: ({ stories }: { stories: readonly unknown[] }) =>
      Array.from({ length: listPageCount(stories.length) - 1 }, (_, index) => ({
        params: { page: String(index + 2) },
        props: { number: index + 2 },
      })),
  }),
  story: route({
    pattern: 'stories/[slug]',
    form: 'folder',
    file: 'pages/stories/[slug]/index.astro',
    paths: ({ stories }: SiteCorpus) => stories.map((story) => ({ params: { slug: story.slug }, props: { story } })),
  }),
  briefing: route({
    pattern: 'stories/[slug]/briefing',
    form: 'folder',
    file: 'pages/stories/[slug]/briefing.astro',
    paths: ({ stories }: SiteCorpus) => stories.map((story) => ({ params: { slug: story.slug }, props: { story } })),
  }),
  quote,
  source: route({
    pattern: 'stories/[slug]/sources/[source]',
    form: 'folder',
    file: 'pages/stories/[slug]/sources/[source].astro',
    paths: ({ stories }: SiteCorpus) =>
      stories.flatMap((story) =>
        story.sources.map((source: Source) => ({
          params: { slug: story.slug, source: source.id },
          props: { story, source },
        })),
      ),
  }),
  actor: route({
    pattern: 'actors/[actor]',
    form: 'folder',
    file: 'pages/actors/[actor].astro',
    paths: ({ actors }: SiteCorpus) =>
      [...actors.values()].map((actor: ActorRecord) => ({ params: { actor: actor.id }, props: { actor } })),
  }),
  /** Someone who writes or edits stories: who they are, and their stories. */
  author: route({
    pattern: 'authors/[author]',
    form: 'folder',
    file: 'pages/authors/[author].astro',
    paths: ({ authors }: SiteCorpus) =>
      [...authors.values()].map((author: AuthorRecord) => ({ params: { author: author.id }, props: { author } })),
  }),
  search: route({ pattern: 'search', form: 'folder', file: 'pages/search.astro', paths: one }),
  /**
   * The newsroom's own pages, written in MDX (src/pages/*.mdx, src/layouts/StandardsLayout.astro): who
   * runs the site, how it works, its corrections, how to reach it. The publisher's JSON-LD points at them.
   */
  about: route({ pattern: 'about', form: 'folder', file: 'pages/about.mdx', paths: one }),
  standards: route({ pattern: 'standards', form: 'folder', file: 'pages/standards.mdx', paths: one }),
  corrections: route({ pattern: 'corrections', form: 'folder', file: 'pages/corrections.mdx', paths: one }),
  contact: route({ pattern: 'contact', form: 'folder', file: 'pages/contact.mdx', paths: one }),
  notFound: route({ pattern: '404', form: 'html', file: 'pages/404.astro', paths: one }),
  /**
   * Pages whose page has gone: each redirect of a page (a redirect page at the old address), and each
   * withdrawn quote's page, which says it was withdrawn. Its rest parameter matches any page path, so
   * any other route with a fixed first segment comes first (`routeAt`).
   */
  gone: route({
    pattern: '[...from]',
    form: 'folder',
    file: 'pages/[...from].astro',
    paths: ({ stories, redirects }: SiteCorpus, self): Path<'[...from]', GoneAt>[] => [
      ...redirects.flatMap((redirect) => {
        const params = paramsOf(self, redirect.from);
        return params === undefined ? [] : [{ params, props: { redirect }, redirect }];
      }),
      ...stories.flatMap((story) =>
        withdrawnQuotes(story).map((withdrawn) => ({
          params: paramsAt(self, hrefOf(quote, { slug: withdrawn.slug, quote: withdrawn.id })),
          props: { withdrawn, story },
        })),
      ),
    ],
  }),
  feed: route({ pattern: 'feed.xml', form: 'file', file: 'pages/feed.xml.ts', paths: one }),
  /**
   * A story's own feed: the story and every correction or update to it. A redirected feed (a renamed
   * or merged story) serves its target's feed at the old address, as a data file does: a feed reader
   * subscribed to the old one keeps following the story.
   */
  storyFeed: route({
    pattern: 'stories/[slug]/feed.xml',
    form: 'file',
    file: 'pages/stories/[slug]/feed.xml.ts',
    paths: storyFilePaths,
  }),
  robots: route({ pattern: 'robots.txt', form: 'file', file: 'pages/robots.txt.ts', paths: one }),
  /** The index of the open data. */
  storiesData: route({ pattern: 'data/stories.json', form: 'file', file: 'pages/data/stories.json.ts', paths: one }),
  schema: route({
    pattern: 'data/schema/[kind].json',
    form: 'file',
    file: 'pages/data/schema/[kind].json.ts',
    paths: () => SCHEMA_KINDS.map((kind) => ({ params: { kind }, props: { kind } })),
  }),
  /**
   * A story's open data; a redirected data file (a renamed story) serves the new story's data at the
   * old address: a static host cannot answer with a redirect, and the programs that read it expect data.
   */
  storyData: route({
    pattern: 'data/stories/[slug].json',
    form: 'file',
    file: 'pages/data/stories/[slug].json.ts',
    paths: storyFilePaths,
  }),
  /** The site's card (src/lib/outputs/sharecard.ts): a build writes the card files at its end, the dev server draws them through its route. */
  siteCard: route({ pattern: 'card.png', form: 'file', file: 'cards/siteCard.ts', paths: one }),
  storyCard: route({
    pattern: 'stories/[slug]/card.png',
    form: 'file',
    file: 'cards/storyCard.ts',
    paths: ({ stories }: SiteCorpus) => stories.map((story) => ({ params: { slug: story.slug }, props: { story } })),
  }),
  /** Each quote's card, a withdrawn quote's too (it says so). An old card address a redirect sends to a card is in the card plan. */
  quoteCard: route({
    pattern: 'stories/[slug]/quotes/[quote].png',
    form: 'file',
    file: 'cards/quoteCard.ts',
    paths: ({ stories }: SiteCorpus) =>
      stories.flatMap((story) =>
        quotesAt(story).map((at) => ({
          params: { slug: story.slug, quote: at.quote === undefined ? at.withdrawn.id : at.quote.id },
          props: at,
        })),
      ),
  }),
  /** The logo as a PNG, drawn from the configured logo (content/site.yaml): structured data asks for a raster image. */
  logo: route({ pattern: 'logo.png', form: 'file', file: 'cards/logo.ts', paths: one }),
  /** The logo as a 32-pixel PNG icon, for the programs that show no SVG favicon. */
  favicon: route({ pattern: 'favicon-32.png', form: 'file', file: 'cards/logo.ts', paths: one }),
  /** The logo as iOS's home-screen icon, 180 pixels, at the address iOS asks for when a page names none. */
  touchIcon: route({ pattern: 'apple-touch-icon.png', form: 'file', file: 'cards/logo.ts', paths: one }),
  /** The web manifest: the site's name, language and icons, for a browser that installs it or pins it. */
  webManifest: route({
    pattern: 'manifest.webmanifest',
    form: 'file',
    file: 'pages/manifest.webmanifest.ts',
    paths: one,
  }),
  /** The verifier anyone can run (README "Check it yourself"): one script bundled from src/verify/main.ts. */
  verifier: route({ pattern: 'verify.mjs', form: 'file', file: 'pages/verify.mjs.ts', paths: one }),
  /** The sitemap's index, which @astrojs/sitemap writes at the build's end. */
  sitemap: route({ pattern: 'sitemap-index.xml', form: 'file', file: 'integrations/sitemap.ts', paths: one }),
};

/**
 * The site's fonts, `/fonts/<face>.<hash>.woff2` (src/loader/fonts.ts): their paths come from the
 * faces the build cut, not from the corpus, and they are hashed assets, not published URLs.
 */
export const FONT_ROUTE = route({
  pattern: 'fonts/[file]',
  form: 'file',
  file: 'pages/fonts/[file].ts',
  paths: (faces: readonly { file: string }[]) => faces.map((face) => ({ params: { file: face.file }, props: {} })),
});

/** Every route whose paths come from the corpus. */
export const SITE_ROUTES: readonly Route[] = Object.values(ROUTES);

/** Every route, for turning a URL back into its kind. */
const ALL_ROUTES: readonly AnyRoute[] = [...SITE_ROUTES, FONT_ROUTE];

type Segment =
  { kind: 'static'; text: string } | { kind: 'param'; name: string; end: string } | { kind: 'rest'; name: string };

function segmentOf(part: string): Segment {
  if (!part.startsWith('[')) return { kind: 'static', text: part };
  const close = part.indexOf(']');
  const name = part.slice(1, close);
  return name.startsWith('...')
    ? { kind: 'rest', name: name.slice(3) }
    : { kind: 'param', name, end: part.slice(close + 1) };
}

const templates = new WeakMap<AnyRoute, Segment[]>();

/** The segments of a route's URL path after its leading `/`: a folder's URL ends in an empty one. */
function templateOf(declared: AnyRoute): Segment[] {
  let template = templates.get(declared);
  if (template === undefined) {
    const parts = declared.pattern === '' ? [] : declared.pattern.split('/');
    if (declared.form === 'folder') parts.push('');
    if (declared.form === 'html') parts.push(`${parts.pop() ?? ''}.html`);
    template = parts.map(segmentOf);
    templates.set(declared, template);
  }
  return template;
}

/** A route's URL path with its params in place: the route's pattern as a URL, `/stories/[slug]/`. */
export const urlPatternOf = (declared: AnyRoute): string =>
  `/${templateOf(declared)
    .map((segment) =>
      segment.kind === 'static'
        ? segment.text
        : segment.kind === 'rest'
          ? `[...${segment.name}]`
          : `[${segment.name}]${segment.end}`,
    )
    .join('/')}`;

/** The URL path of a route's page or file for these params: `/stories/older/quotes/stand-firm/`. */
export function hrefOf<P extends string>(declared: AnyRoute<P>, params: Params<P>): string {
  const values = params as Record<string, string | undefined>;
  const filled = templateOf(declared).map((segment) => {
    if (segment.kind === 'static') return segment.text;
    const value = values[segment.name] ?? '';
    const parts = value.split('/');
    if (parts.includes('') || (segment.kind === 'param' && parts.length > 1))
      throw new Error(`${urlPatternOf(declared)}: "${value}" is not a value for [${segment.name}]`);
    return segment.kind === 'param' ? `${value}${segment.end}` : value;
  });
  return `/${filled.join('/')}`;
}

/** Whether a segment of a URL path fits a template's segment other than the rest. */
const fits = (segment: Segment, part: string): boolean =>
  segment.kind === 'static'
    ? segment.text === part
    : segment.kind === 'param' && part.length > segment.end.length && part.endsWith(segment.end);

/**
 * The params of the route's page or file at a URL path (a `#fragment` aside), or undefined when the
 * path is not one of its shape: the inverse of `hrefOf`, segment by segment.
 */
export function paramsOf<P extends string>(declared: AnyRoute<P>, url: string): Params<P> | undefined {
  const [path = ''] = url.split('#');
  if (!path.startsWith('/')) return undefined;
  const parts = path.slice(1).split('/');
  const template = templateOf(declared);
  const restAt = template.findIndex((segment) => segment.kind === 'rest');
  const before = restAt === -1 ? template : template.slice(0, restAt);
  const after = restAt === -1 ? [] : template.slice(restAt + 1);
  if (restAt === -1 ? parts.length !== template.length : parts.length <= before.length + after.length) return undefined;
  const params: Record<string, string> = {};
  const pairs: [Segment, string][] = [
    ...before.map((segment, index): [Segment, string] => [segment, parts[index]!]),
    ...after.map((segment, index): [Segment, string] => [segment, parts[parts.length - after.length + index]!]),
  ];
  for (const [segment, part] of pairs) {
    if (!fits(segment, part)) return undefined;
    if (segment.kind === 'param') params[segment.name] = part.slice(0, part.length - segment.end.length);
  }
  const rest = template[restAt];
  if (rest?.kind === 'rest') {
    const middle = parts.slice(before.length, parts.length - after.length);
    if (middle.includes('')) return undefined;
    params[rest.name] = middle.join('/');
  }
  return params as Params<P>;
}

/** The params of a URL path the route is known to serve. */
function paramsAt<P extends string>(declared: AnyRoute<P>, url: string): Params<P> {
  const params = paramsOf(declared, url);
  if (params === undefined) throw new Error(`${url} is not a URL of ${urlPatternOf(declared)}`);
  return params;
}

/** How specific a segment is, as Astro ranks routes: fixed text, then a parameter with fixed text, a parameter, the rest. */
const rank = (segment: Segment) =>
  segment.kind === 'static' ? 0 : segment.kind === 'rest' ? 3 : segment.end === '' ? 2 : 1;

/** Astro's priority: at the first segment where two routes differ, the more specific one comes first. */
function compareRoutes(a: AnyRoute, b: AnyRoute): number {
  const [x, y] = [templateOf(a), templateOf(b)];
  for (let index = 0; index < Math.min(x.length, y.length); index++) {
    const difference = rank(x[index]!) - rank(y[index]!);
    if (difference !== 0) return difference;
  }
  return y.length - x.length;
}

const byPriority = [...ALL_ROUTES].sort(compareRoutes);

/**
 * The route of a URL path (a `#fragment` aside), with its params: of the routes whose pattern it fits,
 * the one Astro ranks first. By the patterns alone: a withdrawn quote's page has the shape of a quote's
 * page, though `gone` builds it. Undefined for a path no route has (a file of `public/`).
 */
export function routeAt(url: string): { route: AnyRoute; params: Record<string, string> } | undefined {
  for (const candidate of byPriority) {
    const params = paramsOf(candidate, url);
    if (params !== undefined) return { route: candidate, params };
  }
  return undefined;
}

/** A route's paths for this input. */
export const pathsOf = <P extends string, Props, Input>(declared: Route<P, Props, Input>, input: Input) =>
  declared.paths(input, declared);

/** The URL paths of a route's pages and files of their own: every path but those served for a redirect. */
export function liveHrefs<P extends string, Input>(declared: Route<P, unknown, Input>, input: Input): string[] {
  return pathsOf(declared, input)
    .filter((path) => path.redirect === undefined)
    .map((path) => hrefOf(declared, path.params));
}

/**
 * The folder of a route's files under the output folder (`data/stories` for a story's data): its
 * pattern up to its last segment.
 */
export const folderOf = (declared: AnyRoute): string => declared.pattern.slice(0, declared.pattern.lastIndexOf('/'));

/**
 * A glob over the output folder for the built pages of these routes (`stories/*\/index.html`), as
 * Pagefind reads them.
 */
export function builtPagesGlob(routes: readonly AnyRoute[]): string {
  const globs = routes.map((declared) => {
    if (declared.form !== 'folder') throw new Error(`${urlPatternOf(declared)}: not a page in a folder of its own`);
    return [
      ...templateOf(declared)
        .slice(0, -1)
        .map((segment) => (segment.kind === 'static' ? segment.text : '*')),
      'index.html',
    ].join('/');
  });
  return `{${globs.join(',')}}`;
}
