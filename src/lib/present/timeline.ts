import type { DateValue } from '../model/date.ts';
import { isWordsDate, type EventStatus, type WordsDate } from '../model/entities.ts';
import type {
  EventOrder,
  EventVersion,
  Expectation,
  OrderBound,
  Source,
  Story,
  TimelineEvent,
} from '../model/corpus.ts';
import { compareDated, dateBounds, datePrecision, placedAt } from '../model/chronology.ts';
import { describeDate, describeGap, formatDate, inferredWhole, provenanceNote } from './dates.ts';
import { holderInText, type Telling } from './actors.ts';
import { sourceVoiceName } from './labels.ts';
import { inSentence } from './text.ts';

/**
 * How the timeline tells events: where each stood as of the story's "now" (`Story.asOf`, the last
 * day its latest source can date from), the competing accounts of a date, and the gaps between
 * events. What had not happened then is never told as if it had: it is labelled in words ("Planned",
 * "Deadline", "Postponed", "Cancelled") and no gap toward it is told as elapsed time. What is under
 * way, or expected by someone, is told as of its own source's date ("Under way: since …; set to last
 * until …", "Expected by officials: by the end of March 2026"), never as a set date.
 */

type Dated = Pick<TimelineEvent, 'status' | 'when' | 'expectation'>;

/** Whether the event had happened as of `asOf`: its status says so, and its date (if it has one) is not after that day. */
export function hadHappened(event: Dated, asOf: string): boolean {
  return (
    event.status === 'happened' && (asOf === '' || event.when === undefined || dateBounds(event.when).earliest <= asOf)
  );
}

/** The label for each status of an event that had not happened, or had not ended. */
const EVENT_STATUS_LABELS: Record<Exclude<EventStatus, 'happened'>, string> = {
  scheduled: 'Planned',
  deadline: 'Deadline',
  postponed: 'Postponed',
  cancelled: 'Cancelled',
  'under-way': 'Under way',
  expected: 'Expected',
};

/** How an event that had not happened (or had begun and not ended) stands, as the timeline shows it. */
export interface Standing {
  /** `scheduled`, `deadline`, `postponed`, `cancelled`, `under-way` or `expected` (an event dated after "now" counts as `scheduled`). */
  status: Exclude<EventStatus, 'happened'>;
  /** The word shown before its date, in text and never by colour alone: "Planned", "Deadline", … */
  label: string;
  /** What comes between the label and the date: "had been set for" for a date that no longer holds, "since" for the start of what is under way, "by the end of" for a bound an expectation gives; otherwise nothing. */
  lead: string;
  /** How a gap toward it is told instead of elapsed time: "set for", "due", "had been set for", "expected"; none for an event under way, whose start had happened. */
  plannedAs: string | undefined;
}

const STANDINGS: Record<Exclude<Standing['status'], 'expected'>, Omit<Standing, 'status' | 'label'>> = {
  scheduled: { lead: '', plannedAs: 'set for' },
  deadline: { lead: '', plannedAs: 'due' },
  postponed: { lead: 'had been set for', plannedAs: 'had been set for' },
  cancelled: { lead: 'had been set for', plannedAs: 'had been set for' },
  'under-way': { lead: 'since', plannedAs: undefined },
};

/**
 * What leads into the date of an event expected `by` it: "by the end of" a month or a year ("by the
 * end of March 2026", the bound the source gives, never a day of it), "by" a day or anything else.
 * Nothing for one expected on its date.
 */
function expectedLead(event: Dated): string {
  const { when } = event;
  if (event.expectation?.timing !== 'by' || when === undefined) return '';
  const precision = datePrecision(when);
  return (precision === 'month' || precision === 'year') && when.part === undefined ? 'by the end of' : 'by';
}

/** How the event stood as of `asOf`, or nothing for an event that had happened. */
export function eventStanding(event: Dated, asOf: string): Standing | undefined {
  if (hadHappened(event, asOf)) return undefined;
  const status = event.status === 'happened' ? 'scheduled' : event.status;
  if (status === 'expected') {
    const by = event.expectation?.timing === 'by';
    return {
      status,
      label: EVENT_STATUS_LABELS[status],
      lead: expectedLead(event),
      plannedAs: by ? 'expected no later than' : 'expected',
    };
  }
  return { status, label: EVENT_STATUS_LABELS[status], ...STANDINGS[status] };
}

