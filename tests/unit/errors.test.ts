import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import {
  ContentError,
  formatProblem,
  problemDetail,
  problemPlace,
  problemsFromIssues,
  problemsTitle,
  showValue,
} from '../../src/lib/content/problems';
import { claimSchema, quoteSchema } from '../../src/lib/model/entities';

/*
 * Schema issues turned into problems an editor can act on: field path, value, expectation, one
 * message per mistake, read as a sentence, never echoing a whole body. Not covered: which schema a file
 * is checked against (src/content.config.ts) and the loaders that call this
 * (tests/content/bad-content.test.ts runs them).
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
      'q.md: field `speakr` is "ann"; expected no such field: did you mean `speaker`? the fields here are speaker, unnamed, source, said, medium, mediumBasis, form, passage, attribution, lang, translation',
    ]);
  });

  it('names a missing field as missing', () => {
    const { source: _, ...rest } = quote;
    expect(problems(rest)).toEqual([
      'q.md: field `source` is missing; expected a value: this field is required (a text)',
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
      'r.yaml: field `["/old/"].to` is 1; expected a text, not a number',
    ]);
  });
});

describe('ContentError', () => {
  it('says how many problems and lists each, without a stack trace into the tools', () => {
    const error = new ContentError([{ file: 'a.md', field: 'title', value: '', expected: 'a text that is not empty' }]);
    expect(error.message).toBe(
      'Invalid content (1 problem):\n  - a.md: field `title` is ""; expected a text that is not empty',
    );
    expect(error.stack ?? '').not.toMatch(/\n\s+at /);
  });
});

describe('a problem in parts, as the dev server banner lists it', () => {
  const problem = { file: 'q.md', field: 'speaker', value: 'nobody', expected: 'an actor id' };

  it('gives the place, with line and column when the problem has them, and what is wrong there', () => {
    expect(problemPlace(problem)).toBe('q.md');
    expect(problemPlace({ ...problem, line: 4 })).toBe('q.md:4');
    expect(problemPlace({ ...problem, line: 4, column: 7 })).toBe('q.md:4:7');
    expect(problemDetail(problem)).toBe('field `speaker` is "nobody"; expected an actor id');
  });

  it('makes the one line the terminal shows', () => {
    expect(formatProblem({ ...problem, line: 4 })).toBe(
      `${problemPlace({ ...problem, line: 4 })}: ${problemDetail(problem)}`,
    );
  });

  it('counts the problems in the title', () => {
    expect(problemsTitle(1)).toBe('Invalid content (1 problem)');
    expect(problemsTitle(3)).toBe('Invalid content (3 problems)');
  });
});

describe('messages read as sentences', () => {
  const claimProblems = (data: Record<string, unknown>) => {
    const result = claimSchema.safeParse(data);
    return problemsFromIssues('c.md', data, result.error!.issues, () => []).map(formatProblem);
  };
  const dateProblems = (said: Record<string, unknown>) => problems({ ...quote, said });

  it('says what a disputed or denied claim needs', () => {
    expect(claimProblems({ source: 's', status: 'disputed' })).toEqual([
      'c.md: field `disputedBy` is missing; expected `disputedBy` to name who disputes it: a disputed claim needs at least one actor id',
    ]);
    expect(claimProblems({ source: 's', status: 'denied', disputedBy: [] })).toEqual([
      'c.md: field `disputedBy` is []; expected `disputedBy` to name who denies it: a denied claim needs at least one actor id',
    ]);
  });

  it('says what a date value needs', () => {
    expect(dateProblems({ on: '2021-05-07', provenance: 'inferred', statedAs: 'Friday' })).toEqual([
      'q.md: field `said.reasoning` is missing; expected `reasoning` for an inferred date: say how it was resolved from the source',
    ]);
    expect(dateProblems({ on: '2021-05-07', provenance: 'stated' })).toEqual([
      "q.md: field `said.statedAs` is missing; expected `statedAs`, the source's own words for the date: a date the source does not give is `inferred`, and one from its page's metadata says `statedIn: metadata`",
    ]);
    expect(dateProblems({ on: '2021-05-07', part: 'late', statedAs: 'x', provenance: 'stated' })).toEqual([
      'q.md: field `said.part` is "late"; expected a part of the month (early, mid, late) only with a month written YYYY-MM in `on`',
    ]);
    expect(dateProblems({ earliest: '2021-05-01', statedAs: 'x', provenance: 'stated' })).toEqual([
      'q.md: field `said.latest` is missing; expected `latest` too: an uncertain date needs both `earliest` and `latest`',
    ]);
  });

  it('names the kind of value expected and the kind found, in an editor’s words', () => {
    expect(problems({ ...quote, speaker: null })).toEqual([
      'q.md: field `speaker` is null; expected a text, not an empty value',
    ]);
    expect(problems({ ...quote, speaker: ['ann'] })).toEqual([
      'q.md: field `speaker` is ["ann"]; expected a text, not a list',
    ]);
    expect(problems({ ...quote, said: 'last week' })).toEqual([
      'q.md: field `said` is "last week"; expected a group of fields, not a text',
    ]);
  });

  it('reads "expected …" as a sentence for every message of our own', () => {
    const messages = [
      ...claimProblems({ source: 's', status: 'disputed' }),
      ...dateProblems({ on: '2021-05-07', provenance: 'inferred' }),
      ...dateProblems({ on: '2021-05-07', provenance: 'stated' }),
      ...dateProblems({ on: '2021-05-07', part: 'late', statedAs: 'x', provenance: 'stated' }),
      ...dateProblems({ earliest: '2021-05-01', statedAs: 'x', provenance: 'stated' }),
      ...dateProblems({ earliest: '2021-05-09', latest: '2021-05-01', statedAs: 'x', provenance: 'stated' }),
      ...dateProblems({ statedAs: 'x', provenance: 'stated' }),
      ...dateProblems({
        on: '2021-05-07',
        earliest: '2021-05-01',
        latest: '2021-05-09',
        statedAs: 'x',
        provenance: 'stated',
      }),
      ...problems({ ...quote, speaker: 'Ann Example' }),
    ];
    expect(messages).toHaveLength(9);
    // Never "expected a disputed claim needs …": what follows "expected" is what was expected, not a rule.
    for (const message of messages) expect(message).not.toMatch(/; expected (an? \w+ (\w+ )?(needs|goes)|expected)/);
  });
});

describe('long values', () => {
  const body =
    'If the Taliban do not choose peace, a future based on consensus and compromise, then we will stand with Afghans.\n';

  it('shows a value of a line or less whole', () => {
    expect(showValue('a'.repeat(120))).toBe(`"${'a'.repeat(120)}"`);
    expect(showValue(['ann', 'bob'])).toBe('["ann","bob"]');
    expect(showValue(undefined)).toBe('missing');
  });

  it('cuts a longer value or one with a line break to its first words, with its size', () => {
    const huge = body.repeat(Math.ceil(2_048_117 / body.length)).slice(0, 2_048_117);
    expect(showValue(huge)).toBe('"If the Taliban do not choose peace, a future based on … (2,048,117 characters)"');
    expect(showValue('First line\nsecond line')).toBe('"First line … (22 characters)"');
    expect(showValue('x'.repeat(121))).toBe(`"${'x'.repeat(60)} … (121 characters)"`);
    expect(showValue(Array.from({ length: 40 }, (_, i) => `actor-${i}`))).toMatch(
      /^\["actor-0","actor-1",.* … \(\d{3} characters\)$/,
    );
  });

  it('never echoes a whole body: a problem with a 2 MB value stays one short line', () => {
    const huge = body.repeat(20_000);
    const line = formatProblem({ file: 'q.md', field: 'body', value: huge, expected: 'a direct quote' });
    expect(line).toBe(
      'q.md: field `body` is "If the Taliban do not choose peace, a future based on … (2,260,000 characters)"; expected a direct quote',
    );
    expect(new ContentError([{ file: 'q.md', field: 'body', value: huge, expected: 'x' }]).message.length).toBeLessThan(
      200,
    );
  });

  it('counts characters as code points', () => {
    expect(showValue('😀'.repeat(121))).toBe(`"${'😀'.repeat(30)} … (121 characters)"`);
  });
});
