import * as chrono from 'chrono-node';
import type { DateValue } from '../model/date.ts';
import { addDays, dayAsDate, MONTH_NAMES, WEEKDAY_NAMES, weekdayOf } from '../model/calendar.ts';

/**
 * Date values suggested from the date expressions of a passage (found by chrono-node), resolved
 * against the day the source was published. What the words give is kept apart from what is ours:
 * "May 07" states a day and a month, its year is inferred; "late on Friday" and "last week" are
 * inferred whole, relative to the publication day, with a reasoning sentence for the editor to confirm.
 *
 * Weekdays follow news writing: a bare weekday in a report is the most recent such day before the
 * publication day. Two readings stay open and are returned as ambiguous, for the editor to choose:
 * the publication day's own weekday ("on Saturday" in a Saturday paper: that day or a week before),
 * and "last Friday" when the most recent Friday falls in the publication week (that one, or the
 * previous week's).
 */

/** The day relative expressions are read against: the source's publication day. */
export interface Reference {
  /** `YYYY-MM-DD`. */
  day: string;
  /** Whether that day is itself inferred, so the reasoning can say so. */
  inferred: boolean;
}

/** A reading of one expression: a date value, or the readings an editor must choose between. */
export type DateReading =
  | { kind: 'date'; expression: string; value: DateValue }
  | { kind: 'ambiguous'; expression: string; why: string; options: { label: string; value: DateValue }[] };

/** The suggestion for a passage: the one expression found first, several to choose between, or none. */
export type DateSuggestion = DateReading | { kind: 'none' };

/** A stretch of text to look in, its offset in the source, and a part of it to leave out (the quoted words). */
export interface Scope {
  text: string;
  start: number;
  exclude?: { start: number; end: number };
}

/** The Monday of the calendar week (Monday to Sunday) holding `day`. */
const mondayOf = (day: string) => addDays(day, -((weekdayOf(day) + 6) % 7));
/** "Saturday 8 May 2021". */
function spoken(day: string): string {
  const d = dayAsDate(day);
  return `${WEEKDAY_NAMES[d.getUTCDay()]} ${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
const pad = (n: number) => String(n).padStart(2, '0');

const QUALIFIER = /\b(early|mid|late)[\s-]+$/i;
const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\b/i;
const WEEK = /^(?:last|past|previous) week$/i;
const WEEKDAY_MODIFIER = /^(?:on\s+)?(last|this|past|next)\s/i;

function publication(reference: Reference): string {
  return `the source's ${reference.inferred ? 'inferred ' : ''}publication date, ${spoken(reference.day)}`;
}

/** A relative date read against the publication day: inferred whole. */
function relative(statedAs: string, reference: Reference, shape: Partial<DateValue>, reasoning: string): DateValue {
  return { ...shape, statedAs, provenance: 'inferred', relativeTo: reference.day, reasoning };
}

/** The readings of a bare or modified weekday. */
function readWeekday(statedAs: string, day: number, modifier: string | undefined, reference: Reference): DateReading {
  const ref = reference.day;
  const back = (weekdayOf(ref) - day + 7) % 7;
  const recent = addDays(ref, -(back === 0 ? 7 : back));
  const read = (on: string, how: string) =>
    relative(
      statedAs,
      reference,
      { on },
      `The source says "${statedAs}"; read against ${publication(reference)}, ${how} ${spoken(on)}.`,
    );
  const one = (on: string, how: string): DateReading => ({ kind: 'date', expression: statedAs, value: read(on, how) });
  const either = (a: string, b: string, why: string): DateReading => ({
    kind: 'ambiguous',
    expression: statedAs,
    why,
    options: [
      { label: spoken(a), value: read(a, 'that is') },
      { label: spoken(b), value: read(b, 'that is') },
    ],
  });
  const name = WEEKDAY_NAMES[day]!;
  switch (modifier?.toLowerCase()) {
    case undefined:
      if (back === 0) {
        return either(
          ref,
          addDays(ref, -7),
          `"${statedAs}" in a source published on a ${name}: that day, or the ${name} before?`,
        );
      }
      return one(recent, `the most recent ${name} before it is`);
    case 'last':
    case 'past':
      if (recent >= mondayOf(ref)) {
        return either(recent, addDays(recent, -7), `"${statedAs}": this week's ${name} or last week's?`);
      }
      return one(recent, `the most recent ${name} before it is`);
    case 'this':
      return one(addDays(mondayOf(ref), (day + 6) % 7), `the ${name} of that week is`);
    default:
      return one(addDays(ref, back === 0 ? 7 : 7 - back), `the next ${name} is`);
  }
}

