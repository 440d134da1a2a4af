import { z } from 'astro/zod';
import { firstDay, isCalendarValue, lastDay } from './calendar.ts';

/**
 * Calendar values and the date value that quotes, events and sources carry.
 *
 * YAML turns an unquoted `2021-05-07` into a Date and `2021` into a number, so both are folded back
 * into the string the editor typed before the format is checked.
 */

const yamlScalarToString = (value: unknown): unknown => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return value;
};

/** A year (`2021`), a month (`2021-04`) or a day (`2021-05-07`) that exists in the calendar. */
export const calendarValue = z.preprocess(
  yamlScalarToString,
  z.string().refine(isCalendarValue, {
    error: 'expected a real calendar date written as YYYY, YYYY-MM or YYYY-MM-DD',
  }),
);

/** A single day that exists in the calendar, written `YYYY-MM-DD`. */
export const calendarDay = z.preprocess(
  yamlScalarToString,
  z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarValue(v), {
    error: 'expected a real calendar day written as YYYY-MM-DD',
  }),
);

export const monthParts = ['early', 'mid', 'late'] as const;

/** The parts of a calendar date, each of which the source may state or leave to us. */
export const dateParts = ['year', 'month', 'day'] as const;

/**
 * What a source says about when something happened, and what we inferred from it, kept apart.
 * The date is one of three shapes:
 * - `on`: one date at its true precision (a year, a month, a day);
 * - `earliest` and `latest`: one day we cannot pin down, somewhere in a range ("last week");
 * - `from` and `to`: a span of time, every day of it ("from April 24 to May 4").
 */
export const dateValueSchema = z
  .strictObject({
    /** The date at its true precision: a year `2021`, a month `2021-04` or a day `2021-05-07`. */
    on: calendarValue.optional(),
    /** For an uncertain date ("last week"): the earliest it can be, as a year, month or day. */
    earliest: calendarValue.optional(),
    /** For an uncertain date: the latest it can be, as a year, month or day; not before `earliest`. */
    latest: calendarValue.optional(),
    /** For an uncertain date the words leave open between days ("next Tuesday" in a Monday's report): every reading, `YYYY-MM-DD`, in order; the first is `earliest`, the last `latest`. */
    readings: z.array(calendarDay).min(2).optional(),
    /** For a span ("from April 24 to May 4"): its first day, month or year. */
    from: calendarValue.optional(),
    /** For a span: its last day, month or year; not before `from`. */
    to: calendarValue.optional(),
    /** A part of the month ("late April"); only with a month in `on`. */
    part: z.enum(monthParts).optional(),
    /** The source's own words for the date, exactly as written: "late on Friday", "May 07", "last week"; omit when it has none. */
    statedAs: z.string().trim().min(1).optional(),
    /** `stated` when the source gives this date in full; `inferred` when any part of it (the year, the day) is ours. */
    provenance: z.enum(['stated', 'inferred']),
    /** For an inferred date of which the source states the rest: the parts we inferred (`[year]` for "May 1" with no year). Omit when the whole date is ours. */
    inferredParts: z.array(z.enum(dateParts)).min(1).optional(),
    /** Where the source states what it states: in its `text` (the default), or in its page's `metadata` (a dateline, a published-at field) and not in the words. */
    statedIn: z.enum(['text', 'metadata']).optional(),
    /** Why an inferred date resolves as it does; required when `provenance` is `inferred`. */
    reasoning: z.string().trim().min(1).optional(),
    /** The day a relative expression ("last week", "on Friday") was resolved against, `YYYY-MM-DD`. */
    relativeTo: calendarDay.optional(),
  })
  .superRefine((date, ctx) => {
    const shapes = [
      date.on !== undefined && 'on',
      (date.earliest !== undefined || date.latest !== undefined) && 'earliest/latest',
      (date.from !== undefined || date.to !== undefined) && 'from/to',
    ].filter((shape) => shape !== false);
    if (shapes.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['on'],
        message: 'expected `on`, or `earliest` and `latest` for an uncertain date, or `from` and `to` for a span',
      });
    }
    if (shapes.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: [shapes[1] === 'from/to' ? 'from' : 'earliest'],
        message: `expected one of \`on\`, \`earliest\`/\`latest\` or \`from\`/\`to\`, not ${shapes.map((shape) => `\`${shape}\``).join(' and ')}`,
      });
    }
    for (const [start, end, what] of [
      ['earliest', 'latest', 'an uncertain date'],
      ['from', 'to', 'a span'],
    ] as const) {
      const first = date[start];
      const last = date[end];
      if ((first === undefined) !== (last === undefined)) {
        const missing = first === undefined ? start : end;
        ctx.addIssue({
          code: 'custom',
          path: [missing],
          message: `expected \`${missing}\` too: ${what} needs both \`${start}\` and \`${end}\``,
        });
      }
      if (first !== undefined && last !== undefined && lastDay(last) < firstDay(first)) {
        ctx.addIssue({
          code: 'custom',
          path: [end],
          message: `expected ${what} whose end is not before its start (${first})`,
        });
      }
    }
    if (date.readings !== undefined) {
      const [first, ...rest] = date.readings;
      const ordered = rest.every((day, i) => date.readings![i]! < day);
      if (date.provenance !== 'inferred' || !ordered || first !== date.earliest || rest.at(-1) !== date.latest) {
        ctx.addIssue({
          code: 'custom',
          path: ['readings'],
          message:
            'expected `readings` only on an inferred uncertain date: each day the words can mean, in order, the first as `earliest` and the last as `latest`',
        });
      }
    }
    if (date.part !== undefined && (date.on === undefined || date.on.length !== 7)) {
      ctx.addIssue({
        code: 'custom',
        path: ['part'],
        message: 'expected a part of the month (early, mid, late) only with a month written YYYY-MM in `on`',
      });
    }
    if (date.statedAs === undefined && date.provenance === 'stated' && date.statedIn !== 'metadata') {
      ctx.addIssue({
        code: 'custom',
        path: ['statedAs'],
        message:
          "expected `statedAs`, the source's own words for the date: a date the source does not give is `inferred`, and one from its page's metadata says `statedIn: metadata`",
      });
    }
    if (date.provenance === 'inferred' && date.reasoning === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['reasoning'],
        message: 'expected `reasoning` for an inferred date: say how it was resolved from the source',
      });
    }
    if (date.inferredParts !== undefined) {
      const held = precisionParts(date.on ?? date.from ?? date.earliest ?? '');
      const foreign = date.inferredParts.filter((part) => !held.includes(part));
      if (date.provenance !== 'inferred') {
        ctx.addIssue({
          code: 'custom',
          path: ['inferredParts'],
          message: 'expected `inferredParts` only on an inferred date (`provenance: inferred`)',
        });
      } else if (foreign.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['inferredParts'],
          message: `expected parts this date has (${held.join(', ')}); it has no ${foreign.join(' or ')}`,
        });
      }
    }
  });

