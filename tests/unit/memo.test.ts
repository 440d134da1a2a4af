import { describe, expect, it } from 'vitest';
import { oncePer, oncePerValue } from '../../src/lib/present/memo';

/*
 * What a build works out once (src/lib/present/memo.ts): a value derived from an object is derived
 * once per object however often it is asked for, each object has its own, and a value derived from a
 * string once per distinct string. Not covered: that the kept values go with their objects (a WeakMap's
 * collection cannot be observed from a test without forcing the garbage collector).
 */

/** A derivation that counts its calls, so a test can tell a kept value from one derived again. */
function counted<K, V>(derive: (key: K) => V) {
  const calls: K[] = [];
  return {
    calls,
    derive: (key: K) => {
      calls.push(key);
      return derive(key);
    },
  };
}

describe('oncePer', () => {
  it('derives once per object, and gives every caller the same value', () => {
    const { calls, derive } = counted((story: { slug: string }) => ({ image: `/stories/${story.slug}/card.png` }));
    const imageOf = oncePer(derive);
    const story = { slug: 'older' };
    const first = imageOf(story);
    expect(first).toEqual({ image: '/stories/older/card.png' });
    expect(imageOf(story)).toBe(first);
    expect(imageOf(story)).toBe(first);
    expect(calls).toEqual([story]);
  });

  it('keeps one value per object: an equal object of its own is another key', () => {
    const { calls, derive } = counted((story: { slug: string }) => story.slug.toUpperCase());
    const upper = oncePer(derive);
    const a = { slug: 'older' };
    const b = { slug: 'older' };
    const c = { slug: 'newer' };
    expect([upper(a), upper(b), upper(c), upper(a), upper(c)]).toEqual(['OLDER', 'OLDER', 'NEWER', 'OLDER', 'NEWER']);
    expect(calls).toEqual([a, b, c]);
  });

  it('keeps a value that is undefined too, rather than deriving it again', () => {
    const { calls, derive } = counted<object, undefined>(() => undefined);
    const nothing = oncePer(derive);
    const story = {};
    nothing(story);
    nothing(story);
    expect(calls).toHaveLength(1);
  });
});

describe('oncePerValue', () => {
  it('derives once per distinct string', () => {
    const { calls, derive } = counted((tag: string) => `${tag}!`);
    const loud = oncePerValue(derive);
    expect(['en', 'fr', 'en', 'en', 'fr'].map(loud)).toEqual(['en!', 'fr!', 'en!', 'en!', 'fr!']);
    expect(calls).toEqual(['en', 'fr']);
  });

  it('keeps one value per derivation: two memos of the same function do not share', () => {
    const { calls, derive } = counted((n: number) => n * 2);
    const [one, two] = [oncePerValue(derive), oncePerValue(derive)];
    expect([one(2), two(2), one(2)]).toEqual([4, 4, 4]);
    expect(calls).toEqual([2, 2]);
  });
});
