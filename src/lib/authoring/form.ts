import type { QuoteForm } from '../model/entities.ts';
import type { Span } from '../content/verbatim.ts';
import { inQuotation, type PassageContext } from './context.ts';

/**
 * The form a quote takes in its source, as the model defines it: `direct` when the source puts the
 * words in quotation marks, `reported` when it gives them as the speaker's without marks but with a
 * reporting clause, after them ("…, the statement read.") or before them ("The union says more than
 * 4,000 …"), `paraphrase` otherwise.
 */

const VERBS =
  'said|says|read|reads|stated|states|added|adds|wrote|writes|tweeted|declared|announced|told|insisted|warned|complained';

/** A reporting clause after the words: a few words, then a verb that attributes them. */
const REPORTING = new RegExp(`^(?:[\\p{L}\\p{N}’'.-]+\\s+){0,5}(?:${VERBS})\\b[^.!?]*[.!?]?$`, 'iu');

/**
 * A reporting clause before the words, opening their sentence: a subject of a few words, perhaps an
 * aside of any length between commas ("A senior official, speaking on condition of anonymity because
 * the talks are confidential, said"), the verb, perhaps "that".
 */
const LEADING = new RegExp(
  `^(?:[\\p{L}\\p{N}’'.-]+\\s+){0,7}[\\p{L}\\p{N}’'.-]+(?:,\\s+[^,.!?;:]+,)?\\s+(?:${VERBS})(?:\\s+(?:reporters|journalists))?(?:\\s+that)?[,:]?\\s+$`,
  'iu',
);

/** The suggested form of words found at `span`, and why. */
export function suggestForm(text: string, span: Span, context: PassageContext): { form: QuoteForm; why: string } {
  if (inQuotation(text, span, context.paragraph))
    return { form: 'direct', why: 'the source puts the words in quotation marks' };
  const after = text.slice(span.end, context.sentence.end);
  const clause = /^[,;:]?\s+(.*)$/su.exec(after)?.[1];
  if (clause !== undefined && REPORTING.test(clause)) {
    return {
      form: 'reported',
      why: `the source gives them without quotation marks, then "${clause.replace(/[.!?]$/, '')}"`,
    };
  }
  const before = text.slice(context.sentence.start, span.start);
  if (LEADING.test(before)) {
    return {
      form: 'reported',
      why: `the source gives them without quotation marks, after "${before.trim().replace(/[,:]$/, '')}"`,
    };
  }
  return { form: 'paraphrase', why: 'the source gives them neither in quotation marks nor with a reporting clause' };
}
