import type { DateValue } from '../model/date.ts';
import type { EventStatus } from '../model/entities.ts';
import type { EventVersion, Source, Story, TimelineEvent } from '../model/corpus.ts';
import { compareDated, dateBounds, datePrecision } from '../model/chronology.ts';
import { describeDate, describeGap, inferredWhole } from './dates.ts';
import { holderInText, type Telling } from './actors.ts';
import { sourceVoiceName } from './labels.ts';
import { inSentence } from './text.ts';

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

/**
 * The date an event stands at, in words, with its status and how we know each date: "7 May 2021",
 * "Planned: 1 May 2021 (year inferred)", "Postponed: had been set for 24 April 2021; moved to
 * 3 May 2021", "Postponed: had been set for 24 April 2021; no new date given", "Cancelled: had been
 * set for 24 April 2021". For an event the accounts date differently, every account's date
 * (`accountsInWords`), never one of them alone.
 */
export function describeEventDate(
  event: Pick<TimelineEvent, 'when' | 'versions' | 'status' | 'movedTo'>,
  asOf: string,
  sourceName = 'the source',
): string {
  const standing = eventStanding(event, asOf);
  const when = event.versions.length === 0 ? describeDate(event.when) : accountsInWords(event.versions, sourceName);
  if (standing === undefined) return when;
  const moved =
    standing.status !== 'postponed'
      ? ''
      : `; ${event.movedTo === undefined ? NO_NEW_DATE : `${MOVED_TO} ${describeDate(event.movedTo)}`}`;
  return `${standing.label}: ${[standing.lead, when].filter((w) => w !== '').join(' ')}${moved}`;
}

/**
 * Each account's date and who gives it, the earliest first, with how we know it: "24 April 2021
 * (according to the source) or 26 April 2021 (year inferred; according to Ann Lee)".
 */
export function accountsInWords(versions: readonly EventVersion[], sourceName = 'the source'): string {
  return inSentence(
    accountsByDate(versions).map((version) => describeDate(version.when, accordingTo(version, sourceName))),
    'or',
  );
}

/**
 * For places that hold one date where the accounts give several (the open data's `when`): one day
 * we cannot pin down, from the first day any account allows to the last, inferred, its reasoning
 * giving every account. Never one account's date as if it were the only one.
 */
export function accountsTogether(versions: readonly EventVersion[], sourceName = 'the source'): DateValue {
  const bounds = versions.map(({ when }) => dateBounds(when));
  return {
    earliest: bounds.map((b) => b.earliest).sort()[0]!,
    latest: bounds
      .map((b) => b.latest)
      .sort()
      .at(-1)!,
    provenance: 'inferred',
    reasoning: `The accounts of the date differ: ${accountsInWords(versions, sourceName)}. This is the stretch they allow together.`,
  };
}

/**
 * How another story's telling of an event shown once dates it, when not as the telling shown does:
 * its date with how we know it, or every account where its accounts differ ("24 April 2021 (year
 * inferred)", "20 to 29 April 2021 (according to Ann Lee) or …"); nothing when the words are the same.
 */
export function datedThere(telling: Telling, shown: Telling): string | undefined {
  const words = ({ event }: Telling) =>
    event.versions.length === 0
      ? describeDate(event.when)
      : accountsInWords(event.versions, sourceVoiceName(event.source));
  const there = words(telling);
  return telling === shown || there === words(shown) ? undefined : there;
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
 * Who gives an account, named as a sentence names them (actors in full, "the" before a name that
 * takes it, one the source does not name as its description, the source last): "according to Ann
 * Lee", "according to the Taliban and the United States", "according to a senior official speaking on
 * condition of anonymity", "according to Ann Lee and the source". `sourceName` is how the page names
 * the source.
 */
export function accordingTo(
  account: { claimants: readonly Parameters<typeof holderInText>[0][]; sourceVoice: boolean },
  sourceName = 'the source',
): string {
  const count = account.claimants.length + Number(account.sourceVoice);
  const holders = [
    ...account.claimants.map((holder, i) => holderInText(holder, { followed: i < count - 1 })),
    ...(account.sourceVoice ? [sourceName] : []),
  ];
  return `according to ${inSentence(holders)}`;
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

/** How much of a date is ours: stated in the text, then from the page's metadata, then partly inferred, then inferred whole. */
const oursIn = (date: DateValue): number =>
  date.provenance === 'stated' ? Number(date.statedIn === 'metadata') : inferredWhole(date) ? 3 : 2;

/**
 * What "now" is for the story, for its header: "As of 8 May 2021, the date of the latest source"; or,
 * when the latest source is dated only to a month or a range, "As of 31 May 2021, the last day the
 * latest source can date from". The day keeps how we know the date it comes from (of the surest
 * source that ends on it): inferred with its reasoning, "year inferred", "from the page's metadata";
 * never stated where the source's date is ours. Nothing for a story without a dated source.
 */
export function storyNow(story: StoryDates): { date: DateValue; note: string } | undefined {
  if (story.asOf === '') return undefined;
  const latest = story.sources
    .map(({ published }) => published)
    .filter((published) => dateBounds(published).latest === story.asOf);
  const exact = latest.filter((published) => datePrecision(published) === 'day');
  const from = (exact.length > 0 ? exact : latest).toSorted((a, b) => oursIn(a) - oursIn(b))[0];
  const { provenance = 'stated', inferredParts, statedIn, reasoning } = from ?? {};
  return {
    date: {
      on: story.asOf,
      provenance,
      ...(inferredParts && { inferredParts }),
      ...(statedIn && { statedIn }),
      ...(reasoning !== undefined && { reasoning }),
    },
    note: exact.length > 0 ? 'the date of the latest source' : 'the last day the latest source can date from',
  };
}
