/**
 * One timed build for the benchmark, in its own process so its peak memory is its own: builds the
 * Astro project at <root> (its own astro.config.mjs, unchanged) into <outDir>, with Astro's and
 * Vite's caches under <cacheDir>, then prints one `BENCH {json}` line.
 *
 * Usage: node tests/bench/build.ts <root> <outDir> <cacheDir>
 */
import { build } from 'astro';
import { join, resolve } from 'node:path';

const [root, outDir, cacheDir] = process.argv.slice(2).map((arg) => resolve(arg));
if (!root || !outDir || !cacheDir) throw new Error('usage: node tests/bench/build.ts <root> <outDir> <cacheDir>');

const start = performance.now();
await build({ root, outDir, cacheDir, vite: { cacheDir: join(cacheDir, 'vite') } });
const seconds = (performance.now() - start) / 1000;
// CPU time counts every thread of the process (Rolldown's too) and is less disturbed by other work on
// the machine than wall-clock time; maxRSS is in kilobytes on Linux.
const usage = process.resourceUsage();
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
console.log(`BENCH ${JSON.stringify({ seconds, cpuSeconds, peakMb: usage.maxRSS / 1024 })}`);
