import type { ActorRecord } from '../model/corpus.ts';

/**
 * Actors that share a display name must say what tells them apart, or a page would show two people
 * as one. Returns the pairs that do not.
 */
export function ambiguousNames(actors: readonly ActorRecord[]): ActorRecord[][] {
  const byName = Map.groupBy(actors, (actor) => actor.name.trim().toLowerCase());
  return [...byName.values()].filter(
    (group) =>
      group.length > 1 &&
      (group.some((a) => a.disambiguation === undefined) ||
        new Set(group.map((a) => a.disambiguation!.trim().toLowerCase())).size < group.length),
  );
}
