import { describe, expect, it } from 'vitest';
import type { DateValue } from '../../src/lib/model/date';
import { compareDated, dateBounds, datePrecision } from '../../src/lib/model/chronology';
import { datetimeValues, describeGap, formatDate, statedDiffers } from '../../src/lib/present/dates';

/*
 * Dates at each precision: bounds, order, words and machine values. Not covered here: how the
 * components lay dates out (tests/e2e/story.spec.ts reads the rendered <time> elements).
 */

const stated = (on: string, extra: Partial<DateValue> = {}): DateValue => ({
  on,
  statedAs: on,
  provenance: 'stated',
  ...extra,
});
const range = (earliest: string, latest: string): DateValue => ({
  earliest,
  latest,
  statedAs: 'last week',
  provenance: 'inferred',
  reasoning: 'resolved against the publication date',
  relativeTo: '2021-05-08',
});

describe('precision and bounds', () => {
  it('reads the precision from the value', () => {
    expect(datePrecision(stated('2021'))).toBe('year');
    expect(datePrecision(stated('2021-04'))).toBe('month');
    expect(datePrecision(stated('2021-05-07'))).toBe('day');
    expect(datePrecision(range('2021-04-26', '2021-05-02'))).toBe('range');
  });

  it('spans the whole year, month, part of month or range', () => {
    expect(dateBounds(stated('2020'))).toEqual({ earliest: '2020-01-01', latest: '2020-12-31' });
    expect(dateBounds(stated('2020-02'))).toEqual({ earliest: '2020-02-01', latest: '2020-02-29' });
    expect(dateBounds(stated('2021-02', { part: 'late' }))).toEqual({ earliest: '2021-02-21', latest: '2021-02-28' });
    expect(dateBounds(stated('2021-04', { part: 'early' }))).toEqual({ earliest: '2021-04-01', latest: '2021-04-10' });
    expect(dateBounds(stated('2021-04', { part: 'mid' }))).toEqual({ earliest: '2021-04-11', latest: '2021-04-20' });
    expect(dateBounds(range('2021-04', '2021-05'))).toEqual({ earliest: '2021-04-01', latest: '2021-05-31' });
  });
});

describe('timeline order', () => {
  it('sorts by earliest bound, then precision (most precise first), then id', () => {
    const items = [
      { id: 'year', date: stated('2021') },
      { id: 'b-day', date: stated('2021-01-01') },
      { id: 'month', date: stated('2021-01') },
      { id: 'a-day', date: stated('2021-01-01') },
      { id: 'range', date: range('2021-01-01', '2021-01-07') },
      { id: 'late-april', date: stated('2021-04', { part: 'late' }) },
      { id: 'april-24', date: stated('2021-04-24') },
    ];
    const shuffled = [items[3]!, items[6]!, items[0]!, items[5]!, items[2]!, items[4]!, items[1]!];
    expect(shuffled.sort(compareDated).map((i) => i.id)).toEqual([
      'a-day',
      'b-day',
      'range',
      'month',
      'year',
      'late-april',
      'april-24',
    ]);
  });
});

describe('formatDate', () => {
  it('says each precision as a reader would', () => {
    expect(formatDate(stated('2021-05-07'))).toBe('7 May 2021');
    expect(formatDate(stated('2021-04'))).toBe('April 2021');
    expect(formatDate(stated('2021-04', { part: 'late' }))).toBe('late April 2021');
    expect(formatDate(stated('2021'))).toBe('2021');
  });

  it('says a range with its two ends, the year once when shared', () => {
    expect(formatDate(range('2021-04-26', '2021-05-02'))).toBe('between 26 April and 2 May 2021');
    expect(formatDate(range('2020-12-28', '2021-01-03'))).toBe('between 28 December 2020 and 3 January 2021');
    expect(formatDate(range('2019', '2021'))).toBe('between 2019 and 2021');
  });

  it('tells whether the source words add something', () => {
    expect(statedDiffers(stated('2021-05-07', { statedAs: 'late on Friday' }))).toBe(true);
    expect(statedDiffers(stated('2021-05-07', { statedAs: '7 May 2021' }))).toBe(false);
    expect(statedDiffers({ on: '2021-05-08', provenance: 'inferred', reasoning: 'r' })).toBe(false);
  });
});

describe('datetimeValues', () => {
  it('never invents a day or month the date does not have', () => {
    expect(datetimeValues(stated('2021-04', { part: 'late' }))).toEqual(['2021-04']);
    expect(datetimeValues(stated('2021'))).toEqual(['2021']);
    expect(datetimeValues(stated('2021-05-07'))).toEqual(['2021-05-07']);
    expect(datetimeValues(range('2021-04-26', '2021-05-02'))).toEqual(['2021-04-26', '2021-05-02']);
  });
});

describe('describeGap', () => {
  it('counts days and weeks between exact days', () => {
    expect(describeGap(stated('2021-05-07'), stated('2021-05-07'))).toBe('the same day');
    expect(describeGap(stated('2021-05-07'), stated('2021-05-08'))).toBe('the next day');
    expect(describeGap(stated('2021-05-01'), stated('2021-05-07'))).toBe('6 days later');
    expect(describeGap(stated('2021-04-01'), stated('2021-04-22'))).toBe('3 weeks later');
    expect(describeGap(stated('2021-04-01'), stated('2021-04-20'))).toBe('about 3 weeks later');
  });

  it('counts months between month-precision dates', () => {
    expect(describeGap(stated('2020-02', { part: 'late' }), stated('2021-04', { part: 'late' }))).toBe(
      '14 months later',
    );
    expect(describeGap(stated('2019-05'), stated('2021-05'))).toBe('2 years later');
  });

  it('gives a span, not a false figure, when one end is a range', () => {
    expect(describeGap(range('2021-04-26', '2021-05-02'), stated('2021-05-07'))).toBe('5 to 11 days later');
    expect(describeGap(stated('2021-04', { part: 'late' }), stated('2021-04-24'))).toBe('around the same time');
  });

  it('counts years when either date is only a year', () => {
    expect(describeGap(stated('2019'), stated('2021-05-07'))).toBe('2 years later');
    expect(describeGap(stated('2021'), stated('2021-05-07'))).toBe('the same year');
  });
});
