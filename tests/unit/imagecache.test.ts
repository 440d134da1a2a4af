import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeTally, imageTally, renderOrReuse, resetImageTally } from '../../src/lib/outputs/imagecache';

/*
 * The image cache that makes a second build draw nothing: a stand-in renderer counts its calls.
 * Not covered here: real drawing (tests/unit/sharecard.test.ts) and the build's log line
 * (tests/e2e/quotes.spec.ts).
 */

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'image-cache-'));
  resetImageTally();
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
    const cold = await Promise.all(keys.map((key) => renderOrReuse(dir, key, render(key))));
    expect(imageTally()).toMatchObject({ rendered: 3, reused: 0 });
    resetImageTally();
    const warm = await Promise.all(keys.map((key) => renderOrReuse(dir, key, render(`${key} again`))));
    expect(imageTally()).toMatchObject({ rendered: 0, reused: 3 });
    // Renders run concurrently and finish in any order: each key once is what matters.
    expect([...calls].sort()).toEqual(keys);
    expect(warm.map((w) => new TextDecoder().decode(w.image))).toEqual(
      cold.map((c) => new TextDecoder().decode(c.image)),
    );
  });

  it('renders only the image whose key changed', async () => {
    const { calls, render } = counting();
    await renderOrReuse(dir, 'a1', render('a1'));
    await renderOrReuse(dir, 'b2', render('b2'));
    resetImageTally();
    await renderOrReuse(dir, 'a1', render('a1'));
    await renderOrReuse(dir, 'b3', render('b3'));
    expect(calls).toEqual(['a1', 'b2', 'b3']);
    expect(imageTally()).toMatchObject({ rendered: 1, reused: 1 });
  });

  it('leaves no partial file behind, and creates the folder it needs', async () => {
    const nested = join(dir, 'deeper', 'still');
    await renderOrReuse(nested, 'k', counting().render('k'));
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
    await expect(renderOrReuse(join(dir, 'notadir'), 'k', counting().render('k'))).rejects.toThrow();
  });
});

describe('describeTally', () => {
  it('prints the counts the build log carries', () => {
    expect(describeTally({ rendered: 0, reused: 10, ms: 12.4 }, '.cache/share-cards')).toBe(
      'share cards: 0 rendered, 10 reused from .cache/share-cards in 12 ms',
    );
  });
});
