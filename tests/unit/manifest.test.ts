import { describe, expect, it } from 'vitest';
import {
  compareUrls,
  hijackingRedirects,
  liveUrls,
  missingUrlProblems,
  formatManifest,
  parseManifest,
  publishedUrls,
  siteUrls,
  urlOfFile,
} from '../../src/lib/outputs/manifest';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { corpus, corpusFiles, correctOlder, TODAY } from './fixtures/corpus';

/*
 * Published URLs: from build output to URLs, the manifest's text form, and the comparison the build
 * fails on. Not covered: walking a real dist/ and failing the build (src/integrations/publishedUrls.ts;
 * tests/content/published-urls.test.ts builds).
 */

describe('urlOfFile', () => {
  it('serves a directory index at its folder, other files at their path', () => {
    expect(urlOfFile('index.html')).toBe('/');
    expect(urlOfFile('stories/x/index.html')).toBe('/stories/x/');
    expect(urlOfFile('data/stories/x.json')).toBe('/data/stories/x.json');
    expect(urlOfFile('404.html')).toBe('/404.html');
  });

  it('leaves out hashed build assets, which are renamed whenever they change', () => {
    expect(urlOfFile('_astro/page.B1x2.css')).toBeUndefined();
    expect(urlOfFile('fonts/source-serif-4-400-normal.0ae186a8dd.woff2')).toBeUndefined();
    expect(publishedUrls(['_astro/a.js', 'index.html', 'stories/x/index.html', 'index.html'])).toEqual([
      '/',
      '/stories/x/',
    ]);
  });

  it('leaves out the host’s header rules and the sitemap’s parts, but not the sitemap, feed or robots.txt', () => {
    expect(urlOfFile('_headers')).toBeUndefined();
    expect(urlOfFile('sitemap-0.xml')).toBeUndefined();
    expect(urlOfFile('sitemap-12.xml')).toBeUndefined();
    expect(publishedUrls(['sitemap-index.xml', 'feed.xml', 'robots.txt', 'page/2/index.html'])).toEqual([
      '/feed.xml',
      '/page/2/',
      '/robots.txt',
      '/sitemap-index.xml',
    ]);
  });
});

describe('the manifest', () => {
  it('round-trips, sorted and without duplicates, skipping comments', () => {
    const text = formatManifest(['/stories/b/', '/', '/stories/b/', '/data/stories/b.json']);
    expect(text.startsWith('# ')).toBe(true);
    expect(parseManifest(text)).toEqual(['/', '/data/stories/b.json', '/stories/b/']);
  });

  it('tells missing URLs from new ones', () => {
    expect(compareUrls(['/', '/stories/a/'], ['/', '/stories/b/'])).toEqual({
      missing: ['/stories/a/'],
      unrecorded: ['/stories/b/'],
    });
  });

  it('names every missing URL, with a redirect of the right kind to paste', () => {
    const problems = missingUrlProblems(
      ['/stories/a/quotes/q/', '/stories/a/quotes/q.png', '/data/stories/a.json'],
      new Set(['/', '/stories/a/', '/stories/a/quotes/r/', '/stories/a/quotes/r.png', '/data/stories/b.json']),
      'content/published-urls.txt',
      'content/redirects.yaml',
    );
    expect(problems.map((p) => p.value)).toEqual([
      '/stories/a/quotes/q/',
      '/stories/a/quotes/q.png',
      '/data/stories/a.json',
    ]);
    expect(problems.map((p) => p.expected.match(/to: "([^"]+)"/)?.[1])).toEqual([
      '/stories/a/',
      '/stories/a/quotes/r.png',
      '/data/stories/b.json',
    ]);
    expect(problems[0]!.expected).toContain('content/redirects.yaml');
  });

  it('suggests a file of the same kind: a quote’s card for a quote’s card, a story’s card for a story’s', () => {
    const problems = missingUrlProblems(
      ['/stories/a/quotes/q.png', '/stories/gone/card.png'],
      new Set(['/card.png', '/stories/a/card.png', '/stories/a/quotes/r.png', '/stories/b/card.png']),
      'content/published-urls.txt',
      'content/redirects.yaml',
    );
    expect(problems.map((p) => p.expected.match(/to: "([^"]+)"/)?.[1])).toEqual([
      '/stories/a/quotes/r.png',
      '/stories/a/card.png',
    ]);
  });
});

describe('siteUrls', () => {
  it('lists every page and file a corpus publishes: the site’s card and logo, each story’s card', () => {
    const urls = siteUrls(corpus(), ['/favicon.svg']);
    expect(urls).toEqual(expect.arrayContaining(['/', '/card.png', '/logo.png', '/favicon.svg']));
    expect(urls).toEqual(
      expect.arrayContaining(['/stories/older/', '/stories/older/card.png', '/stories/newer/card.png']),
    );
    expect(urls).toEqual([...urls].sort());
  });
});

describe('siteUrls', () => {
  it('lists every page and file of the content, and what every build publishes besides', () => {
    const urls = siteUrls(corpus(), ['/favicon.svg']);
    for (const url of [
      '/',
      '/404.html',
      '/robots.txt',
      '/feed.xml',
      '/sitemap-index.xml',
      '/data/stories.json',
      '/data/schema/story.json',
      '/data/schema/stories.json',
      '/favicon.svg',
      '/stories/older/',
      '/data/stories/older.json',
    ])
      expect(urls).toContain(url);
    // Two stories fit on the home page: no /page/2/.
    expect(urls.filter((url) => url.startsWith('/page/'))).toEqual([]);
  });
});

describe('addresses that cannot be hijacked', () => {
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

  it('keeps a withdrawn quote’s page and card among the live addresses', () => {
    expect(liveUrls(withdrawn)).toEqual(
      expect.arrayContaining(['/stories/older/quotes/gone-quote/', '/stories/older/quotes/gone-quote.png']),
    );
  });

  it('refuses a redirect from a live page, card or data file, and lets one from a retired address be', () => {
    const live = new Set(liveUrls(withdrawn));
    const redirect = (from: string, to: string) => ({ from, to, reason: 'r', file: 'content/redirects.yaml' });
    const problems = hijackingRedirects(
      {
        redirects: [
          redirect('/stories/older/quotes/stand-firm.png', '/stories/older/quotes/talks-over.png'),
          redirect('/stories/older/quotes/gone-quote/', '/stories/older/'),
          redirect('/data/stories/older.json', '/data/stories/newer.json'),
          redirect('/stories/old-slug/', '/stories/older/'),
        ],
      },
      live,
    );
    expect(problems.map(({ file, value }) => [file, value])).toEqual([
      ['content/redirects.yaml', '/stories/older/quotes/stand-firm.png'],
      ['content/redirects.yaml', '/stories/older/quotes/gone-quote/'],
      ['content/redirects.yaml', '/data/stories/older.json'],
    ]);
    expect(problems[0]!.expected).toContain('an old path the site no longer publishes');
  });
});
