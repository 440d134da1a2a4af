import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The pipeline's layers (README, "Architecture"): each folder of src/lib imports only the layers
 * below it, and no module imports itself back through others. Imports are read with TypeScript's
 * own pre-processor, not a pattern. Not covered: .astro components and pages (they sit above every
 * layer and may import any of them), and type-only cycles, which TypeScript resolves.
 */

const LIB = resolve('src/lib');

/** What each layer may import, besides itself. */
const ALLOWED: Record<string, string[]> = {
  model: [],
  content: ['model'],
  assemble: ['model', 'content'],
  present: ['model'],
  // Outputs report published-URL problems in the content layer's problem format.
  outputs: ['model', 'present', 'content'],
  // The authoring commands suggest from the model and the content, and check what they write as the build does.
  authoring: ['model', 'content', 'assemble'],
};

const modules = readdirSync(LIB, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join(LIB, file));

const layerOf = (path: string) => relative(LIB, path).split('/')[0]!;

/** The files of src/lib a module imports (relative specifiers, resolved to .ts files). */
function importsOf(path: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(path), name.split('?')[0]!))
    .filter((target) => target.startsWith(LIB + '/'))
    .map((target) => (target.endsWith('.ts') ? target : `${target}.ts`));
}

const graph = new Map(modules.map((path) => [path, importsOf(path)]));

describe('src/lib layers', () => {
  it('has a module in every layer', () => {
    expect(new Set(modules.map(layerOf))).toEqual(new Set(Object.keys(ALLOWED)));
  });

  it('imports only from the layers below each module', () => {
    const wrong = [...graph].flatMap(([from, targets]) =>
      targets
        .filter((to) => layerOf(to) !== layerOf(from) && !ALLOWED[layerOf(from)]!.includes(layerOf(to)))
        .map((to) => `${relative(LIB, from)} imports ${relative(LIB, to)}`),
    );
    expect(wrong).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (path: string, trail: string[]) => {
      if (state.get(path) === 'done') return;
      if (state.get(path) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(path)), path].map((p) => relative(LIB, p)).join(' -> '));
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
