import { describe, expect, it } from 'vitest';
import { runSteps, runStepsPausing, type Steps } from '../../src/lib/model/steps';

/*
 * Work done in steps: the same result run at once or with pauses, and a pause whenever a slice of
 * time has gone by, on a clock the test moves. Not covered: the dev server's first read with pauses
 * (tests/content/dev-incremental.test.ts serves pages while it runs).
 */

/** Sums 1 to `upTo`, a step a number, each step logged and taking `onStep`'s time. */
function* counting(upTo: number, log: string[], onStep: () => void = () => undefined): Steps<number> {
  let sum = 0;
  for (let i = 1; i <= upTo; i++) {
    sum += i;
    log.push(`step ${i}`);
    onStep();
    yield;
  }
  return sum;
}

describe('work in steps', () => {
  it('runs every step at once and returns the result', () => {
    const log: string[] = [];
    expect(runSteps(counting(4, log))).toBe(10);
    expect(log).toEqual(['step 1', 'step 2', 'step 3', 'step 4']);
  });

  it('pauses each time a slice of time has gone by, and returns the same result', async () => {
    const log: string[] = [];
    let clock = 0;
    // Each step takes 8 ms on this clock: a 20 ms slice is over after the third step of each slice.
    const result = await runStepsPausing(
      counting(7, log, () => {
        clock += 8;
      }),
      () => {
        log.push('pause');
        return Promise.resolve();
      },
      { sliceMs: 20, now: () => clock },
    );
    expect(result).toBe(28);
    expect(log).toEqual(['step 1', 'step 2', 'step 3', 'pause', 'step 4', 'step 5', 'step 6', 'pause', 'step 7']);
  });

  it('never pauses work that is quicker than a slice', async () => {
    const log: string[] = [];
    const pauses: number[] = [];
    const result = await runStepsPausing(
      counting(3, log),
      () => {
        pauses.push(1);
        return Promise.resolve();
      },
      { sliceMs: 1_000, now: () => 0 },
    );
    expect(result).toBe(6);
    expect(pauses).toEqual([]);
  });
});
