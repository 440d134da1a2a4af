/**
 * Where a build's CPU time goes, from a V8 CPU profile (`npm run bench -- --profile` writes them;
 * `node --cpu-prof` too): prints the functions and the files with the most time, self (the function
 * itself was running) and inclusive (it was anywhere on the stack, counted once per sample however
 * often it recurs). Files under node_modules are grouped by package; bundled chunks keep their name.
 *
 * Usage: node tests/bench/profile.ts <file.cpuprofile> [--top 25]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatTable } from '../budgets/weight.ts';
import { profileSummary, type CpuProfile } from './figures.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
const [file] = positionals;
if (!file) throw new Error('usage: node tests/bench/profile.ts <file.cpuprofile> [--top 25]');
const summary = profileSummary(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, process.cwd());
const top = Number(values.top);
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const share = (ms: number) => `${((ms / summary.totalMs) * 100).toFixed(1)}%`;

console.log(`${file}: ${seconds(summary.totalMs)} s sampled\n`);
for (const [title, rows] of [
  ['Files and packages, inclusive', summary.filesInclusive],
  ['Files and packages, self', summary.filesSelf],
  ['Functions, inclusive', summary.functionsInclusive],
  ['Functions, self', summary.functionsSelf],
] as const) {
  console.log(`${title}\n`);
  console.log(
    formatTable(
      ['where', 's', 'share'],
      rows.slice(0, top).map(([name, ms]) => [name, seconds(ms), share(ms)]),
    ),
  );
  console.log('');
}
