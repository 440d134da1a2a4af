/**
 * The scaling benchmark (`npm run bench`): prints figures, asserts nothing, never part of `npm test`.
 *
 * For each N it writes a synthetic corpus of N stories (tests/bench/corpus.ts) to a temporary folder,
 * builds our site from it through the real pipeline (CONTENT_DIR, our astro.config.mjs, a separate
 * outDir and cacheDir), and builds the bare Astro baseline (tests/bench/baseline) from the same source
 * texts into the same number of pages, alternating the two so both see the same machine load.
 *
 *   share images, cold: our build with an empty cacheDir;  warm: again with nothing changed.
 *   timed runs: content cache (data-store.json) and output folder removed for both sites, image and
 *   font caches kept warm, as on a CI machine that restores them to a fresh checkout; seconds are wall-clock for the whole `astro build` process,
 *   CPU seconds that process's user + system time (all threads), steadier when others share the machine.
 *
 * Share images rendered, the card pool's rate and the time of each step of our build's end come from
 * the build's report (src/lib/outputs/buildreport.ts, in the build's cacheDir); Astro's own phases
 * from its log. SHARE_CARD_CACHE and FONT_CACHE put our image and font caches under the run's
 * cacheDir, so the benchmark can start them cold.
 *
 * The folders go under the system's temporary folder; `TMPDIR=/dev/shm npm run bench` puts them in
 * memory, so the disk's own state (deletions still being written out, say) weighs on neither site.
 *
 * Usage: npm run bench [-- --sizes 1,100,1000] [--large] [--runs 3] [--profile] [--keep] [--cards <folder>]
 *   --large    adds N = 5,000            --runs     timed runs per N (median reported)
 *   --profile  writes V8 CPU profiles of our timed builds (--cpu-prof) and keeps them
 *   --keep     keeps the temporary folder (corpora, dists, logs)
 *   --cards    a folder an earlier run kept (--keep): each N whose share images it holds starts from
 *              them instead of drawing them all (the corpus is the same for the same N), and its cold
 *              build is not run; what the timed runs measure is unchanged, since they start warm
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_DIR_VARIABLE } from '../../src/lib/content/folder.ts';
import { buildReportPath, readBuildReport } from '../../src/lib/outputs/buildreport.ts';
import { formatTable } from '../budgets/weight.ts';
import { cardQuality } from './cards.ts';
import { baselineTexts, generateCorpus, type Files } from './corpus.ts';
import { cardsPerSecondPerCore, median, PHASES, phaseFigures, reportPhases, type Phase } from './figures.ts';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,100,1000' },
    large: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    cards: { type: 'string' },
  },
});
const sizes = [...options.sizes.split(',').map(Number), ...(options.large ? [5000] : [])];
const runs = Math.max(1, Number(options.runs));
const siteRoot = resolve('.');
const baselineRoot = resolve('tests/bench/baseline');
const work = mkdtempSync(join(tmpdir(), 'explainer-bench-'));

interface Build {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  /** The largest JavaScript heap sampled during the build, and the process's heap limit, in MB. */
  peakHeapMb: number;
  heapLimitMb: number;
  /** Share images the build rendered, from its report; undefined for a build that writes none (the baseline). */
  rendered: number | undefined;
  /** Where the time went, from the build's log and its report (tests/bench/figures.ts). */
  phases: Map<Phase, number>;
  /** Cards the pool drew per second per core, when it drew any. */
  cardRate: number | undefined;
}

function writeFiles(dir: string, files: Files) {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

function filesUnder(dir: string): { path: string; bytes: number; mtimeMs: number }[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        const stat = statSync(path);
        return { path, bytes: stat.size, mtimeMs: stat.mtimeMs };
      });
  } catch {
    return [];
  }
}

