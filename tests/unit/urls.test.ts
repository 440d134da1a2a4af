import { describe, expect, it } from 'vitest';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import {
  absoluteUrl,
  actorPath,
  inStoryPath,
  quoteImagePath,
  quoteInSourcePath,
  quoteInStoryPath,
  quotePath,
  shortenUrl,
  sourcePath,
  storySlugOf,
} from '../../src/lib/present/urls';
import { corpusFiles, quoteEntry, TODAY } from './fixtures/corpus';

/*
 * Permanent URLs and the stable ids behind them, and printed addresses. Not covered here: that the
 * built site serves each URL (tests/e2e/quotes.spec.ts), that a published URL never disappears (the
 * URL manifest's check), or which printed links carry an address (tests/e2e/print.spec.ts).
 */

const quotesOf = (files = corpusFiles()) => assembleCorpus(files, TODAY).stories.flatMap((s) => s.quotes);

describe('paths', () => {
  const quote = quotesOf().find((q) => q.id === 'stand-firm')!;

  it('builds every path from the story slug and file names', () => {
    expect(quotePath(quote)).toBe('/stories/older/quotes/stand-firm/');
    expect(quoteImagePath(quote)).toBe('/stories/older/quotes/stand-firm.png');
    expect(quoteInStoryPath(quote)).toBe('/stories/older/#q-stand-firm');
    expect(inStoryPath('older', 'e-tweet')).toBe('/stories/older/#e-tweet');
    expect(quoteInSourcePath(quote)).toBe('/stories/older/sources/article/#q-stand-firm');
    expect(sourcePath('older', 'article')).toBe('/stories/older/sources/article/');
    expect(actorPath('sam-khan-2')).toBe('/actors/sam-khan-2/');
  });

  it('tells the story a path belongs to, and none for any other path', () => {
    expect(storySlugOf('/stories/older/')).toBe('older');
    expect(storySlugOf('/stories/older/quotes/stand-firm/')).toBe('older');
    expect(storySlugOf('/stories/')).toBeUndefined();
    expect(storySlugOf('/actors/older/')).toBeUndefined();
    expect(storySlugOf('/')).toBeUndefined();
  });

  it('links a paraphrase into its source only where its sentence is recorded', () => {
    const paraphrase = quotesOf().find((q) => q.id === 'talks-failed')!;
    expect(quoteInSourcePath(paraphrase)).toBe('/stories/older/sources/article/#q-talks-failed');
    expect(quoteInSourcePath({ ...paraphrase, passage: undefined })).toBeUndefined();
  });
});

describe('stable ids', () => {
  it('keeps a quote’s URL when its words change or the files come in another order', () => {
    const files = corpusFiles();
    const before = quotesOf(files).map(quotePath).sort();
    const edited = corpusFiles();
    edited.sources = edited.sources.map((s) =>
      s.id === 'older/article' ? { ...s, body: `${s.body}\nWe will stand firm and wait.` } : s,
    );
    edited.quotes = [...edited.quotes]
      .reverse()
      .map((q) => (q.id === 'older/stand-firm' ? quoteEntry('older', 'stand-firm', 'We will stand firm and wait') : q));
    const after = quotesOf(edited);
    expect(after.map(quotePath).sort()).toEqual(before);
    expect(after.find((q) => q.id === 'stand-firm')!.words).toBe('We will stand firm and wait');
  });
});

describe('absoluteUrl', () => {
  it('resolves a site path against the configured site', () => {
    expect(absoluteUrl('/stories/a/', 'https://news.example.org')).toBe('https://news.example.org/stories/a/');
    expect(absoluteUrl('/stories/a/', new URL('https://news.example.org/'))).toBe(
      'https://news.example.org/stories/a/',
    );
  });

  it('refuses to guess when the site is not configured', () => {
    expect(() => absoluteUrl('/stories/a/', undefined)).toThrow(/no `site`/);
  });
});

describe('shortenUrl', () => {
  it('drops the scheme and www but keeps the path as typed', () => {
    expect(shortenUrl('https://www.example.org/stories/a/')).toBe('example.org/stories/a/');
    expect(shortenUrl('http://example.org/')).toBe('example.org');
    expect(shortenUrl('https://example.org/news?id=42')).toBe('example.org/news?id=42');
  });

  it('leaves an address alone when it fits', () => {
    const url = 'https://explainers.example.org/stories/khalilzad-warns-taliban/';
    expect(shortenUrl(url, 64)).toBe('explainers.example.org/stories/khalilzad-warns-taliban/');
  });

  it('keeps the host, the first and the last segment of a long path', () => {
    const url = 'https://www.example.org/world/asia/2021/05/08/khalilzad-warns-taliban/';
    expect(shortenUrl(url, 48)).toBe('example.org/world/…/khalilzad-warns-taliban/');
  });

  it('drops the first segment too when that is what it takes', () => {
    const url = 'https://www.example.org/international-affairs/asia/2021/khalilzad-warns-taliban/';
    expect(shortenUrl(url, 42)).toBe('example.org/…/khalilzad-warns-taliban/');
  });

  it('cuts the end of a last segment that alone is too long, never the host', () => {
    const url = 'https://example.org/a/b/an-extremely-long-slug-that-goes-on-and-on-and-on';
    const short = shortenUrl(url, 40);
    expect(short.length).toBeLessThanOrEqual(40);
    expect(short).toMatch(/^example\.org\/…\/an-extremely-long-slug.*…$/);
  });

  it('never returns more than the limit', () => {
    for (const url of [
      'https://example.org/x/y/z/a-very-long-final-segment-indeed/',
      'https://sub.domain.example.org/path/with/many/segments/and?query=string&more=1',
    ]) {
      for (const max of [30, 40, 50]) expect(shortenUrl(url, max).length).toBeLessThanOrEqual(max);
    }
  });
});
