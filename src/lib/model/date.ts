import { z } from 'astro/zod';
import { firstDay, isCalendarValue, lastDay } from './calendar';

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

/**
 * What a source says about when something happened, and what we inferred from it, kept apart.
 * Exactly one of `on` or `earliest`+`latest` is given.
 */
export const dateValueSchema = z
  .strictObject({
    /** The date at its true precision: a year `2021`, a month `2021-04` or a day `2021-05-07`. Omit for a range. */
    on: calendarValue.optional(),
    /** For a range ("last week"): the earliest the date can be, as a year, month or day. */
    earliest: calendarValue.optional(),
    /** For a range: the latest the date can be, as a year, month or day; not before `earliest`. */
    latest: calendarValue.optional(),
    /** A part of the month ("late April"); only with a month in `on`. */
    part: z.enum(monthParts).optional(),
    /** The source's own words for the date, exactly as written: "late on Friday", "May 07", "last week"; omit when it has none. */
    statedAs: z.string().trim().min(1).optional(),
    /** `stated` when the source gives this date in full; `inferred` when any part of it (the year, the day) is ours. */
    provenance: z.enum(['stated', 'inferred']),
    /** Why an inferred date resolves as it does; required when `provenance` is `inferred`. */
    reasoning: z.string().trim().min(1).optional(),
    /** The day a relative expression ("last week", "on Friday") was resolved against, `YYYY-MM-DD`. */
    relativeTo: calendarDay.optional(),
  })
  .superRefine((date, ctx) => {
    const isRange = date.earliest !== undefined || date.latest !== undefined;
    if (date.on === undefined && !isRange) {
      ctx.addIssue({ code: 'custom', path: ['on'], message: 'expected `on`, or `earliest` and `latest` for a range' });
    }
    if (date.on !== undefined && isRange) {
      ctx.addIssue({ code: 'custom', path: ['on'], message: 'expected either `on` or `earliest`/`latest`, not both' });
    }
    if (isRange && (date.earliest === undefined || date.latest === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [date.earliest === undefined ? 'earliest' : 'latest'],
        message: `expected \`${date.earliest === undefined ? 'earliest' : 'latest'}\` too: a range needs both \`earliest\` and \`latest\``,
      });
    }
    if (date.earliest !== undefined && date.latest !== undefined && lastDay(date.latest) < firstDay(date.earliest)) {
      ctx.addIssue({
        code: 'custom',
        path: ['latest'],
        message: `expected a range whose end is not before its start (${date.earliest})`,
      });
    }
    if (date.part !== undefined && (date.on === undefined || date.on.length !== 7)) {
      ctx.addIssue({
        code: 'custom',
        path: ['part'],
        message: 'expected a part of the month (early, mid, late) only with a month written YYYY-MM in `on`',
      });
    }
    if (date.statedAs === undefined && date.provenance === 'stated') {
      ctx.addIssue({
        code: 'custom',
        path: ['statedAs'],
        message:
          "expected `statedAs`, the source's own words for the date: a date the source does not give is `inferred`",
      });
    }
    if (date.provenance === 'inferred' && date.reasoning === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['reasoning'],
        message: 'expected `reasoning` for an inferred date: say how it was resolved from the source',
      });
    }
  });

export type DateValue = z.output<typeof dateValueSchema>;
