import { describe, expect, it } from 'vitest';
import { statedDay, type DateValue } from '../../src/lib/model/date';
import { compareDated, dateBounds, datePrecision } from '../../src/lib/model/chronology';
import {
  datetimeValues,
  describeDate,
  spanOpening,
  describeGap,
  formatDate,
  inferredWhole,
  provenanceNote,
  rangeEndsInWords,
  spokenDate,
  statedDiffers,
} from '../../src/lib/present/dates';

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
/** A span: every day of it ("the conference runs 24 April to 4 May"). */
const span = (from: string, to: string, extra: Partial<DateValue> = {}): DateValue => ({
  from,
  to,
  statedAs: `${from} to ${to}`,
  provenance: 'stated',
  ...extra,
});
/** An inferred date of which the source states the rest. */
const partly = (on: string, inferredParts: DateValue['inferredParts'], extra: Partial<DateValue> = {}): DateValue => ({
  on,
  statedAs: on,
  provenance: 'inferred',
  inferredParts,
  reasoning: 'the source gives the rest',
  ...extra,
});

describe('precision and bounds', () => {
  it('reads the precision from the value', () => {
    expect(datePrecision(stated('2021'))).toBe('year');
    expect(datePrecision(stated('2021-04'))).toBe('month');
    expect(datePrecision(stated('2021-05-07'))).toBe('day');
    expect(datePrecision(range('2021-04-26', '2021-05-02'))).toBe('range');
    expect(datePrecision(span('2021-04-24', '2021-05-04'))).toBe('span');
  });

  it('spans the whole year, month, part of month or range', () => {
    expect(dateBounds(stated('2020'))).toEqual({ earliest: '2020-01-01', latest: '2020-12-31' });
    expect(dateBounds(stated('2020-02'))).toEqual({ earliest: '2020-02-01', latest: '2020-02-29' });
    expect(dateBounds(stated('2021-02', { part: 'late' }))).toEqual({ earliest: '2021-02-21', latest: '2021-02-28' });
    expect(dateBounds(stated('2021-04', { part: 'early' }))).toEqual({ earliest: '2021-04-01', latest: '2021-04-10' });
    expect(dateBounds(stated('2021-04', { part: 'mid' }))).toEqual({ earliest: '2021-04-11', latest: '2021-04-20' });
    expect(dateBounds(range('2021-04', '2021-05'))).toEqual({ earliest: '2021-04-01', latest: '2021-05-31' });
  });

  it('bounds a span by the first day of its start and the last day of its end, as a range of the same ends', () => {
    expect(dateBounds(span('2021-04-24', '2021-05-04'))).toEqual({ earliest: '2021-04-24', latest: '2021-05-04' });
    expect(dateBounds(span('2021-04', '2021-06'))).toEqual({ earliest: '2021-04-01', latest: '2021-06-30' });
    expect(dateBounds(span('2019', '2021-02'))).toEqual({ earliest: '2019-01-01', latest: '2021-02-28' });
    // The same bounds, but a range is one day somewhere in them and a span is every day of them.
    expect(dateBounds(span('2021-04-26', '2021-05-02'))).toEqual(dateBounds(range('2021-04-26', '2021-05-02')));
    expect(datePrecision(span('2021-04-26', '2021-05-02'))).not.toBe(datePrecision(range('2021-04-26', '2021-05-02')));
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

  it('puts a span after a day and before a range, month or year that start the same day', () => {
    const items = [
      { id: 'a-year', date: stated('2021') },
      { id: 'b-month', date: stated('2021-01') },
      { id: 'c-range', date: range('2021-01-01', '2021-01-07') },
      { id: 'd-span', date: span('2021-01-01', '2021-03-31') },
      { id: 'e-day', date: stated('2021-01-01') },
      { id: 'f-later-span', date: span('2021-01-02', '2021-01-03') },
    ];
    expect(items.toSorted(compareDated).map((i) => i.id)).toEqual([
      'e-day',
      'd-span',
      'c-range',
      'b-month',
      'a-year',
      'f-later-span',
    ]);
    // Ties of start and precision fall back on the id, whatever the order given.
    const tie = [
      { id: 'b', date: span('2021-01-01', '2021-01-05') },
      { id: 'a', date: span('2021-01-01', '2021-02-05') },
    ];
    expect(tie.toSorted(compareDated).map((i) => i.id)).toEqual(['a', 'b']);
    expect(
      tie
        .toReversed()
        .toSorted(compareDated)
        .map((i) => i.id),
    ).toEqual(['a', 'b']);
  });
});

describe('formatDate', () => {
  it('says each precision as a reader would', () => {
    expect(formatDate(stated('2021-05-07'))).toBe('7 May 2021');
    expect(formatDate(stated('2021-04'))).toBe('April 2021');
    expect(formatDate(stated('2021-04', { part: 'late' }))).toBe('late April 2021');
    expect(formatDate(stated('2021'))).toBe('2021');
  });

  it('says a range as one day somewhere between its two ends, the year once when shared', () => {
    expect(formatDate(range('2021-04-26', '2021-05-02'))).toBe('some day between 26 April and 2 May 2021');
    expect(formatDate(range('2020-12-28', '2021-01-03'))).toBe('some day between 28 December 2020 and 3 January 2021');
    expect(formatDate(range('2019', '2021'))).toBe('some day between 2019 and 2021');
    expect(formatDate(range('2021-04-26', '2021-04-30'))).toBe('some day between 26 and 30 April 2021');
  });

  it('says a span from its start to its end, the start dropping the year and month it shares', () => {
    expect(formatDate(span('2021-04-24', '2021-05-04'))).toBe('24 April to 4 May 2021');
    expect(formatDate(span('2021-04-24', '2021-04-28'))).toBe('24 to 28 April 2021');
    expect(formatDate(span('2020-12-28', '2021-01-03'))).toBe('28 December 2020 to 3 January 2021');
    expect(formatDate(span('2021-04', '2021-06'))).toBe('April to June 2021');
    expect(formatDate(span('2021-04', '2021-05-04'))).toBe('April to 4 May 2021');
    expect(formatDate(span('2019', '2021'))).toBe('2019 to 2021');
    expect(formatDate(span('2021', '2021-05'))).toBe('2021 to May 2021');
    expect(rangeEndsInWords(span('2021-04-24', '2021-05-04'))).toEqual(['24 April', '4 May 2021']);
    expect(rangeEndsInWords(range('2021-04-26', '2021-04-30'))).toEqual(['26', '30 April 2021']);
  });

  it('says a date the words leave open as each of its readings, never the days between', () => {
    const readings = (...days: string[]): DateValue => ({
      ...range(days[0]!, days.at(-1)!),
      statedAs: 'next Tuesday',
      readings: days,
    });
    expect(formatDate(readings('2026-03-03', '2026-03-10'))).toBe('either 3 or 10 March 2026');
    expect(formatDate(readings('2026-03-31', '2026-04-07', '2026-04-14'))).toBe('either 31 March, 7 or 14 April 2026');
    expect(formatDate(readings('2025-12-30', '2026-01-06'))).toBe('either 30 December 2025 or 6 January 2026');
    expect(describeDate(readings('2026-03-03', '2026-03-10'))).toBe('either 3 or 10 March 2026 (inferred)');
    expect(statedDiffers(readings('2026-03-03', '2026-03-10'))).toBe(true);
    expect(datetimeValues(readings('2026-03-03', '2026-03-10'))).toEqual(['2026-03-03', '2026-03-10']);
  });

  it('says a range or a span whose two ends are one value as that one date', () => {
    expect(formatDate(span('2021-04-24', '2021-04-24'))).toBe('24 April 2021');
    expect(formatDate(range('2021-04', '2021-04'))).toBe('April 2021');
    expect(datetimeValues(span('2021-04-24', '2021-04-24'))).toEqual(['2021-04-24']);
    expect(spokenDate(span('2021-04-24', '2021-04-24'))).toBe('24 April 2021');
  });

  it('is spoken as a reader would say it: a span "from" its start', () => {
    expect(spokenDate(span('2021-04-24', '2021-05-04'))).toBe('from 24 April to 4 May 2021');
    expect(spokenDate(range('2021-04-26', '2021-05-02'))).toBe('some day between 26 April and 2 May 2021');
    expect(spokenDate(stated('2021-04', { part: 'late' }))).toBe('late April 2021');
  });

  it('tells whether the source words add something', () => {
    expect(statedDiffers(stated('2021-05-07', { statedAs: 'late on Friday' }))).toBe(true);
    expect(statedDiffers(stated('2021-05-07', { statedAs: '7 May 2021' }))).toBe(false);
    expect(statedDiffers({ on: '2021-05-08', provenance: 'inferred', reasoning: 'r' })).toBe(false);
    expect(statedDiffers(range('2021-04-26', '2021-05-02'))).toBe(true);
    expect(statedDiffers(span('2021-04-24', '2021-05-04', { statedAs: '24 April to 4 May 2021' }))).toBe(false);
  });

  it("never says the text gives a date taken from the page's metadata", () => {
    const metadata: DateValue = { on: '2021-04-21', statedIn: 'metadata', provenance: 'stated' };
    expect(statedDiffers(metadata)).toBe(false);
    expect(statedDiffers({ ...metadata, statedAs: '2021-04-21T09:14:00Z' })).toBe(false);
    expect(statedDiffers({ ...metadata, statedIn: 'text', statedAs: '2021-04-21T09:14:00Z' })).toBe(true);
  });
});

describe('how we know a date', () => {
  it('names the parts we inferred, in the order the date reads', () => {
    expect(provenanceNote(partly('2021-05-01', ['year']))).toBe('year inferred');
    expect(provenanceNote(partly('2021-05-01', ['month', 'day']))).toBe('day and month inferred');
    expect(provenanceNote(partly('2021-05-01', ['day']))).toBe('day inferred');
    expect(provenanceNote(partly('2021-05', ['year']))).toBe('year inferred');
    expect(describeDate(partly('2021-05-01', ['year']))).toBe('1 May 2021 (year inferred)');
    expect(describeDate(partly('2021-05-01', ['day', 'month']))).toBe('1 May 2021 (day and month inferred)');
  });

  it('keeps the ≈ marker for dates inferred whole only', () => {
    expect(inferredWhole({ on: '2021-05-08', provenance: 'inferred', reasoning: 'r' })).toBe(true);
    expect(inferredWhole(range('2021-04-26', '2021-05-02'))).toBe(true);
    // Every part the date holds listed is the whole date.
    expect(inferredWhole(partly('2021-05', ['month', 'year']))).toBe(true);
    expect(inferredWhole(partly('2021-05-01', ['year']))).toBe(false);
    expect(inferredWhole(stated('2021-05-01'))).toBe(false);
    // A date inferred whole has no note in words: the marker and its reasoning say it.
    expect(provenanceNote({ on: '2021-05-08', provenance: 'inferred', reasoning: 'r' })).toBeUndefined();
    expect(describeDate({ on: '2021-05-08', provenance: 'inferred', reasoning: 'r' })).toBe('8 May 2021 (inferred)');
    expect(provenanceNote(stated('2021-05-07'))).toBeUndefined();
    expect(describeDate(stated('2021-05-07'))).toBe('7 May 2021');
    // More words join the same parentheses, so none nest.
    expect(describeDate(partly('2021-05-01', ['year']), 'according to Ann Lee')).toBe(
      '1 May 2021 (year inferred; according to Ann Lee)',
    );
    expect(describeDate(stated('2021-05-07'), 'according to Ann Lee')).toBe('7 May 2021 (according to Ann Lee)');
  });

  it("says a date taken from the page's metadata came from there, quoting the metadata when it words it otherwise", () => {
    const metadata: DateValue = { on: '2021-04-21', statedIn: 'metadata', provenance: 'stated' };
    expect(provenanceNote(metadata)).toBe("from the page's metadata");
    expect(describeDate(metadata)).toBe("21 April 2021 (from the page's metadata)");
    expect(provenanceNote({ ...metadata, statedAs: '21 April 2021' })).toBe("from the page's metadata");
    expect(provenanceNote({ ...metadata, statedAs: '2021-04-21T09:14:00Z' })).toBe(
      "from the page's metadata: “2021-04-21T09:14:00Z”",
    );
    expect(provenanceNote(partly('2021-04-21', ['day'], { statedIn: 'metadata' }))).toBe(
      "day inferred; the rest from the page's metadata",
    );
    expect(provenanceNote({ ...metadata, statedIn: 'text', statedAs: '21 April 2021' })).toBeUndefined();
  });
});

describe('a day as our records state it', () => {
  it('is a day, read as a day, with no note on how we know it', () => {
    const day = statedDay('2021-05-07');
    expect(datePrecision(day)).toBe('day');
    expect(datetimeValues(day)).toEqual(['2021-05-07']);
    expect(describeDate(day)).toBe('7 May 2021');
    expect(inferredWhole(day)).toBe(false);
  });
});

describe('datetimeValues', () => {
  it('never invents a day or month the date does not have', () => {
    expect(datetimeValues(stated('2021-04', { part: 'late' }))).toEqual(['2021-04']);
    expect(datetimeValues(stated('2021'))).toEqual(['2021']);
    expect(datetimeValues(stated('2021-05-07'))).toEqual(['2021-05-07']);
    expect(datetimeValues(range('2021-04-26', '2021-05-02'))).toEqual(['2021-04-26', '2021-05-02']);
  });

  it('gives a span and a range both a start and an end, each at its own precision', () => {
    expect(datetimeValues(span('2021-04-24', '2021-05-04'))).toEqual(['2021-04-24', '2021-05-04']);
    expect(datetimeValues(span('2021-04', '2021-05-04'))).toEqual(['2021-04', '2021-05-04']);
    expect(datetimeValues(range('2021-04', '2021-05'))).toEqual(['2021-04', '2021-05']);
  });
});

describe('describeGap', () => {
  it('measures from the start of a previous event still under way, never from an end it has not reached', () => {
    expect(describeGap(stated('2026-02-24'), stated('2026-03-03'), undefined, true)).toBe(
      '7 days after the previous event began',
    );
    expect(describeGap(stated('2026-02-24'), stated('2026-03-20'), 'set for', true)).toBe(
      'set for about 3 weeks after the previous event began',
    );
    expect(describeGap(stated('2026-02-24'), stated('2026-03-03'))).toBe('7 days later');
  });

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

  it('measures from where a span ended, or began when the next event falls within it', () => {
    const conference = span('2021-04-24', '2021-05-04');
    expect(describeGap(conference, stated('2021-05-07'))).toBe('3 days after the previous event ended');
    expect(describeGap(conference, stated('2021-05-05'))).toBe('the day after the previous event ended');
    expect(describeGap(conference, stated('2021-05-04'))).toBe('10 days after the previous event began');
    expect(describeGap(conference, stated('2021-04-24'))).toBe('the day the previous event began');
    expect(describeGap(conference, stated('2021-09'))).toBe('4 months after the previous event ended');
    // A span that comes next is measured to its start.
    expect(describeGap(stated('2021-04-20'), conference)).toBe('4 days later');
  });

  it('never tells the time toward an event that had not happened as elapsed', () => {
    expect(describeGap(stated('2021-01-10'), stated('2021-05-10'), 'set for')).toBe(
      'set for 4 months after the previous event',
    );
    expect(describeGap(stated('2021-05-07'), stated('2021-05-07'), 'due')).toBe(
      'due the same day as the previous event',
    );
    expect(describeGap(stated('2021-05-07'), stated('2021-05-08'), 'had been set for')).toBe(
      'had been set for the day after the previous event',
    );
    expect(describeGap(stated('2021-04', { part: 'late' }), stated('2021-04-24'), 'set for')).toBe(
      'set for around the same time as the previous event',
    );
    expect(describeGap(stated('2021'), stated('2021-05-07'), 'set for')).toBe(
      'set for the same year as the previous event',
    );
    expect(describeGap(range('2021-04-26', '2021-05-02'), stated('2021-05-07'), 'due')).toBe(
      'due 5 to 11 days after the previous event',
    );
    expect(describeGap(span('2021-04-24', '2021-05-04'), stated('2021-05-07'), 'set for')).toBe(
      'set for 3 days after the previous event ended',
    );
    for (const plannedAs of ['set for', 'due', 'had been set for']) {
      for (const [a, b] of [
        [stated('2021-05-01'), stated('2021-05-07')],
        [stated('2020-02', { part: 'late' }), stated('2021-04', { part: 'late' })],
        [stated('2019'), stated('2021-05-07')],
        [span('2021-04-24', '2021-05-04'), stated('2021-06-01')],
      ] as const) {
        expect(describeGap(a, b, plannedAs)).not.toMatch(/later|the next day|^the same/);
      }
    }
  });
});

describe('spanOpening', () => {
  it('reads a span "from … to …", but not after words that lead into the date', () => {
    expect(spanOpening()).toBe('from ');
    expect(spanOpening('')).toBe('from ');
    expect(spanOpening('had been set for')).toBe('');
    expect(spanOpening('moved to')).toBe('');
  });
});
