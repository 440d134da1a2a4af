import * as chrono from 'chrono-node';
import type { DateValue } from '../model/date.ts';
import type { OrderBoundMeta, WordsDate } from '../model/entities.ts';
import {
  addDays,
  dayAsDate,
  daysBetween,
  firstDay,
  isCalendarValue,
  lastDay,
  MONTH_NAMES,
  WEEKDAY_NAMES,
  weekdayOf,
} from '../model/calendar.ts';
import { sentencesOf } from './context.ts';

/**
 * Date values suggested from the date expressions of a passage (found by chrono-node), resolved
 * against the day the source was published. What the words give is kept apart from what is ours:
 * "May 07" states a day and a month, its year is inferred; "late on Friday" and "last week" are
 * inferred whole, relative to the publication day, with a reasoning sentence for the editor to confirm.
 *
 * Weekdays follow news writing: a bare weekday in a report is the most recent such day before the
 * publication day. Readings that stay open are returned as ambiguous, for the editor to choose: the
 * publication day's own weekday ("on Saturday" in a Saturday paper: that day or a week before; under
 * a wire dateline of that day, that day, as wire copy uses it),
 * "last Friday" when the most recent Friday falls in the publication week (that one, or the previous
 * week's), "next Tuesday" when the coming Tuesday falls in the publication week (that one, or the
 * next week's; for weekdays, both readings kept open is a third option, an uncertain date whose
 * `readings` name them), and a day and month without a year that lies months from the publication day either
 * way ("by September 11" in a March report: last September or the coming one).
 *
 * A source whose publication date is a range (or a month) gives no day to read relative expressions
 * against: those are left unread, with the reason, while absolute dates ("from April 24 to May 4")
 * are still read, their year inferred when the whole range lies in one year.
 */

/** What dates are read against: the source's publication day, or the first and last day it can be. */
export interface Reference {
  /** `YYYY-MM-DD`: the publication day, or the first day of a publication range. */
  day: string;
  /** The last day of a publication range (or month), `YYYY-MM-DD`; omitted when the source gives one day. */
  until?: string;
  /** Whether the publication date is itself inferred, so the reasoning can say so. */
  inferred: boolean;
  /** The words of the source's wire dateline when it gives the publication day (./dateline.ts): its weekdays are read around that day. */
  dateline?: string | undefined;
}

/** A reading of one expression: a date value, the readings an editor must choose between, or why it cannot be read. */
export type DateReading =
  | { kind: 'date'; expression: string; value: DateValue }
  | { kind: 'ambiguous'; expression: string; why: string; options: { label: string; value: DateValue }[] }
  | { kind: 'unread'; expression: string; why: string };

/**
 * The suggestion for a passage: the one expression found first, several to choose between (`optional`
 * when leaving the date out is a fair answer too), or none, with why when expressions were set aside.
 */
export type DateSuggestion =
  | { kind: 'date'; expression: string; value: DateValue }
  | {
      kind: 'ambiguous';
      expression: string;
      why: string;
      options: { label: string; value: DateValue }[];
      optional?: boolean;
    }
  | { kind: 'none'; why?: string };

/**
 * A stretch of text to look in, its offset in the source, a part of it to leave out (the quoted
 * words), and where in the source its later sentences start (`laterFrom`): an expression there is
 * not the passage's own, so it is only ever offered, never suggested.
 */
export interface Scope {
  text: string;
  start: number;
  exclude?: { start: number; end: number };
  laterFrom?: number;
}

/** What the date is for: `said`, the day words were said, is never one the text expects or sets ahead. */
export type DateUse = 'said' | 'when';

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
/** A calendar week or month named relative to the publication day ("last week", "next month"), and by how many it lies from it. */
const RELATIVE_PERIOD = /^(last|past|previous|this|next|coming) (week|month)$/i;
const PERIOD_SHIFT: Record<string, number> = { last: -1, past: -1, previous: -1, this: 0, next: 1, coming: 1 };
const WEEKDAY_MODIFIER = /^(?:on\s+)?(last|this|past|next)\s/i;

/** The reference's one day, or undefined for a range. */
const oneDay = (reference: Reference) =>
  reference.until === undefined || reference.until === reference.day ? reference.day : undefined;

function publication(reference: Reference): string {
  const day = oneDay(reference);
  return `the source's ${reference.inferred ? 'inferred ' : ''}publication date, ${
    day ? spoken(day) : `between ${spoken(reference.day)} and ${spoken(reference.until!)}`
  }`;
}

