import { describe, expect, it } from 'vitest';
import { passageAsTyped } from '../../src/lib/authoring/passage';
import { findVerbatim } from '../../src/lib/content/verbatim';

const source = 'The strike began on Monday. According to the operator, 1,850 workers were on strike on Tuesday.';
const passage = (words: string) => {
  const found = findVerbatim(words, source);
  if (!found.found) throw new Error(`not found: ${words}`);
  return passageAsTyped(words, found, source);
};

describe('passageAsTyped', () => {
  it('keeps the closing full stop the editor typed, as the source has it', () => {
    expect(passage('1,850 workers were on strike on Tuesday.')).toBe('1,850 workers were on strike on Tuesday.');
    expect(passage('The strike began on Monday.')).toBe('The strike began on Monday.');
  });

  it('ends on the last word when the editor typed no mark', () => {
    expect(passage('The strike began on Monday')).toBe('The strike began on Monday');
  });

  it('keeps a comma the source has, and adds no mark the source does not have there', () => {
    expect(passage('According to the operator,')).toBe('According to the operator,');
    expect(passage('According to the operator.')).toBe('According to the operator');
  });
});
