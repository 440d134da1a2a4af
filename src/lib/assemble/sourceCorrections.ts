import type { SourceCorrectionMeta } from '../model/entities.ts';
import type { Source, SourceCorrection, Span } from '../model/corpus.ts';
import type { ProblemList } from '../content/problems.ts';
import { explainMiss, findVerbatim } from '../content/verbatim.ts';

/**
 * A source's own corrections ("Corrects the number of ships to 14, from 40, in paragraph 3"), found
 * in its text: the correction's words (`notice`), the words it says the text had before (`from`,
 * within the notice, since the corrected text no longer has them), and the corrected words (`to`)
 * where they stand in the text outside the notice, once, or within the `passage` the file names.
 * Pages tell a quote or claim whose passage meets the corrected words that the source corrected it
 * (src/lib/present/sourceCorrections.ts), so where they stand must be certain. The corrections of
 * our own story are another thing: src/lib/assemble/corrections.ts.
 */

/** Where `words` stand in `text`, offsets counted from `offset`; the text of the span is the original's. */
function spanIn(words: string, text: string, offset = 0): Span | undefined {
  const result = findVerbatim(words, text);
  return result.found
    ? { start: offset + result.start, end: offset + result.end, text: text.slice(result.start, result.end) }
    : undefined;
}

/** The text with `span` blanked out, every offset kept: a search in it finds words only outside the span. */
const blanked = (text: string, span: Span) =>
  text.slice(0, span.start) + ' '.repeat(span.end - span.start) + text.slice(span.end);

/** Where the corrected words stand outside the notice, or why that is not certain. */
function correctedWords(text: string, notice: Span, to: string): Span | 'missing' | 'twice' {
  const outside = blanked(text, notice);
  const first = spanIn(to, outside);
  if (first === undefined) return 'missing';
  if (spanIn(to, blanked(outside, first)) !== undefined) return 'twice';
  return { ...first, text: text.slice(first.start, first.end) };
}

/** One correction checked against the source's text, or undefined with its problem recorded. */
function checkCorrection(
  problems: ProblemList,
  source: Pick<Source, 'file' | 'text'>,
  meta: SourceCorrectionMeta,
  index: number,
): SourceCorrection | undefined {
  const field = `corrections[${index}]`;
  const { file, text } = source;
  const notice = spanIn(meta.notice, text);
  if (notice === undefined) {
    problems.add(
      file,
      `${field}.notice`,
      meta.notice,
      `the correction as the source words it, verbatim in its text; ${explainMiss(meta.notice, text)}`,
    );
    return undefined;
  }
  if (meta.from !== undefined && spanIn(meta.from, notice.text) === undefined) {
    problems.add(
      file,
      `${field}.from`,
      meta.from,
      `the words the text had before, verbatim in the correction's \`notice\` ("${notice.text}"), or no \`from\` when the correction does not give them`,
    );
    return undefined;
  }
  let passage: Span | undefined;
  let at: Span | undefined;
  if (meta.passage !== undefined) {
    passage = spanIn(meta.passage, text);
    if (passage === undefined) {
      problems.add(
        file,
        `${field}.passage`,
        meta.passage,
        `the sentence holding the corrected words, verbatim in the source's text; ${explainMiss(meta.passage, text)}`,
      );
      return undefined;
    }
    at = spanIn(meta.to, passage.text, passage.start);
    if (at === undefined) {
      problems.add(
        file,
        `${field}.to`,
        meta.to,
        `the corrected words, verbatim in the \`passage\` ("${passage.text}")`,
      );
      return undefined;
    }
  } else {
    const found = correctedWords(text, notice, meta.to);
    if (found === 'missing') {
      problems.add(
        file,
        `${field}.to`,
        meta.to,
        "the corrected words as the text now has them, verbatim in the source's text outside the correction's `notice`",
      );
      return undefined;
    }
    if (found === 'twice') {
      problems.add(
        file,
        `${field}.to`,
        meta.to,
        'corrected words that stand once in the text outside the `notice`, or a `passage`: these stand more than once, so give `passage`, the sentence that holds the corrected ones, verbatim',
      );
      return undefined;
    }
    at = found;
  }
  return { ...meta, anchor: `sc-${index + 1}`, notice, passage, at };
}

/**
 * The source's corrections, each found in its text; a correction that is not is recorded in
 * `problems` and left out (the build then stops). A source without text has nothing to find them in;
 * that is reported on the source itself.
 */
export function findSourceCorrections(
  problems: ProblemList,
  source: Pick<Source, 'file' | 'text'>,
  corrections: readonly SourceCorrectionMeta[],
): SourceCorrection[] {
  if (source.text === '') return [];
  return corrections.flatMap((meta, index) => checkCorrection(problems, source, meta, index) ?? []);
}
