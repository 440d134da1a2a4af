import { describe, expect, it } from 'vitest';
import { findNotices, readNotice } from '../../src/lib/authoring/sourceCorrections';

/* A source's own correction line, read for `npm run new -- story` (src/lib/authoring/sourceCorrections.ts). */

describe('a correction line, read', () => {
  it('reads the wire’s form: what it corrected, the words now and before, with or without the paragraph', () => {
    expect(readNotice('Corrects the number of ships to 14, from 40, in paragraph 3.')).toEqual({
      notice: 'Corrects the number of ships to 14, from 40, in paragraph 3.',
      corrects: 'the number of ships',
      to: '14',
      from: '40',
    });
    expect(readNotice('Corrects spelling of surname to Stanekzai, from Stanakzai.')).toMatchObject({
      corrects: 'spelling of surname',
      to: 'Stanekzai',
      from: 'Stanakzai',
    });
  });

  it('reads an editor’s note for what it corrected only: the corrected words are the editor’s to give', () => {
    const reading = readNotice('An earlier version of this story misstated the number of ships.');
    expect(reading).toEqual({
      notice: 'An earlier version of this story misstated the number of ships.',
      corrects: 'the number of ships',
    });
  });

  it('reads nothing it cannot read whole', () => {
    expect(readNotice('Corrects spelling of name in paragraph 3.')).toBeUndefined();
    expect(readNotice('The harbour office corrected its count on Tuesday.')).toBeUndefined();
  });

  it('finds every correction line of a text, in brackets or after another sentence', () => {
    const text = [
      'PORT EXAMPLE, March 4 (Example Wire) - Ships waited. The harbour master said 14 ships were waiting.',
      '(This March 4 story was corrected on March 5. Corrects the number of ships to 14, from 40, in paragraph 1.)',
      'An earlier version of this story misstated the day the storm hit.',
    ].join('\n');
    expect(findNotices(text).map((reading) => reading.notice)).toEqual([
      'Corrects the number of ships to 14, from 40, in paragraph 1.',
      'An earlier version of this story misstated the day the storm hit.',
    ]);
    expect(findNotices('Ships waited outside the port.')).toEqual([]);
  });
});
