import { describe, expect, it } from 'vitest';
import { suggestEventStatus } from '../../src/lib/authoring/status';

/* An event's status from its date and the words before it, read against the source's day. */

const published = '2025-10-15';
const at = (sentence: string, words: string) => sentence.indexOf(words);
const date = (on: string) => ({ on, provenance: 'stated' as const, statedAs: on });

describe('event status', () => {
  it('is a deadline for a limit set ahead, scheduled for a plan', () => {
    const limit = 'Creditors gave the company until 1 December to pay.';
    expect(suggestEventStatus(date('2025-12-01'), limit, at(limit, '1 December'), published)).toMatchObject({
      kind: 'value',
      value: 'deadline',
    });
    const plan = 'The vote, which is set for 20 October, may be delayed by a day.';
    expect(suggestEventStatus(date('2025-10-20'), plan, at(plan, '20 October'), published)).toMatchObject({
      kind: 'value',
      value: 'scheduled',
    });
    const due = 'The ferry line is due to reopen on 20 October.';
    expect(suggestEventStatus(date('2025-10-20'), due, at(due, '20 October'), published)).toMatchObject({
      kind: 'value',
      value: 'scheduled',
    });
  });

  it('leaves a past plan ("was due to open on 3 October") to the editor: it may not have taken place', () => {
    const plan = 'The bridge, which was due to open in Leeds, England on 3 October, is still closed.';
    expect(suggestEventStatus(date('2025-10-03'), plan, at(plan, '3 October'), published)).toMatchObject({
      kind: 'choose',
      options: ['happened', 'postponed', 'cancelled'],
      why: expect.stringContaining('"was due"') as string,
    });
  });

  it('leaves a date to come with no word for it to the editor, and a past date as happened', () => {
    const bare = 'The board meets on 3 November.';
    expect(suggestEventStatus(date('2025-11-03'), bare, at(bare, '3 November'), published)).toMatchObject({
      kind: 'choose',
      options: ['scheduled', 'deadline'],
    });
    const past = 'The board met on 3 October.';
    expect(suggestEventStatus(date('2025-10-03'), past, at(past, '3 October'), published)).toEqual({
      kind: 'value',
      value: undefined,
      why: expect.stringContaining('happened') as string,
    });
  });
});
