import type { DateValue } from './date.ts';
import type { EventOrderMeta, OrderBoundMeta } from './entities.ts';
import { firstDay, lastDay } from './calendar.ts';
import { compareDated, dateBounds } from './chronology.ts';

/**
 * The timeline's order when some events have no date, only an order the source gives ("before the
 * vote", "after 3 March"): dated events in date order, and each undated event placed just before
 * what it came before (or just after what it came after). Nothing is invented: an undated event gets
 * no date, only a place. An order that comes back round to itself, or that the dates cannot allow
 * (after an event dated later than one it came before), is a problem, never quietly dropped.
 */

/** An event as the order reads it: its id, its date if it has one, and its order if it has none. */
export interface Orderable {
  id: string;
  when: DateValue | undefined;
  order?: EventOrderMeta | undefined;
}

/** A problem with an event's order, for the event's file. */
export interface OrderProblem {
  id: string;
  field: string;
  value: string;
  expected: string;
}

const RELATIONS = ['after', 'before'] as const;
type Relation = (typeof RELATIONS)[number];

/** The first and last day a thing can fall on, as far as its dates and order say. */
interface Window {
  earliest?: string | undefined;
  latest?: string | undefined;
}

/** `"vote"` or `2026-03-03`, as a message names a bound. */
const boundName = (bound: OrderBoundMeta) => (bound.event !== undefined ? `"${bound.event}"` : bound.date!);

/** The events in timeline order, with any problem their orders have. */
export function placeByOrder<T extends Orderable>(events: readonly T[]): { events: T[]; problems: OrderProblem[] } {
  const problems: OrderProblem[] = [];
  const byId = new Map(events.map((event) => [event.id, event]));
  const undated = events.filter((event) => event.when === undefined).toSorted((a, b) => a.id.localeCompare(b.id));

  // The bounds that name a known event other than this one; the others are problems.
  const bounds = new Map<string, Partial<Record<Relation, OrderBoundMeta>>>();
  for (const event of undated) {
    const usable: Partial<Record<Relation, OrderBoundMeta>> = {};
    for (const relation of RELATIONS) {
      const bound = event.order?.[relation];
      if (bound === undefined) continue;
      if (bound.event !== undefined && (bound.event === event.id || !byId.has(bound.event))) {
        problems.push({
          id: event.id,
          field: `order.${relation}.event`,
          value: bound.event,
          expected: `the id of another event of this story (known: ${[...byId.keys()]
            .filter((id) => id !== event.id)
            .sort()
            .join(', ')})`,
        });
        continue;
      }
      usable[relation] = bound;
    }
    bounds.set(event.id, usable);
  }

  // An order that comes back round to itself cannot be placed: the loop's first link is dropped.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]) => {
    state.set(id, 'visiting');
    for (const relation of RELATIONS) {
      const next = bounds.get(id)?.[relation]?.event;
      if (next === undefined || !bounds.has(next) || state.get(next) === 'done') continue;
      if (state.get(next) === 'visiting') {
        const loop = [...path.slice(path.indexOf(next)), id, next];
        problems.push({
          id,
          field: `order.${relation}.event`,
          value: next,
          expected: `an order that does not come back round to itself: ${loop.map((step) => `"${step}"`).join(' → ')}`,
        });
        bounds.set(id, { ...bounds.get(id), [relation]: undefined });
        continue;
      }
      visit(next, [...path, id]);
    }
    state.set(id, 'done');
  };
  for (const event of undated) if (!state.has(event.id)) visit(event.id, []);

  // What the dates allow each undated event, through the events it is placed against.
  const windows = new Map<string, Window>();
  const windowOf = (id: string): Window => {
    const event = byId.get(id)!;
    if (event.when !== undefined) return dateBounds(event.when);
    const known = windows.get(id);
    if (known) return known;
    const { after, before } = bounds.get(id) ?? {};
    const window: Window = {
      earliest: after && (after.date !== undefined ? firstDay(after.date) : windowOf(after.event!).earliest),
      latest: before && (before.date !== undefined ? lastDay(before.date) : windowOf(before.event!).latest),
    };
    windows.set(id, window);
    return window;
  };
  for (const event of undated) {
    const { earliest, latest } = windowOf(event.id);
    const { after, before } = bounds.get(event.id)!;
    if (earliest !== undefined && latest !== undefined && latest < earliest && after && before) {
      problems.push({
        id: event.id,
        field: `order.before.${before.event !== undefined ? 'event' : 'date'}`,
        value: before.event ?? before.date!,
        expected: `an order the dates allow: coming after ${boundName(after)} puts it on ${earliest} or later, and coming before ${boundName(before)} on ${latest} or earlier`,
      });
    }
  }

  // Dated events in date order, then each undated one placed once what it is placed against is.
  const placed: T[] = events
    .filter((event) => event.when !== undefined)
    .toSorted((a, b) => compareDated({ id: a.id, date: a.when! }, { id: b.id, date: b.when! }));
  const afterOf = new Map<string, string>();
  const firstDatedFrom = (test: (earliest: string) => boolean) => {
    const i = placed.findIndex((event) => event.when !== undefined && test(dateBounds(event.when).earliest));
    return i === -1 ? placed.length : i;
  };
  const place = (event: T) => {
    if (placed.includes(event)) return;
    const { after, before } = bounds.get(event.id)!;
    for (const bound of [after, before]) {
      const anchor = bound?.event === undefined ? undefined : byId.get(bound.event);
      if (anchor && !placed.includes(anchor)) place(anchor);
    }
    const indexOf = (id: string) => placed.findIndex((other) => other.id === id);
    let at: number;
    if (before !== undefined) {
      at = before.event !== undefined ? indexOf(before.event) : firstDatedFrom((day) => day >= firstDay(before.date!));
    } else if (after?.event !== undefined) {
      at = indexOf(after.event) + 1;
      while (at < placed.length && afterOf.get(placed[at]!.id) === after.event) at++;
      afterOf.set(event.id, after.event);
    } else if (after?.date !== undefined) {
      at = firstDatedFrom((day) => day > lastDay(after.date!));
    } else {
      // Only bounds that were problems: placed last, the problem already told.
      at = placed.length;
    }
    // Dated bounds the wrong way round are told once, by the dates above.
    const toldByDates = problems.some((problem) => problem.id === event.id);
    if (!toldByDates && before?.event !== undefined && after?.event !== undefined && indexOf(after.event) >= at) {
      problems.push({
        id: event.id,
        field: 'order.after.event',
        value: after.event,
        expected: `an order the timeline can hold: "${after.event}" comes after "${before.event}", so nothing is after the one and before the other`,
      });
    }
    placed.splice(at, 0, event);
  };
  for (const event of undated) place(event);
  return { events: placed, problems };
}
