import { z } from 'astro/zod';

/**
 * Languages and writing directions. Sources and quotes carry a BCP 47 language tag; everything else
 * on the site is in the site's language. Tags are read with `Intl.Locale`, so "ps", "fa-AF" and
 * "prs" are understood as the browser and screen readers understand them.
 */

/** The language the site's own text is written in: `<html lang>`, labels, our paraphrases and translations. */
export const SITE_LANGUAGE = 'en';

/** Scripts written right to left (ISO 15924 codes, from Unicode's Bidi_Class of their letters). */
const RIGHT_TO_LEFT_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa']);

/** `Intl.Locale` reads a tag in microseconds, but pages ask about the same few tags thousands of times. */
const locales = new Map<string, Intl.Locale>();
const localeOf = (tag: string): Intl.Locale => {
  let locale = locales.get(tag);
  if (locale === undefined) {
    locale = new Intl.Locale(tag).maximize();
    locales.set(tag, locale);
  }
  return locale;
};

/** The script a language is written in when its tag does not say: "ps" → "Arab". */
export function scriptOf(tag: string): string | undefined {
  return localeOf(tag).script;
}

/** Which way text in the language runs. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  const script = scriptOf(tag);
  return script !== undefined && RIGHT_TO_LEFT_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}

/** Whether a reader of the site reads text in this language: the same language, whatever the region ("en-GB"). */
export function inSiteLanguage(tag: string): boolean {
  return localeOf(tag).language === localeOf(SITE_LANGUAGE).language;
}

/**
 * A letter of a script the site's language is not written in: for English, any letter but Latin ones
 * and those every script shares (µ). Words in Arabic, Hebrew, Cyrillic or Han script are in another
 * language, whatever a quote's `lang` says.
 */
const OTHER_SCRIPT_LETTER = new RegExp(
  `[\\p{L}--[\\p{Script=${scriptOf(SITE_LANGUAGE) ?? 'Latn'}}\\p{Script=Common}\\p{Script=Inherited}]]`,
  'v',
);

const wordSegmenter = new Intl.Segmenter(SITE_LANGUAGE, { granularity: 'word' });

/**
 * The first word of `text` written in a script the site's language is not (`"آماده"` in words
 * marked English), with its first such letter; nothing when every letter is in the site's script.
 */
export function wordInOtherScript(text: string): { word: string; letter: string } | undefined {
  for (const { segment } of wordSegmenter.segment(text)) {
    const letter = OTHER_SCRIPT_LETTER.exec(segment)?.[0];
    if (letter !== undefined) return { word: segment, letter };
  }
  return undefined;
}

const names = new Intl.DisplayNames([SITE_LANGUAGE], { type: 'language', fallback: 'code' });

/** The language's name in the site's language: "ps" → "Pashto", "fa-AF" → "Dari". */
export function languageName(tag: string): string {
  return names.of(tag) ?? tag;
}

/**
 * A BCP 47 language tag ("ps", "fa-AF"), stored in its canonical form. Checked the way pages use it:
 * a tag `Intl` reads but cannot name or give a direction to (`ps-u-nu-arab`: `Intl.DisplayNames`
 * names languages, not a locale's extensions) would pass here and stop the build on a page.
 */
export const languageTag = z
  .string()
  .trim()
  .transform((tag, ctx) => {
    let canonical: string | undefined;
    try {
      [canonical] = Intl.getCanonicalLocales(tag);
    } catch {
      // Reported below: Intl refuses anything that is not a well-formed tag.
    }
    if (canonical === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected a BCP 47 language tag, such as "en", "ps" or "fa-AF"' });
      return z.NEVER;
    }
    try {
      languageName(canonical);
      textDirection(canonical);
      return canonical;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message:
          'expected a language tag of a language, with its script or region if needed ("ps", "fa-AF", "zh-Hant"): extensions (-u-…, -t-…) and private use (-x-…) say how to format, not which language, and the pages cannot name them',
      });
      return z.NEVER;
    }
  });
