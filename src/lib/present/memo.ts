/**
 * What a build works out once and every page reads again. The pages of a story share one story
 * object, and each source and actor is one object too (src/loader/corpus.ts links them once a build),
 * so what a page derives from such an object alone is the same on every page that asks: a story's
 * preview image is asked for by the story, its briefing and each of its sources.
 */

/** Where derived values are kept: a WeakMap for objects, a Map for strings and numbers. */
interface Kept<K, V> {
  has(key: K): boolean;
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

const derivedOnce =
  <K, V>(kept: Kept<K, V>, derive: (key: K) => V) =>
  (key: K): V => {
    if (kept.has(key)) return kept.get(key) as V;
    const value = derive(key);
    kept.set(key, value);
    return value;
  };

/**
 * `derive`, worked out once per object and kept while the object lives: a dev server's next corpus
 * brings new objects, and the values derived from the old ones go with them.
 */
export const oncePer = <K extends object, V>(derive: (key: K) => V): ((key: K) => V) =>
  derivedOnce(new WeakMap<K, V>(), derive);

/**
 * `derive`, worked out once per distinct string or number (a language tag) and kept for good: only
 * for values a build has few of, never one per page.
 */
export const oncePerValue = <K extends string | number, V>(derive: (key: K) => V): ((key: K) => V) =>
  derivedOnce(new Map<K, V>(), derive);
