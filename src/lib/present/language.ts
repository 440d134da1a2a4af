import type { Quote, Source } from '../model/corpus.ts';
import { inSiteLanguage, languageName, SITE_LANGUAGE, textDirection } from '../model/language.ts';

/**
 * How text in another language is marked up. Pages are in the site's language (`<html lang>`);
 * an element showing words in another gets `lang`, so screen readers and hyphenation use that
 * language's rules, and `dir`, which also isolates it from the text around it (HTML's own
 * `[dir] { unicode-bidi: isolate }`), so a full stop or a quotation mark of ours stays on our side.
 */

/** The attributes of an element that shows text in `lang`: none for the site's language. */
export function languageAttributes(lang: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
  return inSiteLanguage(lang) ? {} : { lang, dir: textDirection(lang) };
}

/**
 * The attributes of a quote's words where they stand marked in its source's text: none when they are
 * in the source's language (or restate it, as a paraphrase's sentence does); the words' own language
 * and direction when the source quotes another (Dari inside an English report).
 */
export function passageLanguage(
  quote: Pick<Quote, 'form' | 'lang'>,
  sourceLang: string,
): { lang?: string; dir?: 'ltr' | 'rtl' } {
  return quote.form === 'paraphrase' || quote.lang === sourceLang
    ? {}
    : { lang: quote.lang, dir: textDirection(quote.lang) };
}

/**
 * The language of a source's title: the source's, unless the title is one we supplied, which the
 * model writes in [square brackets] (src/lib/model/entities.ts, `title`) in the site's language.
 */
export function sourceTitleLanguage(source: Pick<Source, 'title' | 'lang'>): string {
  return source.title.startsWith('[') ? SITE_LANGUAGE : source.lang;
}

/** What a page says about the words' language, when they are not in the site's: "In Pashto". */
export function wordsLanguageNote(quote: Pick<Quote, 'lang'>): string | undefined {
  return inSiteLanguage(quote.lang) ? undefined : `In ${languageName(quote.lang)}`;
}

/** Who translated the words, in a sentence of text-only places: "our translation, not the speaker's words". */
export function translationLabel(translation: NonNullable<Quote['translation']>): string {
  return translation.by === 'us'
    ? 'our translation, not the speaker’s words'
    : `translation published in ${translation.source.title}`;
}
