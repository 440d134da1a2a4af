import type { DatePart, DateValue } from '../model/date.ts';
import { daysBetween, MONTH_NAMES } from '../model/calendar.ts';
import { dateBounds, datePrecision } from '../model/chronology.ts';

/**
 * Date values as readers see them and machines read them. A date is shown at the precision the
 * source supports and never more: "late April 2021" is `datetime="2021-04"`, never an invented day.
 * The three shapes read differently: one date ("7 May 2021"), one day we cannot pin down ("some day
 * between 26 April and 2 May 2021") and a span, every day of it ("24 April to 4 May 2021").
 */

function parts(value: string): { year: string; month?: string; day?: number } {
  const [year, m, d] = value.split('-');
  return {
    year: year!,
    ...(m === undefined ? {} : { month: MONTH_NAMES[Number(m) - 1] }),
    ...(d === undefined ? {} : { day: Number(d) }),
  };
}

/** A calendar value in words: "7 May 2021", "April 2021", "2021"; the start of a pair may drop its month or year. */
function calendarInWords(value: string, { withMonth = true, withYear = true } = {}): string {
  const { year, month, day } = parts(value);
  const words = [day, withMonth ? month : undefined, withYear ? year : undefined].filter((w) => w !== undefined);
  return words.length > 0 ? words.join(' ') : year;
}

/** The two ends of a range or a span, or none for a single date (or two ends that are one value). */
function endsOf(date: DateValue): [string, string] | undefined {
  // The schema gives both ends of a range or a span, never one alone.
  const ends: [string, string] | undefined =
    date.from !== undefined
      ? [date.from, date.to!]
      : date.earliest !== undefined
        ? [date.earliest, date.latest!]
        : undefined;
  return ends === undefined || ends[0] === ends[1] ? undefined : ends;
}

/** The one calendar value of a date whose two ends are the same, or of a date given `on`. */
const singleValue = (date: DateValue): string => date.on ?? date.from ?? date.earliest!;

/**
 * A range's or a span's two ends in words. The start drops what it shares with the end: the year
 * when both fall in one year ("26 April", "2 May 2021"), the month too when both are days of one
 * month ("24", "28 April 2021").
 */
export function rangeEndsInWords(date: DateValue): [string, string] {
  const [start, end] = endsOf(date) ?? [singleValue(date), singleValue(date)];
  const sameYear = start.length > 4 && end.length > 4 && start.slice(0, 4) === end.slice(0, 4);
  const sameMonth = sameYear && start.length === 10 && end.length === 10 && start.slice(0, 7) === end.slice(0, 7);
  return [calendarInWords(start, { withYear: !sameYear, withMonth: !sameMonth }), calendarInWords(end)];
}

/** The words before, between and after a range's or a span's two ends, as shown. */
export function endsJoiners(date: DateValue): { before: string; between: string } {
  return datePrecision(date) === 'span'
    ? { before: '', between: 'to' }
    : { before: 'some day between', between: 'and' };
}

/**
 * Each reading of a date the words leave open, in words, dropping what it shares with the last:
 * ["3", "10 March 2026"], ["31 March", "7", "14 April 2026"]. Shown after "either", joined by "or".
 */
export function readingsInWords(readings: readonly string[]): string[] {
  const last = readings.at(-1)!;
  return readings.map((day, i) =>
    calendarInWords(day, {
      withYear: i === readings.length - 1 || day.slice(0, 4) !== last.slice(0, 4),
      withMonth: i === readings.length - 1 || day.slice(0, 7) !== last.slice(0, 7),
    }),
  );
}

/**
 * The date as a reader would say it: "7 May 2021", "late April 2021", a span "24 April to 4 May
 * 2021", one day we cannot pin down "some day between 26 April and 2 May 2021", a date the words
 * leave open between days "either 3 or 10 March 2026" (never the days between).
 */
export function formatDate(date: DateValue): string {
  if (date.readings !== undefined) {
    const words = readingsInWords(date.readings);
    return `either ${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`;
  }
  if (endsOf(date) === undefined) {
    const words = calendarInWords(singleValue(date));
    return date.part === undefined ? words : `${date.part} ${words}`;
  }
  const [from, to] = rangeEndsInWords(date);
  const { before, between } = endsJoiners(date);
  return [before, from, between, to].filter((w) => w !== '').join(' ');
}

