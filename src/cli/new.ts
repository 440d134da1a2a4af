import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { DateValue } from '../lib/model/date.ts';
import { firstDay, lastDay } from '../lib/model/calendar.ts';
import {
  media,
  quoteForms,
  eventStatuses,
  publishModes,
  expectationTimings,
  claimStatuses,
  ID_PATTERN,
  type Actor,
} from '../lib/model/entities.ts';
import type { Entry } from '../lib/model/corpus.ts';
import { readContent, readTextFile } from '../lib/content/read.ts';
import { CONTENT_DIR_VARIABLE, DEFAULT_CONTENT_DIR } from '../lib/content/folder.ts';
import { formatProblem, type ContentProblem } from '../lib/content/problems.ts';
import { explainMiss, findVerbatim, type Span } from '../lib/content/verbatim.ts';
import { aroundParagraph, contextOf, type PassageContext } from '../lib/authoring/context.ts';
import { passageAsTyped } from '../lib/authoring/passage.ts';
import {
  describedActors,
  namedActors,
  namedWithin,
  organisationIn,
  suggestSpeaker,
  type ActorNames,
} from '../lib/authoring/actors.ts';
import {
  attributionOf,
  competingFigures,
  disputersOf,
  speaksFor,
  statusCue,
  tellerOf,
  type FigureAccount,
} from '../lib/authoring/accounts.ts';
import { sameOccasion } from '../lib/authoring/occasion.ts';
import {
  orderBoundOf,
  readDates,
  suggestDate,
  wordsDateOf,
  type DateSuggestion,
  type Reference,
  type Scope,
} from '../lib/authoring/dates.ts';
import { suggestForm } from '../lib/authoring/form.ts';
import { datelineOn } from '../lib/authoring/dateline.ts';
import { claimsResting } from '../lib/authoring/evidence.ts';
import { statedLanguage } from '../lib/authoring/language.ts';
import { datedByDocument, referredDocument, type ReferredDocument } from '../lib/authoring/document.ts';
import { suggestEventStatus } from '../lib/authoring/status.ts';
import { othersOccasion, suggestMedium, type MediumSuggestion } from '../lib/authoring/medium.ts';
import { unnamedSpeaker } from '../lib/authoring/unnamed.ts';
import { expectationTiming, expectedBound } from '../lib/authoring/expectation.ts';
import { idOf, suggestId } from '../lib/authoring/ids.ts';
import { entityFile } from '../lib/authoring/files.ts';
import { checkContent } from '../lib/authoring/check.ts';
import { findNotices, readNotice } from '../lib/authoring/sourceCorrections.ts';
import { Decider, NeedsDecision, type Prompter, type Suggested } from './decide.ts';

/**
 * `npm run new -- <kind> …`: the authoring commands. Each finds what it can in the story's sources
 * (src/lib/authoring/), settles every field by flag, suggestion or question (./decide.ts), writes one
 * file and runs the content check on the folder. Usage: see USAGE below, or the README's "Authoring".
 */

const USAGE = `Usage: npm run new -- <command> [options]

  story <slug> [--text <file>] [--title <source title>] [--publisher <name>] [--url <url>]
        [--archived-url <url> --archived-on YYYY-MM-DD] [--retrieved YYYY-MM-DD] [--publish excerpts|full]
        [--published YYYY[-MM[-DD]] | --published FIRST..LAST] [--published-in metadata]
        [--published-stated-as <words>] [--published-inferred-parts year,month] [--published-reasoning <why>]
        [--note <text>] [--lang <tag>] [--source-id <id>] [--story-title <headline>] [--draft]
        [--correction "<the source's correction line>" --correction-corrects "<what>" --correction-to "<words now>"
        [--correction-from "<words before>"] [--correction-passage "<sentence>"]
        [--correction-date YYYY-MM-DD --correction-date-stated-as "<words>"] | --no-correction]
        The source text comes from --text or standard input, kept verbatim. Say where the publication
        date comes from: the page's metadata, the text's words (with the parts that are ours), or our reasoning.
        A correction the source makes to itself ("Corrects … to 14, from 40") is suggested from its text.
  quote <slug> "<words>" [--passage "<source sentence>"] [--source <id>]
        [--speaker <actor id> | --unnamed "<description>" [--affiliation <organisation id>] | --new-actor "<Name>"]
        [--form direct|reported|paraphrase] [--medium <medium> [--medium-inferred-from "<words of the source>"]] [--attribution <why>]
        [--lang <tag>] [--translation "<the words in English>" [--translation-source <source id>]] [--id <id>] [date options]
        --unnamed: a speaker the source does not name, in its words ("a senior official"); never --new-actor.
        --medium-inferred-from: the medium is ours, read from these words ("told the broadcaster Harbour FM" is an interview).
        --translation without --translation-source is ours (by: us); with it, that source's, checked there.
  event <slug> "<words of its passage>" [--title <headline>] [--body <what happened>] [--status <status>]
        [--actors a,b] [--quotes a,b] [--claims a,b] [--same-as <story>/<event>,…] [--source <id>] [--id <id>]
        [--moved-to "<words of the source giving the new date>"] (with --status postponed)
        [--until "<words of the source giving the day it is set to end>"] (with --status under-way: when = the day it began)
        [--expected-by <actor ids>] [--expected-by-unnamed "<description>" [--affiliation <id>]]
        [--expected-by-source-voice] [--expected-timing by|on] (with --status expected: who expects it, and
        whether the date is a bound it is expected by, "by the end of the month", or the date itself)
        [--moved-not-before <date>] [--moved-not-after <date>] [--moved-reasoning <why>] (new date in words, "after Ramadan":
        the words with our bound)
        [date options | --version "<words giving one account's date>" [--version-claimants a,b | --version-source-voice]
        [--version-unnamed "<description>"]…
        | --before <event id or date> [--after <event id or date>] --order-stated-as "<the source's words>"]
        --before/--after: an event the source gives no date for, only an order ("before the vote"); no date is written.
  claim <slug> "<words of its passage>" [--body <the claim>] [--status <status>] [--claimants a,b]
        [--unnamed-claimant "<description>" [--unnamed-affiliation <organisation id>]]…
        [--disputed-by a,b] [--quotes a,b] [--no-passage] [--source <id>] [--id <id>]
        [--version "<words giving one account>" --version-text "<the account>" [--version-claimants a,b |
        --version-source-voice] [--version-unnamed "<description>"]… [--version-quotes a,b] [--version-no-passage]]…
        (competing accounts: two or more, with --status contested; --version-no-passage: the account rests
        on its quotes alone, its words only find its sentence)
        --unnamed-claimant, --version-unnamed: a holder the source does not name, in its words ("an official at the harbour office").
  actor "<Name>" [--kind person|organisation] [--role <title> [--of <organisation id>] [--role-organisation <words>]
        [--role-from YYYY[-MM[-DD]]] [--role-to YYYY[-MM[-DD]]]]
        [--alias <name>]... [--disambiguation <text>] [--about <one line>] [--id <id>]

  date options (quote: said, event: when): --on, --earliest, --latest, --from, --to, --part,
        --either YYYY-MM-DD,YYYY-MM-DD (words that can mean either day: both kept, as readings),
        --stated-as, --provenance, --inferred-parts year,month, --relative-to, --reasoning, --no-date
        Where the tool offers readings to choose from, their flags choose one (--on 2026-03-10), or both
        (--either 2026-03-03,2026-03-10), and keep its words and reasoning.
  Lists (--actors, --quotes, --claims, --claimants, …) are comma-separated ids; "" or none is the empty list.
  --yes accepts every suggestion; where the tool cannot tell, it still asks for a flag.
  A file is written only when the content check passes with it; otherwise nothing is written and the
  message names each problem and the flag that gives the field.
  ${CONTENT_DIR_VARIABLE} chooses the content folder (default: ${DEFAULT_CONTENT_DIR}).`;

/** What a command needs from the world: where the content is, and how to talk to the editor. */
export interface Io {
  /** The content folder. */
  contentDir: string;
  /** The project root; file names in messages are relative to it. */
  projectRoot: string;
  /** Prints one line. */
  out: (line: string) => void;
  /** Standard input, read whole, for a source's text. */
  readStdin: () => Promise<string>;
  /** Present in a terminal: the questions. */
  prompter?: Prompter | undefined;
  /** Today, `YYYY-MM-DD`: a new story's publication day. */
  today: string;
}

