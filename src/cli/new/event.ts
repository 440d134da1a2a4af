/** `npm run new -- event`: an event's date (or order, or competing accounts), status, expectation, actors, quotes and claims. */
import { join } from 'node:path';
import type { DateValue } from '../../lib/model/date.ts';
import { eventStatuses, expectationTimings } from '../../lib/model/entities.ts';
import type { Entry } from '../../lib/model/corpus.ts';
import { findVerbatim } from '../../lib/content/verbatim.ts';
import { namedActors, namedWithin, type ActorNames } from '../../lib/authoring/actors.ts';
import { speaksFor, tellerOf } from '../../lib/authoring/accounts.ts';
import {
  orderBoundOf,
  readDates,
  suggestDate,
  wordsDateOf,
  type Reference,
  type Scope,
} from '../../lib/authoring/dates.ts';
import { claimsResting } from '../../lib/authoring/evidence.ts';
import { suggestEventStatus } from '../../lib/authoring/status.ts';
import { expectationTiming, expectedBound } from '../../lib/authoring/expectation.ts';
import { suggestId } from '../../lib/authoring/ids.ts';
import { entityFile } from '../../lib/authoring/files.ts';
import { Decider, type Suggested } from '../decide.ts';
import { nonEmpty, oneOf, Stop, type Flags, type VersionFlags } from './flags.ts';
import { idList } from '../../lib/authoring/flags.ts';
import { decideIds, foundIn, quotesWithin, referenceOf } from './folder.ts';
import { dateFromFlags, dateOfWords, dateSuggested, decideDate } from './dates.ts';
import { accountsOf, askHolders, type UnnamedHolder } from './accounts.ts';
import { commit, type Io } from './write.ts';

const sameDate = (a: DateValue | undefined, b: DateValue | undefined) =>
  a !== undefined &&
  b !== undefined &&
  ['on', 'earliest', 'latest', 'from', 'to', 'part'].every((k) => a[k as keyof DateValue] === b[k as keyof DateValue]);

/** How an event the source gives no date for is placed: by order, as the file writes it. */
interface Order {
  before?: ReturnType<typeof orderBoundOf>;
  after?: ReturnType<typeof orderBoundOf>;
  statedAs: string;
}

const ORDER_FLAGS =
  '--before <event id or date> [--after <event id or date>] --order-stated-as "<the source\'s words>"';

/**
 * The order that places an event the source gives no date for ("before the vote"): by `--before`
 * and `--after`, with the source's words for it (asked in a terminal when not given). Where the
 * passage, its sentence and its paragraph give no date and no flag gives one, a terminal asks whether
 * it is placed only by order, and a script must say: a date by flag, or the order.
 */
async function orderOf(
  io: Io,
  flags: Flags,
  decider: Decider,
  hasVersions: boolean,
  suggestedWhen: Suggested<DateValue>,
  events: Set<string>,
): Promise<Order | undefined> {
  const flagged = flags.before !== undefined || flags.after !== undefined;
  if (flagged && (hasVersions || dateFromFlags(flags) !== undefined))
    throw new Stop(
      '--before/--after are for an event the source gives no date for: give them without a date or --version',
    );
  const undated =
    !flagged &&
    !hasVersions &&
    !flags['no-date'] &&
    dateFromFlags(flags) === undefined &&
    suggestedWhen.kind === 'none';
  if (!flagged && !undated) return undefined;
  if (!flagged && !io.prompter) {
    decider.undecided.push(
      `--on <date> (or --earliest/--latest, --from/--to) | ${ORDER_FLAGS}  (${suggestedWhen.kind === 'none' ? suggestedWhen.why : 'no date'}: a date the source gives, or only the order it gives; the tool does not guess)`,
    );
    return undefined;
  }
  let before = flags.before;
  let after = flags.after;
  if (!flagged && io.prompter) {
    const how = await io.prompter.select(
      `when: ${suggestedWhen.kind === 'none' ? suggestedWhen.why : 'no date'}: does the source give a date, or only an order?`,
      [
        { value: 'order', label: 'only an order: before or after another event or a date ("before the vote")' },
        { value: 'date', label: 'a date: give it by flag (--on, --earliest/--latest, --from/--to)' },
      ],
    );
    if (how === 'date') return undefined;
    const bound = async (side: string) =>
      (
        await io.prompter!.text(
          `order.${side} (an event of the story${events.size > 0 ? `: ${[...events].join(', ')}` : ''}; or a date, YYYY[-MM[-DD]]; empty for none)`,
        )
      ).trim() || undefined;
    before = await bound('before');
    after = await bound('after');
  }
  const statedAs =
    flags['order-stated-as'] ??
    ((io.prompter &&
      (await io.prompter.text(`order.statedAs (the source's words for the order, "before the vote")`)).trim()) ||
      undefined);
  if (statedAs === undefined)
    throw new Stop(
      `--before/--after place an event the source gives no date for: give --order-stated-as "<the source's words for the order>" ("before the vote")`,
    );
  return {
    ...(before !== undefined && { before: orderBoundOf(before) }),
    ...(after !== undefined && { after: orderBoundOf(after) }),
    statedAs,
  };
}