/** Runs one build in a child process; its log goes to <logFile>. */
function runBuild(
  root: string,
  outDir: string,
  cacheDir: string,
  env: Record<string, string>,
  logFile: string,
  nodeArgs: string[] = [],
): Promise<Build> {
  const started = Date.now();
  // The baseline writes no report: one left by an earlier build would be taken for its own.
  rmSync(buildReportPath(cacheDir), { force: true });
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [...nodeArgs, join(siteRoot, 'tests/bench/build.ts'), root, outDir, cacheDir],
      {
        cwd: root,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
      },
    );
    let log = '';
    const append = (chunk: Buffer) => {
      log += chunk.toString();
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    child.on('close', (code) => {
      writeFileSync(logFile, log);
      const seconds = (Date.now() - started) / 1000;
      const report = /^BENCH (.*)$/m.exec(log);
      if (code !== 0 || !report) {
        fail(
          new Error(
            `build of ${root} failed (exit ${code}); log: ${logFile}\n${log.split('\n').slice(-30).join('\n')}`,
          ),
        );
        return;
      }
      const built = existsSync(buildReportPath(cacheDir)) ? readBuildReport(cacheDir) : undefined;
      const { cpuSeconds, peakMb, peakHeapMb, heapLimitMb } = JSON.parse(report[1]!) as Pick<
        Build,
        'cpuSeconds' | 'peakMb' | 'peakHeapMb' | 'heapLimitMb'
      >;
      done({
        seconds,
        cpuSeconds,
        peakMb,
        peakHeapMb,
        heapLimitMb,
        rendered: built?.cards.rendered,
        phases: new Map([...phaseFigures(log), ...(built ? reportPhases(built) : [])]),
        cardRate: built && cardsPerSecondPerCore(built.cards),
      });
    });
  });
}

const fixed = (x: number, digits = 2) => x.toFixed(digits);
const meanKb = (files: { bytes: number }[]) =>
  files.length === 0 ? 0 : files.reduce((sum, f) => sum + f.bytes, 0) / files.length / 1000;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

interface Result {
  n: number;
  pages: number;
  images: number;
  ours: Build[];
  bare: Build[];
  oursPeakMb: number;
  barePeakMb: number;
  distMb: number;
  /** The mean size of a share card in dist, in kilobytes. */
  cardKb: number;
  /** A sample of cards drawn as full colour and as the palette PNG the site ships, compared (tests/bench/cards.ts). */
  quality: Awaited<ReturnType<typeof cardQuality>>;
  /** Undefined when the share images came from an earlier run (--cards). */
  cold: Build | undefined;
  warm: Build;
}

const results: Result[] = [];
console.log(
  `Benchmark in ${work}; N = ${sizes.join(', ')}; ${runs} timed run(s) each; load average at start: ${load()}`,
);

