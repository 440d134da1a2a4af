import type { ActorRecord } from '../model/corpus.ts';

/**
 * A name as a reader sees it, for telling names apart: Unicode's compatibility form (an accent typed
 * as a letter and a combining mark is the accented letter; a full-width or ligature letter is the
 * letter), every run of white space one space, and case ignored. "Ann  Example", "Ann Example" with
 * its letters decomposed, and "ANN EXAMPLE" are one name on a page.
 */
export const nameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();

/**
 * Actors that share a display name must say what tells them apart, or a page would show two people
 * as one. Returns the groups that do not.
 */
export function ambiguousNames(actors: readonly ActorRecord[]): ActorRecord[][] {
  const byName = Map.groupBy(actors, (actor) => nameKey(actor.name));
  return [...byName.values()].filter(
    (group) =>
      group.length > 1 &&
      (group.some((a) => a.disambiguation === undefined) ||
        new Set(group.map((a) => nameKey(a.disambiguation!))).size < group.length),
  );
}