const OPTIONS = {
  yes: { type: 'boolean' },
  help: { type: 'boolean' },
  draft: { type: 'boolean' },
  text: { type: 'string' },
  title: { type: 'string' },
  publisher: { type: 'string' },
  url: { type: 'string' },
  'archived-url': { type: 'string' },
  'archived-on': { type: 'string' },
  retrieved: { type: 'string' },
  publish: { type: 'string' },
  published: { type: 'string' },
  'published-stated-as': { type: 'string' },
  'published-in': { type: 'string' },
  'published-reasoning': { type: 'string' },
  'published-inferred-parts': { type: 'string' },
  note: { type: 'string' },
  lang: { type: 'string' },
  'source-id': { type: 'string' },
  'story-title': { type: 'string' },
  correction: { type: 'string' },
  'correction-corrects': { type: 'string' },
  'correction-to': { type: 'string' },
  'correction-from': { type: 'string' },
  'correction-passage': { type: 'string' },
  'correction-date': { type: 'string' },
  'correction-date-stated-as': { type: 'string' },
  'no-correction': { type: 'boolean' },
  passage: { type: 'string' },
  source: { type: 'string' },
  speaker: { type: 'string' },
  'new-actor': { type: 'string' },
  unnamed: { type: 'string' },
  affiliation: { type: 'string' },
  translation: { type: 'string' },
  'translation-source': { type: 'string' },
  'same-as': { type: 'string' },
  'moved-to': { type: 'string' },
  until: { type: 'string' },
  'expected-by': { type: 'string' },
  'expected-by-unnamed': { type: 'string' },
  'expected-by-source-voice': { type: 'boolean' },
  'expected-timing': { type: 'string' },
  'moved-not-before': { type: 'string' },
  'moved-not-after': { type: 'string' },
  'moved-reasoning': { type: 'string' },
  before: { type: 'string' },
  after: { type: 'string' },
  'order-stated-as': { type: 'string' },
  'role-organisation': { type: 'string' },
  'role-from': { type: 'string' },
  'role-to': { type: 'string' },
  version: { type: 'string', multiple: true },
  'version-text': { type: 'string', multiple: true },
  'version-claimants': { type: 'string', multiple: true },
  'version-source-voice': { type: 'boolean', multiple: true },
  'version-quotes': { type: 'string', multiple: true },
  'version-unnamed': { type: 'string', multiple: true },
  'unnamed-claimant': { type: 'string', multiple: true },
  'unnamed-affiliation': { type: 'string' },
  'medium-inferred-from': { type: 'string' },
  'version-no-passage': { type: 'boolean', multiple: true },
  form: { type: 'string' },
  medium: { type: 'string' },
  attribution: { type: 'string' },
  id: { type: 'string' },
  body: { type: 'string' },
  status: { type: 'string' },
  actors: { type: 'string' },
  quotes: { type: 'string' },
  claims: { type: 'string' },
  claimants: { type: 'string' },
  'disputed-by': { type: 'string' },
  'no-passage': { type: 'boolean' },
  kind: { type: 'string' },
  role: { type: 'string' },
  of: { type: 'string' },
  alias: { type: 'string', multiple: true },
  disambiguation: { type: 'string' },
  about: { type: 'string' },
  on: { type: 'string' },
  earliest: { type: 'string' },
  latest: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  either: { type: 'string' },
  part: { type: 'string' },
  'stated-as': { type: 'string' },
  provenance: { type: 'string' },
  'inferred-parts': { type: 'string' },
  'relative-to': { type: 'string' },
  reasoning: { type: 'string' },
  'no-date': { type: 'boolean' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** A mistake in the command line or the content that stops the command, with the message to print. */
class Stop extends Error {}

/** A comma-separated list of ids; `""` or `none` is the empty list (ids are never `none`). */
function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === 'none') return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function oneOf<T extends string>(what: string, allowed: readonly T[], value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new Stop(`--${what} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

/** The story folder's content, as the check reads it. */
function load(io: Io, slug: string) {
  const dir = join(io.contentDir, 'stories', slug);
  if (!existsSync(join(dir, 'story.mdx')))
    throw new Stop(
      `No story "${slug}": ${relative(io.projectRoot, dir)}/story.mdx does not exist (npm run new -- story ${slug})`,
    );
  const { files, problems } = readContent(io.contentDir, io.projectRoot);
  const unread = problems.filter((p) => p.file.includes(`/stories/${slug}/sources/`));
  // A source the check refuses is left out of what is read: say why, rather than that there is none.
  if (unread.length > 0)
    throw new Stop(`Finish the story's source first:\n${unread.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
  const mine = <T>(entries: Entry<T>[]) => entries.filter((e) => e.id.startsWith(`${slug}/`));
  return {
    dir,
    actors: files.actors,
    sources: mine(files.sources),
    quotes: mine(files.quotes),
    claims: mine(files.claims),
    taken: {
      quotes: idsOf(mine(files.quotes), slug),
      claims: idsOf(mine(files.claims), slug),
      events: idsOf(mine(files.events), slug),
    },
  };
}

const idsOf = (entries: Entry<unknown>[], slug: string) => new Set(entries.map((e) => e.id.slice(slug.length + 1)));

const actorNames = (actors: Entry<Actor>[]): ActorNames[] =>
  actors.map((a) => ({
    id: a.id,
    name: a.data.name,
    kind: a.data.kind,
    aliases: a.data.aliases,
    organisations: a.data.roles.flatMap((r) => (r.of === undefined ? [] : [r.of])),
  }));

/** What a source's dates are read against: its publication day, or the first and last day of its publication date. */
function referenceOf(source: Entry<{ published: DateValue }>): Reference {
  const { on, earliest, latest, from, to, provenance } = source.data.published;
  const first = firstDay((on ?? earliest ?? from)!);
  const last = lastDay((on ?? latest ?? to)!);
  return {
    day: first,
    ...(last !== first && { until: last }),
    inferred: provenance === 'inferred',
    dateline: datelineOn(source.body ?? '', first),
  };
}

/** Finds `words` in the story's sources (the one named, else each): the source and the span, or a refusal naming the closest passage. */
function locate<S extends Entry<{ published: DateValue }>>(
  sources: S[],
  words: string,
  only: string | undefined,
  slug: string,
) {
  const candidates = only === undefined ? sources : sources.filter((s) => s.id === `${slug}/${only}`);
  if (candidates.length === 0)
    throw new Stop(
      only === undefined ? `The story "${slug}" has no source yet.` : `No source "${only}" in the story "${slug}".`,
    );
  for (const source of candidates) {
    const found = findVerbatim(words, source.body ?? '');
    if (found.found) return { source, span: found as Span };
  }
  const misses = candidates.map((s) => `  ${s.id.slice(slug.length + 1)}: ${explainMiss(words, s.body ?? '')}`);
  throw new Stop(`Not in the source${candidates.length > 1 ? 's' : ''} verbatim:\n${misses.join('\n')}`);
}

/** The date value given by flags, laid over the suggestion (a shape flag replaces the suggestion's shape). */
function dateFromFlags(flags: Flags): Partial<DateValue> | undefined {
  // `--either A,B`: an uncertain date the words leave open between those days, each a reading.
  const readings = list(flags.either);
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
    inferredParts: list(flags['inferred-parts']) as DateValue['inferredParts'],
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

/** A medium suggestion as a field's: named near the words; to choose, when the source names one only elsewhere; or `unstated`. */
function mediumSuggested(suggestion: MediumSuggestion): Suggested<(typeof media)[number]> {
  if (suggestion.kind === 'near')
    return { kind: 'value', value: suggestion.medium, note: `"${suggestion.words}" near the words` };
  if (suggestion.kind === 'unstated')
    return {
      kind: 'value',
      value: 'unstated',
      note:
        suggestion.others === undefined
          ? 'the source names no medium'
          : `the source names ${suggestion.others.map((w) => `"${w}"`).join(', ')} only where it names other speakers`,
    };
  if (suggestion.kind === 'implied')
    return {
      kind: 'choose',
      why: `the sentence says "${suggestion.words}", which names no medium of the model: ${suggestion.candidates.join(' or ')}, or unstated if the source does not say`,
      options: [
        ...suggestion.candidates.map((m) => ({ value: m, label: m })),
        { value: 'unstated' as const, label: 'unstated' },
      ],
    };
  return {
    kind: 'choose',
    why: `no medium is named near the words, but the source names ${suggestion.candidates.map((c) => `"${c.words}"`).join(', ')} elsewhere`,
    options: [
      ...suggestion.candidates.map((c) => ({ value: c.medium, label: c.medium })),
      { value: 'unstated' as const, label: 'unstated' },
    ],
  };
}

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
function dateSuggested(suggestion: DateSuggestion): Suggested<DateValue> {
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

const showDate = (date: DateValue) =>
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
async function decideDate(
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

/** A file a command is to write: where, and its text. */
interface Pending {
  path: string;
  text: string;
}

/** The flag that gives a field the check names, by the field's last name; a source's date takes `--published-…`. */
const FLAG_OF: Record<string, string> = {
  on: '--on (or --earliest/--latest, --from/--to)',
  reasoning: '--reasoning',
  statedAs: '--stated-as',
  inferredParts: '--inferred-parts',
  relativeTo: '--relative-to',
  speaker: '--speaker <actor id> or --unnamed "<description>"',
  affiliation: '--affiliation <organisation id>',
  medium: '--medium',
  form: '--form',
  passage: '--passage',
  text: '--version-text (after its --version)',
  lang: '--lang',
  translation: '--translation "<words in English>" (with --translation-source <id> for a source\'s)',
  claimants: '--claimants (or --version-claimants, --version-source-voice)',
  disputedBy: '--disputed-by',
  versions: '--version (with --version-text, --version-claimants)',
  status: '--status',
  quotes: '--quotes',
  claims: '--claims',
  actors: '--actors',
  sameAs: '--same-as',
  movedTo: '--moved-to "<words of the source giving the new date>"',
  until: '--until "<words of the source giving the day it is set to end>" (with --status under-way)',
  expectation:
    '--status expected with --expected-by <ids>, --expected-by-unnamed "<description>" or --expected-by-source-voice',
  holders: '--expected-by <ids>, --expected-by-unnamed "<description>" or --expected-by-source-voice',
  timing: '--expected-timing by|on',
};

/** The flags that give a claim's holder the source does not name, by the field a problem names. */
const HOLDER_FLAG_OF: Record<string, string> = {
  description: '--unnamed-claimant "<description>"',
  affiliation: '--unnamed-affiliation <organisation id>',
};

function flagFor(problem: ContentProblem): string | undefined {
  // `versions[0].claimants`, `sameAs[0]`, `said.reasoning`: the names, without the indexes.
  const names = problem.field
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((name) => name !== '' && !/^\d+$/.test(name));
  const last = names.at(-1) ?? '';
  if (problem.file.includes('/sources/') && names[0] === 'published' && last !== 'published')
    return `--published-${last.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  if (problem.file.includes('/sources/') && names[0] === 'corrections')
    return last === 'notice' ? '--correction' : `--correction-${last === 'statedAs' ? 'date-stated-as' : last}`;
  if (names[0] === 'mediumBasis') return '--medium-inferred-from "<words of the source>"';
  // A holder the source does not name (`claimants[0].unnamed.affiliation`) has flags of its own.
  if (names.includes('claimants') && names.includes('unnamed'))
    return names[0] === 'versions' ? '--version-unnamed' : HOLDER_FLAG_OF[last];
  return FLAG_OF[last];
}

/** The folder of `path` that does not exist yet and is nearest the root, if any: what writing `path` creates. */
function firstMissing(path: string): string | undefined {
  let missing: string | undefined;
  for (let dir = dirname(path); !existsSync(dir); dir = dirname(dir)) missing = dir;
  return missing;
}

/**
 * Writes a command's files only if the content check passes with them: they are written, the check
 * runs, and on a problem they are taken out again (with the folders made for them) and the message
 * says what to give. A folder the check refuses before is refused with its problems, writing nothing.
 * Then prints what is still to write: the story fields the check names, and `extra`, the prose it
 * cannot ask for. 0 when written.
 */
function commit(io: Io, files: Pending[], extra: string[] = []): number {
  const shown = (path: string) => relative(io.projectRoot, path);
  for (const file of files)
    if (existsSync(file.path)) throw new Stop(`${shown(file.path)} exists already; choose another id with --id`);
  // A folder the check refuses already cannot tell whether these files pass (it stops before the
  // stories are assembled): it must be fixed first.
  const before = checkContent(io.contentDir, io.projectRoot, io.today).problems;
  if (before.length > 0)
    throw new Stop(
      `Not written: the content check fails before ${files.map((f) => shown(f.path)).join(' and ')} is added, so it cannot be checked; fix these first:\n${before.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
    );
  const made: string[] = [];
  for (const file of files) {
    const folder = firstMissing(file.path);
    if (folder !== undefined) made.push(folder);
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.text);
  }
  const { problems, toWrite } = checkContent(io.contentDir, io.projectRoot, io.today);
  if (problems.length > 0) {
    for (const file of files) rmSync(file.path, { force: true });
    for (const folder of made) rmSync(folder, { recursive: true, force: true });
    io.out(
      `Not written: the content check refuses ${files.map((f) => shown(f.path)).join(' with ')}:\n` +
        problems
          .map((p) => {
            const flag = flagFor(p);
            return `  - ${formatProblem(p)}${flag ? `\n    give: ${flag}` : ''}`;
          })
          .join('\n'),
    );
    return 1;
  }
  for (const file of files) io.out(`Wrote ${shown(file.path)}`);
  const still = [...toWrite.map((p) => `${p.file}: \`${p.field}\``), ...extra];
  if (still.length > 0)
    io.out(
      `Still to write (the check names each field until it is written):\n${still.map((s) => `  - ${s}`).join('\n')}`,
    );
  io.out(toWrite.length > 0 ? 'Content check: no other problem.' : 'Content check: passed.');
  return 0;
}

/** The source text in the file `--text` names, read as the check reads content (UTF-8, any line endings). */
function sourceText(path: string): string {
  const read = readTextFile(path, path);
  if ('problem' in read) throw new Stop(formatProblem(read.problem));
  return read.text;
}

async function newStory(io: Io, flags: Flags, [slug]: string[]): Promise<number> {
  if (slug === undefined || !ID_PATTERN.test(slug))
    throw new Stop('story needs a slug in lower-case-with-hyphens: npm run new -- story <slug>');
  const dir = join(io.contentDir, 'stories', slug);
  if (existsSync(dir)) throw new Stop(`${relative(io.projectRoot, dir)} exists already`);
  const text = flags.text === undefined ? await io.readStdin() : sourceText(flags.text);
  if (text.trim() === '') throw new Stop('No source text: give --text <file> or pipe the text to standard input');
  const decider = new Decider(io.prompter, flags.yes ?? false, io.out);
  const ask = async (field: string, given: string | undefined, why: string) =>
    (await decider.decide(field, `--${field}`, given, { kind: 'none', why }, { parse: (s) => s.trim() })) || undefined;
  const title = await ask('title', flags.title, 'the headline as published; one we supply goes in [square brackets]');
  const publisher = await ask('publisher', flags.publisher, 'who published it, if known');
  const url = await ask('url', flags.url, 'where it was published, if known');
  const archivedUrl = await ask('archived-url', flags['archived-url'], 'a copy in a web archive, if one was made');
  const archived =
    archivedUrl === undefined
      ? undefined
      : {
          url: archivedUrl,
          on: await ask('archived-on', flags['archived-on'], 'the day the archive took the copy, YYYY-MM-DD'),
        };
  const retrieved = await ask('retrieved', flags.retrieved, 'the day we retrieved the text, YYYY-MM-DD, if known');
  // How much of the text its page may publish is the editor's call, never guessed: left out, the
  // model's safe default (excerpts) applies.
  const publish =
    (await decider.decide(
      'publish',
      '--publish',
      oneOf('publish', publishModes, flags.publish),
      {
        kind: 'none',
        why: 'excerpts (the default) for third-party journalism; full for our own documents, public statements, public-domain or demonstration texts',
      },
      { parse: (s) => oneOf('publish', publishModes, s.trim()) },
    )) || undefined;
  const day = await ask(
    'published',
    flags.published,
    'the day it was published, YYYY-MM-DD (or YYYY-MM, YYYY; a range FIRST..LAST when only bounds are known)',
  );
  const published = day === undefined ? undefined : await publicationOf(io, flags, decider, day);
  const corrections = await sourceCorrectionsOf(flags, decider, text);
  const sourceId = flags['source-id'] ?? (publisher ? idOf(publisher) : 'article');
  decider.settle();
  for (const note of decider.notes) io.out(`  to check: ${note}`);
  return commit(
    io,
    [
      {
        path: join(dir, 'story.mdx'),
        // --draft: a story only the dev server and a preview build show until `draft: true` is removed.
        text: entityFile(
          { title: flags['story-title'], published: io.today, updated: io.today, draft: flags.draft || undefined },
          '\n',
        ),
      },
      {
        path: join(dir, 'sources', `${sourceId}.md`),
        text: entityFile(
          {
            title,
            publisher,
            url,
            archived,
            retrieved,
            published,
            note: flags.note,
            lang: flags.lang,
            publish,
            corrections,
          },
          text,
        ),
      },
    ],
    ['the explainer text, the body of story.mdx'],
  );
}

/**
 * The correction a source makes to itself, if its text has one: the line (`--correction`), suggested
 * from a "Corrects … to …, from …" or "An earlier version … misstated …" sentence, then what it
 * corrected and the words now and before, suggested from the line where it gives them. The corrected
 * words the line does not give are the editor's to say: a terminal asks, a script must give
 * `--correction-to`. Two correction lines are a choice, never both read as one. One correction a
 * command; the content check finds each part in the text before the file is kept.
 */
async function sourceCorrectionsOf(flags: Flags, decider: Decider, text: string) {
  if (flags['no-correction']) return undefined;
  const found = findNotices(text);
  const parse = (typed: string) => typed.trim();
  const notice = await decider.decide(
    'correction',
    '--correction',
    flags.correction,
    found.length === 0
      ? { kind: 'none', why: 'no "Corrects … to …" or "An earlier version … misstated …" line in the text' }
      : found.length === 1
        ? { kind: 'value', value: found[0]!.notice, note: "the source's correction line" }
        : {
            kind: 'choose',
            why: `${found.length} correction lines; one a command (--no-correction for none)`,
            options: found.map((reading) => ({ value: reading.notice, label: reading.notice })),
          },
    { parse },
  );
  if (notice === undefined) return undefined;
  const reading = readNotice(notice);
  const part = async (name: 'corrects' | 'to' | 'from', value: string | undefined, why: string, required?: string) =>
    decider.decide(
      `correction-${name}`,
      `--correction-${name}`,
      flags[`correction-${name}`],
      value === undefined ? { kind: 'none', why } : { kind: 'value', value, note: 'from the correction line' },
      { parse, ...(required !== undefined && { required }) },
    );
  const corrects = await part('corrects', reading?.corrects, 'what the source corrected, in a few words', '"<what>"');
  const to = await part(
    'to',
    reading?.to,
    'the correction line does not give the corrected words: give them as the text now has them',
    '"<the corrected words>"',
  );
  const from = await part('from', reading?.from, 'the correction line does not give the words before');
  const day = flags['correction-date'];
  const statedAs = flags['correction-date-stated-as'];
  if (day === undefined)
    decider.notes.push('correction date: give --correction-date if the source dates its correction');
  else if (statedAs === undefined)
    decider.undecided.push(
      '--correction-date-stated-as "<the words>"  (the words the source dates its correction in; the tool does not guess)',
    );
  const date = day === undefined ? undefined : { on: day, statedAs, provenance: 'stated' };
  const fields = { corrects, to, from, notice, passage: flags['correction-passage'], date };
  // The file leaves out what is not given, as it leaves out a source's absent fields.
  return [Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))];
}

/**
 * A source's publication date from `--published` (one date, or `FIRST..LAST` for a date known only
 * between two bounds) and where it comes from: the page's metadata, the text's words, our inference,
 * or words of the text with parts of ours (`--published-inferred-parts`). Nothing is assumed: a
 * terminal is asked, a script must say.
 */
async function publicationOf(io: Io, flags: Flags, decider: Decider, given: string): Promise<Partial<DateValue>> {
  const [first, last] = given.split('..').map((v) => v.trim());
  const published: Partial<DateValue> = last === undefined ? { on: first } : { earliest: first, latest: last };
  const inferredParts = list(flags['published-inferred-parts']) as DateValue['inferredParts'];
  const how = {
    ...(flags['published-in'] !== undefined && {
      statedIn: oneOf('published-in', ['text', 'metadata'] as const, flags['published-in']),
    }),
    ...(flags['published-stated-as'] !== undefined && { statedAs: flags['published-stated-as'] }),
    ...(flags['published-reasoning'] !== undefined && { reasoning: flags['published-reasoning'] }),
    ...(inferredParts !== undefined && inferredParts.length > 0 && { inferredParts }),
  };
  if (Object.keys(how).length > 0) {
    const inferred = how.reasoning !== undefined || how.inferredParts !== undefined;
    return { ...published, provenance: inferred ? 'inferred' : 'stated', ...how };
  }
  if (io.prompter) {
    const where = await io.prompter.select('Where does the publication date come from?', [
      { value: 'metadata', label: "the page's metadata (a dateline, a published-at field)" },
      { value: 'text', label: 'the text, in words' },
      { value: 'partly', label: 'the text, in words, with a part of ours (the year)' },
      { value: 'inferred', label: 'we inferred it' },
    ]);
    if (where === 'metadata') return { ...published, provenance: 'stated', statedIn: 'metadata' };
    const statedAs = where === 'inferred' ? undefined : await io.prompter.text('The words the text gives it in');
    if (where === 'text') return { ...published, provenance: 'stated', statedAs };
    return {
      ...published,
      ...(statedAs !== undefined && { statedAs, inferredParts: ['year'] as DateValue['inferredParts'] }),
      provenance: 'inferred',
      reasoning: await io.prompter.text('How it was inferred'),
    };
  }
  decider.undecided.push(
    '--published-in metadata | --published-stated-as "<the words>" | --published-reasoning "<how it was inferred>" ' +
      '(with --published-inferred-parts year when the words give the rest)  (where the publication date comes from; the tool does not guess)',
  );
  return published;
}

/** Who said a quote: an actor, or a speaker the source describes without a name. */
type Speaker = { speaker: string } | { unnamed: { description: string; affiliation?: string | undefined } };

const showSpeaker = (who: Speaker) =>
  'speaker' in who
    ? who.speaker
    : `unnamed: ${who.unnamed.description}${who.unnamed.affiliation ? ` (affiliation: ${who.unnamed.affiliation})` : ''}`;

/** A speaker typed in a terminal: an actor id, or `unnamed: <description>`. */
const parseSpeaker = (typed: string): Speaker => {
  const unnamed = /^unnamed:\s*(.+)$/su.exec(typed.trim());
  return unnamed ? { unnamed: { description: unnamed[1]!.trim() } } : { speaker: typed.trim() };
};

/**
 * The speaker: a flag (`--speaker`, `--unnamed`, or `--new-actor`, whose file is returned to write
 * with the quote), else the suggestion from the words around the quote: an unnamed speaker the
 * sentence describes ("a senior official, speaking on condition of anonymity"), the actors it or the
 * paragraph names, or, when both could be, a question.
 */
async function speakerOf(
  io: Io,
  flags: Flags,
  decider: Decider,
  actors: ActorNames[],
  context: PassageContext,
  exclude: Span | undefined,
  body: string,
  document: ReferredDocument | undefined,
): Promise<{ who: Speaker | undefined; actorFile?: Pending }> {
  if (flags['new-actor'] !== undefined) {
    const made = await newActorFile(io, flags, flags['new-actor']);
    return { who: { speaker: made.id }, actorFile: made.file };
  }
  const affiliation = flags.affiliation;
  if (flags.unnamed !== undefined)
    return {
      who: affiliatedOf(
        { unnamed: { description: flags.unnamed.trim(), ...(affiliation && { affiliation }) } },
        actors,
      ),
    };
  const suggestion = suggestSpeaker(context, actors, exclude, body);
  const name = (id: string) => actors.find((a) => a.id === id)?.name ?? id;
  const described = unnamedSpeaker(context.sentence, exclude);
  const unnamedSuggested: Suggested<Speaker> | undefined = described && {
    kind: 'value',
    value: {
      unnamed: {
        description: described.description,
        affiliation: affiliation ?? organisationIn(described.description, actors),
      },
    },
    note: `"${described.span.text}" in the sentence${described.withheld ? `, "${described.withheld}"` : ''}: the source does not name the speaker`,
  };
  const actorSuggested: Suggested<Speaker> =
    suggestion.kind === 'actor'
      ? {
          kind: 'value',
          value: { speaker: suggestion.id },
          note: `"${suggestion.mention.text}" in the ${suggestion.where}${suggestion.mention.named === 'before' ? ', the one of that surname the source names in full before it' : ''}`,
        }
      : suggestion.kind === 'ambiguous'
        ? {
            kind: 'choose',
            why: `${suggestion.mentions.map((m) => `"${m.text}"`).join(', ')} in the ${suggestion.where} could be ${suggestion.candidates.map(name).join(' or ')}`,
            options: suggestion.candidates.map((id) => ({ value: { speaker: id }, label: id })),
          }
        : (documentIssuer(document, body, actors) ?? attributedSpeaker(context.sentence.text, actors));
  // A person the sentence names beside an unnamed description could be either: the editor says.
  const both =
    unnamedSuggested?.kind === 'value' && suggestion.kind !== 'none' && suggestion.where === 'sentence'
      ? ({
          kind: 'choose',
          why: `the sentence describes an unnamed speaker, "${described!.description}", and names ${(suggestion.kind === 'actor' ? [suggestion.id] : suggestion.candidates).map(name).join(', ')}`,
          options: [
            { value: unnamedSuggested.value, label: `--unnamed "${described!.description}"` },
            ...(suggestion.kind === 'actor' ? [suggestion.id] : suggestion.candidates).map((id) => ({
              value: { speaker: id },
              label: `--speaker ${id}`,
            })),
          ],
        } satisfies Suggested<Speaker>)
      : undefined;
  const who = await decider.decide<Speaker>(
    'speaker',
    '--speaker',
    flags.speaker === undefined ? undefined : { speaker: flags.speaker.trim() },
    both ?? unnamedSuggested ?? actorSuggested,
    { parse: parseSpeaker, show: showSpeaker, required: '<actor id> | --unnamed "<description>"' },
  );
  if (who && 'speaker' in who && !actors.some((a) => a.id === who.speaker))
    throw new Stop(
      `No actor "${who.speaker}": give an existing id, --unnamed "<description>" for a speaker the source does not name, or --new-actor "<Name>"`,
    );
  if (who && 'unnamed' in who && who.unnamed.affiliation === undefined) {
    const affiliation = await decider.decide(
      'unnamed.affiliation',
      '--affiliation <organisation id>',
      undefined,
      { kind: 'none', why: 'the organisation the source ties the speaker to, if it does' },
      { parse: (s) => s.trim() || undefined },
    );
    if (affiliation !== undefined) who.unnamed.affiliation = affiliation;
  }
  return { who: who && affiliatedOf(who, actors) };
}

/** The speaker, its affiliation (if any) checked to be an organisation among the actors. */
function affiliatedOf(who: Speaker, actors: ActorNames[]): Speaker {
  const affiliation = 'unnamed' in who ? who.unnamed.affiliation : undefined;
  if (affiliation !== undefined && !actors.some((a) => a.id === affiliation && a.kind === 'organisation'))
    throw new Stop(`No organisation "${affiliation}" among the actors: --affiliation takes an organisation's actor id`);
  return who;
}

/** Who issued the document the words are from ("the statement read"), named where the source introduces it. */
function documentIssuer(
  document: ReferredDocument | undefined,
  body: string,
  actors: ActorNames[],
): Suggested<Speaker> | undefined {
  if (document === undefined) return undefined;
  const issuer = suggestSpeaker(
    contextOf(body, document.introduced.start, document.introduced.end),
    actors,
    undefined,
    body,
  );
  return issuer.kind === 'actor' && issuer.where === 'sentence'
    ? {
        kind: 'value',
        value: { speaker: issuer.id },
        note: `"${document.words}" is the one the source introduces in "${document.introduced.text}", with "${issuer.mention.text}"`,
      }
    : undefined;
}

/** The speaker a sentence attributes the words to ("according to the harbour office") when it names no actor. */
function attributedSpeaker(sentence: string, actors: ActorNames[]): Suggested<Speaker> {
  const attribution = attributionOf(sentence, actors);
  if (attribution?.id !== undefined)
    return { kind: 'value', value: { speaker: attribution.id }, note: `"${attribution.by} ${attribution.words}"` };
  const how = '--unnamed "<description>" for a speaker the source does not name, --new-actor "<Name>" for a named one';
  if (attribution !== undefined)
    return {
      kind: 'none',
      why: `the sentence gives the words to "${attribution.words}", which is no actor yet: ${how}`,
    };
  return { kind: 'none', why: `no actor named in the sentence or the paragraph; ${how}` };
}

/** Whether a sentence tells only of others' occasions (src/lib/authoring/medium.ts): for a named speaker, or one whose name the sentence says is withheld. */
function othersOnly(who: Speaker | undefined, actors: ActorNames[], withheld: string | undefined) {
  const speaker = who === undefined ? undefined : 'speaker' in who ? { actor: who.speaker } : withheld && { withheld };
  return othersOccasion(speaker || undefined, (sentence) => namedActors(sentence, actors).ids);
}

async function newQuote(io: Io, flags: Flags, [slug, words]: string[]): Promise<number> {
  if (slug === undefined || words === undefined)
    throw new Stop('quote needs a story and the words: npm run new -- quote <slug> "<words>"');
  const story = load(io, slug);
  const viaPassage = flags.passage !== undefined;
  const { source, span } = locate(story.sources, flags.passage ?? words, flags.source, slug);
  const body = source.body ?? '';
  const actors = describedActors(actorNames(story.actors), body);
  const context = contextOf(body, span.start, span.end);
  io.out(`Found in ${source.id.slice(slug.length + 1)}: "${context.sentence.text}"`);
  const decider = new Decider(io.prompter, flags.yes ?? false, io.out);
  const detected = viaPassage
    ? { form: 'paraphrase' as const, why: 'the words are yours; the passage is the source’s' }
    : suggestForm(body, span, context);
  const form = await decider.decide(
    'form',
    '--form',
    oneOf('form', quoteForms, flags.form),
    { kind: 'value', value: detected.form, note: detected.why },
    {
      parse: (s) => oneOf('form', quoteForms, s.trim())!,
    },
  );
  const quoted = form !== 'paraphrase';
  // A document the sentence refers back to ("the statement read") says who and when, where the source introduces it.
  const document = referredDocument(body, context.sentence, quoted ? span : undefined);
  const passage = form === 'paraphrase' ? (viaPassage ? flags.passage : context.sentence.text) : undefined;
  const { who, actorFile } = await speakerOf(
    io,
    flags,
    decider,
    actors,
    context,
    quoted ? span : undefined,
    body,
    document,
  );
  // The paragraph's later sentences are not the words' own: a date there is offered, never suggested.
  const laterFrom = context.sentence.end;
  const scopes: Scope[] = quoted
    ? [
        { ...context.sentence, exclude: span },
        { ...context.paragraph, exclude: span, laterFrom },
      ]
    : [
        { text: span.text, start: span.start },
        { text: context.sentence.text, start: context.sentence.start },
        { text: context.paragraph.text, start: context.paragraph.start, laterFrom },
      ];
  const ownDate = suggestDate(scopes, referenceOf(source), 'said');
  const said = await decideDate(
    'said',
    flags,
    decider,
    dateSuggested(
      ownDate.kind === 'none' && document !== undefined
        ? datedByDocument(document, suggestDate([document.introduced], referenceOf(source), 'said'))
        : ownDate,
    ),
  );
  const mediumSuggestion = suggestMedium(
    [context.sentence.text, context.paragraph.text],
    body,
    othersOnly(who, actors, unnamedSpeaker(context.sentence, quoted ? span : undefined)?.withheld),
  );
  const medium = await decider.decide(
    'medium',
    '--medium',
    oneOf('medium', media, flags.medium),
    mediumSuggested(mediumSuggestion),
    { parse: (s) => oneOf('medium', media, s.trim())! },
  );
  // A medium chosen from words that imply it ("told the broadcaster …") is ours: it says so, and on what words.
  const inferredFrom =
    flags['medium-inferred-from'] ??
    (mediumSuggestion.kind === 'implied' && medium !== undefined && mediumSuggestion.candidates.includes(medium)
      ? mediumSuggestion.words
      : undefined);
  const mediumBasis = inferredFrom === undefined ? undefined : { provenance: 'inferred' as const, words: inferredFrom };
  // Words in another script than the source's language writes in are another language: the editor names it.
  const sourceLang = source.data.lang;
  const foreign = /^(?:en|fr|de|es|it|pt|nl)\b/.test(sourceLang) && /[\p{L}--\p{Script=Latin}]/v.test(words);
  // A language the sentence names ("she said in Portuguese"), with the source's translation after the words.
  const stated = quoted ? statedLanguage(context.sentence, span, sourceLang) : undefined;
  const lang =
    foreign || stated !== undefined
      ? await decider.decide(
          'lang',
          '--lang',
          flags.lang,
          stated === undefined
            ? {
                kind: 'none',
                why: `the words are not in the Latin script the source's language (${sourceLang}) is written in`,
              }
            : { kind: 'value', value: stated.tag, note: `"${stated.words}" in the sentence` },
          { parse: (s) => s.trim(), required: '<BCP 47 tag> with --translation "<the words in English>"' },
        )
      : flags.lang;
  const translation =
    flags.translation === undefined
      ? stated?.translation !== undefined && lang === stated.tag
        ? await decider.decide(
            'translation',
            '--translation',
            undefined,
            {
              kind: 'value',
              value: { by: 'source' as const, source: source.id.slice(slug.length + 1), words: stated.translation },
              note: "the quotation after the words, the source's translation",
            },
            { show: (t) => t.words },
          )
        : undefined
      : flags['translation-source'] === undefined
        ? { by: 'us' as const, words: flags.translation }
        : { by: 'source' as const, source: flags['translation-source'], words: flags.translation };
  const prefix =
    who && 'speaker' in who
      ? (actors.find((a) => a.id === who.speaker)?.name ?? flags['new-actor'] ?? '').split(/\s+/).at(-1)!
      : (who?.unnamed.description.split(/\s+/).at(-1) ?? '');
  const id = flags.id ?? suggestId(prefix, words, story.taken.quotes);
  decider.settle();
  const fields = {
    ...(who ?? {}),
    source: source.id.slice(slug.length + 1),
    form,
    medium,
    mediumBasis,
    passage,
    attribution: flags.attribution,
    said,
    lang,
    translation,
  };
  for (const note of decider.notes) io.out(`  to check: ${note}`);
  return commit(io, [
    ...(actorFile ? [actorFile] : []),
    { path: join(story.dir, 'quotes', `${id}.md`), text: entityFile(fields, `${words}\n`) },
  ]);
}

/** Quotes of the story whose words (or passage) stand in `scope`, by id. */
function quotesWithin(story: ReturnType<typeof load>, sourceBody: string, scope: Span, slug: string): string[] {
  return story.quotes.flatMap((q) => {
    const found = findVerbatim(q.data.passage ?? q.body ?? '', sourceBody);
    return found.found && found.start >= scope.start && found.end <= scope.end ? [q.id.slice(slug.length + 1)] : [];
  });
}

const sameDate = (a: DateValue | undefined, b: DateValue | undefined) =>
  a !== undefined &&
  b !== undefined &&
  ['on', 'earliest', 'latest', 'from', 'to', 'part'].every((k) => a[k as keyof DateValue] === b[k as keyof DateValue]);

/** Settles a list of ids: a flag (comma-separated), else the suggestion. */
async function decideIds(decider: Decider, field: string, given: string | undefined, ids: string[], note: string) {
  return decider.decide<string[]>(
    field,
    `--${field}`,
    list(given),
    { kind: 'value', value: ids, note },
    { parse: (s) => list(s) ?? [], show: (v) => v.join(',') },
  );
}

/**
 * A claim's quotes: those in its sentence and their speakers' words of the same stated occasion
 * (src/lib/authoring/occasion.ts); where the source states no occasion for either, the editor says.
 */
async function claimQuotes(
  decider: Decider,
  given: string | undefined,
  story: ReturnType<typeof load>,
  slug: string,
  inSentence: string[],
): Promise<string[] | undefined> {
  const all = story.quotes.map((q) => ({
    id: q.id.slice(slug.length + 1),
    speaker: q.data.speaker,
    medium: q.data.medium,
    said: q.data.said,
  }));
  const { ids, unsure } = sameOccasion(all, inSentence);
  if (unsure.length === 0)
    return decideIds(decider, 'quotes', given, ids, "quotes in the sentence, and their speakers' of the same occasion");
  const choices = [ids, ...unsure.map((id) => [...ids, id]), ...(unsure.length > 1 ? [[...ids, ...unsure]] : [])];
  return decider.decide<string[]>(
    'quotes',
    '--quotes',
    list(given),
    {
      kind: 'choose',
      why: `the speaker's words ${unsure.join(', ')} may be of the same occasion as ${inSentence.join(', ')}: the source says for none of them when or how they were said`,
      options: choices.map((value) => ({ value, label: value.join(',') })),
    },
    { parse: (s) => list(s) ?? [], show: (v) => v.join(',') },
  );
}

/** In a terminal: whether competing figures are competing accounts, and if so the words of the source that give each. */
async function askAccounts(prompter: Prompter, found: FigureAccount[]): Promise<VersionFlags[]> {
  const competing = await prompter.select(
    `The paragraph gives different figures from different holders (${found.map((a) => `"${a.figure}", ${a.holder.words}`).join('; ')}): competing accounts?`,
    [
      { value: true, label: 'yes: a version each (status contested)' },
      { value: false, label: 'no: one account' },
    ],
  );
  if (!competing) return [];
  const accounts: VersionFlags[] = [];
  for (const [i, account] of found.entries())
    accounts.push({
      words: await prompter.text(`Account ${i + 1}: the words of the source that give it`, account.sentence.text),
    });
  return accounts;
}

/** Who holds an account, suggested from its sentence: the subject of a reporting verb or "according to …", else the speaker the sentence names. */
function holdersSuggested(sentence: Span, context: PassageContext, actors: ActorNames[]): Suggested<string[]> {
  const attribution = attributionOf(sentence.text, actors);
  if (attribution?.id !== undefined)
    return { kind: 'value', value: [attribution.id], note: `"${attribution.words}" in the sentence` };
  if (attribution !== undefined)
    return {
      kind: 'none',
      why: `the sentence attributes it to "${attribution.words}", which is no actor yet (npm run new -- actor "<its name>" writes one)`,
    };
  const speaker = suggestSpeaker(context, actors);
  if (speaker.kind === 'actor')
    return { kind: 'value', value: [speaker.id], note: `"${speaker.mention.text}" in the ${speaker.where}` };
  return { kind: 'none', why: 'the sentence names no holder' };
}

/**
 * The date that words of the source give (`--moved-to`, a version's words): read from the words, then
 * their sentence; it must be one reading, or the command stops saying why.
 */
async function dateOfWords(
  flag: string,
  field: string,
  words: string,
  decider: Decider,
  source: Entry<{ published: DateValue }>,
): Promise<DateValue> {
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

/** A postponed event's new date, from `--moved-to "<words of the source that give it>"`. */
const movedToOf = (words: string, decider: Decider, source: Entry<{ published: DateValue }>) =>
  dateOfWords('--moved-to', 'movedTo', words, decider, source);

/** What one competing account holds, settled: its passage in the source, its holders, and its date (an event's) or text (a claim's). */
interface Account {
  passage: string | undefined;
  claimants: Holder[] | undefined;
  sourceVoice: true | undefined;
  when?: DateValue | undefined;
  text?: string | undefined;
  quotes?: string[] | undefined;
}

/**
 * The competing accounts given by `--version`: each found in the source verbatim, its holders
 * suggested from its sentence (or given by `--version-claimants`, `--version-source-voice`), and for
 * an event its date read from its words, for a claim its text (`--version-text`, the editor's words).
 */
async function accountsOf(
  kind: 'claim' | 'event',
  versions: VersionFlags[],
  decider: Decider,
  source: Entry<{ published: DateValue }>,
  actors: ActorNames[],
  quotesIn: (scope: Span) => string[] = () => [],
): Promise<Account[]> {
  const body = source.body ?? '';
  const accounts: Account[] = [];
  for (const [i, version] of versions.entries()) {
    const found = findVerbatim(version.words, body);
    if (!found.found)
      throw new Stop(`--version ${i + 1} is not in the source verbatim: ${explainMiss(version.words, body)}`);
    const span = found as Span;
    const context = contextOf(body, span.start, span.end);
    const field = `versions[${i}]`;
    const unnamed = unnamedHolders(version.unnamed);
    const claimants = version.sourceVoice
      ? undefined
      : await decider.decide<string[]>(
          `${field}.claimants`,
          '--version-claimants (after its --version)',
          version.claimants ?? (unnamed.length > 0 ? [] : undefined),
          holdersSuggested(context.sentence, context, actors),
          { parse: (s) => list(s) ?? [], show: (v) => v.join(',') },
        );
    const holders = [...(claimants ?? []), ...unnamed];
    const account: Account = {
      passage: version.noPassage ? undefined : passageAsTyped(version.words, span, body),
      claimants: holders.length > 0 ? holders : undefined,
      sourceVoice: version.sourceVoice ? true : undefined,
    };
    if (kind === 'event') {
      account.when = await dateOfWords(`--version ${i + 1}`, `${field}.when`, version.words, decider, source);
    } else {
      account.text = await decider.decide(
        `${field}.text`,
        '--version-text (after its --version)',
        version.text,
        { kind: 'none', why: 'the account, plainly, is yours to write' },
        { parse: (s) => s.trim() },
      );
      account.quotes = await decideIds(
        decider,
        `${field}.quotes`,
        version.quotes === undefined ? undefined : version.quotes.join(','),
        quotesIn(context.sentence),
        "quotes in the account's sentence",
      );
    }
    accounts.push(account);
  }
  return accounts;
}

async function newEvent(io: Io, flags: Flags, [slug, words]: string[], versions: VersionFlags[]): Promise<number> {
  if (slug === undefined || words === undefined)
    throw new Stop('event needs a story and words of its passage: npm run new -- event <slug> "<words>"');
  const story = load(io, slug);
  const { source, span } = locate(story.sources, words, flags.source, slug);
  const body = source.body ?? '';
  const actorList = describedActors(actorNames(story.actors), body);
  const context = contextOf(body, span.start, span.end);
  io.out(`Found in ${source.id.slice(slug.length + 1)}: "${context.sentence.text}"`);
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
  const accounts = await accountsOf('event', versions, decider, source, actorList);
  // An event placed only by order (`--before`/`--after`) has no date: none is suggested or written.
  const order =
    flags.before === undefined && flags.after === undefined
      ? undefined
      : {
          ...(flags.before !== undefined && { before: orderBoundOf(flags.before) }),
          ...(flags.after !== undefined && { after: orderBoundOf(flags.after) }),
          statedAs: flags['order-stated-as'],
        };
  if (order !== undefined && (accounts.length > 0 || dateFromFlags(flags) !== undefined))
    throw new Stop(
      '--before/--after are for an event the source gives no date for: give them without a date or --version',
    );
  if (order !== undefined && order.statedAs === undefined)
    throw new Stop(
      `--before/--after place an event the source gives no date for: give --order-stated-as "<the source's words for the order>" ("before the vote")`,
    );
  // A status given by flag is known before the date: what is expected by the end of a month is
  // expected by the month, not on its last day. Otherwise it is suggested from the date's words.
  const flaggedStatus = oneOf('status', eventStatuses, flags.status);
  const dateSuggestion = suggestDate(scopes, referenceOf(source));
  const suggestedWhen = dateSuggested(dateSuggestion);
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
  const movedWords =
    flags['moved-to'] === undefined
      ? undefined
      : wordsDateOf(flags['moved-to'], {
          notBefore: flags['moved-not-before'],
          notAfter: flags['moved-not-after'],
          reasoning: flags['moved-reasoning'],
        });
  const movedTo =
    flags['moved-to'] === undefined ? undefined : (movedWords ?? (await movedToOf(flags['moved-to'], decider, source)));
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
          { parse: (s) => list(s) ?? [], show: (v) => v.join(',') },
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
    sameAs: nonEmpty(list(flags['same-as'])),
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
  unnamed?: { description: string; affiliation?: string | undefined } | undefined;
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
  let holders = list(flags['expected-by']);
  let description = flags['expected-by-unnamed'];
  let sourceVoice = flags['expected-by-source-voice'] ?? false;
  if (holders === undefined && description === undefined && !sourceVoice) {
    if (io.prompter) {
      const named = namedActors(sentence, actorList).ids;
      const who = await io.prompter.select<'actors' | 'unnamed' | 'source'>('expectation: who expects it?', [
        { value: 'unnamed', label: 'someone the source does not name (you give its description)' },
        {
          value: 'actors',
          label: `actors, by id${named.length > 0 ? ` (the sentence names ${named.join(', ')})` : ''}`,
        },
        { value: 'source', label: 'the source itself, in its own voice' },
      ]);
      if (who === 'actors')
        holders = list(await io.prompter.text('expectation.holders (actor ids)', named.join(','))) ?? [];
      if (who === 'unnamed')
        description = (await io.prompter.text('expectation.unnamed.description')).trim() || undefined;
      sourceVoice = who === 'source';
    } else {
      decider.undecided.push(`${HOLDER_FLAGS}  (who expects it; the tool does not guess)`);
    }
  }
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
    holders: nonEmpty(holders),
    unnamed:
      description === undefined
        ? undefined
        : { description, ...(flags.affiliation !== undefined && { affiliation: flags.affiliation }) },
    sourceVoice: sourceVoice ? true : undefined,
    timing,
  };
}

const nonEmpty = <T>(items: T[] | undefined) => (items && items.length > 0 ? items : undefined);

/** Who holds a claim or gives an account, as the file writes them: an actor id, or one the source does not name. */
type Holder = string | { unnamed: { description: string; affiliation?: string | undefined } };

/** Holders the source does not name, from their descriptions (`--unnamed-claimant`, `--version-unnamed`), tied to `affiliation` if given. */
const unnamedHolders = (descriptions: string[] | undefined, affiliation?: string): Holder[] =>
  (descriptions ?? []).map((description) => ({
    unnamed: { description: description.trim(), ...(affiliation !== undefined && { affiliation: affiliation.trim() }) },
  }));

async function newClaim(io: Io, flags: Flags, [slug, words]: string[], versions: VersionFlags[]): Promise<number> {
  if (slug === undefined || words === undefined)
    throw new Stop('claim needs a story and words of its passage: npm run new -- claim <slug> "<words>"');
  const story = load(io, slug);
  const { source, span } = locate(story.sources, words, flags.source, slug);
  const body = source.body ?? '';
  const context = contextOf(body, span.start, span.end);
  io.out(`Found in ${source.id.slice(slug.length + 1)}: "${context.sentence.text}"`);
  const decider = new Decider(io.prompter, flags.yes ?? false, io.out);
  const actors = describedActors(actorNames(story.actors), body);
  // Different figures from different holders nearby are competing accounts, not one claim both hold.
  const found =
    versions.length === 0 ? competingFigures(aroundParagraph(body, context.paragraph), actors, context.sentence) : [];
  const asked = found.length > 0 && io.prompter ? await askAccounts(io.prompter, found) : [];
  const accounts = await accountsOf('claim', [...versions, ...asked], decider, source, actors, (scope) =>
    quotesWithin(story, body, scope, slug),
  );
  // Declined, in a terminal or by a status other than contested: the figures are one account after all.
  const declined = asked.length === 0 && (io.prompter !== undefined || (flags.status ?? 'contested') !== 'contested');
  const competing = accounts.length === 0 && !declined ? found : [];
  const quotes =
    accounts.length > 0 || competing.length > 0
      ? await decideIds(decider, 'quotes', flags.quotes, [], 'competing accounts give their own (--version-quotes)')
      : await claimQuotes(decider, flags.quotes, story, slug, quotesWithin(story, body, context.sentence, slug));
  const speakers = [
    ...new Set(
      story.quotes
        .filter((q) => quotes?.includes(q.id.slice(slug.length + 1)))
        .flatMap((q) => (q.data.speaker ? [q.data.speaker] : [])),
    ),
  ];
  const unnamedQuotes = story.quotes.filter(
    (q) => quotes?.includes(q.id.slice(slug.length + 1)) && q.data.unnamed !== undefined,
  );
  const competingWhy = `the paragraph gives different figures from different holders: ${competing.map((a) => `"${a.figure}" (${a.holder.words})`).join(', ')}`;
  const attribution = attributionOf(context.sentence.text, actors);
  const claimantsSuggested: Suggested<string[]> =
    accounts.length > 0
      ? { kind: 'value', value: [], note: 'the competing accounts name their own holders' }
      : competing.length > 0
        ? { kind: 'none', why: 'competing accounts each name their own holders (--version-claimants)' }
        : speakers.length > 0 && unnamedQuotes.length === 0
          ? { kind: 'value', value: speakers, note: "the quotes' speakers" }
          : unnamedQuotes.length > 0
            ? {
                kind: 'choose',
                why: `the quote ${unnamedQuotes.map((q) => q.id.slice(slug.length + 1)).join(', ')} has an unnamed speaker, whom a claim cannot name as a claimant: say who holds it (--claimants "" for the source's own voice)`,
                options: [
                  ...(speakers.length > 0 ? [{ value: speakers, label: speakers.join(',') }] : []),
                  { value: [], label: '"" (the source\'s own voice)' },
                ],
              }
            : attribution !== undefined
              ? holdersSuggested(context.sentence, context, actors)
              : {
                  kind: 'none',
                  why: 'no quote to take claimants from; without any, the source asserts it in its own voice',
                };
  const unnamedClaimants = unnamedHolders(flags['unnamed-claimant'], flags['unnamed-affiliation']);
  const claimants = await decider.decide<string[]>(
    'claimants',
    '--claimants',
    list(flags.claimants) ?? (unnamedClaimants.length > 0 ? [] : undefined),
    claimantsSuggested,
    { parse: (s) => list(s) ?? [], show: (v) => v.join(',') },
  );
  const cue = statusCue(context.sentence.text);
  const suggestedStatus: Suggested<(typeof claimStatuses)[number]> =
    accounts.length > 0
      ? { kind: 'value', value: 'contested', note: 'competing accounts given by --version' }
      : competing.length > 0
        ? {
            kind: 'value',
            value: 'contested',
            note: `${competingWhy}: competing accounts, each given by --version; --status <status> if they are one account`,
          }
        : cue
          ? {
              kind: 'choose',
              why: `the sentence says "${cue.words}"${cue.kind === 'promise' ? ': a promise, which nothing can confirm yet (reported or unverified?)' : ''}`,
              options: claimStatuses.map((s) => ({ value: s, label: s })),
            }
          : { kind: 'value', value: 'reported', note: 'the source reports it; nothing in the sentence disputes it' };
  const status = await decider.decide(
    'status',
    '--status',
    oneOf('status', claimStatuses, flags.status),
    suggestedStatus,
    {
      parse: (s) => oneOf('status', claimStatuses, s.trim())!,
    },
  );
  // Competing accounts are the editor's to give, each with its words and text: the tool writes none of its own.
  if (status === 'contested' && accounts.length === 0 && competing.length > 0)
    decider.undecided.push(
      `--version "<its words>" --version-text "<the account>" [--version-claimants <ids>], once for each account  (${competingWhy}; the sentences: ${competing.map((a) => `"${a.sentence.text}"`).join(' ')})`,
    );
  // Who disputes or denies it: the actors named in the dispute's own clause ("—something the Taliban deny").
  const disputers = cue?.kind === 'dispute' ? disputersOf(context.sentence.text, cue, actors, claimants ?? []) : [];
  const disputedBy =
    status === 'disputed' || status === 'denied'
      ? await decider.decide<string[]>(
          'disputedBy',
          '--disputed-by',
          list(flags['disputed-by']),
          disputers.length > 0
            ? { kind: 'value', value: disputers, note: `named where the sentence says "${cue!.words}"` }
            : { kind: 'none', why: 'no actor named where the sentence disputes it' },
          { parse: (s) => list(s) ?? [], show: (v) => v.join(',') },
        )
      : list(flags['disputed-by']);
  const id = flags.id ?? suggestId('', flags.body ?? words, story.taken.claims, 4);
  decider.settle();
  const fields = {
    claimants: nonEmpty<Holder>([...(claimants ?? []), ...unnamedClaimants]),
    source: source.id.slice(slug.length + 1),
    status,
    disputedBy,
    quotes: nonEmpty(quotes),
    passages: flags['no-passage'] ? undefined : [passageAsTyped(words, span, body)],
    versions: nonEmpty(
      accounts.map((a) => ({
        text: a.text,
        claimants: a.claimants,
        sourceVoice: a.sourceVoice,
        quotes: nonEmpty(a.quotes),
        passages: a.passage === undefined ? undefined : [a.passage],
      })),
    ),
  };
  for (const note of decider.notes) io.out(`  to check: ${note}`);
  return commit(
    io,
    [{ path: join(story.dir, 'claims', `${id}.md`), text: entityFile(fields, `${flags.body ?? ''}\n`) }],
    flags.body === undefined ? ['the claim, plainly: the body'] : [],
  );
}

/** A new actor's id and file, to write with what needs it; asks (or needs flags) for its kind and role. */
async function newActorFile(io: Io, flags: Flags, name: string): Promise<{ id: string; file: Pending }> {
  const decider = new Decider(io.prompter, flags.yes ?? false, io.out);
  const kinds = ['person', 'organisation'] as const;
  const kind = await decider.decide('kind', '--kind', oneOf('kind', kinds, flags.kind), {
    kind: 'choose',
    why: 'a person or an organisation?',
    options: kinds.map((k) => ({ value: k, label: k })),
  });
  const title = await decider.decide(
    'role',
    '--role',
    flags.role,
    { kind: 'none', why: 'the title the sources give' },
    { parse: (s) => s.trim() },
  );
  const id = flags.id !== undefined && flags['new-actor'] === undefined ? flags.id : idOf(name);
  decider.settle();
  const roles = title
    ? [
        {
          title,
          organisation: flags['role-organisation'],
          of: flags.of,
          from: flags['role-from'],
          to: flags['role-to'],
        },
      ]
    : undefined;
  const text = entityFile(
    { name, kind, disambiguation: flags.disambiguation, roles, aliases: flags.alias },
    `${flags.about ?? ''}\n`,
  );
  return { id, file: { path: join(io.contentDir, 'actors', `${id}.md`), text } };
}

async function newActor(io: Io, flags: Flags, [name]: string[]): Promise<number> {
  if (name === undefined) throw new Stop('actor needs a name: npm run new -- actor "<Name>"');
  const { file } = await newActorFile(io, flags, name);
  return commit(io, [file], flags.about === undefined ? ['the actor in one line: the body'] : []);
}

/** One competing account given by flags: `--version "<words of the source>"` and the `--version-…` flags after it. */
interface VersionFlags {
  words: string;
  text?: string | undefined;
  claimants?: string[] | undefined;
  sourceVoice?: boolean;
  quotes?: string[] | undefined;
  /** Holders the source does not name, each as it describes them (`--version-unnamed`). */
  unnamed?: string[] | undefined;
  /** `--version-no-passage`: the account rests on its quotes alone; its words only find its sentence. */
  noPassage?: boolean;
}

/** The `--version` groups of a command line, in order: each `--version-…` flag belongs to the `--version` before it. */
function versionsOf(tokens: { kind: string; name?: string; value?: string | undefined }[]): VersionFlags[] {
  const found: VersionFlags[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || !token.name?.startsWith('version')) continue;
    if (token.name === 'version') {
      found.push({ words: token.value ?? '' });
      continue;
    }
    const current = found.at(-1);
    if (current === undefined)
      throw new Stop(
        `--${token.name} belongs to a competing account: give --version "<words of the source>" before it`,
      );
    if (token.name === 'version-text') current.text = token.value;
    if (token.name === 'version-claimants') current.claimants = list(token.value);
    if (token.name === 'version-source-voice') current.sourceVoice = true;
    if (token.name === 'version-quotes') current.quotes = list(token.value);
    if (token.name === 'version-unnamed') current.unnamed = [...(current.unnamed ?? []), token.value ?? ''];
    if (token.name === 'version-no-passage') current.noPassage = true;
  }
  return found;
}

const COMMANDS = { story: newStory, quote: newQuote, event: newEvent, claim: newClaim, actor: newActor };

/** Runs one authoring command; returns the exit code. */
export async function main(args: string[], io: Io): Promise<number> {
  try {
    const {
      values: flags,
      positionals,
      tokens,
    } = parseArgs({
      args,
      options: OPTIONS,
      allowPositionals: true,
      tokens: true,
    });
    const [command, ...rest] = positionals;
    if (flags.help || command === undefined || !(command in COMMANDS)) {
      io.out(USAGE);
      return flags.help ? 0 : 2;
    }
    const versions = versionsOf(tokens);
    if (versions.length > 0 && command !== 'claim' && command !== 'event')
      throw new Stop('--version gives a competing account of a claim or an event: use it with `claim` or `event`');
    return await COMMANDS[command as keyof typeof COMMANDS](io, flags, rest, versions);
  } catch (error) {
    if (
      error instanceof Stop ||
      error instanceof NeedsDecision ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.out((error as Error).message);
      return 1;
    }
    throw error;
  }
}
