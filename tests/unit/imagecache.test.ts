import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeTally,
  fillCache,
  imageCacheDir,
  newTally,
  pruneCache,
  renderOrReuse,
  writeImageFiles,
  type DrawMany,
  type ImageTally,
} from '../../src/lib/outputs/imagecache';

/*
 * The image cache that makes a second build draw nothing, filled all at once before the pages ask,
 * and pruned of images no page uses: a stand-in renderer counts its calls. Not covered here: real
 * drawing (tests/unit/sharecard.test.ts, in the pool: tests/unit/cardpool.test.ts), the build's log
 * line (tests/e2e/rebuild.spec.ts) and that the build prunes only at its end (src/integrations/shareCards.ts).
 */

let dir: string;
let tally: ImageTally;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'image-cache-'));
  tally = newTally();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const counting = () => {
  const calls: string[] = [];
  const render = (name: string) => () => {
    calls.push(name);
    return Promise.resolve(new TextEncoder().encode(name));
  };
  return { calls, render };
};

describe('renderOrReuse', () => {
  it('renders every image on a cold cache and none on a second pass over the same keys', async () => {
    const { calls, render } = counting();
    const keys = ['a1', 'b2', 'c3'];
    const cold = await Promise.all(keys.map((key) => renderOrReuse(dir, key, render(key), tally)));
    expect(tally).toMatchObject({ rendered: 3, reused: 0 });
    tally = newTally();
    const warm = await Promise.all(keys.map((key) => renderOrReuse(dir, key, render(`${key} again`), tally)));
    expect(tally).toMatchObject({ rendered: 0, reused: 3 });
    // Renders run concurrently and finish in any order: each key once is what matters.
    expect([...calls].sort()).toEqual(keys);
    expect(warm.map((w) => new TextDecoder().decode(w.image))).toEqual(
      cold.map((c) => new TextDecoder().decode(c.image)),
    );
  });

  it('renders only the image whose key changed', async () => {
    const { calls, render } = counting();
    await renderOrReuse(dir, 'a1', render('a1'), tally);
    await renderOrReuse(dir, 'b2', render('b2'), tally);
    tally = newTally();
    await renderOrReuse(dir, 'a1', render('a1'), tally);
    await renderOrReuse(dir, 'b3', render('b3'), tally);
    expect(calls).toEqual(['a1', 'b2', 'b3']);
    expect(tally).toMatchObject({ rendered: 1, reused: 1 });
  });

  it('leaves no partial file behind, and creates the folder it needs', async () => {
    const nested = join(dir, 'deeper', 'still');
    await renderOrReuse(nested, 'k', counting().render('k'), tally);
    expect(await readdir(nested)).toEqual(['k.png']);
  });

  it('does not swallow a failed render', async () => {
    await expect(renderOrReuse(dir, 'bad', () => Promise.reject(new Error('font missing')))).rejects.toThrow(
      'font missing',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports read errors other than a missing file', async () => {
    await writeFile(join(dir, 'notadir'), '');
    await expect(renderOrReuse(join(dir, 'notadir'), 'k', counting().render('k'), tally)).rejects.toThrow();
  });
});

/** A stand-in for the card pool: draws each job as its own name, on "2 threads", and records the jobs. */
const pool = () => {
  const jobs: string[] = [];
  const drawMany: DrawMany<string> = async (missing, drawn) => {
    jobs.push(...missing);
    for (const job of missing) await drawn(job, new TextEncoder().encode(`drawn ${job}`));
    return 2;
  };
  return { jobs, drawMany };
};
const plan = (...keys: string[]) => keys.map((key) => ({ key, job: key }));

describe('fillCache', () => {
  it('draws only the planned images the cache lacks, once each, and counts the others reused', async () => {
    await writeFile(join(dir, 'old.png'), 'cached');
    const { jobs, drawMany } = pool();
    await fillCache(dir, plan('old', 'new1', 'new2', 'new1'), drawMany, tally);
    expect(jobs).toEqual(['new1', 'new2']);
    expect(tally).toMatchObject({ rendered: 2, reused: 1, pool: { threads: 2 } });
    const { calls, render } = counting();
    expect(new TextDecoder().decode((await renderOrReuse(dir, 'new2', render('x'), tally)).image)).toBe('drawn new2');
    expect(calls).toEqual([]);
  });

  it('starts no pool when every image is cached', async () => {
    await writeFile(join(dir, 'a.png'), 'cached');
    const { jobs, drawMany } = pool();
    await fillCache(dir, plan('a'), drawMany, tally);
    expect(jobs).toEqual([]);
    expect(tally.pool).toBeUndefined();
  });
});

describe('writeImageFiles', () => {
  it('copies each cached image to its path in the site, making its folders', async () => {
    await writeFile(join(dir, 'k1.png'), 'one');
    await writeFile(join(dir, 'k2.png'), 'two');
    const out = join(dir, 'dist');
    await writeImageFiles(
      dir,
      [
        { path: '/stories/a/quotes/q.png', key: 'k1' },
        { path: '/card.png', key: 'k2' },
        { path: '/stories/old/quotes/q.png', key: 'k1' },
      ],
      out,
    );
    expect(await readFile(join(out, 'stories/a/quotes/q.png'), 'utf8')).toBe('one');
    expect(await readFile(join(out, 'stories/old/quotes/q.png'), 'utf8')).toBe('one');
    expect(await readFile(join(out, 'card.png'), 'utf8')).toBe('two');
  });

  it('refuses a path that leaves the site', async () => {
    await expect(writeImageFiles(dir, [{ path: '/../escape.png', key: 'k' }], join(dir, 'dist'))).rejects.toThrow(
      /leaves the site: \/\.\.\/escape\.png/,
    );
  });
});

describe('pruneCache', () => {
  it('deletes the images no page used and partial writes, and keeps the used ones and any folder', async () => {
    for (const name of ['used.png', 'gone.png', 'used.png.123.partial', 'notes.txt'])
      await writeFile(join(dir, name), '');
    await mkdir(join(dir, 'nested'));
    expect(await pruneCache(dir, new Set(['used']))).toBe(3);
    expect((await readdir(dir)).sort()).toEqual(['nested', 'used.png']);
  });

  it('keeps everything a build asked for, drawn or reused', async () => {
    await writeFile(join(dir, 'reused.png'), 'cached');
    await fillCache(dir, plan('reused', 'fresh'), pool().drawMany, tally);
    await renderOrReuse(dir, 'asked', counting().render('asked'), tally);
    await writeFile(join(dir, 'stale.png'), 'old');
    expect(await pruneCache(dir, tally.used)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['asked.png', 'fresh.png', 'reused.png']);
  });

  it('does nothing when there is no cache yet', async () => {
    expect(await pruneCache(join(dir, 'none'), new Set())).toBe(0);
  });
});

describe('imageCacheDir', () => {
  it('gives each content folder a cache of its own, so pruning one never deletes another’s', () => {
    const site = imageCacheDir('content');
    const fixture = imageCacheDir('tests/fixtures/content/minimal');
    expect(new Set([site, fixture, imageCacheDir('tests/fixtures/content/unsafe')]).size).toBe(3);
    expect(site.endsWith('.cache/share-cards')).toBe(true);
    expect(imageCacheDir('tests/fixtures/content/minimal')).toBe(fixture);
    expect(imageCacheDir('content', '/tmp/cards')).toBe('/tmp/cards');
  });
});

describe('describeTally', () => {
  const reported = { rendered: 0, reused: 10, ms: 12.4, used: new Set<string>() };
  it('prints the counts the build log carries', () => {
    expect(describeTally(reported, '.cache/share-cards')).toBe(
      'share cards: 0 rendered, 10 reused from .cache/share-cards in 12 ms',
    );
  });

  it('adds the pool’s threads and seconds, and how many unused cards it removed', () => {
    expect(describeTally({ ...reported, rendered: 40, pool: { threads: 2, ms: 3456 } }, 'c', 3)).toBe(
      'share cards: 40 rendered, 10 reused from c in 12 ms; 40 drawn on 2 threads in 3.46 s; 3 no page uses removed',
    );
  });
});