/** The parts a calendar value holds: `2021-05` holds year and month. */
function precisionParts(value: string): (typeof dateParts)[number][] {
  return dateParts.slice(0, value.split('-').length);
}

export type DateValue = z.output<typeof dateValueSchema>;
export type DatePart = (typeof dateParts)[number];

/**
 * A day our own records state, with nothing inferred: a story's publication or update, a
 * correction's day, a role's start or end, the day a story's sources reach. Shown as any date is.
 */
export const statedDay = (day: string): DateValue => ({ on: day, provenance: 'stated' });

/** A date value as a record keeps it: its dates and whether they are the source's or ours. */
export function dateFingerprint(date: DateValue | undefined): string {
  if (date === undefined) return 'undated';
  const when =
    date.on !== undefined
      ? [date.on, date.part].filter(Boolean).join(' ')
      : date.from !== undefined
        ? `${date.from} to ${date.to}`
        : date.readings !== undefined
          ? `either ${date.readings.join(' or ')}`
          : `between ${date.earliest} and ${date.latest}`;
  const inferred = date.inferredParts === undefined ? 'inferred' : `inferred ${date.inferredParts.join(' and ')}`;
  return `${when}, ${date.provenance === 'stated' ? 'stated' : inferred}`;
}

/**
 * A date as a record or a correction's `was` writes it (`dateFingerprint`), read: the date value it
 * was made from, as far as pages show it (its dates, its part of a month, its provenance and the parts
 * we inferred); `undated`; or, for words that are no such date (a date an editor wrote by hand), the words.
 */
export type RecordedDate = { kind: 'date'; date: DateValue } | { kind: 'undated' } | { kind: 'words'; words: string };

const isDatePart = (word: string): word is DatePart => (dateParts as readonly string[]).includes(word);
const isMonthPart = (word: string): word is (typeof monthParts)[number] =>
  (monthParts as readonly string[]).includes(word);

/** The dates of a fingerprint's first half, word by word: `2021-04 late`, `A to B`, `between A and B`. */
function whenOf(words: string[]): Omit<DateValue, 'provenance'> | undefined {
  const [a = '', b = '', c = '', d = ''] = words;
  const readings = a === 'either' ? words.slice(1).filter((_, i) => i % 2 === 0) : [];
  const when: Omit<DateValue, 'provenance'> | undefined =
    readings.length >= 2 && words.every((word, i) => i === 0 || i % 2 === 1 || word === 'or')
      ? { earliest: readings[0]!, latest: readings.at(-1)!, readings }
      : words.length === 4 && a === 'between' && c === 'and'
        ? { earliest: b, latest: d }
        : words.length === 3 && b === 'to'
          ? { from: a, to: c }
          : words.length === 2 && isMonthPart(b)
            ? { on: a, part: b }
            : words.length === 1
              ? { on: a }
              : undefined;
  const values =
    when && [when.on, when.earliest, when.latest, when.from, when.to, ...readings].filter((v) => v !== undefined);
  return values?.every(isCalendarValue) ? when : undefined;
}

/** The date a `dateFingerprint` wrote, read word by word; anything else is kept as words. */
function readRecordedDate(text: string): RecordedDate {
  if (text === 'undated') return { kind: 'undated' };
  const comma = text.lastIndexOf(', ');
  const when = comma > 0 ? whenOf(text.slice(0, comma).split(' ')) : undefined;
  const [provenance, ...inferred] = text.slice(comma + 2).split(' ');
  const parts = inferred.filter((word) => word !== 'and');
  if (when === undefined || !parts.every(isDatePart)) return { kind: 'words', words: text };
  if (provenance === 'stated' && parts.length === 0) return { kind: 'date', date: { ...when, provenance } };
  if (provenance !== 'inferred') return { kind: 'words', words: text };
  return { kind: 'date', date: { ...when, provenance, ...(parts.length > 0 && { inferredParts: parts }) } };
}

/** A date as the published record and a correction's `was` write it, read once where it is read from a file. */
export const recordedDate = z.string().transform(readRecordedDate);
