import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { ContentError, formatProblem, problemsFromIssues } from '../../src/lib/content/problems';
import { quoteSchema } from '../../src/lib/model/entities';

/*
 * Schema issues turned into problems an editor can act on: field path, value, expectation, one
 * message per mistake. Not covered: which schema a file is checked against (src/content.config.ts)
 * and the loaders that call this (tests/content/bad-content.test.ts runs them).
 */

const quote = { speaker: 'ann', source: 'report', form: 'direct', medium: 'tweet' };
const fields = (path: PropertyKey[]) =>
  path.length === 0
    ? Object.keys(quoteSchema.shape)
    : ['on', 'earliest', 'latest', 'part', 'statedAs', 'provenance', 'reasoning', 'relativeTo'];

function problems(data: Record<string, unknown>) {
  const result = quoteSchema.safeParse(data);
  expect(result.success).toBe(false);
  return problemsFromIssues('q.md', data, result.error!.issues, fields).map(formatProblem);
}

describe('problemsFromIssues', () => {
  it('names a misspelt field once, with the field it was meant to be', () => {
    const { speaker, ...rest } = quote;
    expect(problems({ ...rest, speakr: speaker })).toEqual([
      'q.md: field `speakr` is "ann"; expected no such field: did you mean `speaker`? the fields here are speaker, source, said, medium, form, passage, attribution',
    ]);
  });

  it('names a missing field as missing', () => {
    const { speaker: _, ...rest } = quote;
    expect(problems(rest)).toEqual([
      'q.md: field `speaker` is missing; expected a value: this field is required (string)',
    ]);
  });

  it('lists the allowed values of an enumeration', () => {
    expect(problems({ ...quote, form: 'quoted' })).toEqual([
      'q.md: field `form` is "quoted"; expected one of "direct", "reported", "paraphrase"',
    ]);
  });

  it('gives nested fields as a path, with our own schema messages', () => {
    expect(problems({ ...quote, said: { on: '2021-02-30', statedAs: 'x', provenance: 'stated' } })).toEqual([
      'q.md: field `said.on` is "2021-02-30"; expected a real calendar date written as YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });

  it('brackets keys that are not plain names, as a data file keyed by URL has', () => {
    const schema = z.record(z.string(), z.strictObject({ to: z.string() }));
    const data = { '/old/': { to: 1 } };
    const result = schema.safeParse(data);
    expect(problemsFromIssues('r.yaml', data, result.error!.issues, () => ['to']).map(formatProblem)).toEqual([
      'r.yaml: field `["/old/"].to` is 1; expected a string, not number',
    ]);
  });
});

describe('ContentError', () => {
  it('says how many problems and lists each, without a stack trace into the tools', () => {
    const error = new ContentError([{ file: 'a.md', field: 'title', value: '', expected: 'a text that is not empty' }]);
    expect(error.message).toBe(
      'Invalid content (1 problem):\n  - a.md: field `title` is ""; expected a text that is not empty',
    );
    expect(error.stack).toBe(error.message);
  });
});
