import type { DateValue } from '../model/date.ts';

/**
 * The quotes a claim rests on beyond those in its own sentence: a speaker's other words said on the
 * same occasion (a tweet paraphrased in the lead and quoted further down) rest it as well. The same
 * occasion is told by the same medium and the same date; when the source gives neither, for the
 * words in the sentence and for the others, the tool cannot tell, and the editor says.
 */

/** What tells a quote's occasion: who said it, how and when. */
export interface QuoteOccasion {
  id: string;
  speaker?: string | undefined;
  medium: string;
  said?: DateValue | undefined;
}

const SHAPE = ['on', 'earliest', 'latest', 'from', 'to', 'part'] as const;
const sameDate = (a: DateValue | undefined, b: DateValue | undefined) =>
  a === undefined || b === undefined ? a === b : SHAPE.every((k) => a[k] === b[k]);
/** Whether the source says nothing of when or how the words were said. */
const unknown = (q: QuoteOccasion) => q.medium === 'unstated' && q.said === undefined;

/**
 * The quotes to suggest (`ids`: those in the sentence, then the same speakers' words of the same
 * stated occasion) and those that may or may not be of it (`unsure`: neither they nor the words in
 * the sentence say when or how they were said). Unnamed speakers' words are never matched: two
 * "officials" may be two people.
 */
export function sameOccasion(
  all: readonly QuoteOccasion[],
  inSentence: readonly string[],
): { ids: string[]; unsure: string[] } {
  const ids = [...inSentence];
  const unsure: string[] = [];
  for (const quote of all.filter((q) => inSentence.includes(q.id))) {
    if (quote.speaker === undefined) continue;
    for (const other of all) {
      if (other.speaker !== quote.speaker || ids.includes(other.id) || unsure.includes(other.id)) continue;
      if (unknown(quote) && unknown(other)) unsure.push(other.id);
      else if (!unknown(quote) && other.medium === quote.medium && sameDate(other.said, quote.said)) ids.push(other.id);
    }
  }
  return { ids, unsure };
}
