/** Date fields settled by flag, suggestion or question: a quote's `said`, an event's `when`, and dates read from words of a source. */
import type { DateValue } from '../../lib/model/date.ts';
import type { Entry } from '../../lib/model/corpus.ts';
import { explainMiss, findVerbatim, type Span } from '../../lib/content/verbatim.ts';
import { contextOf } from '../../lib/authoring/context.ts';
import { suggestDate, type DateSuggestion } from '../../lib/authoring/dates.ts';
import type { Decider, Suggested } from '../decide.ts';
import { oneOf, Stop, type Flags } from './flags.ts';
import { idList } from '../../lib/authoring/flags.ts';
import { referenceOf } from './folder.ts';

/** The date value given by flags, laid over the suggestion (a shape flag replaces the suggestion's shape). */
export function dateFromFlags(flags: Flags): Partial<DateValue> | undefined {
  // `--either A,B`: an uncertain date the words leave open between those days, each a reading.
  const readings = idList(flags.either);
  const shape = {
    on: flags.on,
    earliest: flags.earliest ?? readings?.[0],
    latest: flags.latest ?? readings?.at(-1),
    readings,
    from: flags.from,
    to: flags.to,
  };
  const rest = {
    part: oneOf('part', ['early', 'mid', 'late'] as const, flags.part),
    statedAs: flags['stated-as'],
    provenance: oneOf('provenance', ['stated', 'inferred'] as const, flags.provenance),
    inferredParts: idList(flags['inferred-parts']) as DateValue['inferredParts'],
    relativeTo: flags['relative-to'],
    reasoning: flags.reasoning,
  };
  const given = Object.fromEntries(Object.entries({ ...shape, ...rest }).filter(([, v]) => v !== undefined));
  return Object.keys(given).length === 0 ? undefined : given;
}

const SHAPE = ['on', 'earliest', 'latest', 'readings', 'from', 'to', 'part'] as const;

/** Whether a shape flag gives what a reading has: a value, or the days of `readings`. */
const sameShape = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.join(',') === b.join(',') : a === b;

/** The flags that give one date value's shape: how a script chooses a reading. */
const shapeFlags = (date: DateValue) =>
  date.on !== undefined
    ? `--on ${date.on}${date.part ? ` --part ${date.part}` : ''}`
    : date.readings !== undefined
      ? `--either ${date.readings.join(',')}`
      : date.earliest !== undefined
        ? `--earliest ${date.earliest} --latest ${date.latest}`
        : `--from ${date.from} --to ${date.to}`;

/** The date suggestion as a field suggestion; a reading to choose is labelled with the flags that choose it. */
export function dateSuggested(suggestion: DateSuggestion): Suggested<DateValue> {
  if (suggestion.kind === 'none')
    return {
      kind: 'none',
      why: suggestion.why ?? 'no date expression in the passage, its sentence or its paragraph',
    };
  if (suggestion.kind === 'ambiguous')
    return {
      kind: 'choose',
      why: suggestion.why,
      options: suggestion.options.map((o) => ({ value: o.value, label: `${shapeFlags(o.value)} (${o.label})` })),
      optional: suggestion.optional ?? false,
    };
  return { kind: 'value', value: suggestion.value, note: `from "${suggestion.expression}"` };
}

export const showDate = (date: DateValue) =>
  [
    date.on ??
      (date.readings
        ? `either ${date.readings.join(' or ')}`
        : date.earliest
          ? `${date.earliest}..${date.latest}`
          : `${date.from}–${date.to}`),
    date.part,
    `(${date.provenance}${date.statedAs ? `, "${date.statedAs}"` : ''})`,
  ]
    .filter(Boolean)
    .join(' ');

/** Settles a date field: flags over the suggestion; an ambiguous suggestion settled by a shape flag. */
export async function decideDate(
  field: string,
  flags: Flags,
  decider: Decider,
  suggestion: Suggested<DateValue>,
): Promise<DateValue | undefined> {
  if (flags['no-date']) return undefined;
  const given = dateFromFlags(flags);
  const hasShape = given !== undefined && SHAPE.some((k) => k in given && k !== 'part');
  // A reading to choose is chosen by its shape's flags alone, and keeps its words and reasoning; with
  // other date flags, the flags are the whole date.
  const onlyShape = given !== undefined && Object.keys(given).every((k) => (SHAPE as readonly string[]).includes(k));
  const chosen =
    hasShape && onlyShape && suggestion.kind === 'choose'
      ? suggestion.options.find(({ value }) =>
          SHAPE.every((k) => sameShape(given[k], value[k]) || (k === 'part' && given.part === undefined)),
        )
      : undefined;
  if (chosen) return { ...chosen.value, ...given };
  const base = hasShape
    ? undefined
    : await decider.decide(field, '--on/--earliest/--latest (or --no-date)', undefined, suggestion, { show: showDate });
  if (given === undefined)
    return (
      base && {
        ...base,
        ...(base.reasoning !== undefined && { reasoning: await decider.confirm(`${field}.reasoning`, base.reasoning) }),
      }
    );
  if (!hasShape && base === undefined)
    throw new Stop(
      `No date to lay ${Object.keys(given).join(', ')} over: give the date itself (--on, or --earliest and --latest, or --from and --to)`,
    );
  const laid: Partial<DateValue> = { ...(hasShape ? {} : base), ...given };
  if (hasShape && laid.provenance === undefined) laid.provenance = laid.reasoning === undefined ? 'stated' : 'inferred';
  return laid as DateValue;
}

/**
 * The date that words of the source give (`--moved-to`, a version's words): read from the words, then
 * their sentence; it must be one reading, or the command stops saying why (or, with `unread`, that
 * settles words that give none).
 */
export async function dateOfWords<T = never>(
  flag: string,
  field: string,
  words: string,
  decider: Decider,
  source: Entry<{ published: DateValue }>,
  unread?: (why: string) => Promise<T>,
): Promise<DateValue | T> {
  const body = source.body ?? '';
  const found = findVerbatim(words, body);
  if (!found.found) throw new Stop(`${flag} is not in the source verbatim: ${explainMiss(words, body)}`);
  const span = found as Span;
  const { sentence } = contextOf(body, span.start, span.end);
  // A new date is read from its own words only: the sentence around them holds the date it replaces.
  const scopes =
    flag === '--moved-to'
      ? [{ text: span.text, start: span.start }]
      : [
          { text: span.text, start: span.start },
          { text: sentence.text, start: sentence.start },
        ];
  const date = dateSuggested(suggestDate(scopes, referenceOf(source)));
  if (date.kind !== 'value' && unread) return unread(date.why);
  if (date.kind !== 'value')
    throw new Stop(
      `${flag} "${words}": ${date.why}: give words of the source that state the date as one reading${
        flag === '--moved-to'
          ? `, or keep these words with our bound: --moved-not-before <date> and/or --moved-not-after <date>, and --moved-reasoning "<why>"`
          : ''
      }`,
    );
  decider.notes.push(`${field}: ${showDate(date.value)} (${date.note})`);
  return {
    ...date.value,
    ...(date.value.reasoning !== undefined && {
      reasoning: await decider.confirm(`${field}.reasoning`, date.value.reasoning),
    }),
  };
}
