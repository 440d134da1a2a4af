import type { Span } from '../content/verbatim.ts';

/**
 * A speaker the source describes but does not name ("a senior official, speaking on condition of
 * anonymity, said"), whom the model keeps as a quote's `unnamed` description and never makes an
 * actor. Found by what news writing says of such a speaker: that the name is withheld, or an
 * indefinite description ("a senior official", "two diplomats") as the subject of a reporting verb.
 */

/** Words saying that the source withholds a speaker's name. */
const WITHHELD =
  /\b(?:(?:speaking|spoke) on (?:the )?condition of anonymity|on condition of anonymity|who (?:asked|declined|did not want|requested) (?:not )?to be (?:named|identified)|(?:was|were|is|are) not authori[sz]ed to (?:speak|talk|comment))\b/iu;

/** Who a description may be: the head noun of an unnamed speaker. */
const WHO =
  'officials?|diplomats?|sources?|spokes(?:person|man|woman)|aides?|members?|officers?|ministers?|negotiators?|analysts?|residents?|witnesses|witness|persons?|people|employees?|workers?|commanders?|advisers?|advisors?|envoys?|delegates?';

/**
 * An indefinite description: an article or a number, up to six words, the head noun, and what ties
 * the speaker to an organisation ("of the harbour office", "close to the talks"), up to six words.
 */
const WORD = "[\\p{L}\\p{N}.’'-]+";
const DESCRIPTION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:an?|one|two|three|four|several|some)\\s+(?:${WORD}\\s+){0,6}?(?:${WHO})(?![\\p{L}\\p{N}])` +
    `(?:\\s+(?:of|from|in|at|with|for|close to)\\s+${WORD}(?:\\s+${WORD}){0,5}?(?=[,;!?]|\\.(?:\\s|$)|\\s+(?:said|says|told|added|speaking|who)\\b|$))?`,
  'giu',
);

/** Verbs that make the description after them ("…, said a spokesman") or before them ("a senior official said") the speaker. */
const VERB = 'said|says|told|added|adds|confirmed|confirms|stated|states';
const REPORTS_AFTER = new RegExp(`^[,\\s]*(?:(?:speaking|who)[^,]*,\\s*)?(?:${VERB})\\b`, 'iu');
const REPORTS_BEFORE = new RegExp(`\\b(?:${VERB})[,\\s]+$`, 'iu');

/** What the text says of an unnamed speaker: the description, in the source's words, and the words that show the name is withheld, if any. */
export interface UnnamedSpeaker {
  /** The description as it would stand mid-sentence: "a senior official". */
  description: string;
  /** Where the description stands in the text. */
  span: Span;
  /** The words saying the name is withheld ("speaking on condition of anonymity"), if the text has them. */
  withheld?: string;
}

/**
 * The unnamed speaker a sentence describes, outside `exclude` (the quoted words), or undefined:
 * an indefinite description followed by a reporting verb, or any indefinite description in a
 * sentence that says a name is withheld.
 */
export function unnamedSpeaker(sentence: Span, exclude?: Span): UnnamedSpeaker | undefined {
  const outside = (start: number, end: number) => !exclude || end <= exclude.start || start >= exclude.end;
  const withheldMatch = WITHHELD.exec(sentence.text);
  const withheld =
    withheldMatch &&
    outside(sentence.start + withheldMatch.index, sentence.start + withheldMatch.index + withheldMatch[0].length)
      ? withheldMatch[0]
      : undefined;
  for (const match of sentence.text.matchAll(DESCRIPTION)) {
    // A full stop ends the sentence, unless it ends an initialism ("the U.S.").
    const text = match[0].trimEnd().replace(/(?<!(?:^|[\s.])\p{Lu})[.,;]$/u, '');
    const start = sentence.start + match.index;
    if (!outside(start, start + text.length)) continue;
    const reported =
      REPORTS_AFTER.test(sentence.text.slice(match.index + text.length)) ||
      REPORTS_BEFORE.test(sentence.text.slice(0, match.index));
    if (!reported && withheld === undefined) continue;
    // Mid-sentence, the article is lower case; the rest stays as the source writes it.
    const description = text.replace(/^\p{Lu}(?=\p{Ll}*\s)/u, (first) => first.toLowerCase());
    return {
      description,
      span: { start, end: start + text.length, text },
      ...(withheld !== undefined && { withheld }),
    };
  }
  return undefined;
}
