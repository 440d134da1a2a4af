import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataStore, Loader, LoaderContext, ParseDataOptions } from 'astro/loaders';
import { z } from 'astro/zod';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { auditContentTree } from '../lib/content/tree';
import { ContentError, ProblemList, problemsFromIssues, type ContentProblem } from '../lib/content/problems';
import { assembleCorpus, type CorpusFiles, type Entry } from '../lib/assemble/story';

/**
 * Astro's loaders, made strict. Left alone they log a broken file and carry on, turn an impossible
 * date such as `2021-02-30` into 2 March, and stop at the first schema error with a message that does
 * not name the value. Wrapped here, every collection is read by Astro's own loader, and:
 * - frontmatter is parsed as YAML 1.2 core, where a date is text our calendar check can refuse,
 *   then validated against the collection's schema; every problem is collected with its file,
 *   field, value and what was expected, and nothing invalid reaches the data store;
 * - a YAML syntax error, or anything a loader only logs as an error, fails the sync;
 * - once every collection has loaded, the content folder's layout is audited and the whole corpus
 *   is assembled (every reference resolved, every quote verified), so `astro sync`
 *   (`npm run check:content`) fails on exactly the problems `astro build` fails on, without
 *   rendering a page.
 */

type Kind = keyof CorpusFiles;

/** A schema as the loaders use it: zod 4, whatever it returns. */
type Schema = z.ZodType;

/** The names of the fields an object schema allows at `path`, looking through optional, default, array and preprocess wrappers. */
function fieldsAt(schema: Schema, path: PropertyKey[]): string[] {
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
    current = current.shape[key as string];
    unwrap();
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/** A YAML syntax error as a problem: the line that holds it, and the parser's reason. */
function yamlProblem(
  file: string,
  error: YAMLParseError,
  text: string,
  firstLine: number,
  part = 'frontmatter ',
): ContentProblem {
  const lines = text.split('\n');
  let line = (error.linePos?.[0].line ?? 1) + firstLine - 1;
  const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  // An unclosed [ { or quote is found where the parser gives up, lines later: name the line that opened it.
  const opener =
    { ']': '[', '}': '{' }[/end with an? ([\]}])/.exec(reason)?.[1] ?? ''] ??
    /Missing closing (["'])/.exec(reason)?.[1];
  if (opener !== undefined) {
    for (let l = line; l >= firstLine; l--) {
      if (lines[l - 1]?.includes(opener)) {
        line = l;
        break;
      }
    }
  }
  return {
    file,
    field: `${part}(line ${line})`,
    value: lines[line - 1]?.trim() ?? '',
    expected: `valid YAML: ${reason}; quote a value that holds ": " or starts with [ { > | * & ! % @ \``,
  };
}

/** Reads a Markdown file's frontmatter as YAML 1.2 core: `2021-05-07` stays the text the editor typed. */
function readFrontmatter(path: string, file: string): { data: Record<string, unknown> } | { problem: ContentProblem } {
  const text = readFileSync(path, 'utf8');
  const raw = extractFrontmatter(text) ?? '';
  try {
    const data: unknown = parseYaml(raw, { schema: 'core', uniqueKeys: true }) ?? {};
    if (typeof data !== 'object' || Array.isArray(data)) {
      return {
        problem: {
          file,
          field: '(frontmatter)',
          value: data,
          expected: 'fields written `name: value`, one a line, between the --- lines',
        },
      };
    }
    return { data: data as Record<string, unknown> };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const firstLine = text.slice(0, text.indexOf(raw)).split('\n').length;
      return { problem: yamlProblem(file, error, text, firstLine) };
    }
    throw error;
  }
}

/**
 * What a loader threw, as problems: our own ContentError as it is; Astro's frontmatter parser error
 * on broken YAML re-read in our words (where and why); anything else is a bug and is rethrown.
 */
function loadFailure(error: unknown, projectPath: (path: string) => string): ContentProblem[] {
  if (error instanceof ContentError) return error.problems;
  const path = (error as { loc?: { file?: string } }).loc?.file;
  if (!path || !existsSync(path)) throw error;
  const file = projectPath(path);
  const read = readFrontmatter(path, file);
  return [
    'problem' in read
      ? read.problem
      : {
          file,
          field: '(frontmatter)',
          value: (error as Error).message,
          expected: 'valid YAML frontmatter between the --- lines',
        },
  ];
}

interface Loaded {
  kind: Kind;
  entries: Entry<unknown>[];
  problems: ContentProblem[];
}

/**
 * Creates the strict loaders for one content folder. `check(kind, loader, schema)` wraps a loader;
 * when every kind has loaded, the last to finish audits the folder and assembles the corpus, and
 * throws one ContentError with every problem found.
 */
