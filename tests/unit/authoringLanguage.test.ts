import { describe, expect, it } from 'vitest';
import { languageTag, statedLanguage } from '../../src/lib/authoring/language';

/** The sentence as a span of itself, and the span of `words` in it. */
const spans = (sentence: string, words: string) => {
  const start = sentence.indexOf(words);
  return [
    { start: 0, end: sentence.length, text: sentence },
    { start, end: start + words.length, text: words },
  ] as const;
};

describe('the language a source says words were in', () => {
  it('maps an English language name to its tag, and nothing else', () => {
    expect(languageTag('Portuguese')).toBe('pt');
    expect(languageTag('German')).toBe('de');
    expect(languageTag('Lisbon')).toBeUndefined();
  });

  it('reads "said in <language>" and the quotation after the words as the source’s translation', () => {
    const [sentence, words] = spans(
      '“Wir schaffen das,” the chancellor said in German – “We can do this.”',
      'Wir schaffen das,',
    );
    expect(statedLanguage(sentence, words, 'en')).toEqual({
      tag: 'de',
      words: 'said in German',
      translation: 'We can do this.',
    });
  });

  it('gives the language without a translation when no quotation follows the words', () => {
    const [sentence, words] = spans('“On continue,” he told reporters in French.', 'On continue,');
    expect(statedLanguage(sentence, words, 'en')).toEqual({ tag: 'fr', words: 'told reporters in French' });
  });

  it('suggests nothing for a place, the source’s own language, or a language named inside the quotation', () => {
    const place = spans('“We will win,” she said in Lisbon – “no doubt.”', 'We will win,');
    expect(statedLanguage(...place, 'en')).toBeUndefined();
    const own = spans('“We will win,” she said in English.', 'We will win,');
    expect(statedLanguage(...own, 'en-GB')).toBeUndefined();
    const inside = spans('“I said in French that we would win,” she recalled.', 'I said in French that we would win,');
    expect(statedLanguage(...inside, 'en')).toBeUndefined();
  });
});
