import { describe, expect, it } from 'vitest';
import { expectationTiming, expectedBound } from '../../src/lib/authoring/expectation';

/*
 * What `npm run new -- event … --status expected` suggests: the timing the words give an expectation
 * (a bound it is expected by, or a date), and the bound at the precision of its words. Not covered
 * here: the command itself (tests/content/authoring.test.ts).
 */

const reference = { day: '2026-03-04', inferred: false };

describe('expectationTiming', () => {
  it('reads "by" before the date expression as a bound', () => {
    const sentence = 'Officials expect the government to step in by the end of the month, one of them said.';
    expect(expectationTiming(sentence, reference, 'end of the month')).toEqual({
      timing: 'by',
      expression: 'end of the month',
    });
    expect(
      expectationTiming('The minister is expected to resign no later than March 20.', reference, undefined),
    ).toMatchObject({
      timing: 'by',
    });
  });

  it('reads a plain date as the date it is expected on', () => {
    expect(expectationTiming('Officials expect the talks to resume on March 20.', reference, 'March 20')).toEqual({
      timing: 'on',
    });
  });
});

describe('expectedBound', () => {
  const endOfMonth = {
    on: '2026-03-31',
    statedAs: 'end of the month',
    provenance: 'inferred' as const,
    reasoning: 'Read against 4 March 2026.',
  };

  it('keeps "the end of the month" as the month, never its last day as a stated day', () => {
    expect(expectedBound(endOfMonth)).toEqual({
      on: '2026-03',
      statedAs: 'end of the month',
      provenance: 'inferred',
      reasoning:
        'Read against 4 March 2026. Expected by the end of March 2026: the bound is the month, not a day of it.',
    });
    expect(expectedBound({ ...endOfMonth, on: '2026-12-31', statedAs: 'the end of the year' })).toMatchObject({
      on: '2026',
    });
  });

  it('leaves any other date as it is', () => {
    const day = { on: '2026-03-20', statedAs: 'March 20', provenance: 'stated' as const };
    expect(expectedBound(day)).toBe(day);
    expect(expectedBound({ ...endOfMonth, on: '2026-03-30' })).toMatchObject({ on: '2026-03-30' });
  });
});