export function strictContent(contentDir: string, kinds: readonly Kind[]) {
  let round = new Map<Kind, Loaded>();

  const finish = (loaded: Loaded, root: URL) => {
    // A kind loading twice means a new sync began (dev server): start the round again.
    if (round.has(loaded.kind)) round = new Map();
    round.set(loaded.kind, loaded);
    if (round.size < kinds.length) return;
    const all = [...round.values()];
    round = new Map();

    const shown = relative(fileURLToPath(root), contentDir) || '.';
    const problems = [...auditContentTree(contentDir, shown), ...all.flatMap((l) => l.problems)];
    // Cross-references are only checked on files that loaded cleanly, so one mistake gives one message.
    if (problems.length > 0) throw new ContentError(problems);
    const files = Object.fromEntries(all.map((l) => [l.kind, l.entries])) as unknown as CorpusFiles;
    assembleCorpus(files);
  };

  function check(kind: Kind, loader: Loader, schema: Schema): Loader {
    return {
      name: `strict-${loader.name}`,
      load: async (context: LoaderContext) => {
        const root = context.config.root;
        const projectPath = (path: string) => relative(fileURLToPath(root), path);
        const problems = new ProblemList();
        const refused = new Set<string>();
        // The dev server's watcher reloads single files after the load: a problem then is thrown, so
        // the dev server shows it and keeps the last good version, instead of being collected unread.
        let loaded = false;
        const refuse = <T>(id: string, found: ContentProblem[], data: T): T => {
          if (loaded) throw new ContentError(found);
          problems.problems.push(...found);
          refused.add(id);
          return data;
        };

        // A refused entry hands back its raw data: the store wrapper below never keeps it.
        const parseData = async <TData extends Record<string, unknown>>(
          props: ParseDataOptions<TData>,
        ): Promise<TData> => {
          const file = props.filePath ? projectPath(props.filePath) : `${kind}: ${props.id}`;
          let data: Record<string, unknown> = props.data;
          if (props.filePath && /\.mdx?$/.test(props.filePath)) {
            const read = readFrontmatter(props.filePath, file);
            if ('problem' in read) return refuse(props.id, [read.problem], props.data);
            data = read.data;
          }
          const result = await schema.safeParseAsync(data);
          if (!result.success) {
            // A Markdown file is one entry; a data file (redirects.yaml) holds many, keyed by id.
            const perFile = !props.filePath || /\.mdx?$/.test(props.filePath);
            const issues = perFile
              ? result.error.issues
              : result.error.issues.map((issue) => ({ ...issue, path: [props.id, ...issue.path] }));
            const where = perFile ? data : { [props.id]: data };
            return refuse(
              props.id,
              problemsFromIssues(file, where, issues, (path) => fieldsAt(schema, perFile ? path : path.slice(1))),
              props.data,
            );
          }
          return context.parseData({ ...props, data: data as TData });
        };

        // Nothing refused reaches the store: an invalid entry kept there would be trusted on the next
        // build, since the loader skips files whose contents have not changed.
        const store = new Proxy(context.store, {
          get(target, property, receiver) {
            if (property === 'set') {
              return (entry: Parameters<DataStore['set']>[0]) => {
                if (!refused.has(entry.id)) return target.set(entry);
                target.delete(entry.id);
                return false;
              };
            }
            const value: unknown = Reflect.get(target, property, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });

        const logger = new Proxy(context.logger, {
          get(target, property, receiver) {
            if (property === 'error' && !loaded) {
              return (message: string) =>
                problems.add(projectPath(contentDir), kind, message, `every ${kind} file readable by the loader`);
            }
            const value: unknown = Reflect.get(target, property, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });

        try {
          await loader.load({ ...context, parseData, store, logger });
        } catch (error) {
          problems.problems.push(...loadFailure(error, projectPath));
        }

        loaded = true;
        finish(
          {
            kind,
            problems: problems.problems,
            entries: [...context.store.values()].map((entry) => ({
              id: entry.id,
              filePath: entry.filePath,
              data: entry.data,
              body: entry.body,
            })),
          },
          root,
        );
      },
    };
  }

  return { check };
}

/**
 * Reads `redirects.yaml`: a mapping from each old URL path to `{ to, reason }`. The file is optional;
 * without it there are no redirects.
 */
export function redirectsLoader(path: string): Loader {
  return {
    name: 'redirects-loader',
    load: async ({ store, parseData, config }) => {
      store.clear();
      // Most sites have no redirects: an entry set and deleted leaves the collection present but
      // empty, so reading it does not warn that it "does not exist or is empty" on every build.
      store.set({ id: '/', data: {} });
      store.delete('/');
      if (!existsSync(path)) return;
      const file = relative(fileURLToPath(config.root), path);
      const text = readFileSync(path, 'utf8');
      let data: unknown;
      try {
        data = parseYaml(text, { schema: 'core', uniqueKeys: true }) ?? {};
      } catch (error) {
        if (error instanceof YAMLParseError) throw new ContentError([yamlProblem(file, error, text, 1, '')]);
        throw error;
      }
      if (typeof data !== 'object' || Array.isArray(data)) {
        throw new ContentError([
          { file, field: '(file)', value: data, expected: 'a mapping from each old URL path to its `to` and `reason`' },
        ]);
      }
      for (const [from, redirect] of Object.entries(data as Record<string, Record<string, unknown>>)) {
        store.set({ id: from, data: await parseData({ id: from, data: redirect, filePath: path }), filePath: file });
      }
    },
  };
}
