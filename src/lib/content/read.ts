import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import type { CorpusFiles, Entry } from '../model/corpus.ts';
import {
  actorSchema,
  claimSchema,
  eventSchema,
  quoteSchema,
  redirectSchema,
  sourceSchema,
  storySchema,
} from '../model/entities.ts';
import { parseYamlFields, readMarkdownFile } from './frontmatter.ts';
import { problemsFromIssues, type ContentProblem } from './problems.ts';
import { ROOT_FILES, scanContentTree, type EntityKind } from './tree.ts';

/**
 * Reads a content folder once: its layout audited, every entity file's frontmatter parsed and
 * validated against its kind's schema, `redirects.yaml` likewise. Every problem is collected with
 * its file, field, value and what was expected; a file with a problem is left out of the result,
 * so cross-references are checked only on files that read cleanly (one mistake, one message).
 */

const SCHEMAS = {
  actors: actorSchema,
  stories: storySchema,
  sources: sourceSchema,
  quotes: quoteSchema,
  claims: claimSchema,
  events: eventSchema,
} satisfies Record<EntityKind, z.ZodType>;

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
function validate<T>(
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
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  const read = parseYamlFields(file, text, 1, text, {
    field: '(file)',
    what: 'a mapping from each old URL path to its `to` and `reason`',
  });
  if ('problem' in read) {
    problems.push(read.problem);
    return [];
  }
  return Object.entries(read.data).flatMap(([from, redirect]) => {
    const data = validate(redirectSchema, file, redirect, problems, [from]);
    return data === undefined ? [] : [{ id: from, filePath: file, data }];
  });
}

/**
 * Reads and validates every file of the content folder `contentDir`; paths in problems are relative
 * to `projectRoot`. With `kinds`, only the entity files of those kinds are read (and the redirects),
 * for a step that needs no more than that (the sitemap reads the stories' dates).
 */
export function readContent(
  contentDir: string,
  projectRoot: string,
  kinds?: readonly EntityKind[],
): { files: CorpusFiles; problems: ContentProblem[] } {
  const shown = relative(projectRoot, contentDir) || '.';
  const { files: found, problems } = scanContentTree(contentDir, shown);
  const files: CorpusFiles = { actors: [], stories: [], sources: [], quotes: [], claims: [], events: [], redirects: [] };
  for (const { kind, path, id } of found) {
    if (kinds !== undefined && !kinds.includes(kind)) continue;
    const file = relative(projectRoot, path);
    const read = readMarkdownFile(file, readFileSync(path, 'utf8'));
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const data = validate<unknown>(SCHEMAS[kind], file, read.data, problems);
    if (data === undefined) continue;
    (files[kind] as Entry<unknown>[]).push({ id, filePath: file, data, body: read.body, bodyLine: read.bodyLine });
  }
  files.redirects = readRedirects(join(contentDir, ROOT_FILES.redirects), relative(projectRoot, join(contentDir, ROOT_FILES.redirects)), problems);
  return { files, problems };
}