/**
 * A postponed event's new date, from `--moved-to "<words of the source that give it>"`: the date
 * they give, or, for words with no day ("after Ramadan"), the words with our bound
 * (`--moved-not-before`, `--moved-not-after`, `--moved-reasoning`), asked in a terminal.
 */
async function movedToOf(io: Io, flags: Flags, decider: Decider, source: Entry<{ published: DateValue }>) {
  const words = flags['moved-to'];
  if (words === undefined) return undefined;
  const bound = {
    notBefore: flags['moved-not-before'],
    notAfter: flags['moved-not-after'],
    reasoning: flags['moved-reasoning'],
  };
  const given = wordsDateOf(words, bound);
  if (given !== undefined || !io.prompter) return given ?? dateOfWords('--moved-to', 'movedTo', words, decider, source);
  const prompter = io.prompter;
  return dateOfWords('--moved-to', 'movedTo', words, decider, source, async (why) => {
    const side = await prompter.select(`movedTo: "${words}" gives no day (${why}): what bound do they give?`, [
      { value: 'notBefore', label: 'not before a date ("after Ramadan")' },
      { value: 'notAfter', label: 'not after a date ("before the summer")' },
      { value: 'both', label: 'between two dates' },
    ]);
    const ask = async (field: string) => (await prompter.text(`movedTo.${field} (YYYY[-MM[-DD]])`)).trim() || undefined;
    return wordsDateOf(words, {
      notBefore: side === 'notAfter' ? undefined : await ask('notBefore'),
      notAfter: side === 'notBefore' ? undefined : await ask('notAfter'),
      reasoning: (await prompter.text('movedTo.reasoning (how the bound follows from the words)')).trim() || undefined,
    });
  });
}