/**
 * The date as a screen reader should say it where the page shows it: a span is "from 24 April to
 * 4 May 2021" (the page shows "24 April to 4 May 2021", with "from" for screen readers only);
 * everything else as `formatDate` says it.
 */
export function spokenDate(date: DateValue): string {
  const words = formatDate(date);
  return datePrecision(date) === 'span' && endsOf(date) !== undefined ? `from ${words}` : words;
}

/**
 * What screen readers hear before a span's first end: "from" ("from 24 April to 4 May 2021"), but
 * nothing after words of ours that already lead into the date (`lead`: "had been set for", "moved
 * to"), where "set for from 20 to 29 April" would not be English.
 */
export function spanOpening(lead?: string): string {
  return lead === undefined || lead === '' ? 'from ' : '';
}

/**
 * Machine-readable values for `<time datetime>`: one for a single date, two (start and end) for a
 * range or a span, each at the precision given.
 */
export function datetimeValues(date: DateValue): [string] | [string, string] {
  return endsOf(date) ?? [singleValue(date)];
}

/** The parts of the calendar a date holds: `2021-05` holds the year and the month. */
function heldParts(date: DateValue): DatePart[] {
  const value = singleValue(date);
  return (['year', 'month', 'day'] as const).slice(0, value.split('-').length);
}

/** Whether the whole date is ours: inferred, with no part of it given by the source. The `≈` marker is for these only. */
export function inferredWhole(date: DateValue): boolean {
  if (date.provenance !== 'inferred') return false;
  const ours = date.inferredParts;
  return ours === undefined || heldParts(date).every((part) => ours.includes(part));
}

/** The inferred parts of a date the source otherwise gives, in the order the date is read: "day and month", "year". */
function inferredPartsInWords(parts: readonly DatePart[]): string {
  const ordered = (['day', 'month', 'year'] as const).filter((part) => parts.includes(part));
  return ordered.length === 1 ? ordered[0]! : `${ordered.slice(0, -1).join(', ')} and ${ordered.at(-1)!}`;
}

const METADATA = "from the page's metadata";

/**
 * How we know a date, for one not given whole in the source's words, to stand after it in
 * parentheses: "year inferred", "day and month inferred" (the rest is the source's), "from the
 * page's metadata" (given by the page, not its text; with the metadata's own words when they
 * differ), "day inferred; the rest from the page's metadata". None for a date stated in the text,
 * nor for one inferred whole (`inferredWhole`: the `≈` marker and its reasoning say that).
 */
export function provenanceNote(date: DateValue): string | undefined {
  const fromMetadata = date.statedIn === 'metadata';
  if (date.provenance === 'inferred') {
    if (inferredWhole(date)) return undefined;
    const inferred = `${inferredPartsInWords(date.inferredParts!)} inferred`;
    return fromMetadata ? `${inferred}; the rest ${METADATA}` : inferred;
  }
  if (!fromMetadata) return undefined;
  return date.statedAs !== undefined && wordsDiffer(date.statedAs, formatDate(date))
    ? `${METADATA}: “${date.statedAs}”`
    : METADATA;
}

/**
 * The date in words with how we know it, for places that carry only text: "7 May 2021", "1 May 2021
 * (year inferred)", "21 April 2021 (from the page's metadata)", "8 May 2021 (inferred)". `more` joins
 * the same parentheses, so none nest: "8 May 2021 (inferred; according to Ann Lee)".
 */
export function describeDate(date: DateValue, more?: string): string {
  const words = formatDate(date);
  const notes = [inferredWhole(date) ? 'inferred' : provenanceNote(date), more].filter((n) => n !== undefined);
  return notes.length === 0 ? words : `${words} (${notes.join('; ')})`;
}

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const wordsDiffer = (a: string, b: string) => normalise(a) !== normalise(b);

/**
 * Whether the source's text says the date in words the formatted date does not ("late on Friday",
 * "last week"): the page then shows "the source says “…”". Never for a date taken from the page's
 * metadata, which the text does not say (`provenanceNote` quotes the metadata instead).
 */
export function statedDiffers(date: DateValue): boolean {
  if (date.statedAs === undefined || date.statedIn === 'metadata') return false;
  return wordsDiffer(date.statedAs, formatDate(date));
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));
}

