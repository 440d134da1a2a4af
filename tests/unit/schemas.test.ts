import { describe, expect, it } from 'vitest';
import { dateValueSchema } from '../../src/lib/model/date';
import {
  actorSchema,
  claimSchema,
  eventSchema,
  quoteSchema,
  sourceSchema,
  storySchema,
} from '../../src/lib/model/entities';

/*
 * Each schema accepts what the seed story writes and rejects a bad value with a message naming the
 * field. Not covered here: references between files (tests/unit/story.test.ts) and how the build
 * reports a schema failure with the file name (Astro's content layer).
 */

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

const friday = {
  on: '2021-05-07',
  statedAs: 'late on Friday',
  provenance: 'inferred',
  reasoning: '7 May 2021 was a Friday.',
};
const quote = { speaker: 'zalmay-khalilzad', source: 'seed-article', form: 'direct', medium: 'tweet', said: friday };

describe('date value', () => {
  it('accepts each precision, a part of a month and a range', () => {
    for (const value of [
      friday,
      { on: '2021-04', part: 'late', statedAs: 'late April', provenance: 'stated' },
      { on: 2021, statedAs: '2021', provenance: 'stated' },
      {
        earliest: '2021-04-26',
        latest: '2021-05-02',
        statedAs: 'last week',
        provenance: 'inferred',
        reasoning: 'r',
        relativeTo: '2021-05-08',
      },
    ]) {
      expect(issues(dateValueSchema.safeParse(value))).toEqual([]);
    }
  });

  it('folds a date YAML parsed as a Date back to the day written', () => {
    const parsed = dateValueSchema.parse({ ...friday, on: new Date('2021-05-07T00:00:00Z') });
    expect(parsed.on).toBe('2021-05-07');
  });

  it('rejects an inferred date without reasoning', () => {
    expect(issues(dateValueSchema.safeParse({ on: '2021-05-07', statedAs: 'Friday', provenance: 'inferred' }))).toEqual(
      ['reasoning: expected `reasoning` for an inferred date: say how it was resolved from the source'],
    );
  });

  it('rejects a malformed and an impossible date', () => {
    expect(issues(dateValueSchema.safeParse({ ...friday, on: '7 May 2021' }))[0]).toMatch(
      /^on: expected a real calendar date/,
    );
    expect(issues(dateValueSchema.safeParse({ ...friday, on: '2021-02-30' }))[0]).toMatch(
      /^on: expected a real calendar date/,
    );
    expect(issues(dateValueSchema.safeParse({ ...friday, on: '2021-13' }))[0]).toMatch(
      /^on: expected a real calendar date/,
    );
  });

  it('rejects a range that ends before it starts, or has one end', () => {
    const range = { statedAs: 'last week', provenance: 'inferred', reasoning: 'r' };
    expect(issues(dateValueSchema.safeParse({ ...range, earliest: '2021-05-02', latest: '2021-04-26' }))[0]).toMatch(
      /^latest: expected an uncertain date whose end is not before its start/,
    );
    expect(issues(dateValueSchema.safeParse({ ...range, earliest: '2021-05-02' }))[0]).toMatch(
      /^latest: expected `latest` too: an uncertain date needs both `earliest` and `latest`$/,
    );
  });

  it('rejects a part of the month on a day, and both `on` and a range', () => {
    expect(issues(dateValueSchema.safeParse({ ...friday, part: 'late' }))[0]).toMatch(
      /^part: expected a part of the month \(early, mid, late\) only with a month/,
    );
    expect(issues(dateValueSchema.safeParse({ ...friday, earliest: '2021-05-01', latest: '2021-05-09' }))[0]).toMatch(
      /^earliest: expected one of `on`, `earliest`\/`latest` or `from`\/`to`, not `on` and `earliest\/latest`$/,
    );
  });

  it('rejects a stated date without the source’s words, and an unknown field', () => {
    expect(issues(dateValueSchema.safeParse({ on: '2021-05-07', provenance: 'stated' }))[0]).toMatch(
      /^statedAs: expected `statedAs`, the source's own words for the date/,
    );
    expect(issues(dateValueSchema.safeParse({ ...friday, stated_as: 'x' }))[0]).toMatch(/stated_as/);
  });
});

