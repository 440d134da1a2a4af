import type { Claim, Quote, Source, SourceCorrection, Span } from '../model/corpus.ts';
import { sourcePath } from './urls.ts';

/**
 * How pages tell a reader that a source corrected itself, beside what rests on the corrected words:
 * a quote or claim whose passage in the source meets them (the corrected words stand in it, or
 * overlap it). The line says only what the source's correction says: the words now, and the words
 * before when the correction gives them.
 */

/** Whether two stretches of one text share a character. */
const meets = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The source's corrections whose corrected words meet any of `spans`, in the source's order. */
export const correctionsMeeting = (source: Pick<Source, 'corrections'>, spans: readonly Span[]): SourceCorrection[] =>
  source.corrections.filter((correction) => spans.some((span) => meets(correction.at, span)));

/** The corrections of its source that a quote's words, or the sentence a paraphrase restates, rest on. */
export const quoteSourceCorrections = (quote: Pick<Quote, 'source' | 'span' | 'passage'>): SourceCorrection[] =>
  correctionsMeeting(
    quote.source,
    [quote.span, quote.passage].filter((span) => span !== undefined),
  );

/** The corrections of its source that a claim's passages, or its accounts' passages, rest on. */
export const claimSourceCorrections = (claim: Pick<Claim, 'source' | 'passages' | 'versions'>): SourceCorrection[] =>
  correctionsMeeting(claim.source, [...claim.passages, ...claim.versions.flatMap((version) => version.passages)]);

/** What changed, in the source's words: "14, from 40"; without the words before, what it corrected and the words now. */
export const correctionChange = (correction: Pick<SourceCorrection, 'corrects' | 'from' | 'to'>): string =>
  correction.from === undefined
    ? `${correction.corrects}, now ${correction.to}`
    : `${correction.to}, from ${correction.from}`;

/** The lead-in of the line beside a quote or claim; the change follows it. */
export const SOURCE_CORRECTED = 'The source corrected this passage';

/** The line beside a quote or claim, as one sentence: "The source corrected this passage: 14, from 40." */
export const sourceCorrectedLine = (correction: Pick<SourceCorrection, 'corrects' | 'from' | 'to'>): string =>
  `${SOURCE_CORRECTED}: ${correctionChange(correction)}.`;

/** Where the correction is told in full: its entry on the source's page. */
export const sourceCorrectionPath = (
  slug: string,
  source: Pick<Source, 'id'>,
  correction: Pick<SourceCorrection, 'anchor'>,
) => `${sourcePath(slug, source.id)}#${correction.anchor}`;
