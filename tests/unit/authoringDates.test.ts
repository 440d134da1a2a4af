import { describe, expect, it } from 'vitest';
import { orderBoundOf, readDates, suggestDate, wordsDateOf, type Reference } from '../../src/lib/authoring/dates';
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
      options: [
        { value: { on: '2021-05-08' } },
        { value: { on: '2021-05-01' } },
        { value: { readings: ['2021-05-01', '2021-05-08'] } },
      ],
    });
  });

  it("reads the publication day's own weekday as that day under a wire dateline of that day, inferred, saying why", () => {
    const reading = one('on Saturday he said', { ...seedDay, dateline: 'KABUL, May 8 (Wire)' });
    expect(reading).toMatchObject({
      kind: 'date',
      value: { on: '2021-05-08', statedAs: 'Saturday', provenance: 'inferred', relativeTo: '2021-05-08' },
    });
    if (reading.kind === 'date') expect(reading.value.reasoning).toContain('under the dateline "KABUL, May 8 (Wire)"');
    // Other weekdays are read as without one, and words told of as still to come stay open.
    expect(one('on Thursday he said', { ...seedDay, dateline: 'KABUL, May 8 (Wire)' })).toMatchObject({
      value: { on: '2021-05-06' },
    });
    expect(one('talks will resume on Saturday', { ...seedDay, dateline: 'KABUL, May 8 (Wire)' })).toMatchObject({
      kind: 'ambiguous',
    });
  });

  it('calls "last Friday" ambiguous when the most recent Friday is in the publication week', () => {
    expect(one('last Friday he said')).toMatchObject({
      kind: 'ambiguous',
      options: [
        { value: { on: '2021-05-07' } },
        { value: { on: '2021-04-30' } },
        { value: { readings: ['2021-04-30', '2021-05-07'] } },
      ],
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

describe('date suggestions that must not guess', () => {
  const monday: Reference = { day: '2026-03-02', inferred: false };

  it('calls "next Tuesday" in a Monday report ambiguous: the next day, the week after, or both kept open', () => {
    expect(one('They will meet next Tuesday.', monday)).toMatchObject({
      kind: 'ambiguous',
      options: [
        { value: { on: '2026-03-03' } },
        { value: { on: '2026-03-10' } },
        {
          label: 'both readings: either Tuesday 3 March 2026 or Tuesday 10 March 2026',
          value: {
            earliest: '2026-03-03',
            latest: '2026-03-10',
            readings: ['2026-03-03', '2026-03-10'],
            statedAs: 'next Tuesday',
            provenance: 'inferred',
            relativeTo: '2026-03-02',
            reasoning:
              'The source says "next Tuesday"; read against the source\'s publication date, Monday 2 March 2026, it can be Tuesday 3 March 2026 or Tuesday 10 March 2026, and the source does not say which.',
          },
        },
      ],
    });
    // From a Friday, the coming Tuesday is in the next week: no doubt.
    expect(one('They will meet next Tuesday.', { day: '2026-03-06', inferred: false })).toMatchObject({
      kind: 'date',
      value: { on: '2026-03-10' },
    });
  });

  it('reads "mid-May" as the middle of the month, its year inferred', () => {
    expect(one('The harbour should reopen in mid-May.', monday)).toMatchObject({
      kind: 'date',
      value: { on: '2026-05', part: 'mid', statedAs: 'mid-May', inferredParts: ['year'] },
    });
  });

  it('asks which year when a day without one lies months away either way', () => {
    const reading = one('Repairs must be finished by September 11.', monday);
    expect(reading).toMatchObject({
      kind: 'ambiguous',
      options: [{ value: { on: '2025-09-11' } }, { value: { on: '2026-09-11' } }],
    });
  });

  it('reads absolute dates against a publication range and leaves relative ones unread, saying why', () => {
    const range: Reference = { day: '2026-02-20', until: '2026-03-02', inferred: true };
    expect(one('The conference runs from April 24 to May 4.', range)).toMatchObject({
      kind: 'date',
      value: { from: '2026-04-24', to: '2026-05-04', inferredParts: ['year'] },
    });
    expect(one('The talks failed last week.', range)).toMatchObject({
      kind: 'unread',
      why: expect.stringContaining('not one day') as string,
    });
    expect(suggestDate([{ text: 'The talks failed on Monday.', start: 0 }], range)).toMatchObject({
      kind: 'none',
      why: expect.stringContaining('"Monday" is relative') as string,
    });
  });

  it('never takes a limit, an expectation or a later day as the day words were said', () => {
    const text = 'Officials expect the government to step in by the end of the month, he said.';
    expect(suggestDate([{ text, start: 0 }], monday, 'said')).toMatchObject({
      kind: 'none',
      why: expect.stringContaining('limit or an expectation') as string,
    });
    // An event may well be dated by it.
    expect(suggestDate([{ text, start: 0 }], monday, 'when')).toMatchObject({ kind: 'date' });
    expect(suggestDate([{ text: 'The talks resume on 20 March, he said.', start: 0 }], monday, 'said')).toMatchObject({
      kind: 'none',
      why: expect.stringContaining('after the source was published') as string,
    });
  });

  it('never takes a date in what was said ("said that … on Friday night") as when it was said', () => {
    const passage = 'A senior official said the same day that the reduction would begin on Friday night.';
    expect(suggestDate([{ text: passage, start: 0 }], monday, 'said')).toMatchObject({
      kind: 'none',
      why: expect.stringContaining('"Friday night" is in what was said') as string,
    });
    expect(
      suggestDate(
        [
          {
            text: 'Three leaders told Reuters on Feb. 21 that the group had agreed to a truce from Friday night.',
            start: 0,
          },
        ],
        monday,
        'said',
      ),
    ).toMatchObject({ kind: 'date', value: { on: '2026-02-21' } });
  });

  it('reads "says … that" inside the quoted words as theirs, not as the narration reporting content', () => {
    const passage =
      '“Nobody says it is easy, and we know that,” the mayor told reporters at the town hall on Thursday.';
    expect(suggestDate([{ text: passage, start: 0 }], monday, 'said')).toMatchObject({
      kind: 'date',
      value: { on: '2026-02-26', statedAs: 'Thursday' },
    });
  });

  it('offers, never suggests, a date that stands only in a later sentence', () => {
    const paragraph = '“We are ready to talk,” he said. The strike began on 24 February.';
    const suggestion = suggestDate(
      [{ text: paragraph, start: 0, exclude: { start: 0, end: 23 }, laterFrom: paragraph.indexOf(' The') }],
      monday,
      'said',
    );
    expect(suggestion).toMatchObject({
      kind: 'ambiguous',
      optional: true,
      why: expect.stringContaining('later sentence') as string,
    });
    // The same expression in the words' own sentence is theirs.
    expect(suggestDate([{ text: paragraph, start: 0, exclude: { start: 0, end: 23 } }], monday, 'said')).toMatchObject({
      kind: 'date',
      value: { on: '2026-02-24' },
    });
  });
});

describe('a bare weekday told of as still to come', () => {
  const monday: Reference = { day: '2026-03-02', inferred: false };

  it('is the most recent such day or the coming one, for the editor', () => {
    expect(one('The talks will resume on Thursday.', monday)).toMatchObject({
      kind: 'ambiguous',
      options: [
        { value: { on: '2026-02-26' } },
        { value: { on: '2026-03-05' } },
        { value: { readings: ['2026-02-26', '2026-03-05'] } },
      ],
    });
    // "will" inside a quotation is the speaker's, not the sentence's: the weekday is read as news writing reads it.
    expect(one('“We will stand,” he said on Thursday.', monday)).toMatchObject({
      kind: 'date',
      value: { on: '2026-02-26' },
    });
  });

  it('dates the saying after a reporting verb', () => {
    expect(
      suggestDate([{ text: 'The talks will resume, he said on Thursday.', start: 0 }], monday, 'said'),
    ).toMatchObject({
      kind: 'date',
      value: { on: '2026-02-26' },
    });
  });

  it('is never when words were said', () => {
    expect(
      suggestDate([{ text: 'The talks will resume on Thursday, he said.', start: 0 }], monday, 'said'),
    ).toMatchObject({
      kind: 'none',
      why: expect.stringContaining('still to come') as string,
    });
  });

  it('keeps, for the day words were said, only the year that is not after the report', () => {
    expect(suggestDate([{ text: 'He spoke on September 11.', start: 0 }], monday, 'said')).toMatchObject({
      kind: 'date',
      value: { on: '2025-09-11' },
    });
  });
});

describe('dates the source gives only as an order or in words', () => {
  it('reads a --before/--after value as a date when it reads as one, else as an event id', () => {
    expect(orderBoundOf('2026-03-03')).toEqual({ date: '2026-03-03' });
    expect(orderBoundOf('2026-03')).toEqual({ date: '2026-03' });
    expect(orderBoundOf(' strike-vote ')).toEqual({ event: 'strike-vote' });
    // Not a real day: an id, which the content check then looks for among the story's events.
    expect(orderBoundOf('2026-02-30')).toEqual({ event: '2026-02-30' });
  });

  it('keeps words with our bound only when a bound is given', () => {
    expect(wordsDateOf('until after Ramadan', {})).toBeUndefined();
    expect(
      wordsDateOf('until after Ramadan', { notBefore: '2026-03-20', reasoning: 'Ramadan ends on 19 March.' }),
    ).toEqual({
      statedAs: 'until after Ramadan',
      notBefore: '2026-03-20',
      reasoning: 'Ramadan ends on 19 March.',
    });
  });
});

describe('the words a date is stated as', () => {
  const friday: Reference = { day: '2026-06-12', inferred: false };

  it('leaves out the preposition that only ties the date to its sentence', () => {
    expect(one('The minister, speaking in parliament on Wednesday morning, said so.', friday)).toMatchObject({
      value: { on: '2026-06-10', statedAs: 'Wednesday morning' },
    });
    expect(one('In early March the port reopened.', friday)).toMatchObject({
      value: { on: '2026-03', part: 'early', statedAs: 'early March' },
    });
    // A preposition inside the words stays: "late on Friday" is how the day is said.
    expect(one('The ferry sailed late on Thursday.', friday)).toMatchObject({
      value: { statedAs: 'late on Thursday' },
    });
  });

  it('keeps the "from" of a span', () => {
    expect(one('Flights were halted from June 1 to June 3, the airline said.', friday)).toMatchObject({
      value: { from: '2026-06-01', to: '2026-06-03', statedAs: 'from June 1 to June 3' },
    });
  });
});

describe('weeks and months named from the publication day', () => {
  const wednesday: Reference = { day: '2025-10-15', inferred: false };

  it('reads "next week" and "this week" as calendar weeks, Monday to Sunday', () => {
    expect(one('A vote is expected next week.', wednesday)).toMatchObject({
      value: { earliest: '2025-10-20', latest: '2025-10-26', statedAs: 'next week', provenance: 'inferred' },
    });
    expect(one('The board met this week.', wednesday)).toMatchObject({
      value: { earliest: '2025-10-13', latest: '2025-10-19', statedAs: 'this week', relativeTo: '2025-10-15' },
    });
  });

  it('reads a month named relative to the publication day as that month, across a year', () => {
    expect(one('Prices rose last month.', { day: '2026-01-09', inferred: false })).toMatchObject({
      value: { on: '2025-12', statedAs: 'last month', provenance: 'inferred' },
    });
    expect(one('The plant will reopen next month.', wednesday)).toMatchObject({ value: { on: '2025-11' } });
  });
});

describe('a date in a clause after the reporting verb', () => {
  const thursday: Reference = { day: '2026-09-17', inferred: false };

  it('is of that clause, never when the words were said', () => {
    const text = 'The teachers say 900 schools are shut by the walkout, which started on Monday.';
    expect(suggestDate([{ text, start: 0 }], thursday, 'said')).toMatchObject({
      kind: 'none',
      why: expect.stringContaining('"Monday" is in a clause about something else') as string,
    });
    // It may well date an event.
    expect(suggestDate([{ text, start: 0 }], thursday, 'when')).toMatchObject({
      kind: 'date',
      value: { on: '2026-09-14' },
    });
    // A relative clause about the speaker, before the verb, dates the speaking.
    expect(
      suggestDate(
        [{ text: 'The mayor, who spoke on Tuesday, said the schools would reopen.', start: 0 }],
        thursday,
        'said',
      ),
    ).toMatchObject({ kind: 'date', value: { on: '2026-09-15' } });
  });
});
