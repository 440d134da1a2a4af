import { describe, expect, it } from 'vitest';
import { TODAY_VARIABLE, todayOf } from '../../src/lib/model/calendar';

/*
 * Today as an input. Not covered: which commands and builds pass it on (each one's own tests).
 */

const clock = () => new Date('2030-01-02T23:59:59Z');

describe('todayOf', () => {
  it('takes the day the environment sets', () => {
    expect(todayOf({ [TODAY_VARIABLE]: '2021-05-07' }, clock)).toBe('2021-05-07');
  });

  it("reads the caller's clock, in UTC, only when nothing is set", () => {
    expect(todayOf({}, clock)).toBe('2030-01-02');
    expect(todayOf({ [TODAY_VARIABLE]: '' }, clock)).toBe('2030-01-02');
  });

  it('refuses a value that is not a real day, naming the variable', () => {
    for (const value of ['2021-02-30', '2021-05', 'yesterday', '2021-5-7'])
      expect(() => todayOf({ [TODAY_VARIABLE]: value }, clock)).toThrow(
        `${TODAY_VARIABLE} is "${value}": expected a day written YYYY-MM-DD`,
      );
  });
});
