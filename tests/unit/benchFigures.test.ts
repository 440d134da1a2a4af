import { describe, expect, it } from 'vitest';
import { imagesRendered, median } from '../bench/figures';

/*
 * The benchmark's figures: medians and the count of share images a build rendered. Not covered here:
 * the timings themselves (the benchmark prints them; no test asserts on time).
 */

describe('benchmark figures', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('reads the number of images rendered from the build log, colour codes and all', () => {
    expect(imagesRendered('[share-cards] \x1b[32m12\x1b[39m images rendered, 3 cached', [], 0)).toBe(12);
    expect(imagesRendered('rendered 0 share cards (40 from cache)', [], 0)).toBe(0);
    expect(
      imagesRendered('[share-card-report] share cards: 0 rendered, 10 reused from .cache/share-cards in 2 ms', [], 0),
    ).toBe(0);
  });

  it('falls back to the PNGs written to the cache during the build, or says nothing', () => {
    expect(imagesRendered('done', [{ mtimeMs: 5 }, { mtimeMs: 20 }, { mtimeMs: 30 }], 10)).toBe(2);
    expect(imagesRendered('done', [{ mtimeMs: 5 }], 10)).toBe(0);
    expect(imagesRendered('done', [], 10)).toBeUndefined();
  });
});
