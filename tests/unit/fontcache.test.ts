import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedCodePoints } from '../../src/lib/outputs/fontcache';

/*
 * The font cache's character maps: read once per font file, then from the cache by the file's hash.
 * A stand-in reader counts its calls. Not covered here: reading a real font's map
 * (tests/unit/fonts.test.ts, tests/unit/cardtext.test.ts).
 */

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'font-cache-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const counting = (points: number[]) => {
  const calls = { count: 0 };
  const read = () => {
    calls.count++;
    return Promise.resolve(points);
  };
  return { calls, read };
};

describe('cachedCodePoints', () => {
  it('reads a font’s characters once, then from the cache, and again when the file changes', async () => {
    const { calls, read } = counting([0x41, 0x42]);
    const font = new Uint8Array([1, 2, 3]);
    expect(await cachedCodePoints('serif', font, read, dir)).toEqual(new Set([0x41, 0x42]));
    expect(await cachedCodePoints('serif', font, read, dir)).toEqual(new Set([0x41, 0x42]));
    expect(calls.count).toBe(1);
    await cachedCodePoints('serif', new Uint8Array([1, 2, 4]), read, dir);
    expect(calls.count).toBe(2);
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('reads the font again when the cached map is not a list of code points', async () => {
    const { calls, read } = counting([0x41]);
    const font = new Uint8Array([9]);
    await cachedCodePoints('sans', font, read, dir);
    const [file] = await readdir(dir);
    await writeFile(join(dir, file!), '[65, "B"');
    expect(await cachedCodePoints('sans', font, read, dir)).toEqual(new Set([0x41]));
    expect(calls.count).toBe(2);
  });
});
