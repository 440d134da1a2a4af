import { describe, expect, it } from 'vitest';
import {
  cardsPerSecondPerCore,
  meanChannelDifference,
  median,
  phaseFigures,
  profileSummary,
  reportPhases,
} from '../bench/figures';

/*
 * The benchmark's figures: medians, where a build's time went (read from its log and its report) and
 * the card pool's rate (from its report). Not covered here: the timings themselves (the
 * benchmark prints them; no test asserts on time).
 */

describe('benchmark figures', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

/** A build log as Astro and our loader and integration print it, shortened. */
const LOG = `
10:45:17 [content] Syncing content
10:45:17 [explainer-stories] content: 17127 files read and checked in 2400 ms, assembled in 900 ms, URLs checked in 80 ms, fonts planned in 300 ms, stories stored in 1500 ms
10:45:17 [content] Synced content
10:45:17 [types] Generated 8940ms
10:45:17 [build] Collecting build info...
10:45:17 [build] ✓ Completed in 9.1s.
10:45:19 [build] Building static entrypoints...
10:45:18 [vite] ✓ built in 1.01s
10:45:18 [vite] ✓ built in 72ms
 generating static routes
10:45:19 ▶ src/pages/stories/[slug]/index.astro
10:45:19   ├─ /stories/a-story/index.html (+60ms)
10:45:19   └─ /stories/b-story/index.html (+40ms)
10:45:19 ▶ src/pages/stories/[slug]/quotes/[quote].astro
10:45:19   └─ /stories/a-story/quotes/q1/index.html (+7ms)
10:45:19 ▶ src/pages/logo.png.ts
10:45:50   └─ /logo.png (+3ms)
10:45:50   ├─ /fonts/source-serif-4-400-normal.0ae186a8dd.woff2/ (+970ms)
10:45:50   └─ /data/stories/a-story.json (+2ms)
10:45:21 ✓ Completed in 33.01s.
10:45:21 [share-cards] share cards: 2 rendered, 0 reused from .cache/share-cards in 31200 ms; 2 drawn on 2 threads in 31.19 s
10:45:22 [pagefind] indexed 3 pages in 1.5 s
10:45:21 [build] ✓ Completed in 1m 5s.
10:45:21 [build] 38 page(s) built in 2m 44s
`;

describe('phaseFigures', () => {
  it('reads each phase Astro and our loader log, in seconds, and none from our build-end lines (its report has them)', () => {
    const figures = phaseFigures(LOG);
    expect(Object.fromEntries(figures)).toEqual({
      'content sync (astro sync)': 8.94,
      '  read and checked': 2.4,
      '  assembled': 0.9,
      '  published URLs checked': 0.08,
      '  fonts planned': 0.3,
      '  stories stored': 1.5,
      'clearing the last output (to the second)': 2,
      'bundling (vite)': 1.082,
      'story pages (body text rendered here)': 0.1,
      'other pages': 0.007,
      fonts: 0.97,
      'data files': 0.005,
      'whole build (astro)': 164,
    });
  });

  it('gives the bare baseline the phases it has', () => {
    const bare = phaseFigures(
      [
        '[types] Generated 3000ms',
        '[vite] ✓ built in 900ms',
        '  ├─ /t1/index.html (+3ms)',
        '[build] 2 page(s) built in 9.50s',
      ].join('\n'),
    );
    expect(Object.fromEntries(bare)).toEqual({
      'content sync (astro sync)': 3,
      'bundling (vite)': 0.9,
      'other pages': 0.003,
      'whole build (astro)': 9.5,
    });
  });
});

describe('the build report', () => {
  const cards = { planned: 41, rendered: 40, reused: 1, pruned: 0, withFallback: 0 };

  it('gives each step of the build’s end as a phase, in seconds', () => {
    const steps = [
      { step: 'share cards', milliseconds: 31200 },
      { step: 'sitemap', milliseconds: 40 },
      { step: 'search index', milliseconds: 1500 },
      { step: 'published URLs', milliseconds: 12 },
    ] as const;
    expect(Object.fromEntries(reportPhases({ steps: [...steps] }))).toEqual({
      'share cards': 31.2,
      sitemap: 0.04,
      'search index': 1.5,
      'published URLs': 0.012,
    });
  });

  it('divides the cards the pool drew by its seconds and threads', () => {
    expect(cardsPerSecondPerCore({ ...cards, pool: { threads: 2, milliseconds: 4000 } })).toBe(5);
  });

  it('says nothing when the pool drew nothing', () => {
    expect(cardsPerSecondPerCore({ ...cards, rendered: 0, pool: null })).toBeUndefined();
  });
});

describe('profileSummary', () => {
  // main (file:///p/src/a.ts) calls parse (node_modules/yaml) and itself again; samples: 1 ms in main, 2 ms in parse, 3 ms in the inner main.
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2] },
      { id: 2, callFrame: frame('main', 'file:///p/src/a.ts'), children: [3, 4] },
      { id: 3, callFrame: frame('parse', 'file:///p/node_modules/yaml/dist/index.js') },
      { id: 4, callFrame: frame('main', 'file:///p/src/a.ts') },
    ],
    samples: [2, 3, 4],
    timeDeltas: [1000, 2000, 3000],
  };
  const summary = profileSummary(profile, '/p');

  it('sums self time by function and by file, packages by name', () => {
    expect(summary.totalMs).toBe(6);
    expect(summary.filesSelf).toEqual([
      ['src/a.ts', 4],
      ['node_modules/yaml', 2],
    ]);
    expect(summary.functionsSelf[0]).toEqual(['main src/a.ts:1', 4]);
  });

  it('counts a recursive function once per sample in its inclusive time', () => {
    expect(Object.fromEntries(summary.filesInclusive)).toEqual({ '(root)': 6, 'src/a.ts': 6, 'node_modules/yaml': 2 });
    expect(Object.fromEntries(summary.functionsInclusive)['main src/a.ts:1']).toBe(6);
  });
});

describe('meanChannelDifference', () => {
  it('averages the absolute difference of every channel, and refuses images of different sizes', () => {
    expect(meanChannelDifference(new Uint8Array([0, 10, 255, 255]), new Uint8Array([2, 10, 250, 255]))).toBe(1.75);
    expect(() => meanChannelDifference(new Uint8Array(4), new Uint8Array(3))).toThrow('cannot be compared');
  });
});
