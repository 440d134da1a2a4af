import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { builtPages, SITE } from '../e2e/site';

/*
 * Lighthouse 13 (mobile, its default) on every story page of the site: accessibility, best
 * practices and SEO must score 100. Performance is recorded, not asserted: on a shared 2-core
 * machine it measures the machine's load as much as the page. Not covered: other page types (axe,
 * vnu and the e2e suite cover those) and the fixture site (its content is hostile on purpose).
 */

const ASSERTED = ['accessibility', 'best-practices', 'seo'];

const storyPages = builtPages(SITE).filter((page) => /^\/stories\/[^/]+\/$/.test(page.path) && !page.redirect);

for (const { path } of storyPages) {
  test(`Lighthouse on ${path}: accessibility, best practices and SEO at 100`, () => {
    test.setTimeout(180_000);
    // Run with this Node (the project's 22), not whatever `node` the bin script's shebang finds.
    const output = execFileSync(
      process.execPath,
      [
        'node_modules/lighthouse/cli/index.js',
        `${SITE.origin}${path}`,
        '--output=json',
        '--output-path=stdout',
        '--quiet',
        `--chrome-flags=${[...CHROMIUM_ARGS, '--headless'].join(' ')}`,
        `--only-categories=performance,${ASSERTED.join(',')}`,
      ],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      },
    );
    const report = JSON.parse(output) as {
      categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
      audits: Record<string, { score: number | null; title: string; details?: { items?: unknown[] } }>;
    };
    const scores = Object.fromEntries(
      Object.entries(report.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]),
    );
    console.log(
      `Lighthouse ${path}: ${Object.entries(scores)
        .map(([id, s]) => `${id} ${s}`)
        .join(', ')}`,
    );
    const failing = ASSERTED.flatMap((id) =>
      report.categories[id]!.auditRefs.filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1).map(
        (ref) =>
          `${id}: ${report.audits[ref.id]!.title} ${JSON.stringify(report.audits[ref.id]!.details?.items ?? [])}`,
      ),
    );
    expect(failing).toEqual([]);
    for (const id of ASSERTED) expect(scores[id], id).toBe(100);
  });
}
