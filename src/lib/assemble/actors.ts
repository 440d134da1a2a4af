import type { DateValue } from '../model/date';
import type { Role } from '../model/entities';
import { firstDay, lastDay } from '../model/calendar';
import { dateBounds } from '../model/chronology';
import type { ActorRecord } from '../model/corpus';

/**
 * The role an actor held when something was said or done: the role whose dates cover the moment,
 * else the latest undated role (the one the source gives), else none.
 */
export function roleAt(actor: Pick<ActorRecord, 'roles'>, when: DateValue | undefined): Role | undefined {
  if (when !== undefined) {
    const { earliest } = dateBounds(when);
    const covering = actor.roles.find(
      (role) =>
        (role.from !== undefined || role.to !== undefined) &&
        (role.from === undefined || firstDay(role.from) <= earliest) &&
        (role.to === undefined || earliest <= lastDay(role.to)),
    );
    if (covering) return covering;
  }
  return actor.roles.findLast((role) => role.from === undefined && role.to === undefined);
}

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
