import { readdirSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import type { Redirect } from '../../src/lib/model/corpus';
import {
  builtPagesGlob,
  folderOf,
  FONT_ROUTE,
  hrefOf,
  liveHrefs,
  paramsOf,
  pathsOf,
  routeAt,
  ROUTES,
  SITE_ROUTES,
  urlPatternOf,
  type AnyRoute,
} from '../../src/lib/present/routes';
import { corpus, corpusFiles, correctOlder, TODAY } from './fixtures/corpus';

/*
 * The route table (src/lib/present/routes.ts): each route's URL from its params and back, which route
 * a URL belongs to when two patterns fit it, each route's paths from a corpus, and that the table and
 * Astro's page files agree. Not covered: that a build writes each path (the published-URL check,
 * src/integrations/publishedUrls.ts, and tests/content/published-urls.test.ts).
 */

const withdrawn = assembleCorpus(
  correctOlder(corpusFiles(), {
    date: '2021-06-02',
    kind: 'withdrawn',
    quote: 'gone-quote',
    was: { words: 'We never said it.' },
    note: 'Not the Council’s statement.',
  }),
  TODAY,
);
const redirect = (from: string, to: string): Redirect => ({ from, to, reason: 'r', file: 'content/redirects.yaml' });

/** One example of each route's params, and the URL it has. */
const EXAMPLES: [AnyRoute, Record<string, string>, string][] = [
  [ROUTES.home, {}, '/'],
  [ROUTES.storyList, { page: '2' }, '/page/2/'],
  [ROUTES.story, { slug: 'older' }, '/stories/older/'],
  [ROUTES.briefing, { slug: 'older' }, '/stories/older/briefing/'],
  [ROUTES.quote, { slug: 'older', quote: 'stand-firm' }, '/stories/older/quotes/stand-firm/'],
  [ROUTES.source, { slug: 'older', source: 'article' }, '/stories/older/sources/article/'],
  [ROUTES.actor, { actor: 'sam-khan-2' }, '/actors/sam-khan-2/'],
  [ROUTES.author, { author: 'ann-lee' }, '/authors/ann-lee/'],
  [ROUTES.search, {}, '/search/'],
  [ROUTES.about, {}, '/about/'],
  [ROUTES.standards, {}, '/standards/'],
  [ROUTES.corrections, {}, '/corrections/'],
  [ROUTES.contact, {}, '/contact/'],
  [ROUTES.notFound, {}, '/404.html'],
  [ROUTES.gone, { from: 'old/place' }, '/old/place/'],
  [ROUTES.feed, {}, '/feed.xml'],
  [ROUTES.storyFeed, { slug: 'khalilzad-warns-taliban' }, '/stories/khalilzad-warns-taliban/feed.xml'],
  [ROUTES.robots, {}, '/robots.txt'],
  [ROUTES.storiesData, {}, '/data/stories.json'],
  [ROUTES.schema, { kind: 'story' }, '/data/schema/story.json'],
  [ROUTES.storyData, { slug: 'older' }, '/data/stories/older.json'],
  [ROUTES.siteCard, {}, '/card.png'],
  [ROUTES.storyCard, { slug: 'older' }, '/stories/older/card.png'],
  [ROUTES.quoteCard, { slug: 'older', quote: 'stand-firm' }, '/stories/older/quotes/stand-firm.png'],
  [ROUTES.logo, {}, '/logo.png'],
  [ROUTES.favicon, {}, '/favicon-32.png'],
  [ROUTES.touchIcon, {}, '/apple-touch-icon.png'],
  [ROUTES.webManifest, {}, '/manifest.webmanifest'],
  [ROUTES.sitemap, {}, '/sitemap-index.xml'],
  [ROUTES.verifier, {}, '/verify.mjs'],
  [
    FONT_ROUTE,
    { file: 'source-serif-4-400-normal.0ae186a8dd.woff2' },
    '/fonts/source-serif-4-400-normal.0ae186a8dd.woff2',
  ],
];

describe('hrefs and params', () => {
  it('has an example for every route', () => {
    expect(new Set(EXAMPLES.map(([route]) => route))).toEqual(new Set([...SITE_ROUTES, FONT_ROUTE]));
  });

  it.each(EXAMPLES.map(([route, params, url]) => [urlPatternOf(route), route, params, url] as const))(
    '%s: fills its pattern in, and reads the params back from the URL',
    (_, route, params, url) => {
      expect(hrefOf(route, params)).toBe(url);
      expect(paramsOf(route, url)).toEqual(params);
      expect(routeAt(url)).toEqual({ route, params });
    },
  );

  it('reads no params from a path of another shape', () => {
    expect(paramsOf(ROUTES.story, '/stories/older')).toBeUndefined();
    expect(paramsOf(ROUTES.story, 'stories/older/')).toBeUndefined();
    expect(paramsOf(ROUTES.story, '/stories/older/briefing/')).toBeUndefined();
    expect(paramsOf(ROUTES.quoteCard, '/stories/older/quotes/.png')).toBeUndefined();
    expect(paramsOf(ROUTES.quoteCard, '/stories/older/quotes/stand-firm.jpg')).toBeUndefined();
    expect(paramsOf(ROUTES.gone, '/')).toBeUndefined();
    expect(paramsOf(ROUTES.gone, '/a//b/')).toBeUndefined();
    expect(paramsOf(ROUTES.gone, '/a/b.json')).toBeUndefined();
  });

  it('reads a path with a fragment as the page it is on', () => {
    expect(paramsOf(ROUTES.story, '/stories/older/#q-stand-firm')).toEqual({ slug: 'older' });
  });

  it('refuses a param that would change the path’s shape', () => {
    expect(() => hrefOf(ROUTES.story, { slug: '' })).toThrow('/stories/[slug]/');
    expect(() => hrefOf(ROUTES.story, { slug: 'a/b' })).toThrow('"a/b"');
    expect(() => hrefOf(ROUTES.gone, { from: 'a//b' })).toThrow();
  });
});

describe('which route a URL belongs to', () => {
  it('prefers fixed text to a parameter, and a parameter to the rest, as Astro does', () => {
    // The rest parameter of `gone` fits every page path; the page's own route is more specific.
    for (const url of ['/stories/older/quotes/stand-firm/', '/page/3/', '/search/', '/actors/x/']) {
      expect(paramsOf(ROUTES.gone, url)).toBeDefined();
      expect(routeAt(url)?.route).not.toBe(ROUTES.gone);
    }
    expect(routeAt('/stories/older/quotes/stand-firm/')).toEqual({
      route: ROUTES.quote,
      params: { slug: 'older', quote: 'stand-firm' },
    });
    expect(routeAt('/stories/older/unknown/')).toEqual({
      route: ROUTES.gone,
      params: { from: 'stories/older/unknown' },
    });
  });

  it('tells a file from a page by its segments, and knows no file of public/', () => {
    expect(routeAt('/stories/older/quotes/stand-firm.png')?.route).toBe(ROUTES.quoteCard);
    expect(routeAt('/stories/older/card.png')?.route).toBe(ROUTES.storyCard);
    expect(routeAt('/card.png')?.route).toBe(ROUTES.siteCard);
    expect(routeAt('/data/stories.json')?.route).toBe(ROUTES.storiesData);
    expect(routeAt('/favicon.svg')).toBeUndefined();
    expect(routeAt('/stories/older/card.jpg')).toBeUndefined();
  });
});

describe('paths from the corpus', () => {
  it('gives every story, quote, source and actor its pages, and the story list one page per 25 stories', () => {
    const site = corpus();
    expect(liveHrefs(ROUTES.story, site)).toEqual(site.stories.map((story) => `/stories/${story.slug}/`));
    expect(liveHrefs(ROUTES.quote, site)).toHaveLength(site.stories.flatMap((story) => story.quotes).length);
    expect(liveHrefs(ROUTES.actor, site)).toHaveLength(site.actors.size);
    expect(liveHrefs(ROUTES.storyList, site)).toEqual([]);
    expect(liveHrefs(ROUTES.storyList, { stories: Array.from({ length: 51 }) })).toEqual(['/page/2/', '/page/3/']);
    expect(liveHrefs(ROUTES.schema, site)).toEqual(['/data/schema/story.json', '/data/schema/stories.json']);
  });

  it('keeps a withdrawn quote’s addresses: its card among the quotes’ cards, its page among the gone pages', () => {
    const gonePage = '/stories/older/quotes/gone-quote/';
    expect(liveHrefs(ROUTES.quote, withdrawn)).not.toContain(gonePage);
    expect(liveHrefs(ROUTES.gone, withdrawn)).toEqual([gonePage]);
    // Its shape is a quote page's: by the patterns alone, the quote's route ranks first.
    expect(routeAt(gonePage)?.route).toBe(ROUTES.quote);
    expect(liveHrefs(ROUTES.quoteCard, withdrawn)).toContain('/stories/older/quotes/gone-quote.png');
    const [path] = pathsOf(ROUTES.gone, withdrawn);
    expect(path?.params).toEqual({ from: 'stories/older/quotes/gone-quote' });
    expect(path?.props.withdrawn?.id).toBe('gone-quote');
  });

  it('serves a redirected page as a redirect page, and a redirected data file with its target’s data', () => {
    const site = {
      ...corpus(),
      redirects: [
        redirect('/stories/old-slug/', '/stories/older/#q-stand-firm'),
        redirect('/data/stories/old-slug.json', '/data/stories/older.json'),
        redirect('/old-card.png', '/card.png'),
      ],
    };
    const gone = pathsOf(ROUTES.gone, site);
    expect(gone.map(({ params, redirect }) => [params, redirect?.from])).toEqual([
      [{ from: 'stories/old-slug' }, '/stories/old-slug/'],
    ]);
    const data = pathsOf(ROUTES.storyData, site).filter((path) => path.redirect !== undefined);
    expect(data.map(({ params, props }) => [params, props])).toEqual([[{ slug: 'old-slug' }, { story: 'older' }]]);
    // Served again, but not pages or files of their own: a redirect from them would be refused.
    expect(liveHrefs(ROUTES.gone, site)).toEqual([]);
    expect(liveHrefs(ROUTES.storyData, site)).not.toContain('/data/stories/old-slug.json');
  });
});

describe('the table and the site', () => {
  const pageFiles = readdirSync('src/pages', { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => ['.astro', '.ts', '.mdx'].some((extension) => file.endsWith(extension)));
  const routes = [...SITE_ROUTES, FONT_ROUTE];

  it('names every page file of src/pages once, at the pattern Astro reads from its path', () => {
    const named = routes.filter((route) => route.file.startsWith('pages/'));
    expect(named.map((route) => route.file.slice('pages/'.length)).sort()).toEqual([...pageFiles].sort());
    for (const route of named) {
      const withoutExtension = route.file.slice('pages/'.length, route.file.lastIndexOf('.'));
      const pattern =
        withoutExtension === 'index'
          ? ''
          : withoutExtension.endsWith('/index')
            ? withoutExtension.slice(0, -'/index'.length)
            : withoutExtension;
      expect(route.pattern, route.file).toBe(pattern);
    }
  });

  it('names a module that exists for every route', () => {
    for (const route of routes) expect(existsSync(`src/${route.file}`), route.file).toBe(true);
  });

  it('gives Pagefind the built pages of the routes it indexes, and the search index the stories’ data folder', () => {
    expect(builtPagesGlob([ROUTES.story, ROUTES.quote, ROUTES.actor])).toBe(
      '{stories/*/index.html,stories/*/quotes/*/index.html,actors/*/index.html}',
    );
    expect(() => builtPagesGlob([ROUTES.feed])).toThrow('/feed.xml');
    expect(folderOf(ROUTES.storyData)).toBe('data/stories');
  });
});
