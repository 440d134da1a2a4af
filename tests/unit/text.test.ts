import { describe, expect, it } from 'vitest';
import { shorten } from '../../src/lib/present/text';

/*
 * The shortener behind share cards and page titles. Not covered here: whether shortened words fit
 * the card's box (the card's type size is chosen by length; look at the images).
 */

const words =
  'If the Taliban do not choose peace, a future based on consensus and compromise, then we will stand with Afghans';

describe('shorten', () => {
  it('leaves text that fits as it is, white space tidied', () => {
    expect(shorten('  Republic political\n unity  is a must. ', 40)).toBe('Republic political unity is a must.');
    expect(shorten(words, words.length)).toBe(words);
  });

  it('never goes over the limit, ellipsis included', () => {
    for (let max = 10; max < words.length; max++) expect(shorten(words, max).length).toBeLessThanOrEqual(max);
  });

  it('never cuts a word: every word kept is a whole word of the original', () => {
    const original = new Set(words.split(' ').map((w) => w.replace(/[,.]$/, '')));
    for (let max = 10; max < words.length; max++) {
      const short = shorten(words, max);
      expect(short.endsWith('…')).toBe(true);
      for (const word of short.slice(0, -1).split(' '))
        expect(original, `"${word}" at max ${max}`).toContain(word.replace(/[,.]$/, ''));
    }
  });

  it('cuts at the last whole word that fits, dropping punctuation left hanging', () => {
    expect(shorten(words, 36)).toBe('If the Taliban do not choose peace…');
    expect(shorten(words, 35)).toBe('If the Taliban do not choose peace…');
    expect(shorten(words, 34)).toBe('If the Taliban do not choose…');
    expect(shorten('Stop. Then go on.', 9)).toBe('Stop…');
  });

  it('keeps a word ending exactly at the limit', () => {
    // "If the Taliban" is 14 characters: with the ellipsis, 15.
    expect(shorten(words, 15)).toBe('If the Taliban…');
  });

  it('keeps a first word longer than the limit whole rather than cut it', () => {
    expect(shorten('Antidisestablishmentarianism is long', 10)).toBe('Antidisestablishmentarianism…');
  });
});
