import { codePointCount, formatCount } from './characters.ts';

/**
 * Content problems, reported the way an editor can act on them: the file, the field, the value
 * found and what was expected. Problems are collected and thrown together so one build shows them all.
 */

export interface ContentProblem {
  /** The content file, relative to the project root. */
  file: string;
  /** The field, as a path into the frontmatter (`said.reasoning`), or `body` for the text. */
  field: string;
  /** What the file holds there. */
  value: unknown;
  /** What would have been accepted. */
  expected: string;
  /** Where in the file, 1-based, when the problem has a place (a YAML error, a story body's markup). */
  line?: number | undefined;
  /** The column on `line`, 1-based. */
  column?: number | undefined;
}

/** A value longer than this, or on more than one line, is shown cut, with its size. */
const LONGEST_VALUE = 120;
/** How much of a cut value is shown: its first words, up to this many characters. */
const VALUE_SHOWN = 60;

/**
 * A value as a problem line shows it: a text in quotation marks, anything else as JSON, and a long or
 * multi-line one (a whole quote, a source's body) cut to its first words with its size:
 * `"If the Taliban do not choose peace, … (2,048,117 characters)"`. A message never echoes a body.
 */
export function showValue(value: unknown): string {
  // JSON.stringify gives undefined for undefined (a missing field), whatever its type says.
  const text = typeof value === 'string' ? value : (JSON.stringify(value) as string | undefined);
  if (text === undefined) return 'missing';
  const mark = typeof value === 'string' ? '"' : '';
  const newline = text.search(/[\r\n]/);
  if (text.length <= LONGEST_VALUE && newline < 0) return `${mark}${text}${mark}`;
  let head = text.slice(0, Math.min(newline < 0 ? text.length : newline, VALUE_SHOWN + 1));
  if (head.length > VALUE_SHOWN) {
    const space = head.lastIndexOf(' ', VALUE_SHOWN);
    head = head.slice(0, space > VALUE_SHOWN / 2 ? space : VALUE_SHOWN);
  }
  return `${mark}${head.trimEnd()} … (${formatCount(codePointCount(text))} characters)${mark}`;
}

/** Where a problem is: its file, with the line and column when it has them (`q.md:4:7`). */
export function problemPlace(problem: ContentProblem): string {
  const place = problem.line === undefined ? '' : `:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
  return `${problem.file}${place}`;
}

/** What is wrong there: the field, its value and what was expected. */
export function problemDetail(problem: ContentProblem): string {
  return `field \`${problem.field}\` is ${showValue(problem.value)}; expected ${problem.expected}`;
}

/** One problem as one line: `q.md: field \`speaker\` is "nobody"; expected …`. */
export function formatProblem(problem: ContentProblem): string {
  return `${problemPlace(problem)}: ${problemDetail(problem)}`;
}

/** The title over a list of problems: `Invalid content (2 problems)`. */
export function problemsTitle(count: number): string {
  return `Invalid content (${count} problem${count === 1 ? '' : 's'})`;
}

/** What the dev server does while content is invalid, as the terminal and the pages say it. */
export const LAST_GOOD_VERSION = 'The pages show the last good version until this is fixed.';

/** Every problem found, thrown together so one run reports them all. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(`${problemsTitle(problems.length)}:\n` + problems.map((p) => `  - ${formatProblem(p)}`).join('\n'));
    this.problems = problems;
    this.name = 'ContentError';
    // A content mistake is not a bug: a trace into the build tools would only bury the message, and
    // Astro prints a "Stack trace:" heading for any error with a stack, even one that repeats the message.
    this.stack = '';
  }
}

/** Collects problems while a model is assembled; `throwIfAny` ends the build with all of them. */
export class ProblemList {
  readonly problems: ContentProblem[] = [];

  add(file: string, field: string, value: unknown, expected: string): void {
    this.problems.push({ file, field, value, expected });
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new ContentError(this.problems);
  }
}

/** A zod issue, as far as the messages below read it (zod 4's issue union, loosely). */
interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  values?: unknown[];
  keys?: string[];
  format?: string;
}