/**
 * Who expects an expected event, as a sentence names them (actors in full, "the" where a name takes
 * it, an unnamed holder by the source's description, the source last): "officials", "Ann Lee and the
 * source". `sourceName` is how the page names the source; `followed`: more of the clause comes after
 * the last (`holderInText`).
 */
export function expectationHolders(
  expectation: Expectation,
  sourceName = 'the source',
  { followed = false } = {},
): string {
  const holders = [...expectation.holders, ...(expectation.unnamed ? [expectation.unnamed] : [])];
  const count = holders.length + (expectation.sourceVoice ? 1 : 0);
  return inSentence([
    ...holders.map((holder, i) => holderInText(holder, { followed: followed || i < count - 1 })),
    ...(expectation.sourceVoice ? [sourceName] : []),
  ]);
}

/**
 * What the page of one who expects an event says of it, as of its source: "Expects it by the end of
 * March 2026 (inferred); as of 4 March 2026", "Expects it with officials at the transport ministry on
 * 20 March 2026 (year inferred); …". The date keeps how we know it, after "by" for a bound (`by`
 * timing), "on" a day or "within" a longer date it is expected on (`on`); whoever else holds the
 * expectation is named. Never a set date, nor a day of a bound. `holderId`: the page's actor.
 */
export function expectsInWords(
  holderId: string,
  event: Pick<TimelineEvent, 'when' | 'status' | 'expectation'> & { source: Pick<Source, 'published'> },
  sourceName = 'the source',
): string {
  // An expected event has `when` and `expectation`: the model refuses one without them.
  const when = event.when!;
  const expectation = event.expectation!;
  const others = { ...expectation, holders: expectation.holders.filter((holder) => holder.id !== holderId) };
  const withOthers =
    others.holders.length > 0 || others.unnamed !== undefined || others.sourceVoice
      ? ` with ${expectationHolders(others, sourceName, { followed: true })}`
      : '';
  const lead = expectation.timing === 'by' ? expectedLead(event) : datePrecision(when) === 'day' ? 'on' : 'within';
  return `Expects it${withOthers} ${lead} ${describeDate(when)}; ${asOfSource(event.source)}`;
}

/** For an event under way, what follows the day it began. */
export const SET_TO_LAST = 'set to last until';

/** How we know a source's date, as "as of" it adds after a comma: "year inferred", "inferred"; none for a date its text states. */
export function asOfNote(published: DateValue): string | undefined {
  return inferredWhole(published) ? 'inferred' : provenanceNote(published);
}

/** For an event under way or expected, whose standing is as of its source's date: that date, in words, with how we know it ("as of 4 March 2026", "as of 4 March 2026, year inferred"). */
export function asOfSource(source: Pick<Source, 'published'>): string {
  const note = asOfNote(source.published);
  return `as of ${formatDate(source.published)}${note === undefined ? '' : `, ${note}`}`;
}

/** For a postponed event, what follows the date it had been set for. */
export const MOVED_TO = 'moved to';
export const NO_NEW_DATE = 'no new date given';

/** What stands where the date would, for an event the source gives no date for, only an order. */
export const DATE_NOT_GIVEN = 'date not given';

/** An undated event's bounds, in reading order: what it came after, then what it came before. */
export function orderBounds(order: EventOrder): { relation: 'after' | 'before'; bound: OrderBound }[] {
  return (['after', 'before'] as const).flatMap((relation) => {
    const bound = order[relation];
    return bound === undefined ? [] : [{ relation, bound }];
  });
}

/** A bound in words: another event by its title in quotation marks, a date as dates read ("3 March 2026"). */
export const boundInWords = (bound: OrderBound): string =>
  bound.event !== undefined ? `“${bound.event.title}”` : formatDate({ on: bound.date, provenance: 'stated' });

/**
 * Where the source places an event it gives no date for, in words: "date not given; after
 * “The strike begins” and before “Union members vote”". No date, no gap: only the order.
 */
export function orderInWords(order: EventOrder): string {
  return `${DATE_NOT_GIVEN}; ${orderBounds(order)
    .map(({ relation, bound }) => `${relation} ${boundInWords(bound)}`)
    .join(' and ')}`;
}

/**
 * A new date the source gives only in words, with the bound we read from them marked as ours:
 * "“after Ramadan” (the source's words; our reading: not before 20 March 2026)".
 */
