import type { Span } from '../content/verbatim.ts';

/**
 * The language a source says quoted words were in ("she said in Portuguese"), and the source's own
 * translation of them when the sentence gives one as its next quotation ("…,” she said in
 * Portuguese – “The door is open …”). Only a language the source names is suggested: words in another
 * language that the source does not name stay the editor's to tag.
 */

/** What the sentence says of the words' language. */
export interface StatedLanguage {
  /** The BCP 47 tag of the language the source names. */
  tag: string;
  /** The source's words that name it: `said in Portuguese`. */
  words: string;
  /** The next quotation of the sentence after the words, when it follows them: the source's translation. */
  translation?: string | undefined;
}

/** A saying verb, then "in" and a capitalised word: "said in Portuguese", "told reporters in French". */
const SAID_IN =
  /\b(?:said|says|spoke|speaks|speaking|wrote|writes|tweeted|added|told [\p{L} ]{1,40}?)\s+in\s+(\p{Lu}\p{Ll}+)\b/u;

let names: Map<string, string> | undefined;

/** The two-letter language tag whose English name is `name` ("Portuguese": `pt`), if the runtime knows one. */
export function languageTag(name: string): string | undefined {
  if (names === undefined) {
    const display = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    names = new Map();
    for (const a of letters)
      for (const b of letters) {
        const english = display.of(`${a}${b}`);
        if (english !== undefined && !names.has(english)) names.set(english, `${a}${b}`);
      }
  }
  return names.get(name);
}

/** Quotations of `text` (curly or straight marks), as spans of it, the marks left out. */
function quotations(text: string): Span[] {
  return [...text.matchAll(/“([^”]*)”|"([^"]*)"|«([^»]*)»/gu)].map((m) => {
    const inner = m[1] ?? m[2] ?? m[3] ?? '';
    return { start: m.index + 1, end: m.index + 1 + inner.length, text: inner };
  });
}

/**
 * The language `sentence` says the quoted words (`words`, a span of the same text) were in, when it
 * names one other than `sourceLang` outside its quotations; with the quotation that follows the
 * words as the translation, when there is exactly one.
 */
export function statedLanguage(sentence: Span, words: Span, sourceLang: string): StatedLanguage | undefined {
  const quoted = quotations(sentence.text).map((q) => ({
    ...q,
    start: q.start + sentence.start,
    end: q.end + sentence.start,
  }));
  const narration = sentence.text.replace(/“[^”]*”|"[^"]*"|«[^»]*»/gu, (m) => ' '.repeat(m.length));
  const said = SAID_IN.exec(narration);
  const tag = said === null ? undefined : languageTag(said[1]!);
  if (said === null || tag === undefined || tag === sourceLang.split('-')[0]!.toLowerCase()) return undefined;
  const after = quoted.filter((q) => q.start >= words.end);
  const translation = after.length === 1 && after[0]!.text.trim() !== '' ? after[0]!.text.trim() : undefined;
  return { tag, words: said[0], translation };
}
