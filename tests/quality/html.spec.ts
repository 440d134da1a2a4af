import { execFileSync } from 'node:child_process';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { expect, test } from '@playwright/test';
import { builtPages, SITES } from '../e2e/site';

/*
 * Valid HTML on every page both sites build: the W3C Nu HTML checker (vnu-jar) with 0 errors, and
 * html-validate (recommended rules, see .htmlvalidate.mjs) with 0 errors. Not covered: warnings
 * (vnu's are advisory), CSS validity, and non-HTML files (the open data is JSON.parse'd elsewhere).
 */

const files = SITES.flatMap((site) => builtPages(site).map((page) => page.file));

test('the Nu HTML checker finds 0 errors', () => {
  expect(files.length).toBeGreaterThan(0);
  // One JVM for every page: starting Java costs more than checking a page. vnu exits 1 on errors
  // and writes its JSON report to stderr either way.
  let report: string;
  try {
    execFileSync(
      'java',
      ['-jar', 'node_modules/vnu-jar/build/dist/vnu.jar', '--errors-only', '--format', 'json', ...files],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    report = '{"messages":[]}';
  } catch (error) {
    report = (error as { stderr: string }).stderr;
  }
  const errors = (
    JSON.parse(report) as {
      messages: { type: string; url: string; lastLine: number; message: string; extract?: string }[];
    }
  ).messages
    .filter((m) => m.type === 'error')
    .map((m) => `${m.url.replace(/^file:/, '')}:${m.lastLine}: ${m.message} (${m.extract ?? ''})`);
  console.log(`vnu: ${files.length} pages, ${errors.length} errors`);
  expect(errors).toEqual([]);
});

test('html-validate finds 0 errors', async () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const errors: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) errors.push(`${file}:${m.line}:${m.column}: ${m.message} (${m.ruleId})`);
    }
  }
  console.log(`html-validate: ${files.length} pages, ${errors.length} errors`);
  expect(errors).toEqual([]);
});
