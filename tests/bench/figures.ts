/** The benchmark's arithmetic and log reading, kept pure so it can be tested. */

export const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const RENDERED = [
  // Our own build's report (src/integrations/shareCardReport.ts): "share cards: 12 rendered, 3 reused".
  /share cards:\s*(\d+)\s+rendered/i,
  /(\d+)\s+(?:share[- ]?)?(?:images?|cards?|PNGs?)\s+(?:rendered|generated|written|created)/i,
  /(?:rendered|generated)\s+(\d+)\s+(?:share[- ]?)?(?:images?|cards?|PNGs?)/i,
];

/**
 * How many share images a build rendered: the count its log gives ("12 images rendered", "rendered 12
 * share cards"), else the PNGs it wrote to its cache (modification times from `started` on), else
 * unknown: a cache holding no PNG at all says nothing.
 */
export function imagesRendered(log: string, cachedPngs: { mtimeMs: number }[], started: number): number | undefined {
  // eslint-disable-next-line no-control-regex -- ESC (\x1b) starts the terminal colour codes this strips
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  const fromLog = RENDERED.map((re) => re.exec(plain)).find(Boolean);
  if (fromLog) return Number(fromLog[1]);
  return cachedPngs.length > 0 ? cachedPngs.filter((f) => f.mtimeMs >= started).length : undefined;
}

/** A duration as Astro and our integrations print it ("894ms", "1.01s", "12 ms", "5.46 s"), in seconds. */
const DURATION = String.raw`(\d+(?:\.\d+)?)\s*(ms|s)\b`;
const seconds = (value: string, unit: string) => Number(value) / (unit === 'ms' ? 1000 : 1);

/** The phases of a build, in the order they run; a build that has no such phase has no figure for it. */
export const PHASES = [
  'content sync (astro sync)',
  '  read and checked',
  '  assembled',
  '  published URLs checked',
  '  stories stored',
  'bundling (vite)',
  'story pages (body text rendered here)',
  'other pages',
  'share cards',
  'fonts',
  'data files',
  'search indexing',
  'whole build (astro)',
] as const;
export type Phase = (typeof PHASES)[number];

/** Which phase a built route belongs to, by its path. */
function routePhase(path: string): Phase {
  if (path.endsWith('.png')) return 'share cards';
  if (path.startsWith('/fonts/')) return 'fonts';
  if (/^\/stories\/[^/]+\/index\.html$/.test(path)) return 'story pages (body text rendered here)';
  if (path.endsWith('.html')) return 'other pages';
  return 'data files';
}

/**
 * Where a build's time went, in seconds, from its log: Astro's own lines (the content sync's
 * "[types] Generated 894ms", "[vite] ✓ built in 1.01s", each route written "├─ /path (+12ms)", "38
 * page(s) built in 5.10s"), our loader's "content: … read and checked in … ms, assembled in …"
 * (src/loader/contentLoader.ts) and a search integration's line at the end, if there is one (any
 * line naming Pagefind or search indexing with a duration). A route's time is the time since the
 * one before it, as Astro prints it, so the first share card carries the pool drawing every card.
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
    '  stories stored': 'stories stored in',
  } as const;
  for (const line of lines) {
    let match: RegExpExecArray | null;
    if ((match = new RegExp(String.raw`\[types\] Generated ${DURATION}`).exec(line)))
      add('content sync (astro sync)', seconds(match[1]!, match[2]!));
    else if ((match = new RegExp(String.raw`\[vite\].*built in ${DURATION}`).exec(line)))
      add('bundling (vite)', seconds(match[1]!, match[2]!));
    else if ((match = new RegExp(String.raw`[├└]─\s+(\S+)\s+\(\+${DURATION}\)`).exec(line)))
      add(routePhase(match[1]!), seconds(match[2]!, match[3]!));
    else if ((match = new RegExp(String.raw`page\(s\) built in ${DURATION}`).exec(line)))
      add('whole build (astro)', seconds(match[1]!, match[2]!));
    else if (/content: \d+ files read and checked/.test(line)) {
      for (const [phase, words] of Object.entries(loader) as [Phase, string][]) {
        const found = new RegExp(`${words} ${DURATION}`).exec(line);
        if (found) add(phase, seconds(found[1]!, found[2]!));
      }
    } else if (
      /pagefind|search ind/i.test(line) &&
      (match = new RegExp(DURATION).exec(line.replace(/^\d\d:\d\d:\d\d/, '')))
    )
      add('search indexing', seconds(match[1]!, match[2]!));
  }
  return figures;
}

/**
 * The card pool's figures from our build's share-card line ("share cards: 40 rendered, … ; 40 drawn
 * on 2 threads in 3.46 s", src/lib/outputs/imagecache.ts): cards drawn per second per thread, one
 * thread per core; undefined when the build drew none in the pool.
 */
export function cardsPerSecondPerCore(log: string): number | undefined {
  const match = /(\d+) drawn on (\d+) threads? in (\d+(?:\.\d+)?) s/.exec(log);
  if (!match) return undefined;
  const [, cards, threads, time] = match.map(Number) as [number, number, number, number];
  return time > 0 ? cards / time / threads : undefined;
}
