import type { DateValue } from './date';
import { calendarPrecision, firstDay, lastDay } from './calendar';

/**
 * Where a date value falls in time, and the order of dated things: the model's own arithmetic, used
 * by assembly (timeline order, roles at a date) and by pages alike. How dates read is
 * src/lib/present/dates.ts.
 */

export type DatePrecision = 'day' | 'month' | 'year' | 'range';

/** Days of the month each part covers; "late" runs to the month's end. */
const PART_DAYS = { early: [1, 10], mid: [11, 20], late: [21, 31] } as const;

export function datePrecision(date: DateValue): DatePrecision {
  return date.on === undefined ? 'range' : calendarPrecision(date.on);
}

/** The first and last day the date can fall on, as `YYYY-MM-DD`. */
export function dateBounds(date: DateValue): { earliest: string; latest: string } {
  if (date.on === undefined) return { earliest: firstDay(date.earliest!), latest: lastDay(date.latest!) };
  if (date.part === undefined) return { earliest: firstDay(date.on), latest: lastDay(date.on) };
  const [from, to] = PART_DAYS[date.part];
  const monthEnd = lastDay(date.on);
  const day = (n: number) => `${date.on}-${String(n).padStart(2, '0')}`;
  return { earliest: day(from), latest: to === 31 ? monthEnd : day(to) };
}

const PRECISION_ORDER: Record<DatePrecision, number> = { day: 0, range: 1, month: 2, year: 3 };

/** Timeline order: earliest bound, then the more precise first, then id, so the order never depends on file order. */
export function compareDated(a: { id: string; date: DateValue }, b: { id: string; date: DateValue }): number {
  const byStart = dateBounds(a.date).earliest.localeCompare(dateBounds(b.date).earliest);
  if (byStart !== 0) return byStart;
  const byPrecision = PRECISION_ORDER[datePrecision(a.date)] - PRECISION_ORDER[datePrecision(b.date)];
  return byPrecision !== 0 ? byPrecision : a.id.localeCompare(b.id);
}