export async function newEvent(
  io: Io,
  flags: Flags,
  [slug, words]: string[],
  versions: VersionFlags[],
): Promise<number> {
  if (slug === undefined || words === undefined)
    throw new Stop('event needs a story and words of its passage: npm run new -- event <slug> "<words>"');
  const { story, source, span, body, context, actors: actorList } = foundIn(io, slug, words, flags.source);
  const decider = new Decider(io.prompter, flags.yes ?? false, io.out);
  const title = await decider.decide(
    'title',
    '--title',
    flags.title,
    { kind: 'none', why: 'a short headline is yours to write' },
    { parse: (s) => s.trim() },
  );
  const scopes: Scope[] = [span, context.sentence, context.paragraph].map((s) => ({ text: s.text, start: s.start }));
  // Competing accounts of the date replace `when`: each gives its own.
  const accounts = await accountsOf('event', versions, decider, source, actorList, io.prompter);
  const dateSuggestion = suggestDate(scopes, referenceOf(source));
  const suggestedWhen = dateSuggested(dateSuggestion);
  // An event placed only by order (`--before`/`--after`) has no date: none is suggested or written.
  const order = await orderOf(io, flags, decider, accounts.length > 0, suggestedWhen, story.taken.events);
  // A status given by flag is known before the date: what is expected by the end of a month is
  // expected by the month, not on its last day. Otherwise it is suggested from the date's words.
  const flaggedStatus = oneOf('status', eventStatuses, flags.status);
  const when =
    accounts.length > 0 || order !== undefined
      ? undefined
      : await decideDate(
          'when',
          flags,
          decider,
          flaggedStatus === 'expected' && suggestedWhen.kind === 'value'
            ? { ...suggestedWhen, value: expectedBound(suggestedWhen.value) }
            : suggestedWhen,
        );
  const reference = referenceOf(source);
  const expression = dateSuggestion.kind === 'none' ? '' : dateSuggestion.expression;
  const statusSuggestion = suggestEventStatus(
    when,
    context.sentence.text,
    expression === '' ? -1 : context.sentence.text.toLowerCase().indexOf(expression.toLowerCase()),
    reference.until ?? reference.day,
  );
  const status =
    flags.status !== undefined || (statusSuggestion.kind === 'value' && statusSuggestion.value === undefined)
      ? flaggedStatus
      : await decider.decide(
          'status',
          '--status',
          undefined,
          statusSuggestion.kind === 'value'
            ? { kind: 'value', value: statusSuggestion.value!, note: statusSuggestion.why }
            : {
                kind: 'choose',
                why: statusSuggestion.why,
                options: statusSuggestion.options.map((value) => ({ value, label: value })),
              },
          { parse: (s) => oneOf('status', eventStatuses, s.trim())! },
        );
  const movedTo = await movedToOf(io, flags, decider, source);
  const until =
    flags.until === undefined ? undefined : await dateOfWords('--until', 'until', flags.until, decider, source);
  const expectation =
    status === 'expected' || hasExpectationFlags(flags)
      ? await expectationOf(io, flags, decider, context.sentence.text, referenceOf(source), when, actorList)
      : undefined;
  const named = namedActors(context.sentence.text, actorList);
  if (named.ambiguous.length > 0 && flags.actors === undefined) {
    decider.undecided.push(
      `--actors <ids>  (${named.ambiguous.map((m) => `"${m.text}" could be ${m.ids.join(' or ')}`).join('; ')}; the tool does not guess)`,
    );
  }
  // Actors the paragraph names beside the sentence's may have taken part too: the editor says, the tool does not guess.
  const nearby = namedActors(context.paragraph.text, actorList).ids.filter((id) => !named.ids.includes(id));
  if (nearby.length > 0 && flags.actors === undefined) {
    decider.undecided.push(
      `--actors <ids>  (the sentence names ${named.ids.join(', ') || 'no actor'}; the paragraph also names ${nearby.join(', ')}: say which took part; the tool does not guess)`,
    );
  }
  // An actor named inside another's mention ("US" in "US peace envoy") may have taken part too.
  const within = namedWithin(context.sentence.text, actorList).filter((w) => !named.ids.includes(w.id));
  if (within.length > 0 && flags.actors === undefined)
    decider.undecided.push(
      `--actors <ids>  (${within.map((w) => `"${w.within.text}" names ${w.id} too`).join('; ')}: say whether it took part; the tool does not guess)`,
    );
  // Who tells of the event in the sentence ("…, Matos said") need not have taken part.
  const teller = tellerOf(context.sentence, span, actorList);
  const told = teller?.id !== undefined && named.ids.includes(teller.id) ? teller.id : undefined;
  const party = told === undefined ? undefined : speaksFor(told, context.sentence.text, named.ids, actorList);
  if (party !== undefined && flags.actors === undefined)
    decider.notes.push(`actors: ${told} tells of it for ${party}, which takes part`);
  else if (told !== undefined && flags.actors === undefined)
    decider.undecided.push(
      `--actors <ids>  ("${teller!.words}" tells of it in the sentence: say whether ${told} took part; the tool does not guess)`,
    );
  const actors = await decideIds(
    decider,
    'actors',
    flags.actors,
    named.ids.filter((id) => id !== told),
    'the actors the sentence names',
  );
  const sourceId = source.id.slice(slug.length + 1);
  const dated = story.quotes.filter(
    (q) => q.data.source === sourceId && sameDate(q.data.said, when) && actors?.includes(q.data.speaker ?? ''),
  );
  const datedIds = dated.map((q) => q.id.slice(slug.length + 1));
  const inSentence = quotesWithin(story, body, context.sentence, slug).filter((id) => !datedIds.includes(id));
  // A sentence that tells of several dates may tell of several events: its quotes may be another's.
  const dates = readDates(context.sentence.text, referenceOf(source));
  const quotes =
    dates.length > 1 && inSentence.length > 0 && flags.quotes === undefined
      ? await decider.decide<string[]>(
          'quotes',
          '--quotes',
          undefined,
          {
            kind: 'choose',
            why: `the sentence tells of ${dates.length} dates (${dates.map((d) => `"${d.expression}"`).join(', ')}): its quotes ${inSentence.join(', ')} may be of another event`,
            options: [datedIds, [...datedIds, ...inSentence]].map((value) => ({
              value,
              label: value.length === 0 ? '""' : value.join(','),
            })),
          },
          { parse: (s) => idList(s) ?? [], show: (v) => v.join(',') },
        )
      : await decideIds(
          decider,
          'quotes',
          flags.quotes,
          [...datedIds, ...inSentence],
          "quotes in the sentence, and the actors' quotes of that date",
        );
  const claimIds = claimsResting(
    story.claims.map((c) => ({ ...c.data, id: c.id.slice(slug.length + 1) })),
    quotes ?? [],
    (p) => {
      const f = findVerbatim(p, body);
      return f.found && f.start >= context.sentence.start && f.end <= context.sentence.end;
    },
  );
  const claims = await decideIds(
    decider,
    'claims',
    flags.claims,
    claimIds,
    'claims resting on those quotes or on the sentence',
  );
  const id = flags.id ?? suggestId('', title ?? words, story.taken.events, 5);
  decider.settle();
  const fields = {
    title,
    when,
    order,
    versions: nonEmpty(
      accounts.map((a) => ({
        when: a.when,
        claimants: a.claimants,
        sourceVoice: a.sourceVoice,
        passages: a.passage === undefined ? undefined : [a.passage],
      })),
    ),
    status,
    movedTo,
    until,
    expectation,
    source: sourceId,
    actors: nonEmpty(actors),
    quotes: nonEmpty(quotes),
    claims: nonEmpty(claims),
    sameAs: nonEmpty(idList(flags['same-as'])),
  };
  for (const note of decider.notes) io.out(`  to check: ${note}`);
  return commit(
    io,
    [{ path: join(story.dir, 'events', `${id}.md`), text: entityFile(fields, `${flags.body ?? ''}\n`) }],
    flags.body === undefined ? [`the event's body: what happened, in plain text`] : [],
  );
}