export function wordsDateInWords(date: WordsDate): string {
  return `“${date.statedAs}” (the source's words; our reading: ${wordsDateBound(date)})`;
}

/** Our bound on a new date given in words: "not before 20 March 2026", "not before March and not after April 2026". */
export function wordsDateBound(date: WordsDate): string {
  const words = (value: string) => formatDate({ on: value, provenance: 'inferred', reasoning: date.reasoning });
  return [
    date.notBefore !== undefined && `not before ${words(date.notBefore)}`,
    date.notAfter !== undefined && `not after ${words(date.notAfter)}`,
  ]
    .filter((part) => part !== false)
    .join(' and ');
}

/** A postponed event's new date in words: a date with how we know it, or the source's words with our bound. */
export const movedToInWords = (movedTo: DateValue | WordsDate): string =>
  isWordsDate(movedTo) ? wordsDateInWords(movedTo) : describeDate(movedTo);

/** An event's date in words: its date with how we know it, every account's date, or its order. */
function whenInWords(event: Pick<TimelineEvent, 'when' | 'versions' | 'order'>, sourceName: string): string {
  if (event.versions.length > 0) return accountsInWords(event.versions, sourceName);
  return event.when !== undefined ? describeDate(event.when) : orderInWords(event.order!);
}

/**
 * The date an event stands at, in words, with its status and how we know each date: "7 May 2021",
 * "Planned: 1 May 2021 (year inferred)", "Postponed: had been set for 24 April 2021; moved to
 * 3 May 2021", "Postponed: had been set for 24 April 2021; no new date given", "Cancelled: had been
 * set for 24 April 2021", "Under way: since 24 February 2026; set to last until 10 March 2026; as of
 * 4 March 2026", "Expected by officials: by the end of March 2026; as of 4 March 2026". For an
 * event the accounts date differently, every account's date (`accountsInWords`), never one of them
 * alone; for one the source gives no date for, its order ("date not given; before “Union members vote”").
 */
export function describeEventDate(
  event: Pick<TimelineEvent, 'when' | 'versions' | 'status' | 'movedTo' | 'until' | 'expectation' | 'order'> & {
    source: Pick<Source, 'published'>;
  },
  asOf: string,
  sourceName = 'the source',
): string {
  const standing = eventStanding(event, asOf);
  const when = whenInWords(event, sourceName);
  if (standing === undefined) return when;
  const after =
    standing.status === 'postponed'
      ? `; ${event.movedTo === undefined ? NO_NEW_DATE : `${MOVED_TO} ${movedToInWords(event.movedTo)}`}`
      : standing.status === 'under-way'
        ? `${event.until === undefined ? '' : `; ${SET_TO_LAST} ${describeDate(event.until)}`}; ${asOfSource(event.source)}`
        : standing.status === 'expected'
          ? `; ${asOfSource(event.source)}`
          : '';
  const label =
    event.expectation === undefined
      ? standing.label
      : `${standing.label} by ${expectationHolders(event.expectation, sourceName)}`;
  const lead = event.when === undefined && event.versions.length === 0 ? '' : standing.lead;
  return `${label}: ${[lead, when].filter((w) => w !== '').join(' ')}${after}`;
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
  const words = ({ event }: Telling) => whenInWords(event, sourceVoiceName(event.source));
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
function gapDate(event: Pick<TimelineEvent, 'when' | 'versions' | 'expectation'>): DateValue | undefined {
  if (event.versions.length === 0) return placedAt(event);
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
 * event that had happened (or begun, for one under way) as of `asOf`; toward one that had not, where
 * its date falls ("set for 4 months after the previous event", "due 2 weeks after the previous
 * event", "expected no later than 27 days after the previous event"). After an event under way, from
 * its start ("9 days after the previous event began"). None after an expected event: what someone
 * expects is no point in time that anything came after. None to or from an event the source gives
 * no date for: its place comes from its order, and no time between it and another can be measured.
 */
export function timelineGap(
  previous: Pick<TimelineEvent, 'when' | 'versions' | 'status' | 'expectation'>,
  next: Pick<TimelineEvent, 'when' | 'versions' | 'status' | 'expectation'>,
  asOf: string,
): string | undefined {
  if (previous.status === 'expected') return undefined;
  const [from, to] = [gapDate(previous), gapDate(next)];
  if (from === undefined || to === undefined) return undefined;
  return describeGap(from, to, eventStanding(next, asOf)?.plannedAs, previous.status === 'under-way');
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
