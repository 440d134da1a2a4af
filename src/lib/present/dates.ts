import type { DateValue } from '../model/date';
import { daysBetween } from '../model/calendar';
import { dateBounds, datePrecision } from '../model/chronology';

/**
 * Date values as readers see them and machines read them. A date is shown at the precision the
 * source supports and never more: "late April 2021" is `datetime="2021-04"`, never an invented day.
 */

const MONTHS = [
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

function parts(value: string): { year: string; month?: string; day?: number } {
  const [year, m, d] = value.split('-');
  return {
    year: year!,
    ...(m === undefined ? {} : { month: MONTHS[Number(m) - 1] }),
    ...(d === undefined ? {} : { day: Number(d) }),
  };
}

/** A calendar value in words: "7 May 2021", "April 2021", "2021"; `withYear: false` drops the year. */
function calendarInWords(value: string, withYear = true): string {
  const { year, month, day } = parts(value);
  const words = [day, month, withYear ? year : undefined].filter((w) => w !== undefined);
  return words.length > 0 ? words.join(' ') : year;
}

/** A range's two ends in words; the start drops its year when both ends fall in the same year. */
export function rangeEndsInWords(date: DateValue): [string, string] {
  // A range: the schema requires both bounds when `on` is absent.
  const earliest = date.earliest!;
  const latest = date.latest!;
  const sameYear = earliest.length > 4 && earliest.slice(0, 4) === latest.slice(0, 4);
  return [calendarInWords(earliest, !sameYear), calendarInWords(latest)];
}

/** The date as a reader would say it: "7 May 2021", "late April 2021", "between 26 April and 2 May 2021". */
export function formatDate(date: DateValue): string {
  if (date.on === undefined) {
    const [from, to] = rangeEndsInWords(date);
    return `between ${from} and ${to}`;
  }
  const words = calendarInWords(date.on);
  return date.part === undefined ? words : `${date.part} ${words}`;
}

/**
 * Machine-readable values for `<time datetime>`: one for a single date, two (start and end) for a
 * range, each at the precision given.
 */
export function datetimeValues(date: DateValue): [string] | [string, string] {
  return date.on !== undefined ? [date.on] : [date.earliest!, date.latest!];
}

/** Whether the source's words say something the formatted date does not ("late on Friday", "last week"). */
export function statedDiffers(date: DateValue): boolean {
  if (date.statedAs === undefined) return false;
  const normalise = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return normalise(date.statedAs) !== normalise(formatDate(date));
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));
}

/**
 * The time between two dated things, at no more precision than both dates carry: "the same day",
 * "3 days later", "14 months later", "5 to 11 days later", "around the same time".
 */
export function describeGap(previous: DateValue, next: DateValue): string {
  const a = dateBounds(previous);
  const b = dateBounds(next);
  const pa = datePrecision(previous);
  const pb = datePrecision(next);
  if (pa === 'year' || pb === 'year') {
    const years = Number(b.earliest.slice(0, 4)) - Number(a.earliest.slice(0, 4));
    return years <= 0 ? 'the same year' : `${plural(years, 'year')} later`;
  }
  if (pa === 'day' && pb === 'day') {
    const days = daysBetween(a.earliest, b.earliest);
    if (days === 0) return 'the same day';
    if (days === 1) return 'the next day';
    if (days < 14) return `${plural(days, 'day')} later`;
    if (days < 60) return `${days % 7 === 0 ? '' : 'about '}${plural(Math.round(days / 7), 'week')} later`;
  }
  const fewest = daysBetween(a.latest, b.earliest);
  const most = daysBetween(a.earliest, b.latest);
  if (fewest <= 0) return 'around the same time';
  if (most < 60) return fewest === most ? `${plural(fewest, 'day')} later` : `${fewest} to ${most} days later`;
  const months = monthIndex(b.earliest) - monthIndex(a.earliest);
  return months >= 24 && months % 12 === 0
    ? `${plural(months / 12, 'year')} later`
    : `${plural(months, 'month')} later`;
}
