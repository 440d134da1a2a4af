import type { ActorRecord, TimelineEvent } from './corpus.ts';
import type { DateValue } from './date.ts';
import type { Role } from './entities.ts';
import { calendarPrecision, firstDay, lastDay } from './calendar.ts';

/**
 * Where a date value falls in time, and the order of dated things: the model's own arithmetic, used
 * by assembly (timeline order, roles at a date) and by pages alike. How dates read is
 * src/lib/present/dates.ts.
 */

/**
 * How exactly a date is known: a day, a month or a year (`on`); `range` for one day we cannot pin
 * down (`earliest`/`latest`); `span` for a stretch of time, every day of it (`from`/`to`).
 */
export type DatePrecision = 'day' | 'month' | 'year' | 'range' | 'span';

/** Days of the month each part covers; "late" runs to the month's end. */
const PART_DAYS = { early: [1, 10], mid: [11, 20], late: [21, 31] } as const;

export function datePrecision(date: DateValue): DatePrecision {
  if (date.on !== undefined) return calendarPrecision(date.on);
  return date.from !== undefined ? 'span' : 'range';
}

/**
 * The first and last day the date covers, as `YYYY-MM-DD`: for one date, the first and last day it
 * can fall on; for a span, the first day of its start and the last day of its end.
 */
export function dateBounds(date: DateValue): { earliest: string; latest: string } {
  // The schema gives exactly one shape, with both ends of a range or a span.
  if (date.from !== undefined) return { earliest: firstDay(date.from), latest: lastDay(date.to!) };
  if (date.on === undefined) return { earliest: firstDay(date.earliest!), latest: lastDay(date.latest!) };
  if (date.part === undefined) return { earliest: firstDay(date.on), latest: lastDay(date.on) };
  const [from, to] = PART_DAYS[date.part];
  const monthEnd = lastDay(date.on);
  const day = (n: number) => `${date.on}-${String(n).padStart(2, '0')}`;
  return { earliest: day(from), latest: to === 31 ? monthEnd : day(to) };
}

/**
 * Among things that can start on the same day, the more precisely dated first: an exact day; a span,
 * whose start is known; one day somewhere in a range; then a month; then a year.
 */
const PRECISION_ORDER: Record<DatePrecision, number> = { day: 0, span: 1, range: 2, month: 3, year: 4 };

/** Timeline order: earliest bound, then the more precise first, then id, so the order never depends on file order. */
export function compareDated(a: { id: string; date: DateValue }, b: { id: string; date: DateValue }): number {
  const byStart = dateBounds(a.date).earliest.localeCompare(dateBounds(b.date).earliest);
  if (byStart !== 0) return byStart;
  const byPrecision = PRECISION_ORDER[datePrecision(a.date)] - PRECISION_ORDER[datePrecision(b.date)];
  return byPrecision !== 0 ? byPrecision : a.id.localeCompare(b.id);
}

/**
 * Where the timeline places an event: at its date; but an event expected `by` a date, which may come
 * any day until then, at the bound's last day, so it never stands before what had happened by then.
 * For an event the accounts date differently, `when` is the earliest account's date; for one the
 * source gives no date for, none: its place comes from its order (src/lib/model/order.ts).
 */
export function placedAt(event: Pick<TimelineEvent, 'when' | 'expectation'>): DateValue | undefined {
  if (event.when === undefined || event.expectation?.timing !== 'by') return event.when;
  return { on: dateBounds(event.when).latest, provenance: event.when.provenance };
}

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
