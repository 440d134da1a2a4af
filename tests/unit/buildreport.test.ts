import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildReportPath,
  formatBuildReport,
  readBuildReport,
  type BuildReport,
} from '../../src/lib/outputs/buildreport';

/*
 * The build's report, as the site's integration writes it and the tests and benchmark read it. Not
 * covered here: the figures of a real build (tests/e2e/rebuild.spec.ts reads a second build's cards;
 * `npm run bench` reads every build's).
 */

const report: BuildReport = {
  stories: 2,
  pages: 40,
  cards: { planned: 21, rendered: 0, reused: 22, pruned: 0, withFallback: 0, pool: null },
  steps: [
    { step: 'share cards', milliseconds: 120.5 },
    { step: 'sitemap', milliseconds: 3 },
    { step: 'search index', milliseconds: 200 },
    { step: 'published URLs', milliseconds: 4 },
  ],
  search: { pages: 33, records: 11, indexBytes: 38200, clientBytes: 107000 },
  publishedUrls: { checked: true, listed: 71, unrecorded: 0, updated: false },
};

describe('the build report', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('is read back as written, from the cache folder given as a URL or a path', () => {
    dir = mkdtempSync(join(tmpdir(), 'build-report-'));
    writeFileSync(buildReportPath(dir), formatBuildReport(report));
    expect(readBuildReport(dir)).toEqual(report);
    expect(readBuildReport(pathToFileURL(`${dir}/`))).toEqual(report);
    expect(buildReportPath(pathToFileURL(dir))).toBe(join(dir, 'build-report.json'));
  });

  it('refuses a report of another shape, written or read', () => {
    const unknownStep = { ...report, steps: [{ step: 'fonts', milliseconds: 1 }] } as unknown as BuildReport;
    expect(() => formatBuildReport(unknownStep)).toThrow(/steps/);
    dir = mkdtempSync(join(tmpdir(), 'build-report-'));
    writeFileSync(buildReportPath(dir), JSON.stringify({ ...report, cards: { rendered: 1 } }));
    expect(() => readBuildReport(dir!)).toThrow(/cards/);
  });

  it('is an error to read where no build wrote one', () => {
    dir = mkdtempSync(join(tmpdir(), 'build-report-'));
    expect(() => readBuildReport(dir!)).toThrow(/ENOENT/);
  });
});
