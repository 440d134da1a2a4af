import { MONTH_NAMES } from '../model/calendar.ts';

/**
 * A wire report's dateline: the place, day and agency that open its first paragraph ("LISBON,
 * April 30 (Reuters) –", "WASHINGTON, Sept. 4 (AP) —"). Wire copy names the days of the week around
 * its dateline by their weekday ("on Wednesday" in a Wednesday report is that day: a day a week
 * earlier would be given as a date or "last Wednesday"), so a dateline whose day is the source's
 * publication day lets a bare weekday that is the publication day's own be read as that day.
 */

/** The dateline's words and the month and day it gives. */
export interface Dateline {
  /** The dateline as the source has it, up to the agency's closing parenthesis: `LISBON, April 30 (Demonstration Wire)`. */
  words: string;
  month: number;
  day: number;
}

/** A month as datelines write it: in full, or abbreviated with a full stop as wire style abbreviates ("Sept.", "Jan."). */
const MONTH = `(${MONTH_NAMES.join('|')}|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)`;

/** A place in capitals (with a region after a comma: "PORTO, Portugal"), the day, an agency in parentheses, a dash. */
const DATELINE = new RegExp(
  `^\\s*(\\p{Lu}[\\p{Lu}\\p{M} .'’-]*\\p{Lu}(?:, \\p{Lu}[\\p{L} .]*)?, ${MONTH} (\\d{1,2})(?:, \\d{4})? \\([^()\\n]+\\))\\s*[-–—]`,
  'u',
);

/** The dateline that opens `text`, if it opens with one. */
export function datelineOf(text: string): Dateline | undefined {
  const match = DATELINE.exec(text);
  if (match === null) return undefined;
  const name = match[2]!.replace(/\.$/, '').toLowerCase();
  const month = MONTH_NAMES.findIndex((m) => m.toLowerCase().startsWith(name)) + 1;
  const day = Number(match[3]);
  return month === 0 || day < 1 || day > 31 ? undefined : { words: match[1]!, month, day };
}

/** The dateline's words when it gives the day `day` (`YYYY-MM-DD`), the publication day: then its weekdays are read around that day. */
export function datelineOn(text: string, day: string): string | undefined {
  const dateline = datelineOf(text);
  return dateline !== undefined && dateline.month === Number(day.slice(5, 7)) && dateline.day === Number(day.slice(8))
    ? dateline.words
    : undefined;
}
