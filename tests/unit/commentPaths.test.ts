import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from '@astrojs/compiler-rs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR } from '../../src/lib/content/folder';
import { ROOT_FILES } from '../../src/lib/content/tree';

/*
 * Comments cite only files of the repository: every path a comment names, in the
 * modules of src/, scripts/ and tests/ (the fixtures' content aside) and the config files, must name a
 * file or folder that exists. Comments are read with TypeScript's own parser, and those of .astro
 * files from the syntax tree Astro's compiler makes of them; in the comments' prose, a path is a word
 * with a slash and a file's extension. Not covered: comments in stylesheets.
 */

const ROOT = resolve('.');
const TOPS = ['src', 'scripts', 'tests'];
const CONFIGS = ['astro.config.mjs', 'playwright.config.ts', 'vitest.config.ts', 'eslint.config.js'];

/** A path in prose: `src/lib/model/date.ts`, `../content/sync-folders.ts`, `lib/outputs/fonts.ts`, `pages/fonts/[file].ts`. */
const PATH =
  /(?<![\w@/.:-])((?:\.{1,2}\/)?[\w[\].-]+(?:\/[\w[\].-]+)+\.(?:ts|astro|mjs|js|css|md|mdx|json|yaml|txt))(?![\w/])/g;

/** Files the content folder may hold that the site's own need not have (it has no redirects yet). */
const CONTENT_FILES = new Set(Object.values(ROOT_FILES).map((file) => `${DEFAULT_CONTENT_DIR}/${file}`));

const modules = [
  ...TOPS.flatMap((top) =>
    readdirSync(top, { recursive: true, withFileTypes: true })
      // Files only (a build leaves a folder named `.astro` beside the benchmark's baseline), none of a
      // tool's hidden folders, and none of the fixtures' content.
      .filter((entry) => entry.isFile())
      .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
      .filter(
        (file) =>
          /\.(ts|mjs|js|astro)$/.test(file) &&
          !file.startsWith('tests/fixtures/') &&
          !file.split('/').some((part) => part.startsWith('.') || part === 'node_modules'),
      ),
  ),
  ...CONFIGS,
];

/** Every comment of a TypeScript or JavaScript module, each once. */
function tsComments(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found = new Map<number, string>();
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const { pos, end } of ranges ?? []) found.set(pos, text.slice(pos, end));
  };
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.getFullStart()));
    collect(ts.getTrailingCommentRanges(text, node.getEnd()));
    for (const child of node.getChildren(file)) visit(child);
  };
  visit(file);
  return [...found.values()];
}

/** Every comment of an .astro file: its frontmatter's, its scripts' and its template expressions'. */
function astroComments(text: string): string[] {
  const { ast } = parse(text) as { ast: { comments?: { value: string }[] } };
  return (ast.comments ?? []).map(({ value }) => value);
}

/** Whether a path a comment in `from` names exists: from the file's folder, the repository's root, src/ or src/lib/. */
function exists(from: string, path: string): boolean {
  if (path.startsWith('./') || path.startsWith('../')) return existsSync(resolve(dirname(from), path));
  if (CONTENT_FILES.has(path)) return true;
  return [dirname(from), ROOT, 'src', 'src/lib'].some((base) => existsSync(resolve(base, path)));
}

const missing = modules.flatMap((module) => {
  const text = readFileSync(module, 'utf8');
  const comments = module.endsWith('.astro') ? astroComments(text) : tsComments(module, text);
  return comments.flatMap((comment) =>
    [...comment.matchAll(PATH)]
      .map((match) => match[1]!)
      .filter((path) => !exists(module, path))
      .map((path) => `${relative(ROOT, module)}: ${path}`),
  );
});

describe('file references in comments', () => {
  it('reads comments from every kind of module', () => {
    expect(tsComments('x.ts', 'const a = 1; // see src/a.ts\n/* and ./b.ts */ const b = "// not src/c.ts";')).toEqual([
      '// see src/a.ts',
      '/* and ./b.ts */',
    ]);
    expect(astroComments('---\n// src/d.ts\nconst e = 1;\n---\n<p>{/* ./f.astro */ e}</p>')).toEqual([
      ' src/d.ts',
      ' ./f.astro ',
    ]);
  });

  it('finds paths in prose, and only paths', () => {
    const paths = (text: string) => [...text.matchAll(PATH)].map((match) => match[1]);
    expect(paths('see src/lib/model/date.ts, ./shareCards.ts and pages/fonts/[file].ts.')).toEqual([
      'src/lib/model/date.ts',
      './shareCards.ts',
      'pages/fonts/[file].ts',
    ]);
    expect(paths('https://example.org/a/b.ts, @astrojs/rss/index.js, date.ts, file:///p/src/a.ts')).toEqual([]);
  });

  it('name only files that exist', () => {
    expect(missing).toEqual([]);
  });
});
