import { describe, expect, it } from 'vitest';
import { unnamedSpeaker } from '../../src/lib/authoring/unnamed';

/* Speakers a sentence describes without naming them, as the model's `unnamed` keeps them. */

const described = (text: string, exclude?: { start: number; end: number }) =>
  unnamedSpeaker(
    { text, start: 0, end: text.length },
    exclude && { ...exclude, text: text.slice(exclude.start, exclude.end) },
  );

describe('unnamed speakers', () => {
  it('finds the description and the words that withhold the name', () => {
    expect(
      described('A senior official, speaking on condition of anonymity, said the talks would resume.'),
    ).toMatchObject({
      description: 'a senior official',
      withheld: 'speaking on condition of anonymity',
    });
  });

  it('takes an indefinite description before or after a reporting verb, with what ties it to an organisation', () => {
    expect(described('A senior U.S. State Department official said the reduction would begin.')?.description).toBe(
      'a senior U.S. State Department official',
    );
    expect(described('“We will not sign,” said a spokesman for the harbour office.')?.description).toBe(
      'a spokesman for the harbour office',
    );
    expect(described('Two diplomats close to the talks said the deal was near.')?.description).toBe(
      'two diplomats close to the talks',
    );
  });

  it('finds none for a named speaker, a description that says nothing, or words inside the quotation', () => {
    expect(described('Khalilzad said the talks would resume.')).toBeUndefined();
    expect(described('The talks involve a senior official from Qatar.')).toBeUndefined();
    const text = '“A senior official said so,” Khalilzad wrote.';
    expect(described(text, { start: 0, end: 28 })).toBeUndefined();
  });
});
