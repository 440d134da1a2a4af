import { describe, expect, it } from 'vitest';
import { idOf, suggestId } from '../../src/lib/authoring/ids';

/* Ids suggested for new files. */

describe('ids', () => {
  it('makes an id of a name', () => {
    expect(idOf('Zalmay Khalilzad')).toBe('zalmay-khalilzad');
    expect(idOf('Sher Mohammad Abbas Staněkzai')).toBe('sher-mohammad-abbas-stanekzai');
  });

  it("takes a speaker's surname and the first words that carry meaning, unique among the taken", () => {
    expect(suggestId('Khalilzad', 'If the Taliban do not choose peace', new Set())).toBe(
      'khalilzad-taliban-choose-peace',
    );
    expect(
      suggestId('Khalilzad', 'If the Taliban do not choose peace', new Set(['khalilzad-taliban-choose-peace'])),
    ).toBe('khalilzad-taliban-choose-peace-2');
    expect(suggestId('', '', new Set())).toBe('untitled');
  });
});
