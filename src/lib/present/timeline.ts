import { statedDay, type DateValue } from '../model/date.ts';
import type { EventStatus } from '../model/entities.ts';
import type { ActorRecord, EventVersion, Source, Story, TimelineEvent } from '../model/corpus.ts';
import { compareDated, dateBounds, datePrecision } from '../model/chronology.ts';
import { describeGap, formatDate } from './dates.ts';

/**
 * How the timeline tells events: where each stood as of the story's "now" (`Story.asOf`, the last
 * day its latest source can date from), the competing accounts of a date, and the gaps between
 * events. What had not happened then is never told as if it had: it is labelled in words ("Planned",
 * "Deadline", "Postponed", "Cancelled") and no gap toward it is told as elapsed time.
 */

type Dated = Pick<TimelineEvent, 'status' | 'when'>;

/** Whether the event had happened as of `asOf`: its status says so, and its date is not after that day. */
export function hadHappened(event: Dated, asOf: string): boolean {
  return event.status === 'happened' && (asOf === '' || dateBounds(event.when).earliest <= asOf);
}

/** The label for each status of an event that had not happened. */
const EVENT_STATUS_LABELS: Record<Exclude<EventStatus, 'happened'>, string> = {
  scheduled: 'Planned',
  deadline: 'Deadline',
  postponed: 'Postponed',
  cancelled: 'Cancelled',
};

/** How an event that had not happened stands, as the timeline shows it. */
export interface Standing {
  /** `scheduled`, `deadline`, `postponed` or `cancelled` (an event dated after "now" counts as `scheduled`). */
  status: Exclude<EventStatus, 'happened'>;
  /** The word shown before its date, in text and never by colour alone: "Planned", "Deadline", … */
  label: string;
  /** What comes between the label and the date: "had been set for" for a date that no longer holds; otherwise nothing. */
  lead: string;
  /** How a gap toward it is told instead of elapsed time: "set for", "due", "had been set for". */
  plannedAs: string;
}

const STANDINGS: Record<Standing['status'], Omit<Standing, 'status' | 'label'>> = {
  scheduled: { lead: '', plannedAs: 'set for' },
  deadline: { lead: '', plannedAs: 'due' },
  postponed: { lead: 'had been set for', plannedAs: 'had been set for' },
  cancelled: { lead: 'had been set for', plannedAs: 'had been set for' },
};

/** How the event stood as of `asOf`, or nothing for an event that had happened. */
export function eventStanding(event: Dated, asOf: string): Standing | undefined {
  if (hadHappened(event, asOf)) return undefined;
  const status = event.status === 'happened' ? 'scheduled' : event.status;
  return { status, label: EVENT_STATUS_LABELS[status], ...STANDINGS[status] };
}

/** For a postponed event, what follows the date it had been set for. */
export const MOVED_TO = 'moved to';
export const NO_NEW_DATE = 'no new date given';

/** Alternatives in a sentence: "A or B", "A, B or C". */
const alternatives = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;

/**
 * The date an event stands at, in words, with its status: "7 May 2021", "Planned: 1 May 2021",
 * "Postponed: had been set for 24 April 2021; moved to 3 May 2021", "Postponed: had been set for
 * 24 April 2021; no new date given", "Cancelled: had been set for 24 April 2021". For an event the
 * accounts date differently, each account's date, the earliest first: "24 April 2021 (according to
 * the source) or 26 April 2021 (according to Ann Lee)".
 */
export function describeEventDate(
  event: Pick<TimelineEvent, 'when' | 'versions' | 'status' | 'movedTo'>,
  asOf: string,
  sourceName = 'the source',
): string {
  const standing = eventStanding(event, asOf);
  const when =
    event.versions.length === 0
      ? formatDate(event.when)
      : alternatives(
          accountsByDate(event.versions).map(
            (version) => `${formatDate(version.when)} (${accordingTo(version, sourceName)})`,
          ),
        );
  if (standing === undefined) return when;
  const moved =
    standing.status !== 'postponed'
      ? ''
      : `; ${event.movedTo === undefined ? NO_NEW_DATE : `${MOVED_TO} ${formatDate(event.movedTo)}`}`;
  return `${standing.label}: ${[standing.lead, when].filter((w) => w !== '').join(' ')}${moved}`;
}

