import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readContent, type ReadCache } from '../../src/lib/content/read';
import { assembleCorpus, newAssemblyMemo, type AssemblyMemo } from '../../src/lib/assemble/corpus';
import { generateCorpus } from '../bench/corpus';
import { TODAY } from './fixtures/corpus';

/*
 * What the dev server reads and assembles again after a save (src/loader/contentLoader.ts): a file
 * not reported changed is taken from the read cache as the same object, a story none of whose
 * entries changed is taken from the assembly memo, and a new, deleted or renamed file is read or
 * forgotten; a folder is listed again only when a change was reported in it. On the benchmark's synthetic corpus, three stories written to a temporary folder. Not
 * covered here: the dev server itself (tests/content/dev-server.test.ts).
 */

let root: string;
let cache: ReadCache;
let listings: Map<string, Dirent[]>;
let memo: AssemblyMemo;
const path = (file: string) => join(root, file);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'incremental-'));
  for (const [file, text] of generateCorpus(3)) {
    mkdirSync(dirname(path(file)), { recursive: true });
    writeFileSync(path(file), text);
  }
  cache = new Map();
  listings = new Map();
  memo = newAssemblyMemo();
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** One read and assembly, as the loader runs them, with the paths the watcher reported. */
function run(...changed: string[]) {
  const read = readContent(root, root, undefined, { cache, changed: new Set(changed.map(path)), listings });
  expect(read.problems).toEqual([]);
  const corpus = assembleCorpus(read.files, TODAY, { memo });
  return { ...read, corpus, assembled: memo.assembled };
}

const story = (corpus: ReturnType<typeof run>['corpus'], slug: string) => corpus.stories.find((s) => s.slug === slug);
const quoteFile = 'stories/story-00002/quotes/direct-warning.md';

describe('reading and assembling again after a save', () => {
  it('reads every file and assembles every story the first time, then nothing unchanged', () => {
    const first = run();
    expect(first.reread).toHaveLength(cache.size);
    expect(first.assembled).toBe(3);
    const again = run();
    expect(again.reread).toEqual([]);
    expect(again.assembled).toBe(0);
    for (const s of first.corpus.stories) expect(story(again.corpus, s.slug)).toBe(s);
  });

  it('reads the changed file again and assembles only its story', () => {
    const first = run();
    writeFileSync(path(quoteFile), readFileSync(path(quoteFile), 'utf8').replace('statement', 'interview'));
    const after = run(quoteFile);
    expect(after.reread).toEqual([quoteFile]);
    expect(after.assembled).toBe(1);
    expect(story(after.corpus, 'story-00002')!.quotes.find((q) => q.id === 'direct-warning')!.medium).toBe('interview');
    expect(story(after.corpus, 'story-00001')).toBe(story(first.corpus, 'story-00001'));
    expect(story(after.corpus, 'story-00003')).toBe(story(first.corpus, 'story-00003'));
  });

  it('reads a new file, and forgets a deleted one', () => {
    run();
    const added = 'stories/story-00003/quotes/copy.md';
    writeFileSync(path(added), readFileSync(path('stories/story-00003/quotes/direct-warning.md')));
    const withNew = run(added);
    expect(withNew.reread).toEqual([added]);
    expect(withNew.assembled).toBe(1);
    expect(story(withNew.corpus, 'story-00003')!.quotes.map((q) => q.id)).toContain('copy');
    rmSync(path(added));
    const without = run(added);
    expect(without.reread).toEqual([]);
    expect(without.assembled).toBe(1);
    expect(story(without.corpus, 'story-00003')!.quotes.map((q) => q.id)).not.toContain('copy');
    expect(cache.has(path(added))).toBe(false);
  });

  it('reads a renamed file under its new name, a story folder renamed as a new story', () => {
    run();
    renameSync(path('stories/story-00001'), path('stories/story-renamed'));
    // As the watcher reports it: the folder gone and the folder added (and each file, left out here).
    const after = run('stories/story-00001', 'stories/story-renamed');
    expect(after.reread.every((file) => file.startsWith('stories/story-renamed/'))).toBe(true);
    expect(after.reread.length).toBeGreaterThan(10);
    expect(after.assembled).toBe(1);
    expect(after.corpus.stories.map((s) => s.slug).sort()).toEqual(['story-00002', 'story-00003', 'story-renamed']);
    expect([...memo.stories.keys()].sort()).toEqual(['story-00002', 'story-00003', 'story-renamed']);
    expect([...cache.keys()].some((file) => relative(root, file).startsWith('stories/story-00001/'))).toBe(false);
  });

  it('lists again only the folders a change was reported in', () => {
    run();
    const added = 'stories/story-00003/quotes/unreported.md';
    writeFileSync(path(added), readFileSync(path('stories/story-00003/quotes/direct-warning.md'), 'utf8'));
    // Not reported, its folder's listing is the one kept: the file is not seen.
    expect(run().reread).toEqual([]);
    expect(run(added).reread).toEqual([added]);
  });

  it('assembles every story again when an actor changes: each depends on them all', () => {
    const first = run();
    const actor = relative(root, cache.keys().next().value!);
    expect(actor).toMatch(/^actors\//);
    writeFileSync(path(actor), readFileSync(path(actor), 'utf8').replace('appears in', 'is in'));
    const after = run(actor);
    expect(after.reread).toEqual([actor]);
    expect(after.assembled).toBe(3);
    expect(story(after.corpus, 'story-00001')).not.toBe(story(first.corpus, 'story-00001'));
  });

  it('keeps a file’s problem while it is unchanged, and drops it once fixed', () => {
    run();
    const original = readFileSync(path(quoteFile), 'utf8');
    writeFileSync(path(quoteFile), original.replace('form: direct', 'form: shouted'));
    const broken = () => readContent(root, root, undefined, { cache, changed: new Set([path(quoteFile)]) });
    expect(broken().problems.map((p) => p.file)).toEqual([quoteFile]);
    // Not reported again: the problem comes from the cache, the file unread.
    const unchanged = readContent(root, root, undefined, { cache, changed: new Set() });
    expect(unchanged.reread).toEqual([]);
    expect(unchanged.problems.map((p) => p.file)).toEqual([quoteFile]);
    writeFileSync(path(quoteFile), original);
    expect(run(quoteFile).assembled).toBe(1);
  });
});
