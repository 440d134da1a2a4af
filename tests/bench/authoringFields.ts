/**
 * The authoring benchmark's bookkeeping (tests/bench/authoring.ts), kept pure so it can be tested:
 * a file's fields as leaves, the flags that give a field, and how each field of an expected file
 * fared when a command wrote it.
 */

export type Fields = Record<string, unknown>;

/** A scalar as a flag gives it and a leaf shows it. */
const scalar = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const isObject = (value: unknown): value is Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A file's fields as leaves, by path: `said.on`, `unnamed.description`, `versions[1].claimants`. A list
 * of scalars is one leaf, compared as a set (`actors`); a list of objects (`versions`) is walked item
 * by item, so each of its fields counts. An empty list is no leaf, as the model's default is none.
 */
export function leaves(fields: Fields, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  const add = (path: string, value: unknown) => {
    if (Array.isArray(value)) {
      if (value.length > 0 && value.every((v) => !isObject(v)))
        found.set(path, JSON.stringify(value.map(scalar).sort()));
      else for (const [i, item] of value.entries()) add(`${path}[${i}]`, item);
    } else if (isObject(value)) {
      for (const [k, v] of leaves(value, `${path}.`)) found.set(k, v);
    } else if (value !== undefined) found.set(path, scalar(value));
  };
  for (const [key, value] of Object.entries(fields)) add(`${prefix}${key}`, value);
  return found;
}