/**
 * What stands where the date would, for an event the accounts date differently (each account's date
 * follows): "Accounts of the date differ:"; after the status of one that had not happened, "a date
 * the accounts differ on:" ("Postponed: had been set for a date the accounts differ on:").
 */
export function versionsLead(standing: Standing | undefined): string {
  return standing === undefined ? 'Accounts of the date differ:' : 'a date the accounts differ on:';
}

/**
 * The accounts of an event's date, the earliest first (the timeline places the event at it); ties
 * in the order the file gives them.
 */
export function accountsByDate(versions: readonly EventVersion[]): EventVersion[] {
  return versions.toSorted((a, b) => compareDated({ id: '', date: a.when }, { id: '', date: b.when }));
}

/**
 * Who gives an account, named as the timeline names them (actors in full, as `ActorNames` lists
 * them, the source last): "according to Ann Lee", "according to Ann Lee, Sam Khan", "according to
 * the source", "according to Ann Lee and the source". `sourceName` is how the page names the source.
 */
export function accordingTo(
  account: { claimants: readonly Pick<ActorRecord, 'name'>[]; sourceVoice: boolean },
  sourceName = 'the source',
): string {
  const names = account.claimants.map((actor) => actor.name).join(', ');
  const holders = !account.sourceVoice ? names : names === '' ? sourceName : `${names} and ${sourceName}`;
  return `according to ${holders}`;
}

/**
 * The date the gaps around an event are measured from: its date, or for an event the accounts date
 * differently, the stretch from the earliest account's start to the latest's, so no gap is more
 * precise than the accounts agree on.
 */
function gapDate(event: Pick<TimelineEvent, 'when' | 'versions'>): DateValue {
  if (event.versions.length === 0) return event.when;
  const starts = event.versions.map(({ when }) =>
    dateBounds(datePrecision(when) === 'span' ? { on: when.from!, provenance: when.provenance } : when),
  );
  const earliest = starts.map((b) => b.earliest).sort()[0]!;
  const latest = starts
    .map((b) => b.latest)
    .sort()
    .at(-1)!;
  return { earliest, latest, provenance: 'inferred', reasoning: 'the accounts of the date differ' };
}

/**
 * The gap shown before an event, from the one before it: elapsed time ("4 months later") toward an
 * event that had happened as of `asOf`; toward one that had not, where its date falls ("set for
 * 4 months after the previous event", "due 2 weeks after the previous event", "had been set for the
 * day after the previous event").
 */
export function timelineGap(
  previous: Pick<TimelineEvent, 'when' | 'versions'>,
  next: Pick<TimelineEvent, 'when' | 'versions' | 'status'>,
  asOf: string,
): string {
  return describeGap(gapDate(previous), gapDate(next), eventStanding(next, asOf)?.plannedAs);
}

/** What "now" for a story is read from: its `asOf`, and its sources' dates. */
type StoryDates = Pick<Story, 'asOf'> & { sources: readonly Pick<Source, 'published'>[] };

/**
 * What "now" is for the story, for its header: "As of 8 May 2021, the date of the latest source"; or,
 * when the latest source is dated only to a month or a range, "As of 31 May 2021, the last day the
 * latest source can date from". Nothing for a story without a dated source.
 */
export function storyNow(story: StoryDates): { date: DateValue; note: string } | undefined {
  if (story.asOf === '') return undefined;
  const exact = story.sources.some(
    ({ published }) => datePrecision(published) === 'day' && dateBounds(published).latest === story.asOf,
  );
  return {
    date: statedDay(story.asOf),
    note: exact ? 'the date of the latest source' : 'the last day the latest source can date from',
  };
}
