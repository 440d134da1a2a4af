import { describe, expect, it } from 'vitest';
import { datelineOf, datelineOn } from '../../src/lib/authoring/dateline';

describe('wire datelines', () => {
  it('reads the place, month and day that open a wire report', () => {
    expect(datelineOf('NAIROBI, March 3 (Reuters) - Kenyan teachers ended a strike on Tuesday.')).toEqual({
      words: 'NAIROBI, March 3 (Reuters)',
      month: 3,
      day: 3,
    });
    expect(datelineOf('WASHINGTON, Sept. 4 (AP) — The Senate voted on Thursday.')).toMatchObject({ month: 9, day: 4 });
    expect(datelineOf('SÃO PAULO, Brazil, Jan. 12, 2024 (Agência X) – Prices rose.')).toMatchObject({
      month: 1,
      day: 12,
    });
  });

  it('finds none where the text does not open with one', () => {
    expect(datelineOf('On March 3 (a Tuesday) - the teachers struck.')).toBeUndefined();
    expect(datelineOf('The minister said in Nairobi, March 3 (Reuters) - that …')).toBeUndefined();
    expect(datelineOf('Kenyan teachers ended a strike on Tuesday.')).toBeUndefined();
  });

  it("gives the dateline only when its day is the publication day's", () => {
    const text = 'NAIROBI, March 3 (Reuters) - Kenyan teachers ended a strike on Tuesday.';
    expect(datelineOn(text, '2026-03-03')).toBe('NAIROBI, March 3 (Reuters)');
    expect(datelineOn(text, '2026-03-04')).toBeUndefined();
    expect(datelineOn(text, '2026-04-03')).toBeUndefined();
  });
});