/** How far apart two dates are, at no more precision than both carry; neither is a span. */
type Measure = 'same day' | 'next day' | 'same time' | 'same year' | { amount: string };

function measure(previous: DateValue, next: DateValue): Measure {
  const a = dateBounds(previous);
  const b = dateBounds(next);
  const pa = datePrecision(previous);
  const pb = datePrecision(next);
  if (pa === 'year' || pb === 'year') {
    const years = Number(b.earliest.slice(0, 4)) - Number(a.earliest.slice(0, 4));
    return years <= 0 ? 'same year' : { amount: plural(years, 'year') };
  }
  const days = daysBetween(a.earliest, b.earliest);
  if (pa === 'day' && pb === 'day' && days >= 0) {
    if (days === 0) return 'same day';
    if (days === 1) return 'next day';
    if (days < 14) return { amount: plural(days, 'day') };
    if (days < 60) return { amount: `${days % 7 === 0 ? '' : 'about '}${plural(Math.round(days / 7), 'week')}` };
  }
  const fewest = daysBetween(a.latest, b.earliest);
  const most = daysBetween(a.earliest, b.latest);
  if (fewest <= 0) return 'same time';
  if (most < 60) return { amount: fewest === most ? plural(fewest, 'day') : `${fewest} to ${most} days` };
  const months = monthIndex(b.earliest) - monthIndex(a.earliest);
  return { amount: months >= 24 && months % 12 === 0 ? plural(months / 12, 'year') : plural(months, 'month') };
}

/** A span's first or last value as a date of its own (any other date is its own start and end). */
function endOfSpan(date: DateValue, end: 'from' | 'to'): DateValue {
  const value = date[end];
  return value === undefined ? date : { on: value, provenance: date.provenance };
}

/** What the gap is measured from: the previous event as a whole, or where a span began or ended. */
type Anchor = 'previous' | 'began' | 'ended';

function gapPhrase(m: Measure, anchor: Anchor, planned: boolean): string {
  if (anchor !== 'previous') {
    const at = `the previous event ${anchor}`;
    if (typeof m === 'object') return `${m.amount} after ${at}`;
    return {
      'same day': `the day ${at}`,
      'next day': `the day after ${at}`,
      'same time': `around when ${at}`,
      'same year': `the year ${at}`,
    }[m];
  }
  if (planned) {
    if (typeof m === 'object') return `${m.amount} after the previous event`;
    return {
      'same day': 'the same day as the previous event',
      'next day': 'the day after the previous event',
      'same time': 'around the same time as the previous event',
      'same year': 'the same year as the previous event',
    }[m];
  }
  if (typeof m === 'object') return `${m.amount} later`;
  return {
    'same day': 'the same day',
    'next day': 'the next day',
    'same time': 'around the same time',
    'same year': 'the same year',
  }[m];
}

/**
 * The time between two dated events, at no more precision than both dates carry: "the same day",
 * "3 days later", "14 months later", "5 to 11 days later", "around the same time". A span is
 * measured from its start, or from its end when the next event comes after it ("3 days after the
 * previous event ended").
 *
 * Elapsed time ("4 months later") is only for an event that had happened. For one that had not
 * (planned, a deadline, postponed, cancelled) pass how it stood, `plannedAs` ("set for", "due",
 * "had been set for"): the gap then says where its date falls, never that time passed: "set for
 * 4 months after the previous event", "due the day after the previous event".
 */
export function describeGap(previous: DateValue, next: DateValue, plannedAs?: string, previousOngoing = false): string {
  const to = endOfSpan(next, 'from');
  let from = previous;
  let anchor: Anchor = previousOngoing ? 'began' : 'previous';
  if (previousOngoing) from = endOfSpan(previous, 'from');
  else if (datePrecision(previous) === 'span') {
    const end = endOfSpan(previous, 'to');
    const afterEnd = dateBounds(to).earliest > dateBounds(end).latest;
    from = afterEnd ? end : endOfSpan(previous, 'from');
    anchor = afterEnd ? 'ended' : 'began';
  }
  const phrase = gapPhrase(measure(from, to), anchor, plannedAs !== undefined);
  return plannedAs === undefined ? phrase : `${plannedAs} ${phrase}`;
}
