import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from '@astrojs/compiler-rs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The layers (README, "Architecture"), over every module of src/: each folder of src/lib imports only
 * the layers below it, the folders around it (loader, routes, components, pages, the integration,
 * the commands) only what their row of the README's table allows, and no module imports itself back
 * through others. Imports are read with TypeScript's own pre-processor, and those of .astro files
 * from the syntax tree Astro's compiler makes of them (frontmatter and scripts), never with a pattern.
 * Not covered: type-only cycles, which TypeScript resolves; packages (only our own modules are checked).
 */

const SRC = resolve('src');

/** What each layer may import, besides itself. A layer is a folder of src/lib, or a folder (or file) of src. */
const ALLOWED: Record<string, string[]> = {
  'lib/model': [],
  'lib/content': ['lib/model'],
  'lib/assemble': ['lib/model', 'lib/content'],
  'lib/present': ['lib/model'],
  // Outputs report published-URL problems in the content layer's problem format, and draw share cards
  // in the palette of the site's stylesheet.
  'lib/outputs': ['lib/model', 'lib/present', 'lib/content', 'styles'],
  // The authoring commands suggest from the model and the content, and check what they write as the build does.
  'lib/authoring': ['lib/model', 'lib/content', 'lib/assemble'],
  // The verifier anyone can run checks quotes with the build's own verbatim check.
  'lib/verify': ['lib/content'],
  // Its command, bundled into /verify.mjs (src/integrations/verifier.ts).
  verify: ['lib/verify'],
  // Astro's side: the content loader and the bridges pages read the corpus through.
  loader: ['lib/model', 'lib/content', 'lib/assemble', 'lib/present', 'lib/outputs'],
  // Node loads the integration without Vite: it reaches the corpus only through the build plan's file.
  integrations: ['lib/model', 'lib/content', 'lib/assemble', 'lib/present', 'lib/outputs'],
  // The routes the integration adds: the build plan and the dev server's cards.
  cards: ['lib/model', 'lib/present', 'lib/outputs', 'loader'],
  cli: ['lib/model', 'lib/content', 'lib/assemble', 'lib/authoring'],
  // The dev server's banner words content problems as the terminal does (lib/content/problems.ts).
  components: ['lib/model', 'lib/content', 'lib/present', 'lib/outputs', 'loader', 'styles'],
  layouts: ['lib/model', 'lib/present', 'lib/outputs', 'loader', 'components', 'styles'],
  pages: ['lib/model', 'lib/present', 'lib/outputs', 'loader', 'components', 'layouts', 'styles'],
  styles: [],
  'content.config.ts': ['lib/model', 'loader'],
  // The integration's options, declared for the virtual module that carries them.
  'env.d.ts': ['integrations'],
};

const modules = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(ts|astro|css)$/.test(file))
  .map((file) => join(SRC, file));

const layerOf = (path: string) => {
  const [top = '', second = ''] = relative(SRC, path).split('/');
  return top === 'lib' ? `lib/${second}` : top;
};

/** Every module an ESTree node (an .astro file's tree) imports, dynamic imports and re-exports included. */
function sourcesIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(sourcesIn);
  if (node === null || typeof node !== 'object') return [];
  const { type, source } = node as { type?: unknown; source?: { value?: unknown } };
  const own =
    typeof type === 'string' &&
    /^(ImportDeclaration|ImportExpression|ExportNamedDeclaration|ExportAllDeclaration)$/.test(type) &&
    typeof source?.value === 'string'
      ? [source.value]
      : [];
  return [...own, ...Object.values(node).flatMap(sourcesIn)];
}

/** The specifiers a module imports. */
function specifiersOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.css')) return [];
  if (path.endsWith('.astro')) return sourcesIn(parse(text).ast);
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName }) => fileName);
}

/** The files of src/ a module imports (relative specifiers, resolved; an extensionless one to its .ts file). */
function importsOf(path: string): string[] {
  return specifiersOf(path)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(path), name.split('?')[0]!))
    .filter((target) => target.startsWith(SRC + '/'))
    .map((target) => (/\.(ts|astro|css)$/.test(target) ? target : `${target}.ts`));
}

const graph = new Map(modules.map((path) => [path, importsOf(path)]));

describe('src/ layers', () => {
  it('has a rule for every folder and file of src/, and a module in every layer', () => {
    expect(new Set(modules.map(layerOf))).toEqual(new Set(Object.keys(ALLOWED)));
  });

  it('reads the imports of .astro files too', () => {
    const layout = graph.get(join(SRC, 'layouts/BaseLayout.astro'))!;
    expect(layout).toContain(join(SRC, 'styles/print.css'));
    expect(layout).toContain(join(SRC, 'components/ContentProblems.astro'));
  });

  it('imports only what each layer allows', () => {
    const wrong = [...graph].flatMap(([from, targets]) =>
      targets
        .filter((to) => layerOf(to) !== layerOf(from) && !ALLOWED[layerOf(from)]!.includes(layerOf(to)))
        .map((to) => `${relative(SRC, from)} imports ${relative(SRC, to)}`),
    );
    expect(wrong).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (path: string, trail: string[]) => {
      if (state.get(path) === 'done') return;
      if (state.get(path) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(path)), path].map((p) => relative(SRC, p)).join(' -> '));
        return;
      }
      state.set(path, 'open');
      for (const next of graph.get(path) ?? []) walk(next, [...trail, path]);
      state.set(path, 'done');
    };
    for (const path of graph.keys()) walk(path, []);
    expect(cycles).toEqual([]);
  });
});
