import { describe, expect, it } from 'vitest';
import { contextOf, inQuotation, paragraphs, sentencesOf } from '../../src/lib/authoring/context';
import { seedText, spanOf } from './authoringSeed';

/* The sentence and paragraph around a passage, and quotation marks, on the seed article's text. */

describe('passage context', () => {
  it('reads one paragraph a line when the text has no blank lines, blank lines otherwise', () => {
    expect(paragraphs(seedText)).toHaveLength(13);
    expect(paragraphs('One\ntwo.\n\nThree.').map((p) => p.text)).toEqual(['One\ntwo.', 'Three.']);
  });

  it('keeps a quotation with a full stop inside it in one sentence', () => {
    const span = spanOf('Republic political unity is a must');
    const { sentence } = contextOf(seedText, span.start, span.end);
    expect(sentence.text).toMatch(/^“If the Taliban do not choose peace.*posted late on Friday\.$/);
  });

  it('finds the sentence of a paragraph with two', () => {
    const span = spanOf('the Taliban refused to attend');
    const { sentence, paragraph } = contextOf(seedText, span.start, span.end);
    expect(sentence.text).toMatch(/^In late April, .* on April 24\.$/);
    expect(paragraph.text).toMatch(/^The remark comes while/);
    expect(seedText.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('does not end a sentence after an initial or an abbreviated month', () => {
    const text = 'The U.S. envoy said it on Feb. 22 in Doha. Then he left.';
    const { sentence } = contextOf(text, 4, 8);
    expect(sentence.text).toBe('The U.S. envoy said it on Feb. 22 in Doha.');
  });

  it('tells words in quotation marks from words without', () => {
    const seed = (words: string) => {
      const span = spanOf(words);
      return inQuotation(seedText, span, contextOf(seedText, span.start, span.end).paragraph);
    };
    expect(seed('a future based on consensus and compromise')).toBe(true);
    expect(seed('There is a unique international consensus for peace')).toBe(true);
    expect(seed('The Taliban should immediately end their campaigns')).toBe(false);
  });
});

describe('sentences of a paragraph', () => {
  it('splits where contextOf does, keeping offsets in the text', () => {
    const text = 'Intro.\n“We stay.” He left. The U.S. envoy spoke.';
    const paragraph = { start: 7, end: text.length, text: text.slice(7) };
    const found = sentencesOf(paragraph);
    expect(found.map((s) => s.text)).toEqual(['“We stay.”', 'He left.', 'The U.S. envoy spoke.']);
    for (const s of found) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
