/**
 * A source's own correction, as wire copy words it, read from its text for `npm run new -- story`:
 * "Corrects the number of ships to 14, from 40, in paragraph 3." gives what it corrected, the words
 * now and the words before; "An earlier version of this story misstated the number of ships." gives
 * only what it corrected, so the corrected words are the editor's to give. Only these two wordings
 * are read: anything else is not suggested, never half-read.
 */

/** What a correction line says, in the source's words; a part it does not say is absent. */
export interface NoticeReading {
  /** The correction line, verbatim: a whole sentence of the text. */
  notice: string;
  /** What it corrected: "the number of ships". */
  corrects: string;
  /** The corrected words, when the line gives them. */
  to?: string | undefined;
  /** The words before, when the line gives them. */
  from?: string | undefined;
}

/** "Corrects <what> to <now>, from <before>[, in paragraph N]." (the wire's form). */
const CORRECTS = /^Corrects (.+?) to (.+?),? from (.+?)(?:,? in (?:the )?(?:\w+ )?paragraphs? [\w ,-]+)?\.$/u;
/** "An earlier version of this story misstated <what>." (an editor's note). */
const MISSTATED =
  /^An? (?:earlier|previous) version of this (?:story|report|article) (?:misstated|misspelled|gave incorrectly) (.+?)\.$/u;

/** The sentences of a text: each line's, split after a full stop that a space and a capital follow. */
const sentences = (text: string): string[] =>
  text
    .split('\n')
    .flatMap((line) => line.split(/(?<=\.)\s+(?=[A-Z(])/u))
    .map((sentence) =>
      sentence
        .trim()
        .replace(/^\(|\)$/gu, '')
        .trim(),
    )
    .filter((sentence) => sentence !== '');

/** What one correction line says, or undefined when it is not one of the two wordings read. */
export function readNotice(sentence: string): NoticeReading | undefined {
  const corrects = CORRECTS.exec(sentence);
  if (corrects) return { notice: sentence, corrects: corrects[1]!, to: corrects[2]!, from: corrects[3]! };
  const misstated = MISSTATED.exec(sentence);
  if (misstated) return { notice: sentence, corrects: misstated[1]! };
  return undefined;
}

/** Every correction line of a source's text, in its order. */
export const findNotices = (text: string): NoticeReading[] => sentences(text).flatMap((s) => readNotice(s) ?? []);