describe('quote', () => {
  it('accepts a seed quote', () => {
    expect(issues(quoteSchema.safeParse(quote))).toEqual([]);
  });

  it('rejects a missing speaker', () => {
    const { speaker: _, ...withoutSpeaker } = quote;
    expect(issues(quoteSchema.safeParse(withoutSpeaker))[0]).toMatch(/^speaker: /);
  });

  it('rejects an unknown form and an unknown medium', () => {
    expect(issues(quoteSchema.safeParse({ ...quote, form: 'indirect' }))[0]).toMatch(
      /^form: .*"direct"\|"reported"\|"paraphrase"/,
    );
    expect(issues(quoteSchema.safeParse({ ...quote, medium: 'fax' }))[0]).toMatch(/^medium: /);
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    expect(issues(quoteSchema.safeParse({ ...quote, speakr: 'zalmay-khalilzad' }))[0]).toMatch(/speakr/);
  });

  it('rejects an id that is not a file name', () => {
    expect(issues(quoteSchema.safeParse({ ...quote, speaker: 'Zalmay Khalilzad' }))[0]).toMatch(
      /^speaker: expected an id/,
    );
  });
});

describe('other entities', () => {
  it('requires who disputes a disputed claim', () => {
    expect(issues(claimSchema.safeParse({ source: 's', status: 'disputed' }))[0]).toMatch(
      /^disputedBy: expected `disputedBy` to name who disputes it: a disputed claim needs at least one actor id$/,
    );
    expect(issues(claimSchema.safeParse({ source: 's', status: 'disputed', disputedBy: ['taliban'] }))).toEqual([]);
    expect(issues(claimSchema.safeParse({ source: 's', status: 'rumoured' }))[0]).toMatch(/^status: /);
  });

  it('requires an event’s date and a story’s bottom line', () => {
    expect(issues(eventSchema.safeParse({ title: 't', source: 's' }))[0]).toMatch(/^when: /);
    expect(
      issues(
        storySchema.safeParse({ title: 't', dek: 'd', bottomLine: [], published: '2021-05-08', updated: '2021-05-08' }),
      )[0],
    ).toMatch(/^bottomLine: /);
  });

  it('takes an end only on an event under way, and an expectation only on an expected event, with a holder', () => {
    const base = { title: 't', source: 's', when: friday };
    expect(issues(eventSchema.safeParse({ ...base, status: 'under-way', until: friday }))).toEqual([]);
    expect(issues(eventSchema.safeParse({ ...base, status: 'scheduled', until: friday }))).toEqual([
      'until: expected `until` only on an event under way (`status: under-way`, with `when` the day it began), but the status is `scheduled`',
    ]);
    const expectation = { unnamed: { description: 'officials' }, timing: 'by' };
    expect(eventSchema.parse({ ...base, status: 'expected', expectation }).expectation).toEqual({
      holders: [],
      unnamed: { description: 'officials' },
      sourceVoice: false,
      timing: 'by',
    });
    expect(issues(eventSchema.safeParse({ ...base, status: 'expected' }))[0]).toMatch(
      /^expectation: expected `expectation` on an expected event/,
    );
    expect(issues(eventSchema.safeParse({ ...base, expectation }))[0]).toMatch(
      /^expectation: expected `expectation` only on an expected event .*`happened` \(the default\)$/,
    );
    expect(issues(eventSchema.safeParse({ ...base, status: 'expected', expectation: { timing: 'on' } }))[0]).toMatch(
      /^expectation\.holders: expected who expects it/,
    );
    expect(
      issues(
        eventSchema.safeParse({ ...base, status: 'expected', expectation: { sourceVoice: true, timing: 'soon' } }),
      )[0],
    ).toMatch(/^expectation\.timing: /);
  });

  it('rejects an empty name, an unknown actor kind and a non-http source url', () => {
    expect(issues(actorSchema.safeParse({ name: ' ', kind: 'person' }))[0]).toMatch(/^name: /);
    expect(issues(actorSchema.safeParse({ name: 'A', kind: 'robot' }))[0]).toMatch(/^kind: /);
    expect(issues(sourceSchema.safeParse({ title: 't', url: 'javascript:alert(1)', published: friday }))[0]).toMatch(
      /^url: /,
    );
  });
});