try {
  for (const n of sizes) {
    const dir = join(work, `n${n}`);
    const corpus = generateCorpus(n);
    const contentDir = join(dir, 'content');
    writeFiles(contentDir, corpus);
    const ours = {
      out: join(dir, 'dist-site'),
      cache: join(dir, 'cache-site'),
      env: {
        [CONTENT_DIR_VARIABLE]: contentDir,
        SHARE_CARD_CACHE: join(dir, 'cache-site', 'share-cards'),
        FONT_CACHE: join(dir, 'cache-site', 'fonts'),
      },
    };
    const bare = {
      out: join(dir, 'dist-bare'),
      cache: join(dir, 'cache-bare'),
      env: { BASELINE_TEXTS: join(dir, 'texts') },
    };
    const log = (name: string) => join(dir, `${name}.log`);

    process.stdout.write(`N=${n}: ${corpus.size} content files; share images`);
    const drawn =
      options.cards === undefined ? undefined : join(resolve(options.cards), `n${n}`, 'cache-site', 'share-cards');
    let cold: Build | undefined;
    if (drawn !== undefined && existsSync(drawn)) {
      cpSync(drawn, ours.env.SHARE_CARD_CACHE, { recursive: true });
      process.stdout.write(` from ${drawn}, warm`);
    } else {
      process.stdout.write(' cold');
      cold = await runBuild(siteRoot, ours.out, ours.cache, ours.env, log('cold'));
      process.stdout.write(` ${fixed(cold.seconds)} s, warm`);
    }
    const warm = await runBuild(siteRoot, ours.out, ours.cache, ours.env, log('warm'));
    process.stdout.write(` ${fixed(warm.seconds)} s; timed runs`);

    const built = filesUnder(ours.out);
    const pages = built.filter((f) => f.path.endsWith('.html')).length;
    writeFiles(bare.env.BASELINE_TEXTS, baselineTexts(corpus, pages));

    const result: Result = {
      n,
      pages,
      images: built.filter((f) => f.path.endsWith('.png')).length,
      ours: [],
      bare: [],
      oursPeakMb: 0,
      barePeakMb: 0,
      distMb: built.reduce((sum, f) => sum + f.bytes, 0) / 1e6,
      cardKb: meanKb(built.filter((f) => f.path.endsWith('.png'))),
      quality: await cardQuality(contentDir),
      cold,
      warm,
    };
    for (let run = 0; run < runs; run++) {
      // Alternate which site goes first, so a load spike does not always land on the same one.
      const order = run % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
      for (const which of order) {
        const site = which === 'ours' ? ours : bare;
        rmSync(join(site.cache, 'data-store.json'), { force: true });
        // As on a CI machine's fresh checkout: no output folder to empty. Astro empties it at the start
        // of a build, which at N = 1,000 is tens of seconds of unlinking, more for the site with more files.
        rmSync(site.out, { recursive: true, force: true });
        // The file system finishes deleting the last output (on a disk, tens of thousands of files)
        // before the clock starts, not during the next build.
        spawnSync('sync');
        const profile =
          options.profile && which === 'ours'
            ? ['--cpu-prof', `--cpu-prof-dir=${join(work, 'profiles', `n${n}`)}`]
            : [];
        const b = await runBuild(
          which === 'ours' ? siteRoot : baselineRoot,
          site.out,
          site.cache,
          site.env,
          log(`${which}-${run}`),
          profile,
        );
        result[which].push(b);
        if (which === 'ours') result.oursPeakMb = Math.max(result.oursPeakMb, b.peakMb);
        else result.barePeakMb = Math.max(result.barePeakMb, b.peakMb);
        process.stdout.write(` ${which[0]}${fixed(b.seconds)}`);
      }
    }
    const barePages = filesUnder(bare.out).filter((f) => f.path.endsWith('.html')).length;
    if (barePages !== pages) throw new Error(`the baseline built ${barePages} pages, ours ${pages}`);
    process.stdout.write(`; load ${load()}\n`);
    results.push(result);
  }
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  console.error(`Left in place for inspection: ${work}`);
  process.exitCode = 1;
}

