/**
 * Calendar values as editors write them: a year `2021`, a month `2021-04` or a day `2021-05-07`.
 * Days are compared as `YYYY-MM-DD` strings, which sort in calendar order.
 */

const DAY_MS = 86_400_000;
const CALENDAR = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in a month, leap years included. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether `value` is a real calendar year, month or day written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function isCalendarValue(value: string): boolean {
  const match = CALENDAR.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  if (m === undefined) return true;
  const month = Number(m);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  return day >= 1 && day <= daysInMonth(Number(y), month);
}

/** The precision a calendar value is written at. */
export type CalendarPrecision = 'year' | 'month' | 'day';

export function calendarPrecision(value: string): CalendarPrecision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

/** The first day a calendar value covers: `2021-04` starts on `2021-04-01`. */
export function firstDay(value: string): string {
  const [y, m = '01', d = '01'] = value.split('-');
  return `${y}-${m}-${d}`;
}

/** The last day a calendar value covers: `2021-02` ends on `2021-02-28`. */
export function lastDay(value: string): string {
  const [y, m, d] = value.split('-');
  if (m === undefined) return `${y}-12-31`;
  if (d === undefined) return `${y}-${m}-${String(daysInMonth(Number(y), Number(m))).padStart(2, '0')}`;
  return value;
}

/** Whole days from one `YYYY-MM-DD` day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Month names in the site's language, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Weekday names in the site's language, Sunday first, as `Date.getUTCDay` counts. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** A `YYYY-MM-DD` day as a UTC date at noon, clear of any daylight-saving edge. */
export const dayAsDate = (day: string): Date => new Date(`${day}T12:00:00Z`);

/** The day `n` days after `day` (before it when `n` is negative), as `YYYY-MM-DD`. */
export function addDays(day: string, n: number): string {
  return new Date(dayAsDate(day).getTime() + n * DAY_MS).toISOString().slice(0, 10);
}

/** The day of the week of a `YYYY-MM-DD` day, Sunday 0 to Saturday 6. */
export const weekdayOf = (day: string): number => dayAsDate(day).getUTCDay();

/** The environment variable that sets the day a build or a command takes as today. */
export const TODAY_VARIABLE = 'SITE_TODAY';

/**
 * The day a build or a command runs, as `YYYY-MM-DD` in UTC. Time is an input: `SITE_TODAY` sets it
 * (tests, a rebuild of an earlier day); only without it is the clock read, by the caller's `now`.
 */
export function todayOf(env: Readonly<Record<string, string | undefined>>, now: () => Date): string {
  const set = env[TODAY_VARIABLE];
  if (set === undefined || set === '') return now().toISOString().slice(0, 10);
  if (set.length !== 10 || !isCalendarValue(set))
    throw new Error(`${TODAY_VARIABLE} is "${set}": expected a day written YYYY-MM-DD, for example 2021-05-07`);
  return set;
}

/**
 * What a content problem expects of a date after the build's day: a correction, an update or a quote
 * still to come cannot have been published, and a page that says so would be wrong until that day.
 */
export const notAfterToday = (today: string): string =>
  `a day on or before today, ${today} (the day of the build; ${TODAY_VARIABLE}=YYYY-MM-DD sets another): nothing published or said can be dated after it`;
