import type { BuildReport } from '../../src/lib/outputs/buildreport.ts';

/** The benchmark's arithmetic, log and report reading, kept pure so it can be tested. */

export const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A duration as Astro and our loader print it: "894ms", "1.01s", "1m 5s", "12 ms", "5.46 s". */
const DURATION = String.raw`((?:\d+m\s*)?\d+(?:\.\d+)?\s*(?:ms|s))\b`;

/** Seconds in a duration matched by DURATION. */
function seconds(duration: string): number {
  const [, minutes, value, unit] = /^(?:(\d+)m\s*)?(\d+(?:\.\d+)?)\s*(ms|s)$/.exec(duration.trim())!;
  return Number(minutes ?? 0) * 60 + Number(value) / (unit === 'ms' ? 1000 : 1);
}

/** A log line's clock time ("10:45:17 [build] …"), in seconds since midnight. */
function clock(line: string): number | undefined {
  const match = /^(\d\d):(\d\d):(\d\d) /.exec(line);
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : undefined;
}

/** The phases of a build, in the order they run; a build that has no such phase has no figure for it. */
export const PHASES = [
  'content sync (astro sync)',
  '  read and checked',
  '  assembled',
  '  published URLs checked',
  '  fonts planned',
  '  stories stored',
  'clearing the last output (to the second)',
  'bundling (vite)',
  'story pages (body text rendered here)',
  'other pages',
  'fonts',
  'data files',
  'whole build (astro)',
  // The steps of our build's end (src/integrations/index.ts), from its report.
  'share cards',
  'sitemap',
  'search index',
  'published URLs',
] as const;
export type Phase = (typeof PHASES)[number];

/** Which phase a built route belongs to, by its path. */
function routePhase(path: string): Phase {
  if (path.startsWith('/fonts/')) return 'fonts';
  if (/^\/stories\/[^/]+\/index\.html$/.test(path)) return 'story pages (body text rendered here)';
  if (path.endsWith('.html')) return 'other pages';
  return 'data files';
}

/**
 * Where a build's time went, in seconds, from its log: Astro's own lines (the content sync's
 * "[types] Generated 894ms", "[vite] ✓ built in 1.01s", each route written "├─ /path (+12ms)", "38
 * page(s) built in 5.10s") and our loader's "content: … read and checked in … ms, assembled in …"
 * (src/loader/contentLoader.ts). A route's time is the time since the one before it, as Astro
 * prints it. Astro empties the output folder between collecting build info and bundling,
 * unannounced: that gap is read from the lines' clock times, to the second. The steps of our build's
 * end come from its report (`reportPhases`).
 */
export function phaseFigures(log: string): Map<Phase, number> {
  // eslint-disable-next-line no-control-regex -- ESC (\x1b) starts the terminal colour codes this strips
  const lines = log.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const figures = new Map<Phase, number>();
  const add = (phase: Phase, value: number) => figures.set(phase, (figures.get(phase) ?? 0) + value);
  const loader = {
    '  read and checked': 'read and checked in',
    '  assembled': 'assembled in',
    '  published URLs checked': 'URLs checked in',
    '  fonts planned': 'fonts planned in',
    '  stories stored': 'stories stored in',
  } as const;
  let collected: number | undefined;
  for (const line of lines) {
    let match: RegExpExecArray | null;
    if ((match = new RegExp(String.raw`\[types\] Generated ${DURATION}`).exec(line)))
      add('content sync (astro sync)', seconds(match[1]!));
    else if ((match = new RegExp(String.raw`\[vite\].*built in ${DURATION}`).exec(line)))
      add('bundling (vite)', seconds(match[1]!));
    else if ((match = new RegExp(String.raw`[├└]─\s+(\S+)\s+\(\+${DURATION}\)`).exec(line)))
      add(routePhase(match[1]!), seconds(match[2]!));
    else if ((match = new RegExp(String.raw`page\(s\) built in ${DURATION}`).exec(line)))
      add('whole build (astro)', seconds(match[1]!));
    else if (/content: \d+ files read and checked/.test(line)) {
      for (const [phase, words] of Object.entries(loader) as [Phase, string][]) {
        const found = new RegExp(`${words} ${DURATION}`).exec(line);
        if (found) add(phase, seconds(found[1]!));
      }
    } else if (/\[build\] ✓ Completed in/.test(line) && collected === undefined) collected = clock(line);
    else if (/\[build\] Building static entrypoints/.test(line) && collected !== undefined) {
      const started = clock(line);
      if (started !== undefined) add('clearing the last output (to the second)', started - collected);
    }
  }
  return figures;
}