if (results.length > 0) {
  const wall = (builds: Build[]) => median(builds.map((b) => b.seconds));
  const cpu = (builds: Build[]) => median(builds.map((b) => b.cpuSeconds));
  const spread = (builds: Build[]) => {
    const xs = builds.map((b) => b.seconds);
    return `${fixed(median(xs))} (${fixed(Math.min(...xs))}-${fixed(Math.max(...xs))})`;
  };
  console.log(
    `\nBuild time and size by corpus size (medians of ${runs} runs, wall-clock (min-max); load average now: ${load()})\n`,
  );
  console.log(
    formatTable(
      [
        'N',
        'pages',
        'images',
        'ours s',
        'bare s',
        'ratio',
        'ours CPU s',
        'bare CPU s',
        'CPU ratio',
        'ms/page',
        'peak MB',
        'heap MB (limit)',
        'bare peak MB',
        'dist MB',
      ],
      results.map((r) => [
        r.n,
        r.pages,
        r.images,
        spread(r.ours),
        spread(r.bare),
        fixed(wall(r.ours) / wall(r.bare)),
        fixed(cpu(r.ours)),
        fixed(cpu(r.bare)),
        fixed(cpu(r.ours) / cpu(r.bare)),
        fixed((wall(r.ours) / r.pages) * 1000, 1),
        Math.round(r.oursPeakMb),
        `${Math.max(...r.ours.map((b) => b.peakHeapMb))} (${r.ours[0]!.heapLimitMb})`,
        Math.round(r.barePeakMb),
        fixed(r.distMb, 1),
      ]),
    ),
  );
  const rendered = (b: Build) => (b.rendered === undefined ? 'n/a' : b.rendered);
  console.log(
    '\nShare images: a build with an empty cache (cold), then again with nothing changed (warm); a sample of 12 cards drawn in full colour and as the palette PNG shipped, mean and largest difference per channel out of 255\n',
  );
  console.log(
    formatTable(
      [
        'N',
        'PNGs in dist',
        'mean card KB',
        'full-colour KB',
        'palette diff mean/max',
        'cold s',
        'cold CPU s',
        'cold rendered',
        'cards/s/core',
        'warm s',
        'warm rendered',
      ],
      results.map((r) => [
        r.n,
        r.images,
        fixed(r.cardKb, 1),
        fixed(r.quality.fullKb, 1),
        `${fixed(r.quality.meanDifference, 3)}/${fixed(r.quality.maxDifference, 3)}`,
        ...(r.cold === undefined
          ? ['not run (--cards)', '', '', '']
          : [
              fixed(r.cold.seconds),
              fixed(r.cold.cpuSeconds),
              rendered(r.cold),
              r.cold.cardRate === undefined ? 'n/a' : fixed(r.cold.cardRate),
            ]),
        fixed(r.warm.seconds),
        rendered(r.warm),
      ]),
    ),
  );

  // Each phase's median over the timed runs; a phase neither the build's log nor its report shows is left blank.
  const phase = (builds: Build[], name: Phase) => {
    const xs = builds.flatMap((b) => (b.phases.has(name) ? [b.phases.get(name)!] : []));
    return xs.length === 0 ? '' : fixed(median(xs));
  };
  console.log(
    "\nWhere the time goes (seconds, medians of the timed runs, from each build's log and report; tests/bench/figures.ts)\n",
  );
  console.log(
    formatTable(
      ['phase', ...results.flatMap((r) => [`ours N=${r.n}`, `bare N=${r.n}`])],
      PHASES.map((name) => [name, ...results.flatMap((r) => [phase(r.ours, name), phase(r.bare, name)])]),
    ),
  );

  // The goals of the scaling work (README, "Past one machine"), checked on whichever sizes were run.
  const at = (n: number) => results.find((r) => r.n === n);
  const perPage = (r: Result, time: (builds: Build[]) => number) => time(r.ours) / r.pages;
  const goals: string[] = [];
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  for (const [n, most] of [
    [5000, 2.2],
    [1000, 1.8],
    [1, 1.3],
  ] as const) {
    const r = at(n);
    if (!r) continue;
    const ratio = wall(r.ours) / wall(r.bare);
    const cpuRatio = cpu(r.ours) / cpu(r.bare);
    goals.push(
      `ratio to bare Astro at N=${n}: ${fixed(ratio)}, in CPU time ${fixed(cpuRatio)} (goal <= ${most}): ${verdict(ratio <= most && cpuRatio <= most)}`,
    );
  }
  const largest = results.at(-1);
  if (largest) {
    goals.push(
      `peak memory at N=${largest.n}: ${Math.round(largest.oursPeakMb)} MB (goal <= 3072 at N=5000): ${verdict(largest.oursPeakMb <= 3072)}`,
    );
    goals.push(
      `mean share card at N=${largest.n}: ${fixed(largest.cardKb)} KB (goal <= 35): ${verdict(largest.cardKb <= 35)}`,
    );
    goals.push(
      `warm rebuild renders 0 images: ${largest.warm.rendered === undefined ? 'no image count available' : verdict(largest.warm.rendered === 0)}`,
    );
  }
  const big = at(1000);
  const mid = at(100);
  if (big && mid) {
    const growth = perPage(big, wall) / perPage(mid, wall);
    goals.push(
      `time per page at 1000 / at 100: ${fixed(growth)}, in CPU time ${fixed(perPage(big, cpu) / perPage(mid, cpu))} (goal <= 1.2): ${verdict(growth <= 1.2)}`,
    );
  }
  if (goals.length > 0) console.log(`\nGoals:\n  ${goals.join('\n  ')}`);
  if (options.profile) console.log(`\nCPU profiles: ${join(work, 'profiles')}`);
}

if (!options.keep && !options.profile && process.exitCode !== 1) rmSync(work, { recursive: true, force: true });
else console.log(`\nKept: ${work}`);
