import { describe, expect, it } from 'vitest';
import { assembleCorpus } from '../../src/lib/story';
import { actorPath, quoteImagePath, quoteInSourcePath, quoteInStoryPath, quotePath, sourcePath } from '../../src/lib/urls';
import { corpusFiles, quoteEntry } from './fixtures/corpus';

/*
 * Permanent URLs and the stable ids behind them. Not covered here: that the built site serves each
 * URL (tests/e2e/quotes.spec.ts) or that a published URL never disappears (the URL manifest's check).
 */

const quotesOf = (files = corpusFiles()) => assembleCorpus(files).stories.flatMap((s) => s.quotes);

describe('paths', () => {
  const quote = quotesOf().find((q) => q.id === 'stand-firm')!;

  it('builds every path from the story slug and file names', () => {
    expect(quotePath(quote)).toBe('/stories/older/quotes/stand-firm/');
    expect(quoteImagePath(quote)).toBe('/stories/older/quotes/stand-firm.png');
    expect(quoteInStoryPath(quote)).toBe('/stories/older/#q-stand-firm');
    expect(quoteInSourcePath(quote)).toBe('/stories/older/sources/article/#q-stand-firm');
    expect(sourcePath('older', 'article')).toBe('/stories/older/sources/article/');
    expect(actorPath('sam-khan-2')).toBe('/actors/sam-khan-2/');
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
    edited.sources = edited.sources.map((s) => (s.id === 'older/article' ? { ...s, body: `${s.body}\nWe will stand firm and wait.` } : s));
    edited.quotes = [...edited.quotes].reverse().map((q) => (q.id === 'older/stand-firm' ? quoteEntry('older', 'stand-firm', 'We will stand firm and wait') : q));
    const after = quotesOf(edited);
    expect(after.map(quotePath).sort()).toEqual(before);
    expect(after.find((q) => q.id === 'stand-firm')!.words).toBe('We will stand firm and wait');
  });
});
