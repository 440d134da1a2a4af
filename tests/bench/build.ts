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
// maxRSS is in kilobytes on Linux.
console.log(`BENCH ${JSON.stringify({ seconds, peakMb: process.resourceUsage().maxRSS / 1024 })}`);