/** Each step of our build's end, in seconds, from the build's report (src/lib/outputs/buildreport.ts). */
export const reportPhases = (report: Pick<BuildReport, 'steps'>): Map<Phase, number> =>
  new Map(report.steps.map(({ step, milliseconds }) => [step, milliseconds / 1000]));

/**
 * Cards the pool drew per second per thread, one thread per core, from the build's report; undefined
 * when the build drew none in the pool.
 */
export function cardsPerSecondPerCore({ rendered, pool }: BuildReport['cards']): number | undefined {
  return pool === null || pool.milliseconds === 0 ? undefined : rendered / (pool.milliseconds / 1000) / pool.threads;
}

/** The parts of a V8 CPU profile (`.cpuprofile`) the summary reads. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds by name, most first. */
type Ranking = [string, number][];

/**
 * A CPU profile summed by function and by file, self and inclusive, in milliseconds. A file is named
 * relative to `root`; one under node_modules by its package ("node_modules/satori"); V8's own
 * entries ("(garbage collector)", "(program)", "(idle)") by their names.
 */
export function profileSummary(
  profile: CpuProfile,
  root: string,
): {
  totalMs: number;
  filesSelf: Ranking;
  filesInclusive: Ranking;
  functionsSelf: Ranking;
  functionsInclusive: Ranking;
} {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const fileOf = (url: string, name: string) => {
    if (url === '') return `(${name.replace(/^\(|\)$/g, '') || 'anonymous'})`;
    const path = url.replace(/^file:\/\//, '');
    const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    if (packaged) return `node_modules/${packaged[1]}`;
    return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
  };
  const label = new Map(
    profile.nodes.map((node) => {
      const { functionName, url, lineNumber } = node.callFrame;
      const file = fileOf(url, functionName);
      return [node.id, { file, fn: url === '' ? file : `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}` }];
    }),
  );
  const sums = {
    filesSelf: new Map<string, number>(),
    filesInclusive: new Map<string, number>(),
    functionsSelf: new Map<string, number>(),
    functionsInclusive: new Map<string, number>(),
  };
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const own = label.get(id)!;
    add(sums.filesSelf, own.file, ms);
    add(sums.functionsSelf, own.fn, ms);
    const files = new Set<string>();
    const functions = new Set<string>();
    for (let at: number | undefined = id; at !== undefined && byId.has(at); at = parent.get(at)) {
      files.add(label.get(at)!.file);
      functions.add(label.get(at)!.fn);
    }
    for (const file of files) add(sums.filesInclusive, file, ms);
    for (const fn of functions) add(sums.functionsInclusive, fn, ms);
  });
  const ranked = (map: Map<string, number>): Ranking => [...map].sort((a, b) => b[1] - a[1]);
  return {
    totalMs,
    filesSelf: ranked(sums.filesSelf),
    filesInclusive: ranked(sums.filesInclusive),
    functionsSelf: ranked(sums.functionsSelf),
    functionsInclusive: ranked(sums.functionsInclusive),
  };
}

/**
 * The mean absolute difference per channel, out of 255, between two decoded images of the same size
 * (raw pixels, as sharp's `raw()` gives them): below 1 is invisible on flat colour and text.
 */
export function meanChannelDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length)
    throw new Error(`images of ${a.length} and ${b.length} bytes of pixels cannot be compared`);
  let total = 0;
  for (let i = 0; i < a.length; i++) total += Math.abs(a[i]! - b[i]!);
  return a.length === 0 ? 0 : total / a.length;
}
