/**
 * One timed build for the benchmark, in its own process so its peak memory is its own: builds the
 * Astro project at <root> (its own astro.config.mjs, unchanged) into <outDir>, with Astro's and
 * Vite's caches under <cacheDir>, then prints one `BENCH {json}` line.
 *
 * Usage: node tests/bench/build.ts <root> <outDir> <cacheDir>
 */
import { build } from 'astro';
import { join, resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';

const [root, outDir, cacheDir] = process.argv.slice(2).map((arg) => resolve(arg));
if (!root || !outDir || !cacheDir) throw new Error('usage: node tests/bench/build.ts <root> <outDir> <cacheDir>');

// The JavaScript heap, sampled through the build: what the V8 heap limit (the process's own, printed
// beside it) bounds, where the resident set also counts buffers, WebAssembly memory and code.
let peakHeap = 0;
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size)), 250);
const start = performance.now();
await build({ root, outDir, cacheDir, vite: { cacheDir: join(cacheDir, 'vite') } });
const seconds = (performance.now() - start) / 1000;
clearInterval(sampler);
// CPU time counts every thread of the process (Rolldown's too) and is less disturbed by other work on
// the machine than wall-clock time; maxRSS is in kilobytes on Linux.
const usage = process.resourceUsage();
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
console.log(
  `BENCH ${JSON.stringify({ seconds, cpuSeconds, peakMb: usage.maxRSS / 1024, peakHeapMb: mb(peakHeap), heapLimitMb: mb(getHeapStatistics().heap_size_limit) })}`,
);
