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

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A date value, by the field every date value has. */
const isDate = (value: unknown): value is Fields => isObject(value) && 'provenance' in value;

/** One flag, with its value when it takes one. */
export type Flag = [name: string] | [name: string, value: string];

/**
 * The flags that give a field its value, by the commands' convention (src/cli/new.ts): `--<field>` in
 * kebab case, a list comma-separated, an object's fields as `--<field>-<part>`. A date value is given
 * by its parts: the command's own date (`said`, `when`) by `--on`, `--stated-as`, …; another by
 * `--<field>` for `on` and `--<field>-<part>` for the rest (`--published`, `--published-stated-as`),
 * `statedIn` being `in` (`--published-in metadata`). A list of objects (a claim's `versions`) has no
 * flag. A flag the command does not know is dropped where the benchmark runs it, and the field it
 * would give is then counted as one the command cannot write.
 */
export function flagsFor(field: string, value: unknown, ownDate: string): Flag[] {
  if (isDate(value)) {
    const own = field === ownDate;
    return Object.entries(value).map(([part, v]) => {
      const name = part === 'statedIn' ? 'in' : kebab(part);
      const flag = own ? name : part === 'on' ? kebab(field) : `${kebab(field)}-${name}`;
      return [`--${flag}`, Array.isArray(v) ? v.map(scalar).join(',') : scalar(v)];
    });
  }
  if (Array.isArray(value)) return value.some(isObject) ? [] : [[`--${kebab(field)}`, value.map(scalar).join(',')]];
  if (isObject(value))
    return Object.entries(value).flatMap(([part, v]) => flagsFor(`${field}-${kebab(part)}`, v, ownDate));
  if (value === true) return [[`--${kebab(field)}`]];
  return value === undefined || value === false ? [] : [[`--${kebab(field)}`, scalar(value)]];
}

/** The flags that take out a field a command wrote but the expected file has not: a list emptied, a date or a passage declined. */
export function clearFlags(field: string, written: unknown, ownDate: string): Flag[] {
  if (field === ownDate) return [['--no-date']];
  if (field === 'passages') return [['--no-passage']];
  return Array.isArray(written) ? [[`--${kebab(field)}`, '']] : [];
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
  /** Date reasonings the tool drafted: prose for the editor to confirm, counted apart from the fields. */
  drafted: number;
}

/**
 * Sorts the leaves of an expected file by how the command wrote them. `first` is the file written with
 * `--yes` and only the flags an editor types (`typed`, top-level fields), `final` the file written
 * again with every wrong or missing field given by flag. A leaf of the expected file the final file
 * lacks is unwritable, whatever the first run did; otherwise it is typed (given by flag, or left out
 * by the tool), suggested (the first run had it right) or wrong. A leaf only the first run has is
 * extra, a wrong suggestion too. Reasonings are only counted, as drafted when the tool wrote them.
 */
export function tally(
  expected: Map<string, string>,
  first: Map<string, string>,
  final: Map<string, string>,
  typed: readonly string[],
): Tally {
  const result: Tally = { suggested: [], typed: [], wrong: [], extra: [], unwritable: [], drafted: 0 };
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
  return result;
}
