import type { DateValue } from '../model/date.ts';
import { lastDay, MONTH_NAMES } from '../model/calendar.ts';
import { readDates, type Reference } from './dates.ts';

/**
 * What `npm run new -- event … --status expected` suggests for an expectation: whether its date is a
 * bound it is expected by ("by the end of the month"), and that bound at the precision the words give
 * (a month, not the month's last day). Who holds the expectation is never suggested: the editor says.
 */

/** The timing the words give the date expression `statedAs` in `sentence`: `by` after a limit word ("by", "no later than"), else `on`; with the expression that decided it. */
export function expectationTiming(
  sentence: string,
  reference: Reference,
  statedAs: string | undefined,
): { timing: 'by' | 'on'; expression?: string } {
  const found = readDates(sentence, reference).filter(
    (reading) => statedAs === undefined || statedAs.includes(reading.expression),
  );
  const ahead = found.find((reading) => reading.ahead);
  return ahead ? { timing: 'by', expression: ahead.expression } : { timing: 'on' };
}

/** "the end of the month", "end of the year": words that give a month's or a year's end, not a day of it. */
const END_OF = /\bend of (?:the |this |next )?(month|year)\b/i;

/**
 * The date an expectation `by` the end of a month or a year bounds: that month or year, as the words
 * give it, never its last day as if a day were stated; any other date as it is. The reasoning says so.
 */
export function expectedBound(date: DateValue): DateValue {
  const end = END_OF.exec(date.statedAs ?? '')?.[1]?.toLowerCase();
  if (end === undefined || date.on?.length !== 10) return date;
  const month = date.on.slice(0, 7);
  const year = date.on.slice(0, 4);
  const bound = end === 'year' ? year : month;
  if (lastDay(bound) !== date.on) return date;
  const named = end === 'year' ? year : `${MONTH_NAMES[Number(date.on.slice(5, 7)) - 1]!} ${year}`;
  return {
    ...date,
    on: bound,
    provenance: 'inferred',
    reasoning:
      `${date.reasoning ?? ''} Expected by the end of ${named}: the bound is the ${end}, not a day of it.`.trim(),
  };
}
