import type { eventStatuses } from '../model/entities.ts';
import type { DateValue } from '../model/date.ts';
import { firstDay } from '../model/calendar.ts';

/**
 * An event's status from its date and the words before it. A date after the source was published is
 * still to come: a limit the words set ("given the government until mid-May") is a deadline; one they
 * say is planned ("is due to end on May 9", "scheduled for next week") is scheduled; otherwise the
 * editor chooses. A date on or before it: happened, the model's default (an event put off or called
 * off is the editor's to say, with `--status`: "cancelled" in a sentence is as often a train's),
 * unless its clause tells of a past plan ("were scheduled to take place"): then the editor says
 * whether it happened, was postponed or was cancelled.
 */

type EventStatus = (typeof eventStatuses)[number];

/** Words right before a date that make it a limit. */
const LIMIT = /\b(?:until|till|by|no later than|deadline of|deadline)\s+(?:the\s+)?$/i;
/** Words in the date's clause that say the event is planned. */
const PLANNED =
  /\b(?:scheduled|due to|set for|set to|planned|will|is to|are to|expected to take place|to be held|is to be|are to be)\b/i;

/** Words in the date's clause that tell of a plan in the past ("talks that were scheduled to take place on April 24"): it may not have taken place. */
const PAST_PLAN =
  /\b(?:was|were|had been)\s+(?:scheduled|due|set|planned|supposed|meant)\b|\b(?:was|were)\s+to\s+(?:take place|be held|begin|start|open)\b/i;

export type StatusSuggestion =
  | { kind: 'value'; value: EventStatus | undefined; why: string }
  | { kind: 'choose'; options: EventStatus[]; why: string };

/**
 * The status suggested for an event dated `when` by the expression at `at` in `sentence`, read
 * against `published`, the last day the source can have been published (`YYYY-MM-DD`).
 */
export function suggestEventStatus(
  when: DateValue | undefined,
  sentence: string,
  at: number,
  published: string,
): StatusSuggestion {
  const start = when && firstDay((when.on ?? when.earliest ?? when.from)!);
  const before = sentence.slice(0, Math.max(0, at));
  const clause = before.split(/[,;:]/).at(-1) ?? before;
  // Read past commas ("were scheduled to take place in Istanbul, Turkey on April 24"): at worst a question too many.
  const plan = start !== undefined && start <= published ? PAST_PLAN.exec(before.split(/[;:]/).at(-1)!) : null;
  if (plan)
    return {
      kind: 'choose',
      options: ['happened', 'postponed', 'cancelled'],
      why: `dated on or before the source, but "${plan[0]}" tells of a plan, not that it took place`,
    };
  if (start === undefined || start <= published)
    return { kind: 'value', value: undefined, why: 'dated on or before the source: it happened' };
  const limit = LIMIT.exec(before);
  if (limit)
    return { kind: 'value', value: 'deadline', why: `after the source, and "${limit[0].trim()}" sets a limit` };
  const planned = PLANNED.exec(clause);
  if (planned) return { kind: 'value', value: 'scheduled', why: `after the source, and "${planned[0]}"` };
  return {
    kind: 'choose',
    options: ['scheduled', 'deadline'],
    why: 'dated after the source, but the words say neither that it is planned nor that it is a limit',
  };
}
