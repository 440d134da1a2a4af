import { describe, expect, it } from 'vitest';
import { readDates, suggestDate, type Reference } from '../../src/lib/authoring/dates';
import { dateValueSchema } from '../../src/lib/model/date';

/*
 * Dates suggested from the seed's date expressions, read against the seed article's inferred
 * publication date, Saturday 8 May 2021; every suggestion must be a date value the model accepts.
 */

const seedDay: Reference = { day: '2021-05-08', inferred: true };

const one = (text: string, reference = seedDay) => {
  const found = readDates(text, reference);
  expect(found).toHaveLength(1);
  const reading = found[0]!;
  if (reading.kind === 'date') expect(dateValueSchema.safeParse(reading.value).success).toBe(true);
  return reading;
};

describe('date suggestions', () => {
  it('reads "late on Friday" as the Friday before a Saturday, inferred, relative to it', () => {
    expect(one('said US peace envoy in a tweet posted late on Friday.')).toMatchObject({
      kind: 'date',
      value: { on: '2021-05-07', statedAs: 'late on Friday', provenance: 'inferred', relativeTo: '2021-05-08' },
    });
  });

  it('reads "last week" as Monday to Sunday of the previous calendar week', () => {
    const reading = one('while speaking at a virtual meeting last week, vowed');
    expect(reading).toMatchObject({
      kind: 'date',
      value: {
        earliest: '2021-04-26',
        latest: '2021-05-02',
        statedAs: 'last week',
        provenance: 'inferred',
        relativeTo: '2021-05-08',
      },
    });
    if (reading.kind === 'date') expect(reading.value.reasoning).toContain('Monday 26 April 2021 to Sunday 2 May 2021');
  });

  it('keeps the day and month the source states apart from the year we infer', () => {
    expect(one('issued by US-European Communique, on May 07, they condemned')).toMatchObject({
      value: { on: '2021-05-07', statedAs: 'May 07', provenance: 'inferred', inferredParts: ['year'] },
    });
    expect(one('In late April, the Taliban refused')).toMatchObject({
      value: { on: '2021-04', part: 'late', statedAs: 'late April', inferredParts: ['year'] },
    });
  });

  it('takes a date the source gives in full as stated', () => {
    expect(one('in late February 2020, in Doha')).toMatchObject({
      value: { on: '2020-02', part: 'late', statedAs: 'late February 2020', provenance: 'stated' },
    });
  });

  it("calls a bare weekday that is the publication day's own ambiguous: that day or a week before", () => {
    const reading = one('on Saturday he said');
    expect(reading).toMatchObject({
      kind: 'ambiguous',
      options: [{ value: { on: '2021-05-08' } }, { value: { on: '2021-05-01' } }],
    });
  });

  it('calls "last Friday" ambiguous when the most recent Friday is in the publication week', () => {
    expect(one('last Friday he said')).toMatchObject({
      kind: 'ambiguous',
      options: [{ value: { on: '2021-05-07' } }, { value: { on: '2021-04-30' } }],
    });
    // Read on Tuesday 11 May, the most recent Friday is last week's: no doubt.
    expect(one('last Friday he said', { day: '2021-05-11', inferred: false })).toMatchObject({
      kind: 'date',
      value: { on: '2021-05-07' },
    });
  });

  it('looks in the words first, then the sentence; several expressions in one scope are for the editor', () => {
    const sentence = 'In late April, the Taliban refused to attend talks scheduled on April 24.';
    const at = sentence.indexOf('scheduled');
    expect(
      suggestDate(
        [
          { text: 'scheduled on April 24', start: at },
          { text: sentence, start: 0 },
        ],
        seedDay,
      ),
    ).toMatchObject({
      kind: 'date',
      value: { on: '2021-04-24' },
    });
    expect(
      suggestDate(
        [
          { text: 'the Taliban refused', start: 15 },
          { text: sentence, start: 0 },
        ],
        seedDay,
      ),
    ).toMatchObject({ kind: 'ambiguous' });
    expect(suggestDate([{ text: 'no date here', start: 0 }], seedDay)).toEqual({ kind: 'none' });
  });

  it('leaves out an expression inside the quoted words', () => {
    const text = '“We will meet on Friday,” he said last week.';
    expect(suggestDate([{ text, start: 0, exclude: { start: 0, end: 25 } }], seedDay)).toMatchObject({
      value: { statedAs: 'last week' },
    });
  });
});
