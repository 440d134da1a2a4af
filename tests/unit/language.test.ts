import { describe, expect, it } from 'vitest';
import {
  inSiteLanguage,
  languageName,
  languageTag,
  scriptOf,
  textDirection,
  wordInOtherScript,
} from '../../src/lib/model/language';

describe('language tags', () => {
  it('keeps a tag in its canonical form', () => {
    expect(languageTag.parse(' PS-af ')).toBe('ps-AF');
    expect(languageTag.parse('fa-AF')).toBe('fa-AF');
  });

  it('refuses what is not a BCP 47 tag', () => {
    for (const bad of ['Pashto language', 'e', 'en_', '']) {
      expect(languageTag.safeParse(bad).error?.issues[0]?.message).toBe(
        'expected a BCP 47 language tag, such as "en", "ps" or "fa-AF"',
      );
    }
  });

  it('refuses a tag the pages could not name: extensions and private use, which stop Intl.DisplayNames', () => {
    for (const bad of ['ps-u-nu-arab', 'en-x-house', 'de-t-en']) {
      expect(languageTag.safeParse(bad).error?.issues[0]?.message).toMatch(/^expected a language tag of a language, /);
      // What a page would have done with it: the check stands for this.
      expect(() => languageName(Intl.getCanonicalLocales(bad)[0]!)).toThrow(RangeError);
    }
    expect(languageTag.parse('zh-Hant-TW')).toBe('zh-Hant-TW');
  });
});

describe('scripts and directions', () => {
  it('reads the script a language is written in', () => {
    expect(scriptOf('ps')).toBe('Arab');
    expect(scriptOf('prs')).toBe('Arab');
    expect(scriptOf('uz-Latn')).toBe('Latn');
  });

  it('runs Pashto, Dari, Arabic and Hebrew right to left, and the rest left to right', () => {
    expect(['ps', 'fa-AF', 'prs', 'ar', 'he', 'ur'].map(textDirection)).toEqual(Array(6).fill('rtl'));
    expect(['en', 'fr', 'uz-Latn', 'ru', 'zh'].map(textDirection)).toEqual(Array(5).fill('ltr'));
    // The script a tag names wins over the language's usual one.
    expect(textDirection('uz-Arab')).toBe('rtl');
  });

  it('treats a regional variant of the site language as the site language', () => {
    expect(inSiteLanguage('en-GB')).toBe(true);
    expect(inSiteLanguage('ps')).toBe(false);
  });

  it('names languages in the site language', () => {
    expect(languageName('ps')).toBe('Pashto');
    expect(languageName('fa-AF')).toBe('Dari');
    expect(languageName('prs')).toBe('Dari');
  });
});

describe('words in another script than the site language’s', () => {
  it('finds the first word in Arabic, Hebrew, Cyrillic or Han script, with its letter', () => {
    expect(wordInOtherScript('Ann said: “ما آماده‌ایم.”')).toEqual({ word: 'ما', letter: 'م' });
    expect(wordInOtherScript('the word שלום')).toEqual({ word: 'שלום', letter: 'ש' });
    expect(wordInOtherScript('a Кириллица word')).toEqual({ word: 'Кириллица', letter: 'К' });
    expect(wordInOtherScript('he wrote 和平')?.letter).toBe('和');
  });

  it('passes Latin letters with accents, digits, punctuation and letters every script shares', () => {
    expect(wordInOtherScript('Zürich, “Ça va” — 5 µg, 4,000 people.')).toBeUndefined();
  });
});