/** The field names an object schema allows at `path`, for "did you mean" on a misspelt field. */
export type FieldLister = (path: PropertyKey[]) => string[];

/** `said.reasoning`, `actors[2]`; a key that is not a plain name (a redirect's old path) in brackets. */
export const fieldName = (path: PropertyKey[]) =>
  path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      if (!/^[A-Za-z_][\w-]*$/.test(String(key))) return `[${JSON.stringify(String(key))}]`;
      return i === 0 ? String(key) : `.${String(key)}`;
    })
    .join('') || '(frontmatter)';

const valueAt = (data: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    data,
  );

/** How many single-letter edits turn `a` into `b`: `speakr` is one from `speaker`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Our own schema messages read "expected …", and the problem line already says "expected": the word is
 * dropped. Any other message (one of zod's own) is kept whole, after a phrase that completes the sentence.
 */
const withoutExpected = (message: string) =>
  /^expected\s+/i.test(message) ? message.replace(/^expected\s+/i, '') : `a valid value (${message.replace(/^\w/, (c) => c.toLowerCase())})`;

/** A kind of value in an editor's words, after "expected" or "not": `a text`, `a list`. */
const KINDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'a true-or-false value',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
  null: 'an empty value',
  undefined: 'nothing',
};
const kindOf = (value: unknown) =>
  KINDS[value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value] ?? `a ${typeof value}`;
const kindNamed = (kind: string | undefined) =>
  KINDS[kind ?? ''] ?? (kind === undefined ? 'a value' : `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`);

/** What would have been accepted, to follow "expected" in the problem line as a sentence. */
function expectation(issue: SchemaIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? `a value: this field is required (${kindNamed(issue.expected)})`
        : `${kindNamed(issue.expected)}, not ${kindOf(value)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? 'a text that is not empty'
          : `a text of at least ${issue.minimum} characters`
        : `at least ${issue.minimum} ${issue.origin === 'array' ? 'item' : ''}${Number(issue.minimum) === 1 ? '' : 's'}`.trim();
    case 'too_big':
      return `at most ${issue.maximum}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}`;
    case 'invalid_value':
      return `one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'url'
        ? 'a web address starting with http:// or https://'
        : withoutExpected(issue.message);
    default:
      return withoutExpected(issue.message);
  }
}

/**
 * Turns schema issues for one file into problems an editor can act on: the field as a path
 * (`said.reasoning`, `actors[2]`), the value found there, and what would have been accepted. A field
 * the schema does not know (a typo such as `speakr`) names the closest field it does know.
 */
export function problemsFromIssues(
  file: string,
  data: unknown,
  issues: readonly SchemaIssue[],
  fieldsAt: FieldLister,
): ContentProblem[] {
  const closestField = (path: PropertyKey[], key: string) => {
    const closest = fieldsAt(path).toSorted((a, b) => editDistance(key, a) - editDistance(key, b))[0];
    return closest !== undefined && editDistance(key, closest) <= 2 ? closest : undefined;
  };
  // `speakr: x` makes two issues, an unknown `speakr` and a missing `speaker`: it is one mistake, one message.
  const misspelt = new Set(
    issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? (issue.keys ?? [])
            .flatMap((key) => closestField(issue.path, key) ?? [])
            .map((field) => fieldName([...issue.path, field]))
        : [],
    ),
  );
  return issues.flatMap((issue): ContentProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      const known = fieldsAt(issue.path);
      return (issue.keys ?? []).map((key) => {
        const closest = closestField(issue.path, key);
        const hint = closest !== undefined ? `did you mean \`${closest}\`? ` : '';
        return {
          file,
          field: fieldName([...issue.path, key]),
          value: valueAt(data, [...issue.path, key]),
          expected: `no such field: ${hint}the fields here are ${known.join(', ')}`,
        };
      });
    }
    const value = valueAt(data, issue.path);
    if (value === undefined && misspelt.has(fieldName(issue.path))) return [];
    return [{ file, field: fieldName(issue.path), value, expected: expectation(issue, value) }];
  });
}