/** Whether any flag of an expectation is given: without `--status expected`, the check then says so. */
const hasExpectationFlags = (flags: Flags) =>
  [
    flags['expected-by'],
    flags['expected-by-unnamed'],
    flags['expected-by-source-voice'],
    flags['expected-timing'],
  ].some((flag) => flag !== undefined);

/** Who holds an expectation, as the file writes it. */
interface ExpectationFields {
  holders?: string[] | undefined;
  unnamed?: UnnamedHolder | undefined;
  sourceVoice?: true | undefined;
  timing?: 'by' | 'on' | undefined;
}

/**
 * An expected event's `expectation`: who expects it, by flag, else asked in a terminal (never
 * suggested: the tool does not guess who holds an expectation); and its timing, suggested from the
 * words before the date ("by the end of the month" is a bound), a flag or the question deciding.
 */
async function expectationOf(
  io: Io,
  flags: Flags,
  decider: Decider,
  sentence: string,
  reference: Reference,
  when: DateValue | undefined,
  actorList: ActorNames[],
): Promise<ExpectationFields> {
  const HOLDER_FLAGS = '--expected-by <actor ids> | --expected-by-unnamed "<description>" | --expected-by-source-voice';
  const given = {
    ids: idList(flags['expected-by']) ?? [],
    unnamed:
      flags['expected-by-unnamed'] === undefined
        ? undefined
        : {
            description: flags['expected-by-unnamed'],
            ...(flags.affiliation !== undefined && { affiliation: flags.affiliation }),
          },
    sourceVoice: flags['expected-by-source-voice'] ?? false,
  };
  const unsaid = flags['expected-by'] === undefined && given.unnamed === undefined && !given.sourceVoice;
  if (unsaid && !io.prompter) decider.undecided.push(`${HOLDER_FLAGS}  (who expects it; the tool does not guess)`);
  const holders =
    unsaid && io.prompter
      ? await askHolders(io.prompter, 'expectation', 'who expects it?', actorList, sentence)
      : given;
  const found = expectationTiming(sentence, reference, when?.statedAs);
  const timing = await decider.decide(
    'expectation.timing',
    '--expected-timing by|on',
    oneOf('expected-timing', expectationTimings, flags['expected-timing']),
    {
      kind: 'value',
      value: found.timing,
      note:
        found.expression === undefined
          ? 'no limit word before the date: expected on it'
          : `"${found.expression}" follows a limit word: expected by it`,
    },
    { parse: (typed) => oneOf('expected-timing', expectationTimings, typed.trim()) ?? 'on' },
  );
  return {
    holders: nonEmpty(holders.ids),
    unnamed: holders.unnamed,
    sourceVoice: holders.sourceVoice ? true : undefined,
    timing,
  };
}
