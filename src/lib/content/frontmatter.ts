import { isDocument, parseDocument, visit, type YAMLError } from 'yaml';
import type { ContentProblem } from './problems.ts';

/**
 * Reading an editor's file: frontmatter and body apart, the frontmatter parsed as YAML with limits.
 *
 * YAML 1.2 core schema, so `2021-05-07` stays the text the editor typed (our calendar check refuses
 * `2021-02-30`; YAML 1.1 would make it 2 March). Duplicate keys are errors. Aliases are capped: ten
 * lines of `&a [*b, *b, …]` expand to billions of nodes (an "alias bomb"), and editorial content
 * needs few. Sizes are capped before anything is parsed.
 */

/** Frontmatter larger than this is refused unread: fields are short, the words go in the body. */
export const MAX_FRONTMATTER_BYTES = 64 * 1024;
/** A content file larger than this is refused unread (a long source text is a few hundred KB). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** How many nodes aliases may expand to in one file's YAML. */
export const MAX_ALIAS_COUNT = 50;

const YAML_OPTIONS = { schema: 'core', uniqueKeys: true, maxAliasCount: MAX_ALIAS_COUNT } as const;

const HINT = 'quote a value that holds ": " or starts with [ { > | * & ! % @ `';

/** A file split at its frontmatter: the YAML text, the body, and the lines each starts on (1-based). */
export interface SplitFile {
  yaml: string;
  yamlLine: number;
  body: string;
  bodyLine: number;
}

/**
 * Splits a Markdown file at its frontmatter: a first line `---`, the YAML, a line `---`. A file
 * without that first line has no frontmatter; one that opens it and never closes it is refused.
 */
export function splitFrontmatter(text: string): SplitFile | { unclosed: true } {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return { yaml: '', yamlLine: 1, body: text, bodyLine: 1 };
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (close < 0) return { unclosed: true };
  return {
    yaml: lines.slice(1, close).join('\n'),
    yamlLine: 2,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}

/** The first line of a YAML error, in the editor's terms; where it is goes in line and column. */
function yamlReason(error: YAMLError | Error): string {
  const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (/alias/i.test(first) && /excessive|resource exhaustion/i.test(first)) {
    return `YAML aliases (*name) that expand to more than ${MAX_ALIAS_COUNT} nodes; write the values out instead`;
  }
  return `valid YAML (the parser says: ${first}); ${HINT}`;
}

/**
 * An unclosed `[`, `{` or quotation mark is noticed where the parser gives up, lines later: the
 * problem names the line that opened it.
 */
function openingLine(reason: string, lines: string[], line: number, firstLine: number): number {
  const opener =
    { ']': '[', '}': '{' }[/end with an? ([\]}])/.exec(reason)?.[1] ?? ''] ?? /Missing closing (["'])/.exec(reason)?.[1];
  if (opener === undefined) return line;
  for (let l = line; l >= firstLine; l--) if (lines[l - 1]?.includes(opener)) return l;
  return line;
}

/**
 * Parses YAML text that starts on line `firstLine` of `file` (whose whole text is `fileText`), as a
 * mapping of fields. Returns the fields, or the problem with its line and column.
 */
export function parseYamlFields(
  file: string,
  yaml: string,
  firstLine: number,
  fileText: string,
  { field = '(frontmatter)', what = 'fields written `name: value`, one a line, between the --- lines' } = {},
): { data: Record<string, unknown> } | { problem: ContentProblem } {
  if (Buffer.byteLength(yaml) > MAX_FRONTMATTER_BYTES) {
    return {
      problem: {
        file,
        field,
        value: `${Buffer.byteLength(yaml).toLocaleString('en')} bytes of YAML`,
        expected: `at most ${MAX_FRONTMATTER_BYTES / 1024} KB of fields; long text belongs in the body`,
        line: firstLine,
      },
    };
  }
  const lines = fileText.split('\n');
  const fail = (error: YAMLError | Error, at?: { line: number; col: number }): { problem: ContentProblem } => {
    const reason = yamlReason(error);
    const line = openingLine(error.message, lines, (at?.line ?? 1) + firstLine - 1, firstLine);
    return {
      problem: {
        file,
        field,
        value: lines[line - 1]?.trim() ?? '',
        expected: reason,
        line,
        ...(at !== undefined && line === at.line + firstLine - 1 && { column: at.col }),
      },
    };
  };
  const doc = parseDocument(yaml, YAML_OPTIONS);
  const error = doc.errors[0];
  if (error !== undefined) return fail(error, error.linePos?.[0]);
  let data: unknown;
  try {
    data = isDocument(doc) ? doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) : undefined;
  } catch (thrown) {
    // An alias bomb is found while the document is turned into values: a ReferenceError from the
    // parser, with no place. The problem points at the first alias.
    if (!(thrown instanceof ReferenceError)) throw thrown;
    let offset = 0;
    visit(doc, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const before = yaml.slice(0, offset).split('\n');
    return fail(thrown, { line: before.length, col: before.at(-1)!.length + 1 });
  }
  data ??= {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { problem: { file, field, value: data, expected: what, line: firstLine } };
  }
  return { data: data as Record<string, unknown> };
}

/** A Markdown file's fields and body, or the one problem that stops it being read. */
export function readMarkdownFile(
  file: string,
  text: string,
): { data: Record<string, unknown>; body: string; bodyLine: number } | { problem: ContentProblem } {
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    return {
      problem: {
        file,
        field: '(file)',
        value: `${Buffer.byteLength(text).toLocaleString('en')} bytes`,
        expected: `a file of at most ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      },
    };
  }
  const split = splitFrontmatter(text);
  if ('unclosed' in split) {
    return {
      problem: {
        file,
        field: '(frontmatter)',
        value: '---',
        expected: 'a closing line `---` after the fields: the frontmatter opens on line 1 and never closes',
        line: 1,
      },
    };
  }
  const fields = parseYamlFields(file, split.yaml, split.yamlLine, text);
  return 'problem' in fields ? fields : { data: fields.data, body: split.body, bodyLine: split.bodyLine };
}