/** The top-level field a leaf belongs to: `said` for `said.on`, `versions` for `versions[0].text`. */
export const fieldOf = (leaf: string) => /^[^.[]+/.exec(leaf)![0];

export const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** One flag, with its value when it takes one. */
export type Flag = [name: string] | [name: string, value: string];

/** What a field's flags depend on besides its value: which command takes them. */
export interface Command {
  /** The field the command's bare date flags give (`--on`, `--stated-as`, …): `said` for a quote, `when` for an event. */
  ownDate?: string | undefined;
  /** A quote's words as the source has them (its passage, else its body): a claim's account resting on a quote is found by them. */
  quoteWords: (id: string) => string;
}

/** The value of one flag: a list comma-separated, `true` none (a bare flag), `false` no flag at all. */
const flag = (name: string, value: unknown): Flag[] =>
  value === true
    ? [[name]]
    : value === false || value === undefined
      ? []
      : [[name, Array.isArray(value) ? value.map(scalar).join(',') : scalar(value)]];

/** How a field other than a scalar's `--<field>` is given by the commands' flags (src/cli/new.ts, its USAGE). */
interface Mapping {
  /** Every flag that gives the field or a part of it: how a flag the tool asks for is traced to its field. */
  flags: readonly string[];
  /** The flags that give this value; none for a part no flag gives, which then stays unwritten. */
  give: (value: never, command: Command) => Flag[];
  /** The flags that leave the field out, where the command would otherwise write it. */
  clear?: Flag[];
}

/** An object given part by part, each part by its flag; a part without one (a translation's `by`) follows from the others. */
const byParts = (flags: Record<string, string>) => ({
  flags: Object.values(flags),
  give: (value: Fields) => Object.entries(value).flatMap(([part, v]) => (part in flags ? flag(flags[part]!, v) : [])),
});

/** A list of ids, comma-separated; `""` is the empty list. */
const ids = (name: string): Mapping => ({ flags: [name], give: (v: string[]) => flag(name, v), clear: [[name, '']] });

/** The command's own date (a quote's `said`, an event's `when`), part by part; `statedIn` is a source's alone. */
const DATE_PARTS = byParts({
  on: '--on',
  earliest: '--earliest',
  latest: '--latest',
  from: '--from',
  to: '--to',
  part: '--part',
  statedAs: '--stated-as',
  provenance: '--provenance',
  inferredParts: '--inferred-parts',
  relativeTo: '--relative-to',
  reasoning: '--reasoning',
});
const OWN_DATE: Mapping = { ...DATE_PARTS, flags: [...DATE_PARTS.flags, '--no-date'], clear: [['--no-date']] };

/** A source's publication date beside its day (or `FIRST..LAST` bounds): `provenance` follows from these (inferred with a reasoning or inferred parts). */
const PUBLISHED = byParts({
  statedIn: '--published-in',
  statedAs: '--published-stated-as',
  inferredParts: '--published-inferred-parts',
  reasoning: '--published-reasoning',
});

/**
 * Who holds a claim or gives an account: actor ids comma-separated by `name` (`""` when there are
 * none), each holder the source does not name by `unnamedFlag`, its affiliation by `affiliationFlag`.
 */
function holders(name: string, unnamedFlag: string, affiliationFlag?: string): Mapping {
  return {
    flags: [name, unnamedFlag, ...(affiliationFlag === undefined ? [] : [affiliationFlag])],
    give: (value: unknown[]) => {
      const ids = value.filter((holder) => !isObject(holder));
      const unnamed = value.filter(isObject);
      // Actor ids when there are any; `""` only when there is no holder at all.
      return [
        ...(ids.length > 0 || unnamed.length === 0 ? flag(name, ids) : []),
        ...unnamed.flatMap((holder) => {
          const unnamed = holder.unnamed as Fields;
          return [
            ...flag(unnamedFlag, unnamed.description),
            ...(affiliationFlag === undefined ? [] : flag(affiliationFlag, unnamed.affiliation)),
          ];
        }),
      ];
    },
    clear: [[name, '']],
  };
}

const VERSION_PARTS: Record<string, string> = {
  text: '--version-text',
  sourceVoice: '--version-source-voice',
  quotes: '--version-quotes',
};
const VERSION_HOLDERS = holders('--version-claimants', '--version-unnamed');

/** One competing account after its `--version "<words>"`: a claim's text and quotes, either's holders; an event's date is read from the words. */
const VERSION = {
  flags: [...Object.values(VERSION_PARTS), ...VERSION_HOLDERS.flags],
  give: (account: Fields): Flag[] =>
    Object.entries(account).flatMap(([part, v]) =>
      part === 'claimants'
        ? Array.isArray(v) && v.length > 0
          ? VERSION_HOLDERS.give(v as never, { quoteWords: () => '' })
          : []
        : part in VERSION_PARTS
          ? flag(VERSION_PARTS[part]!, v)
          : [],
    ),
};

/** A source's own correction, part by part; its date is a day and the words the source gives it in. */
const CORRECTION = byParts({
  notice: '--correction',
  corrects: '--correction-corrects',
  to: '--correction-to',
  from: '--correction-from',
  passage: '--correction-passage',
});
const CORRECTION_DATE = byParts({ on: '--correction-date', statedAs: '--correction-date-stated-as' });

/** The fields the commands give by flags of their own; any other is a scalar given by `--<field>` in kebab case. */
const MAPPINGS: Record<string, Mapping> = {
  actors: ids('--actors'),
  quotes: ids('--quotes'),
  claims: ids('--claims'),
  claimants: holders('--claimants', '--unnamed-claimant', '--unnamed-affiliation'),
  disputedBy: ids('--disputed-by'),
  sameAs: ids('--same-as'),
  // A claim's passage is the command's own argument, the words it is found by.
  passages: { flags: ['--no-passage'], give: () => [], clear: [['--no-passage']] },
  unnamed: byParts({ description: '--unnamed', affiliation: '--affiliation' }),
  // Only a medium we infer has flags: one the source states is the default, written as no basis.
  mediumBasis: {
    flags: ['--medium-inferred-from'],
    give: (basis: Fields) => flag('--medium-inferred-from', basis.words),
  },
  translation: byParts({ words: '--translation', source: '--translation-source' }),
  published: {
    flags: ['--published', ...PUBLISHED.flags],
    give: (date: Fields) => [
      ...flag(
        '--published',
        date.on ?? (date.earliest === undefined ? undefined : `${scalar(date.earliest)}..${scalar(date.latest)}`),
      ),
      ...PUBLISHED.give(date),
    ],
  },
  // One correction a command (src/cli/new/story.ts): a second stays unwritten.
  corrections: {
    flags: [...CORRECTION.flags, ...CORRECTION_DATE.flags, '--no-correction'],
    give: ([first]: Fields[]) =>
      first === undefined
        ? []
        : [...CORRECTION.give(first), ...(isObject(first.date) ? CORRECTION_DATE.give(first.date) : [])],
    clear: [['--no-correction']],
  },
  // The new date is read from the source's words that give it.
  movedTo: { flags: ['--moved-to'], give: (date: Fields) => flag('--moved-to', date.statedAs) },
  // A source's archived copy: its address and the day the archive took it.
  archived: {
    flags: ['--archived-url', '--archived-on'],
    give: (archived: Fields) => [...flag('--archived-url', archived.url), ...flag('--archived-on', archived.on)],
  },
  // An event under way: the day it is set to end, read from the source's words that give it.
  until: { flags: ['--until'], give: (date: Fields) => flag('--until', date.statedAs) },
  // Who expects an expected event, and its timing; an unnamed holder's affiliation is `--affiliation`.
  expectation: {
    flags: ['--expected-by', '--expected-by-unnamed', '--expected-by-source-voice', '--expected-timing'],
    give: (expectation: Fields) => [
      ...flag('--expected-by', expectation.holders),
      ...flag('--expected-by-unnamed', (expectation.unnamed as Fields | undefined)?.description),
      ...flag('--affiliation', (expectation.unnamed as Fields | undefined)?.affiliation),
      ...flag('--expected-by-source-voice', expectation.sourceVoice),
      ...flag('--expected-timing', expectation.timing),
    ],
  },
  // An account with no passage rests on its quotes: its words (a quote's) find it, `--version-no-passage` keeps them out.
  versions: {
    flags: ['--version', '--version-no-passage', ...VERSION.flags],
    give: (accounts: Fields[], command: Command) =>
      accounts.flatMap((account) => [
        ...flag('--version', accountWords([account], command.quoteWords)),
        ...flag('--version-no-passage', account.passages === undefined),
        ...VERSION.give(account),
      ]),
  },
};

const mappingOf = (field: string, command: Command) => (field === command.ownDate ? OWN_DATE : MAPPINGS[field]);

/**
 * The flags that give a field its value, or, for `undefined`, leave it out (a list emptied, a date or
 * a passage declined). Any other field is a scalar given by `--<field>`: an object none of the
 * commands takes gets no flag, and a scalar a command does not know is refused as an unknown option,
 * which the benchmark drops; either way the field stays unwritten.
 */
export function flagsFor(field: string, value: unknown, command: Command): Flag[] {
  const mapping = mappingOf(field, command);
  if (mapping === undefined) return isObject(value) ? [] : flag(`--${kebab(field)}`, value);
  return value === undefined ? (mapping.clear ?? []) : mapping.give(value as never, command);
}

/** The field a flag gives (`--affiliation`: `unnamed`; `--on`: the command's own date). */
export function fieldOfFlag(name: string, command: Command): string {
  if (command.ownDate !== undefined && OWN_DATE.flags.includes(name)) return command.ownDate;
  const mapped = Object.entries(MAPPINGS).find(([, mapping]) => mapping.flags.includes(name));
  return mapped?.[0] ?? camel(name.slice(2));
}

/**
 * The fields a command that wrote nothing asks for, from what it printed (src/cli/new/write.ts, src/cli/decide.ts):
 * each flag named on a line of "Not written: decide these by flag" (`--speaker <actor id> | --unnamed
 * …` names both fields a speaker can be), and the field of each problem the content check refused the
 * file for. Empty when it wrote the file.
 */
export function askedFields(output: string, command: Command): string[] {
  const at = output.search(/^Not written/m);
  if (at < 0) return [];
  const fields = new Set<string>();
  for (const line of output.slice(at).split('\n').slice(1)) {
    const problem = /^ {2}- .*?: field `([^`]+)`/.exec(line);
    if (problem) fields.add(fieldOf(problem[1]!));
    // "give:" names the flag of the problem above it, by its last part (`--on` for `versions[0].when.on`).
    else if (!/^\s+give:/.test(line))
      for (const [name] of line.matchAll(/--[a-z][a-z-]*/g)) fields.add(fieldOfFlag(name, command));
  }
  return [...fields];
}

/** The words an editor gives to find an account: the first of `accounts` with a passage gives it, else the first with a quote gives that quote's words. */
export function accountWords(accounts: Fields[], quoteWords: (id: string) => string): string {
  for (const account of accounts) {
    const passage = (account.passages as string[] | undefined)?.[0];
    if (passage !== undefined) return passage;
    const quote = (account.quotes as string[] | undefined)?.[0];
    if (quote !== undefined) return quoteWords(quote);
  }
  throw new Error('an account with no passage and no quote: no words to find it by');
}

/** How the fields of one file fared. */
export interface Tally {
  /** Leaves the tool suggested and `--yes` accepted as the expected file has them. */
  suggested: string[];
  /** Leaves the editor gave by flag: their own words, or where the tool had no suggestion or asked. */
  typed: string[];
  /** Suggestions `--yes` accepted that differ from the expected file, each with both values. */
  wrong: string[];
  /** Suggestions `--yes` accepted of fields the expected file has not, each with its value: wrong too. */
  extra: string[];
  /** Leaves of the expected file the command did not write however its flags were given, each with the expected value (and what it wrote instead). */
  unwritable: string[];
  /** Leaves the final file has and the expected file has not, each with its value: what no flag of the command leaves out. */
  forced: string[];
  /** Date reasonings the tool drafted: prose for the editor to confirm, counted apart from the fields. */
  drafted: number;
}

/**
 * Sorts the leaves of an expected file by how the command wrote them. `first` is the file written with
 * `--yes` and only the flags an editor types (`typed`, top-level fields), `final` the file written
 * again with every wrong or missing field given by flag. A leaf of the expected file the final file
 * lacks is unwritable, whatever the first run did; otherwise it is typed (given by flag, or left out
 * by the tool), suggested (the first run had it right) or wrong. A leaf only the first run has is
 * extra, a wrong suggestion too; one the final file still has is forced, what the command writes
 * however its flags are given. Reasonings are only counted, as drafted when the tool wrote them.
 */
export function tally(
  expected: Map<string, string>,
  first: Map<string, string>,
  final: Map<string, string>,
  typed: readonly string[],
): Tally {
  const result: Tally = { suggested: [], typed: [], wrong: [], extra: [], unwritable: [], forced: [], drafted: 0 };
  for (const leaf of new Set([...expected.keys(), ...first.keys()])) {
    const want = expected.get(leaf);
    const got = first.get(leaf);
    if (leaf.endsWith('.reasoning')) {
      if (got !== undefined && !typed.includes(fieldOf(leaf))) result.drafted++;
    } else if (want === undefined) result.extra.push(`${leaf}: ${got}`);
    else if (final.get(leaf) !== want)
      result.unwritable.push(`${leaf}: ${want}${final.has(leaf) ? ` (written: ${final.get(leaf)})` : ''}`);
    else if (typed.includes(fieldOf(leaf)) || got === undefined) result.typed.push(leaf);
    else if (got === want) result.suggested.push(leaf);
    else result.wrong.push(`${leaf}: ${got} (expected: ${want})`);
  }
  for (const [leaf, value] of final)
    if (!expected.has(leaf) && !leaf.endsWith('.reasoning')) result.forced.push(`${leaf}: ${value}`);
  return result;
}
