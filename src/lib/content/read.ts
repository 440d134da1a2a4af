import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import type { CorpusFiles, Entry } from '../model/corpus.ts';
import { runSteps, type Steps } from '../model/steps.ts';
import {
  actorSchema,
  authorSchema,
  claimSchema,
  eventSchema,
  quoteSchema,
  redirectSchema,
  sourceSchema,
  storySchema,
} from '../model/entities.ts';
import { decodeContentFile } from './encoding.ts';
import { parseYamlFields, readMarkdownFile } from './frontmatter.ts';
import { problemsFromIssues, type ContentProblem } from './problems.ts';
import { characterProblems, type IsSourceWords } from './safeText.ts';
import { ROOT_FILES, scanContentTree, type EntityKind, type ListingReuse } from './tree.ts';

/**
 * Reads a content folder once: its layout audited, every file decoded (src/lib/content/encoding.ts),
 * every entity file's frontmatter parsed, its characters checked (src/lib/content/safeText.ts) and
 * its fields validated against its kind's schema, `redirects.yaml` likewise. Every problem is
 * collected with its file, field, value and what was expected; a file with a problem is left out of
 * the result, so cross-references are checked only on files that read cleanly (one mistake, one
 * message).
 */

const SCHEMAS = {
  actors: actorSchema,
  authors: authorSchema,
  stories: storySchema,
  sources: sourceSchema,
  quotes: quoteSchema,
  claims: claimSchema,
  events: eventSchema,
} satisfies Record<EntityKind, z.ZodType>;

/** A field path as a pattern: `versions.*.passages.*` for `["versions", 0, "passages", 2]`. */
const pattern = (path: PropertyKey[]) => path.map((key) => (typeof key === 'number' ? '*' : String(key))).join('.');

/**
 * Which texts of each kind of file are a source's words, exempt from the rules for our own text
 * (the verbatim check compares them with the source): a source's text, a quote's words and the
 * passages it, a claim or an event takes from the source, a translation a source publishes, and a
 * correction's record of a quote's former words.
 */
const SOURCE_WORDS: Record<EntityKind, (data: Record<string, unknown>) => IsSourceWords> = {
  actors: () => () => false,
  authors: () => () => false,
  stories: () => (path) => pattern(path) === 'corrections.*.was.words',
  sources: () => (path) => pattern(path) === 'body',
  quotes: (data) => (path) =>
    ['body', 'passage'].includes(pattern(path)) ||
    (pattern(path) === 'translation.words' && (data.translation as { by?: unknown } | undefined)?.by === 'source'),
  claims: () => (path) => ['passages.*', 'versions.*.passages.*'].includes(pattern(path)),
  events: () => (path) => pattern(path) === 'versions.*.passages.*',
};

/** The text of a content file, decoded (src/lib/content/encoding.ts); or the problem that stops it being read. */
export function readTextFile(path: string, file: string): { text: string } | { problem: ContentProblem } {
  return decodeContentFile(readFileSync(path), file);
}

/** The names of the fields an object schema allows at `path`, looking through optional, default, array and pipe wrappers. */
function fieldsAt(schema: z.ZodType, path: PropertyKey[]): string[] {
  let current: unknown = schema;
  const unwrap = () => {
    for (;;) {
      if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable)
        current = current.unwrap();
      else if (current instanceof z.ZodPipe) current = current.out;
      else if (current instanceof z.ZodArray) current = current.element;
      else return;
    }
  };
  unwrap();
  for (const key of path) {
    if (typeof key === 'number') continue;
    if (!(current instanceof z.ZodObject)) return [];
    current = current.shape[String(key)];
    unwrap();
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/** Validates one entry's fields; `keyPath` places a data file's entry under its key (`["/old/path/"]`). */
export function validate<T>(
  schema: z.ZodType<T>,
  file: string,
  data: unknown,
  problems: ContentProblem[],
  keyPath: PropertyKey[] = [],
): T | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ ...issue, path: [...keyPath, ...issue.path] }));
  const where = keyPath.reduceRight<unknown>((inner, key) => ({ [key]: inner }), data);
  problems.push(
    ...problemsFromIssues(file, where, issues, (path) => fieldsAt(schema, path.slice(keyPath.length))),
  );
  return undefined;
}

function readRedirects(path: string, file: string, problems: ContentProblem[]): CorpusFiles['redirects'] {
  const decoded = readTextFile(path, file);
  if ('problem' in decoded) {
    problems.push(decoded.problem);
    return [];
  }
  const { text } = decoded;
  const read = parseYamlFields(file, text, 1, text, {
    field: '(file)',
    what: 'a mapping from each old URL path to its `to` and `reason`',
  });
  if ('problem' in read) {
    problems.push(read.problem);
    return [];
  }
  const unsafe = characterProblems(file, read.data, undefined, () => false);
  if (unsafe.length > 0) {
    problems.push(...unsafe);
    return [];
  }
  return Object.entries(read.data).flatMap(([from, redirect]) => {
    const data = validate(redirectSchema, file, redirect, problems, [from]);
    return data === undefined ? [] : [{ id: from, filePath: file, data }];
  });
}

