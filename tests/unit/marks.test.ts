import { describe, expect, it } from 'vitest';
import { markKind, wordsParts } from '../../src/lib/model/marks';

/*
 * Our editorial marks in a quote's words, as pages set them apart. Not covered: what each mark may
 * stand for in the source (tests/unit/verbatim.test.ts), and how the page shows them (the e2e suite
 * reads the words' text, which the marks leave as typed).
 */

describe('wordsParts', () => {
  it("cuts the words at each mark, keeping every character, and names each mark's kind", () => {
    const words = '[T]hey said [the Taliban] would [...] leave [sic] by May […]';
    const parts = wordsParts(words);
    expect(parts.map(({ text }) => text).join('')).toBe(words);
    expect(parts.filter((part) => part.mark !== undefined)).toEqual([
      { text: '[T]', mark: 'letter' },
      { text: '[the Taliban]', mark: 'insertion' },
      { text: '[...]', mark: 'cut' },
      { text: '[sic]', mark: 'sic' },
      { text: '[…]', mark: 'cut' },
    ]);
  });

  it('leaves words without marks whole', () => {
    expect(wordsParts('We will stand with Afghans.')).toEqual([{ text: 'We will stand with Afghans.' }]);
  });

  it('reads [SIC] as the remark and a bracketed word as an insertion', () => {
    expect([markKind('[SIC]'), markKind('[no]'), markKind('[É]')]).toEqual(['sic', 'insertion', 'insertion']);
  });
});
