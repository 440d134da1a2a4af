import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import {
  actorSchema,
  claimSchema,
  eventSchema,
  quoteSchema,
  sourceSchema,
  storySchema,
} from '../../src/lib/model/entities';
import { datePrecision } from '../../src/lib/model/chronology';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import type { CorpusFiles, Entry } from '../../src/lib/model/corpus';
import { baselineTexts, generateCorpus, poolSize, type Files } from '../bench/corpus';
import { TODAY } from './fixtures/corpus';

/*
 * The benchmark's synthetic corpus is real content: every file passes its schema and the corpus
 * assembles (references resolve, quotes verify) with the sizes the benchmark promises. Not covered
 * here: that Astro builds it (the benchmark itself does, and fails loudly if not).
 */

function entries<S extends z.ZodType>(
  files: Files,
  pattern: RegExp,
  schema: S,
  id: (path: string) => string,
): Entry<z.output<S>>[] {
  return [...files]
    .filter(([path]) => pattern.test(path))
    .map(([path, text]) => {
      const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
      return { id: id(path), filePath: path, data: schema.parse(parse(frontmatter!)), body };
    });
}

function assemble(files: Files) {
  const scoped = (path: string) => path.replace(/^stories\/([^/]+)\/[^/]+\/([^/]+)\.md$/, '$1/$2');
  const corpus: CorpusFiles = {
    actors: entries(files, /^actors\//, actorSchema, (p) => p.slice(7, -3)),
    authors: [],
    stories: entries(files, /story\.mdx$/, storySchema, (p) => p.split('/')[1]!),
    sources: entries(files, /\/sources\//, sourceSchema, scoped),
    quotes: entries(files, /\/quotes\//, quoteSchema, scoped),
    claims: entries(files, /\/claims\//, claimSchema, scoped),
    events: entries(files, /\/events\//, eventSchema, scoped),
    redirects: [],
  };
  return assembleCorpus(corpus, TODAY);
}

describe('synthetic corpus', () => {
  const files = generateCorpus(12);
  const corpus = assemble(files);

  it('assembles: every reference resolves and every direct or reported quote verifies', () => {
    expect(corpus.stories).toHaveLength(12);
    for (const story of corpus.stories) {
      expect(story.quotes).toHaveLength(4);
      expect(story.claims.map((c) => c.status).sort()).toEqual([
        'confirmed',
        'denied',
        'disputed',
        'reported',
        'unverified',
      ]);
      expect(story.events).toHaveLength(6);
      expect(new Set(story.events.map((e) => datePrecision(e.when!)))).toEqual(
        new Set(['year', 'month', 'day', 'range']),
      );
      expect(story.actors).toHaveLength(4);
      expect(story.quotes.filter((q) => q.span).length).toBe(3);
      const source = story.sources[0]!;
      expect(source.text.length).toBeGreaterThan(2_500);
      expect(source.text.length).toBeLessThan(3_600);
    }
  });

  it('shares actors across stories, more of them as the corpus grows', () => {
    expect(corpus.actors.size).toBe(poolSize(12));
    expect(poolSize(1000)).toBeGreaterThan(poolSize(100));
    expect((4 * 1000) / poolSize(1000)).toBeGreaterThan((4 * 100) / poolSize(100));
  });

  it('is the same every time', () => {
    expect(generateCorpus(12)).toEqual(files);
  });

  it('gives the baseline one Markdown page per page of ours, cycling through the source texts', () => {
    const texts = baselineTexts(files, 30);
    expect(texts.size).toBe(30);
    const bodies = [...texts.values()].map((text) => text.slice(text.indexOf('\n---\n', 4) + 5));
    expect(new Set(bodies).size).toBe(12);
    expect(bodies[0]).toBe(corpus.stories.find((s) => s.slug === 'story-00001')!.sources[0]!.text + '\n');
  });
});