/** One entity file's validated fields and body, or undefined with its problems added to `problems`. */
function readEntry(
  kind: EntityKind,
  path: string,
  file: string,
  problems: ContentProblem[],
): Omit<Entry<unknown>, 'id'> | undefined {
  const decoded = readTextFile(path, file);
  const read = 'problem' in decoded ? decoded : readMarkdownFile(file, decoded.text);
  if ('problem' in read) {
    problems.push(read.problem);
    return undefined;
  }
  // Characters first: a refused one in an id would otherwise be a second problem, from the schema.
  const unsafe = characterProblems(file, read.data, { text: read.body, line: read.bodyLine }, SOURCE_WORDS[kind](read.data));
  if (unsafe.length > 0) {
    problems.push(...unsafe);
    return undefined;
  }
  const data = validate<unknown>(SCHEMAS[kind], file, read.data, problems);
  return data === undefined ? undefined : { filePath: file, data, body: read.body, bodyLine: read.bodyLine };
}

/**
 * Each entity file as an earlier read left it, by path: its entry (the same object while the file is
 * unchanged, so what was made from it can be reused), or undefined, with its problems. The dev server
 * keeps one while it runs (src/loader/contentLoader.ts); a new process starts with none.
 */
export type ReadCache = Map<string, { entry: Entry<unknown> | undefined; problems: ContentProblem[] }>;

/**
 * Reads and validates every file of the content folder `contentDir`; paths in problems are relative
 * to `projectRoot`. With `kinds`, only the entity files of those kinds are read (and the redirects),
 * for a step that needs no more than that (the sitemap reads the stories' dates). With `reuse`, a file
 * in its cache and not among the `changed` paths is taken from the cache unread; the cache is brought
 * up to date (files read again, files gone forgotten), and `reread` lists the files read this time;
 * with its `listings`, a folder listed before and not among the `changed` paths is not listed again
 * (`scanContentTree`).
 */
export function readContent(
  contentDir: string,
  projectRoot: string,
  kinds?: readonly EntityKind[],
  reuse?: { cache: ReadCache; changed: ReadonlySet<string>; listings?: ListingReuse['listings'] },
): ContentRead {
  return runSteps(readContentSteps(contentDir, projectRoot, kinds, reuse));
}

/** What `readContent` returns. */
export interface ContentRead {
  files: CorpusFiles;
  problems: ContentProblem[];
  reread: string[];
}

/** `readContent` in steps, one a file read (src/lib/model/steps.ts): the dev server pauses between them. */
export function* readContentSteps(
  contentDir: string,
  projectRoot: string,
  kinds?: readonly EntityKind[],
  reuse?: { cache: ReadCache; changed: ReadonlySet<string>; listings?: ListingReuse['listings'] },
): Steps<ContentRead> {
  const shown = relative(projectRoot, contentDir) || '.';
  const listings = reuse?.listings && { listings: reuse.listings, changed: reuse.changed };
  const { files: found, rootFiles, problems } = scanContentTree(contentDir, shown, listings);
  const files: CorpusFiles = {
    actors: [],
    authors: [],
    stories: [],
    sources: [],
    quotes: [],
    claims: [],
    events: [],
    redirects: [],
  };
  const reread: string[] = [];
  const present = new Set<string>();
  for (const { kind, path, id } of found) {
    if (kinds !== undefined && !kinds.includes(kind)) continue;
    present.add(path);
    const file = relative(projectRoot, path);
    let read = reuse?.changed.has(path) === false ? reuse.cache.get(path) : undefined;
    if (read === undefined) {
      const fileProblems: ContentProblem[] = [];
      const entry = readEntry(kind, path, file, fileProblems);
      read = { entry: entry && { id, ...entry }, problems: fileProblems };
      reuse?.cache.set(path, read);
      reread.push(file);
      yield;
    }
    problems.push(...read.problems);
    if (read.entry !== undefined) (files[kind] as Entry<unknown>[]).push(read.entry);
  }
  if (reuse) for (const path of reuse.cache.keys()) if (!present.has(path)) reuse.cache.delete(path);
  // Read only when the walk found it as a file of its own: a symbolic link was refused unread.
  if (rootFiles.has(ROOT_FILES.redirects)) {
    const path = join(contentDir, ROOT_FILES.redirects);
    files.redirects = readRedirects(path, relative(projectRoot, path), problems);
  }
  return { files, problems, reread };
}
