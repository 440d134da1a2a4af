/**
 * Finding a quote in its source, verbatim. Only typography is forgiven (curly and straight quotation
 * marks, dashes, white space, a trailing comma or full stop the quotation swallowed); every word,
 * its spelling, its case and its order must be the source's. Editorial marks make edits explicit:
 * `[…]` or `[...]` for an elision, `[sic]` after a word the source got wrong, `[T]he` for a changed
 * letter, `[the Taliban]` for words we inserted in place of the source's few.
 */

export interface Span {
  /** Offset of the first character in the original source text. */
  start: number;
  /** Offset just past the last character in the original source text. */
  end: number;
  /** The original source text between `start` and `end`. */
  text: string;
}

export type VerbatimResult =
  ({ found: true } & Span) | { found: false; closest: (Span & { similarity: number }) | null };

const TYPOGRAPHY: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
};

/** The text with typography normalised, and for each of its characters the offset it came from. */
export function normaliseTypography(original: string): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    if (/\s/.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && text.length > 0) {
      text += ' ';
      offsets.push(pendingSpace);
    }
    pendingSpace = -1;
    const replacement = TYPOGRAPHY[ch] ?? ch;
    for (const r of replacement) {
      text += r;
      offsets.push(i);
    }
  }
  return { text, offsets };
}

const ELISION = /^\[(?:\.\.\.|…)\]$/;
const LETTER = /^\[([A-Za-z])\]$/;
const WILDCARD_ELISION = '[\\s\\S]+?';
/** An inserted `[clarification]` stands for at most this much of the source's text. */
const WILDCARD_INSERTION = '[\\s\\S]{0,60}?';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Strips what is not the quote's words: enclosing quotation marks and the trailing comma or full stop. */
function trimQuote(quote: string): string {
  return quote
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .trim()
    .replace(/[,.]"?$/, '')
    .replace(/"$/, '')
    .trim();
}

/** A regular expression that matches the quote in normalised source text, edits included. */
export function quotePattern(quote: string): RegExp {
  const normal = trimQuote(normaliseTypography(quote).text).replace(/\s*\[sic\]/gi, '');
  const pieces = normal.split(/(\[[^\]]*\])/).filter((p) => p !== '');
  let pattern = '';
  // After a wildcard the next words may start at once: the wildcard already spans the white space.
  let afterWildcard = false;
  for (const piece of pieces) {
    if (pattern === '' && piece.startsWith('[') && !LETTER.test(piece)) {
      // An edit before the first verbatim word stands for nothing in the source: the span starts after it.
      afterWildcard = true;
    } else if (ELISION.test(piece)) {
      pattern = pattern.trimEnd() + WILDCARD_ELISION;
      afterWildcard = true;
    } else if (LETTER.test(piece)) {
      const letter = LETTER.exec(piece)![1]!;
      pattern += `[${letter.toLowerCase()}${letter.toUpperCase()}]`;
      afterWildcard = false;
    } else if (piece.startsWith('[') && piece.endsWith(']')) {
      pattern = pattern.trimEnd() + WILDCARD_INSERTION;
      afterWildcard = true;
    } else {
      pattern += escapeRegExp(afterWildcard ? piece.trimStart() : piece);
      afterWildcard = false;
    }
  }
  // Likewise an edit after the last verbatim word: the span ends with the source's words.
  for (const wildcard of [WILDCARD_ELISION, WILDCARD_INSERTION]) {
    if (pattern.endsWith(wildcard)) pattern = pattern.slice(0, -wildcard.length);
  }
  return new RegExp(pattern);
}

const wordsOf = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

function commonSubsequence(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The run of source words most like the quote, for an error message an editor can act on. */
export function closestPassage(quote: string, source: string): (Span & { similarity: number }) | null {
  const quoteWords = wordsOf(quote.replace(/\[[^\]]*\]/g, ' '));
  const sourceWords = [...source.matchAll(/[\p{L}\p{N}'’]+/gu)];
  if (quoteWords.length === 0 || sourceWords.length === 0) return null;
  const size = Math.min(quoteWords.length, sourceWords.length);
  let best: { at: number; score: number } = { at: 0, score: -1 };
  for (let at = 0; at + size <= sourceWords.length; at++) {
    const window = sourceWords.slice(at, at + size).map((m) => m[0].toLowerCase().replace(/’/g, "'"));
    const score = commonSubsequence(quoteWords, window) / Math.max(quoteWords.length, size);
    if (score > best.score) best = { at, score };
  }
  const first = sourceWords[best.at]!;
  const last = sourceWords[best.at + size - 1]!;
  const start = first.index!;
  const end = last.index! + last[0].length;
  return { start, end, text: source.slice(start, end), similarity: Math.round(best.score * 100) / 100 };
}

/** The last source normalised: a story checks all its quotes and passages against one source in a row. */
let lastSource: { source: string; normal: ReturnType<typeof normaliseTypography> } | undefined;

/** Finds `quote` in `source` verbatim (see the module comment for what is forgiven and how edits are marked). */
export function findVerbatim(quote: string, source: string): VerbatimResult {
  if (lastSource?.source !== source) lastSource = { source, normal: normaliseTypography(source) };
  const { text, offsets } = lastSource.normal;
  const match = trimQuote(quote) === '' ? null : quotePattern(quote).exec(text);
  if (!match || match[0].length === 0) return { found: false, closest: closestPassage(quote, source) };
  const start = offsets[match.index]!;
  const end = offsets[match.index + match[0].length - 1]! + 1;
  return { found: true, start, end, text: source.slice(start, end) };
}