/** A calendar value at the precision chrono is certain of, and the parts the words do not give. */
function calendarOf(
  result: chrono.ParsedComponents,
  words: string,
): { value: string; inferred: ('year' | 'month' | 'day')[] } {
  const y = String(result.get('year'));
  const m = pad(result.get('month') ?? 1);
  const d = pad(result.get('day') ?? 1);
  const inferred: ('year' | 'month' | 'day')[] = /\b\d{4}\b/.test(words) ? [] : ['year'];
  if (result.isCertain('day')) return { value: `${y}-${m}-${d}`, inferred };
  if (result.isCertain('month')) return { value: `${y}-${m}`, inferred };
  return { value: y, inferred: [] };
}

/** How one chrono result reads as a date value. */
function reading(result: chrono.ParsedResult, before: string, reference: Reference): DateReading | undefined {
  const words = result.text.replace(/[\s,.;:]+$/, '');
  const qualifier = QUALIFIER.exec(before)?.[1]?.toLowerCase();
  const statedAs = qualifier ? `${QUALIFIER.exec(before)![0]}${words}` : words;
  const date = (value: DateValue): DateReading => ({ kind: 'date', expression: statedAs, value });
  if (WEEK.test(words)) {
    const monday = addDays(mondayOf(reference.day), -7);
    const sunday = addDays(monday, 6);
    return date(
      relative(
        statedAs,
        reference,
        { earliest: monday, latest: sunday },
        `"${statedAs}" read against ${publication(reference)}: the calendar week before it, ${spoken(monday)} to ${spoken(sunday)}.`,
      ),
    );
  }
  if (result.start.isCertain('weekday') && !result.start.isCertain('day')) {
    return readWeekday(statedAs, result.start.get('weekday')!, WEEKDAY_MODIFIER.exec(words)?.[1], reference);
  }
  if (!/\d/.test(words) && !MONTH_WORD.test(words)) {
    if (!result.start.isCertain('day')) return undefined;
    const on = `${result.start.get('year')}-${pad(result.start.get('month')!)}-${pad(result.start.get('day')!)}`;
    return date(
      relative(statedAs, reference, { on }, `"${statedAs}" read against ${publication(reference)}: ${spoken(on)}.`),
    );
  }
  const start = calendarOf(result.start, words);
  const end = result.end && calendarOf(result.end, words);
  const shape: Partial<DateValue> = end ? { from: start.value, to: end.value } : { on: start.value };
  if (qualifier && !end && start.value.length === 7)
    shape.part = qualifier === 'mid' ? 'mid' : (qualifier as 'early' | 'late');
  if (start.inferred.length === 0) return date({ ...shape, statedAs, provenance: 'stated' });
  const year = start.value.slice(0, 4);
  return date({
    ...shape,
    statedAs,
    provenance: 'inferred',
    inferredParts: start.inferred,
    reasoning: `The source gives "${statedAs}" without a year; read against ${publication(reference)}, the year is ${year}.`,
  });
}

/** Every date expression in `text` and how it reads against the reference day, with its offset in `text`. */
export function readDates(text: string, reference: Reference): (DateReading & { index: number })[] {
  const results = chrono.en.parse(text, { instant: dayAsDate(reference.day), timezone: 0 }, { forwardDate: false });
  return results.flatMap((result) => {
    const read = reading(result, text.slice(0, result.index), reference);
    return read ? [{ ...read, index: result.index }] : [];
  });
}

/**
 * The date of a passage: the first scope (the words, then their sentence, then their paragraph) that
 * holds any date expression decides; one expression is the suggestion, several are for the editor to
 * choose between.
 */
export function suggestDate(scopes: readonly Scope[], reference: Reference): DateSuggestion {
  for (const scope of scopes) {
    const found = readDates(scope.text, reference).filter(({ index }) => {
      const at = scope.start + index;
      return !scope.exclude || at < scope.exclude.start || at >= scope.exclude.end;
    });
    if (found.length === 1) {
      const { index: _, ...one } = found[0]!;
      return one;
    }
    if (found.length > 1) {
      return {
        kind: 'ambiguous',
        expression: found.map((f) => f.expression).join('", "'),
        why: `the passage has ${found.length} date expressions: ${found.map((f) => `"${f.expression}"`).join(', ')}`,
        options: found.flatMap((f) =>
          f.kind === 'date'
            ? [{ label: f.expression, value: f.value }]
            : f.options.map((o) => ({ ...o, label: `${f.expression}: ${o.label}` })),
        ),
      };
    }
  }
  return { kind: 'none' };
}