/** A relative date read against the publication day: inferred whole. */
function relative(statedAs: string, reference: Reference, shape: Partial<DateValue>, reasoning: string): DateValue {
  return { ...shape, statedAs, provenance: 'inferred', relativeTo: reference.day, reasoning };
}

/** The readings of a bare or modified weekday. */
function readWeekday(
  statedAs: string,
  day: number,
  modifier: string | undefined,
  reference: Reference,
  ahead: string | undefined,
): DateReading {
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
  // Each reading, and both kept open as an uncertain date that names them: never one chosen silently.
  const either = (a: string, b: string, why: string): DateReading => {
    const [first, last] = [a, b].sort() as [string, string];
    return {
      kind: 'ambiguous',
      expression: statedAs,
      why,
      options: [
        { label: spoken(a), value: read(a, 'that is') },
        { label: spoken(b), value: read(b, 'that is') },
        {
          label: `both readings: either ${spoken(first)} or ${spoken(last)}`,
          value: relative(
            statedAs,
            reference,
            { earliest: first, latest: last, readings: [first, last] },
            `The source says "${statedAs}"; read against ${publication(reference)}, it can be ${spoken(first)} or ${spoken(last)}, and the source does not say which.`,
          ),
        },
      ],
    };
  };
  const name = WEEKDAY_NAMES[day]!;
  switch (modifier?.toLowerCase()) {
    case undefined:
      // Told of as still to come ("will resume on Tuesday"), a bare weekday may be the coming one.
      if (ahead !== undefined) {
        const coming = addDays(ref, back === 0 ? 7 : 7 - back);
        return either(recent, coming, `"${statedAs}" after "${ahead}": the most recent ${name}, or the coming one?`);
      }
      // Wire copy names its dateline's own day by its weekday: "on Wednesday" in a Wednesday report is that day.
      if (back === 0 && reference.dateline !== undefined) {
        return {
          kind: 'date',
          expression: statedAs,
          value: relative(
            statedAs,
            reference,
            { on: ref },
            `The source says "${statedAs}" under the dateline "${reference.dateline}", its publication day, ${spoken(ref)}: wire copy names the days of the dateline's week by their weekday, and a ${name} a week earlier by its date or as "last ${name}", so "${statedAs}" is that day.`,
          ),
        };
      }
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
    default: {
      const coming = addDays(ref, back === 0 ? 7 : 7 - back);
      if (coming < addDays(mondayOf(ref), 7)) {
        return either(
          coming,
          addDays(coming, 7),
          `"${statedAs}" in a source published on a ${WEEKDAY_NAMES[weekdayOf(ref)]}: the coming ${name}, or the ${name} of the week after?`,
        );
      }
      return one(coming, `the next ${name} is`);
    }
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

/** A calendar value moved by whole years. */
const shiftYear = (value: string, years: number) => `${Number(value.slice(0, 4)) + years}${value.slice(4)}`;

/**
 * A year-less date is read in the year that puts it nearest the publication day; when even the
 * nearest lies this many days away, the year before and the year after are both fair readings.
 */
const YEAR_DOUBT_DAYS = 120;

/** The years (as shifts of chrono's) a year-less value may fall in, nearest first: one, or two when in doubt. */
function yearShifts(value: string, anchor: string): number[] {
  const distance = (shift: number) => {
    const first = firstDay(shiftYear(value, shift));
    const last = lastDay(shiftYear(value, shift));
    return anchor < first ? daysBetween(anchor, first) : anchor > last ? daysBetween(last, anchor) : 0;
  };
  const [nearest, next] = [-1, 0, 1].sort((a, b) => distance(a) - distance(b));
  return distance(nearest!) > YEAR_DOUBT_DAYS ? [nearest!, next!].sort((a, b) => a - b) : [nearest!];
}

/** How one chrono result reads as a date value. */
/**
 * The words of a date as `statedAs` keeps them: the date's own words, without the preposition that
 * only ties it to its sentence ("on Monday", "in April": pages show "the source says “Monday”"), but
 * with the "from" of a "from … to …" span, which is part of how the span is said.
 */
export function dateWords(text: string, before: string, span: boolean): string {
  const words = text.replace(/^(?:on|in|at)\s+(?=\S)/i, '');
  return span && /\bfrom\s+$/i.test(before) ? `${/(from)\s+$/i.exec(before)![1]} ${words}` : words;
}

function reading(
  result: chrono.ParsedResult,
  before: string,
  reference: Reference,
  ahead?: string,
): DateReading | undefined {
  const words = result.text.replace(/[\s,.;:]+$/, '');
  const own = /^(early|mid|late)[\s-]/i.exec(words);
  const qualifier = (own ?? QUALIFIER.exec(before))?.[1]?.toLowerCase();
  const statedAs = dateWords(
    qualifier && !own ? `${QUALIFIER.exec(before)![0]}${words}` : words,
    before,
    Boolean(result.end),
  );
  const date = (value: DateValue): DateReading => ({ kind: 'date', expression: statedAs, value });
  const day = oneDay(reference);
  const period = RELATIVE_PERIOD.exec(statedAs);
  const relativeExpression =
    period !== null ||
    (result.start.isCertain('weekday') && !result.start.isCertain('day')) ||
    (!/\d/.test(words) && !MONTH_WORD.test(words));
  if (relativeExpression && day === undefined) {
    return {
      kind: 'unread',
      expression: statedAs,
      why: `"${statedAs}" is relative, and ${publication(reference)}, is not one day to read it against`,
    };
  }
  const at: Reference = { day: day ?? reference.day, inferred: reference.inferred, dateline: reference.dateline };
  if (period !== null) {
    const shift = PERIOD_SHIFT[period[1]!.toLowerCase()]!;
    const which = shift < 0 ? 'before it' : shift > 0 ? 'after it' : 'holding it';
    if (period[2]!.toLowerCase() === 'month') {
      const [y, m] = at.day.split('-').map(Number) as [number, number];
      const index = y * 12 + (m - 1) + shift;
      const month = `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
      const named = `${MONTH_NAMES[index % 12]!} ${Math.floor(index / 12)}`;
      return date(
        relative(
          statedAs,
          at,
          { on: month },
          `"${statedAs}" read against ${publication(at)}: the month ${which}, ${named}.`,
        ),
      );
    }
    const monday = addDays(mondayOf(at.day), 7 * shift);
    const sunday = addDays(monday, 6);
    return date(
      relative(
        statedAs,
        at,
        { earliest: monday, latest: sunday },
        `"${statedAs}" read against ${publication(at)}: the calendar week ${which}, ${spoken(monday)} to ${spoken(sunday)}.`,
      ),
    );
  }
  if (result.start.isCertain('weekday') && !result.start.isCertain('day')) {
    return readWeekday(statedAs, result.start.get('weekday')!, WEEKDAY_MODIFIER.exec(words)?.[1], at, ahead);
  }
  if (!/\d/.test(words) && !MONTH_WORD.test(words)) {
    if (!result.start.isCertain('day')) return undefined;
    const on = `${result.start.get('year')}-${pad(result.start.get('month')!)}-${pad(result.start.get('day')!)}`;
    return date(relative(statedAs, at, { on }, `"${statedAs}" read against ${publication(at)}: ${spoken(on)}.`));
  }
  const start = calendarOf(result.start, words);
  const end = result.end && calendarOf(result.end, words);
  const shapeIn = (shift: number): Partial<DateValue> => {
    const shape: Partial<DateValue> = end
      ? { from: shiftYear(start.value, shift), to: shiftYear(end.value, shift) }
      : { on: shiftYear(start.value, shift) };
    if (qualifier && !end && start.value.length === 7) shape.part = qualifier as 'early' | 'mid' | 'late';
    return shape;
  };
  if (start.inferred.length === 0) return date({ ...shapeIn(0), statedAs, provenance: 'stated' });
  if (day === undefined && reference.day.slice(0, 4) !== reference.until!.slice(0, 4)) {
    return {
      kind: 'unread',
      expression: statedAs,
      why: `"${statedAs}" has no year, and ${publication(reference)}, spans two years`,
    };
  }
  const inYear = (shift: number): DateValue => {
    const shape = shapeIn(shift);
    const year = (shape.on ?? shape.from)!.slice(0, 4);
    return {
      ...shape,
      statedAs,
      provenance: 'inferred',
      inferredParts: start.inferred,
      reasoning: `The source gives "${statedAs}" without a year; read against ${publication(reference)}, the year is ${year}.`,
    };
  };
  const shifts = yearShifts(start.value, reference.until ?? reference.day);
  if (shifts.length === 1) return date(inYear(shifts[0]!));
  const options = shifts.map((shift) => {
    const value = inYear(shift);
    return { label: (value.on ?? value.from)!.slice(0, 4), value };
  });
  return {
    kind: 'ambiguous',
    expression: statedAs,
    why: `"${statedAs}" has no year and lies months from ${publication(reference)} either way: ${options.map((o) => o.label).join(' or ')}?`,
    options,
  };
}

/**
 * A month after "early", "mid" or "late" ("mid-May", "late May 2021"): chrono leaves a bare "May"
 * alone (it is also a verb), so a qualified month is read here, the qualifier with it.
 */
const QUALIFIED_MONTH: chrono.Parser = {
  pattern: () =>
    /\b(?:early|mid|late)[\s-](january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+(\d{4}))?\b/i,
  extract: (context, match) => {
    const month = MONTH_NAMES.findIndex((m) => m.toLowerCase() === match[1]!.toLowerCase()) + 1;
    const components = context.createParsingComponents({ month });
    components.imply('day', 1);
    if (match[2] !== undefined) components.assign('year', Number(match[2]));
    else components.imply('year', context.refDate.getUTCFullYear());
    return components;
  },
};
const parser = chrono.en.casual.clone();
parser.parsers.push(QUALIFIED_MONTH);

/** Words before an expression that make it a limit or an expectation ("by the end of the month"), not when something took place. */
const AHEAD = /\b(?:by|until|till|before|no later than|within|set for|due)\s+(?:(?:the|on)\s+)?$/i;

/** A reporting verb and "that" before an expression: it is in what was said ("said that talks begin on Friday"), not when. */
const REPORTED_CONTENT = /\b(?:said|says|told|added|adds|warned|stated|announced|insisted)\b.*?\bthat\b/isu;

/**
 * A reporting verb, then a relative clause: an expression there is of the clause's own verb ("says
 * 4,000 have joined the stoppage, which began on Monday"), not of the saying.
 */
const CLAUSE_AFTER_SAYING =
  /\b(?:say|said|says|told|added|adds|warned|stated|announced|insisted)\b.*?,\s*(?:which|who|whose|where)\b/isu;

/** A reporting verb: what follows it dates the saying. */
const SAYING = /\b(?:said|says|told|added|adds|stated|announced|tweeted|wrote)\b/gi;

/** Words before an expression, in its sentence, that tell of something still to come. */
const FUTURE =
  /\b(?:will|would|shall|is to|are to|is set to|are set to|is due to|are due to|scheduled|planned|expected to)\b/i;

/** One expression of a text, read: its offset, whether the words before it set it ahead as a limit, and whether it is in reported content. */
export type FoundDate = DateReading & {
  index: number;
  ahead: boolean;
  reported: boolean;
  future: boolean;
  /** Whether it stands in a relative clause after a reporting verb: of that clause, not of the saying. */
  clause: boolean;
};

/** Every date expression in `text` and how it reads against the reference, with its offset in `text`. */
export function readDates(text: string, reference: Reference): FoundDate[] {
  const instant = dayAsDate(reference.until ?? reference.day);
  const results = parser.parse(text, { instant, timezone: 0 }, { forwardDate: false });
  const sentences = sentencesOf({ text, start: 0, end: text.length });
  return results.flatMap((result) => {
    const before = text.slice(0, result.index);
    // Reported content is read within the expression's own sentence, whose abbreviations ("Feb.") do not end it.
    const sentenceStart = sentences.findLast((s) => s.start <= result.index)?.start ?? 0;
    const own = text.slice(sentenceStart, result.index);
    // What the sentence itself tells of, not what its quotations say ("“We will stand …,” he said on Friday").
    const narration = own.replace(/“[^”]*(?:”|$)|«[^»]*(?:»|$)|"[^"]*(?:"|$)/gu, ' ');
    // A "says … that" inside quoted words ("“Whatever the company says, … see that …,” he told reporters on Tuesday") is theirs, not the narration's.
    const reported = REPORTED_CONTENT.test(narration);
    // After a reporting verb the expression dates the saying ("The talks will resume, he said on Friday").
    const clause = narration.slice(Math.max(0, ...[...narration.matchAll(SAYING)].map((m) => m.index + m[0].length)));
    const future = FUTURE.exec(clause)?.[0];
    const read = reading(result, before, reference, future);
    return read
      ? [
          {
            ...read,
            index: result.index,
            ahead: AHEAD.test(before),
            reported,
            future: future !== undefined,
            clause: CLAUSE_AFTER_SAYING.test(narration),
          },
        ]
      : [];
  });
}

/** The first day a reading can be. */
const startOf = (value: DateValue) => firstDay((value.on ?? value.earliest ?? value.from)!);

/**
 * Why a reading cannot be the day words were said: a limit or expectation ("by the end of the
 * month"), or a day after the source was published. Undefined when it can.
 */
function notSaid(found: FoundDate, reference: Reference): string | undefined {
  if (found.ahead) return `"${found.expression}" is a limit or an expectation, not when the words were said`;
  if (found.reported) return `"${found.expression}" is in what was said (after "that"), not when it was said`;
  if (found.future) return `"${found.expression}" is told of as still to come, not when the words were said`;
  if (found.clause)
    return `"${found.expression}" is in a clause about something else ("which …", "who …"), not when the words were said`;
  const values =
    found.kind === 'date' ? [found.value] : found.kind === 'ambiguous' ? found.options.map((o) => o.value) : [];
  if (values.length > 0 && values.every((v) => startOf(v) > (reference.until ?? reference.day)))
    return `"${found.expression}" is after the source was published, not when the words were said`;
  return undefined;
}

/** Words were said by the day the source was published: readings after it are dropped, and one left is the reading. */
function notAfter(found: FoundDate, reference: Reference): FoundDate {
  if (found.kind !== 'ambiguous') return found;
  const by = reference.until ?? reference.day;
  // Both readings kept open stand only when both could be.
  const options = found.options.filter((o) => (o.value.readings ?? [startOf(o.value)]).every((day) => day <= by));
  if (options.length === 0 || options.length === found.options.length) return found;
  const { expression, index, ahead, reported, future, clause } = found;
  if (options.length === 1)
    return { kind: 'date', expression, value: options[0]!.value, index, ahead, reported, future, clause };
  return { ...found, options };
}

const optionsOf = (found: FoundDate[]) =>
  found.flatMap((f) =>
    f.kind === 'date'
      ? [{ label: f.expression, value: f.value }]
      : f.kind === 'ambiguous'
        ? f.options.map((o) => ({ ...o, label: `${f.expression}: ${o.label}` }))
        : [],
  );

/**
 * The date of a passage: the first scope (the words, then their sentence, then their paragraph) that
 * holds any date expression decides; one expression is the suggestion, several are for the editor to
 * choose between. Expressions are set aside, with the reason, when they cannot be read (a relative
 * one against a publication range) or, for `said`, cannot be when words were said; one that stands
 * only in a later sentence is offered, never suggested.
 */
export function suggestDate(scopes: readonly Scope[], reference: Reference, use: DateUse = 'when'): DateSuggestion {
  const aside: string[] = [];
  for (const scope of scopes) {
    const found = readDates(scope.text, reference).filter(({ index }) => {
      const at = scope.start + index;
      return !scope.exclude || at < scope.exclude.start || at >= scope.exclude.end;
    });
    const usable = (use === 'said' ? found.map((f) => notAfter(f, reference)) : found).filter((f) => {
      const why = f.kind === 'unread' ? f.why : use === 'said' ? notSaid(f, reference) : undefined;
      if (why !== undefined && !aside.includes(why)) aside.push(why);
      return why === undefined;
    });
    const own = usable.filter((f) => scope.laterFrom === undefined || scope.start + f.index < scope.laterFrom);
    if (own.length === 1) {
      const { index: _, ahead: __, reported: ___, future: ____, clause: _____, ...one } = own[0]!;
      return one as DateSuggestion;
    }
    if (own.length > 1) {
      return {
        kind: 'ambiguous',
        expression: own.map((f) => f.expression).join('", "'),
        why: `the passage has ${own.length} date expressions: ${own.map((f) => `"${f.expression}"`).join(', ')}`,
        options: optionsOf(own),
      };
    }
    if (usable.length > 0) {
      return {
        kind: 'ambiguous',
        expression: usable.map((f) => f.expression).join('", "'),
        why: `the only date expression near the words, ${usable.map((f) => `"${f.expression}"`).join(', ')}, stands in a later sentence: it may not be their date`,
        options: optionsOf(usable),
        optional: true,
      };
    }
  }
  return aside.length > 0 ? { kind: 'none', why: aside.join('; ') } : { kind: 'none' };
}

/**
 * What `--before`/`--after` name, for an event the source gives no date for: a date when the value
 * reads as one (`2026-03`, `2026-03-03`), otherwise the id of another event of the story.
 */
export function orderBoundOf(value: string): OrderBoundMeta {
  const given = value.trim();
  return isCalendarValue(given) ? { date: given } : { event: given };
}

/**
 * A postponed event's new date from words that give no date ("after Ramadan"), with the bound the
 * editor reads from them; undefined when no bound is given (the words must then give a date).
 */
export function wordsDateOf(
  words: string,
  bound: { notBefore?: string | undefined; notAfter?: string | undefined; reasoning?: string | undefined },
): Partial<WordsDate> | undefined {
  if (bound.notBefore === undefined && bound.notAfter === undefined) return undefined;
  return Object.fromEntries(
    Object.entries({
      statedAs: words,
      notBefore: bound.notBefore,
      notAfter: bound.notAfter,
      reasoning: bound.reasoning,
    }).filter(([, v]) => v !== undefined),
  );
}
