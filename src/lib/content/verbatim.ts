/**
 * Finding a quote in its source, verbatim, by a grammar of what an editor may do to the source's
 * words (the README's "What an editor may do to a source's words" gives it with examples):
 * - typography only is forgiven: curly and straight quotation marks, dashes, white space, a trailing
 *   comma or full stop the quotation swallowed; every word, its spelling, case and order are the source's;
 * - the quote, and the words on either side of each mark, start and end on word boundaries of the source;
 * - `[…]` or `[...]`, a cut, leaves out 1 to ELISION_WORDS whole words within one paragraph (a line);
 * - `[the Taliban]`, inserted words, stand for 0 to INSERTION_WORDS whole words within one paragraph;
 * - `[sic]` after a word the source got wrong, and `[T]he` for a letter whose case we changed.
 * Matching uses no regular expression: each run of words between marks is found with `indexOf` and
 * the places joined in one forward pass (`place`), so the time is linear in the source for each run
 * of words, whatever the marks. A miss is explained by `explainMiss`: the closest passage and what differs, down to the
 * character where the eye cannot tell the two apart, or which rule of the grammar a mark breaks.
 * A date's `statedAs`, the source's words for it, is found by `findStated`.
 */

import { createHash } from 'node:crypto';
import { CUT_MARK, LETTER_MARK, MARK, MARKS } from '../model/marks.ts';
import { codePointCount, describeCharacter, formatCount, isInvisible, isPlain } from './characters.ts';

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

/** For each unit of a normalised text, the offset in the original it came from: typed, as a 2 MB source has 2 million. */
export type Offsets = Int32Array;

/** The text with typography normalised, and for each of its characters the offset it came from. */
export function normaliseTypography(original: string): { text: string; offsets: Offsets } {
  // Built from slices of the runs kept as they are: a 2 MB source is mostly that.
  const parts: string[] = [];
  // One unit for each of the original's at most, but for an ellipsis, which becomes three.
  let capacity = original.length;
  for (let i = original.indexOf('\u2026'); i >= 0; i = original.indexOf('\u2026', i + 1)) capacity += 2;
  const offsets = new Int32Array(capacity);
  let length = 0;
  let pendingSpace = -1;
  let run = -1;
  const flush = (to: number) => {
    if (run >= 0) parts.push(original.slice(run, to));
    run = -1;
  };
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    // ASCII without a regular expression.
    if (code < 0x80 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : /\s/.test(original[i]!)) {
      flush(i);
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && length > 0) {
      parts.push(' ');
      offsets[length++] = pendingSpace;
    }
    pendingSpace = -1;
    const replacement = code < 0x80 ? undefined : TYPOGRAPHY[original[i]!];
    if (replacement === undefined) {
      if (run < 0) run = i;
      offsets[length++] = i;
      continue;
    }
    flush(i);
    parts.push(replacement);
    for (let k = 0; k < replacement.length; k++) offsets[length++] = i;
  }
  flush(original.length);
  return { text: parts.join(''), offsets: offsets.subarray(0, length) };
}

/**
 * What one cut `[…]` may leave out, at most, in words of the source. A paragraph of news copy runs to
 * some 40 to 80 words: a cut within one stays well inside this; one that needs more is joining
 * thoughts the source keeps apart, and the passages are better quoted each on its own.
 */
export const ELISION_WORDS = 60;
/**
 * What an inserted `[clarification]` may stand for, at most, in whole words of the source: a pronoun
 * or a short name it makes clear ("they" → "[the Taliban]", "the deal we signed" → "[the Doha
 * agreement]"). More than that is rewriting the speaker's sentence, not clarifying it.
 */
export const INSERTION_WORDS = 4;

/** What ends a paragraph in a source's text: sources are stored one paragraph a line. */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;

/** A run of the source's words in a quote, between edit marks: its normalised text and the units whose case a `[T]he` mark frees. */
interface Piece {
  text: string;
  loose: Set<number>;
}

/**
 * A quote as the grammar reads it: runs of the source's words (`pieces`) and, between each two, the
 * marks standing for some of the source's text (`gaps[i]` between pieces `i` and `i + 1`; marks side
 * by side are one gap, a cut if any of them is one). Marks before the first word and after the last
 * stand for nothing in the source. `[sic]` is a remark, not an edit: it is removed with the space before it.
 */
function parseQuote(quote: string): { pieces: Piece[]; gaps: { elision: boolean }[] } {
  const normal = trimQuote(normaliseTypography(quote).text).replace(/\s*\[sic\]/gi, '');
  const pieces: Piece[] = [];
  const gaps: { elision: boolean }[] = [];
  let current: Piece = { text: '', loose: new Set() };
  let pending: { elision: boolean } | undefined;
  for (const part of normal.split(MARK)) {
    if (part === '') continue;
    const letter = LETTER_MARK.exec(part);
    if (letter) {
      current.loose.add(current.text.length);
      current.text += letter[1]!;
    } else if (part.startsWith('[') && part.endsWith(']')) {
      current.text = current.text.trimEnd();
      if (current.text !== '') {
        if (pending) gaps.push(pending);
        pieces.push(current);
        current = { text: '', loose: new Set() };
        pending = { elision: false };
      }
      if (pending && CUT_MARK.test(part)) pending.elision = true;
    } else {
      current.text += current.text === '' ? part.trimStart() : part;
    }
  }
  current.text = current.text.trimEnd();
  if (current.text !== '') {
    if (pending) gaps.push(pending);
    pieces.push(current);
  }
  return { pieces, gaps };
}

/**
 * A normalised source, indexed for the grammar: which units are word characters (a quote and its
 * marks meet the source only between words), and, counted from the start, the words and the
 * paragraph breaks before each unit, so that what a gap spans is two subtractions.
 */
interface SourceIndex {
  text: string;
  offsets: Offsets;
  word: Uint8Array;
  /** Words starting before each unit (length + 1 entries). */
  wordsBefore: Int32Array;
  /** Paragraph breaks before each unit (length + 1 entries): a space that stands for a run holding a line break. */
  breaksBefore: Int32Array;
  /** The text in lower case, unit for unit, made when a date's words are first looked for (`findStated`). */
  folded?: string;
}

function indexSource(original: string, normal: { text: string; offsets: Offsets }): SourceIndex {
  const { text, offsets } = normal;
  const n = text.length;
  const word = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    const length = wordUnitAt(text, i);
    if (length > 0) {
      word.fill(1, i, i + length);
      i += length;
    } else {
      // An apostrophe between letters is part of the word, as `tokenise` reads it: Taliban's.
      if (text[i] === "'" && i > 0 && word[i - 1] === 1 && i + 1 < n && wordUnitAt(text, i + 1) > 0) word[i] = 1;
      i++;
    }
  }
  const wordsBefore = new Int32Array(n + 1);
  const breaksBefore = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    wordsBefore[i + 1] = wordsBefore[i]! + (word[i] === 1 && (i === 0 || word[i - 1] === 0) ? 1 : 0);
    const next = i + 1 < n ? offsets[i + 1]! : original.length;
    // A space that was one plain space holds no line break: most of them, tested without a slice.
    const lineBreak =
      text[i] === ' ' &&
      (next - offsets[i]! > 1 || original[offsets[i]!] !== ' ') &&
      LINE_BREAK.test(original.slice(offsets[i], next));
    breaksBefore[i + 1] = breaksBefore[i]! + (lineBreak ? 1 : 0);
  }
  return { text, offsets, word, wordsBefore, breaksBefore };
}

/** Whether a quote may start or end at unit `at`: not between two characters of one word. */
const boundary = (s: SourceIndex, at: number) => at === 0 || at === s.text.length || s.word[at - 1] === 0 || s.word[at] === 0;

/**
 * Every place, starting from `from` up to `to`, where `piece` stands in the source on word boundaries at both ends, in
 * order. The longest run of the piece without a `[T]he` mark is looked up with `indexOf` and the rest
 * compared around it: no regular expression, so no backtracking.
 */
function occurrences(piece: Piece, s: SourceIndex, from: number, to = s.text.length): number[] {
  const { text, loose } = piece;
  let anchor = 0;
  let anchorLength = 0;
  for (let i = 0, run = 0; i <= text.length; i++) {
    if (i === text.length || loose.has(i)) {
      if (i - run > anchorLength) [anchor, anchorLength] = [run, i - run];
      run = i + 1;
    }
  }
  const needle = text.slice(anchor, anchor + anchorLength);
  const found: number[] = [];
  for (let at = s.text.indexOf(needle, from + anchor); at >= 0; at = s.text.indexOf(needle, at + 1)) {
    const start = at - anchor;
    const end = start + text.length;
    if (end > s.text.length || start > to) break;
    if (boundary(s, start) && boundary(s, end) && matchesAt(piece, s.text, start)) found.push(start);
  }
  return found;
}

/**
 * The last unit a run of words may start at after a gap that begins at `end`: before the end of the
 * paragraph and with at most `most` words left out. Beyond it no place of the run can be reached, so
 * the search for it stops there, not at the end of the source.
 */
function reach(s: SourceIndex, end: number, most: number): number {
  const words = s.wordsBefore[end]!;
  const breaks = s.breaksBefore[end]!;
  let at = end;
  while (at < s.text.length && s.breaksBefore[at + 1] === breaks && s.wordsBefore[at + 1]! - words <= most) at++;
  return at;
}

/** Whether `piece` stands at `start` in `text`, its marked letters in either case. */
function matchesAt(piece: Piece, text: string, start: number): boolean {
  for (let i = 0; i < piece.text.length; i++) {
    const a = piece.text[i]!;
    const b = text[start + i];
    if (a !== b && !(piece.loose.has(i) && b !== undefined && a.toLowerCase() === b.toLowerCase())) return false;
  }
  return true;
}

/**
 * The quote's pieces placed in the source, each gap spanning what its marks may: a cut at least one
 * and at most ELISION_WORDS whole words, inserted words at most INSERTION_WORDS, neither across a
 * paragraph break. Returns the units where the first piece starts and the last ends, or undefined.
 *
 * Dynamic programming over the places each piece stands, in order: a place of piece i+1 is reachable
 * when some reachable place of piece i ends in the window its gap allows before it. Every bound on a
 * gap is monotone in where it starts (a later end leaves out fewer words and crosses no more breaks),
 * so for each place the latest reachable end before it that still leaves out enough words is the one
 * to try, found with a pointer that only moves forward: the work is linear in the places found, and
 * those are found with one `indexOf` scan of the source a piece.
 */
function place(quote: ReturnType<typeof parseQuote>, s: SourceIndex): { start: number; end: number } | undefined {
  const { pieces, gaps } = quote;
  if (pieces.length === 0) return undefined;
  if (pieces.length === 1) {
    const [start] = occurrences(pieces[0]!, s, 0);
    return start === undefined ? undefined : { start, end: start + pieces[0]!.text.length };
  }
  let starts = occurrences(pieces[0]!, s, 0);
  const chains: { starts: number[]; previous: number[] }[] = [{ starts, previous: [] }];
  for (let i = 1; i < pieces.length && starts.length > 0; i++) {
    const length = pieces[i - 1]!.text.length;
    const { elision } = gaps[i - 1]!;
    const fewest = elision ? 1 : 0;
    const most = elision ? ELISION_WORDS : INSERTION_WORDS;
    const reached: number[] = [];
    const previous: number[] = [];
    let p = -1;
    for (const at of occurrences(pieces[i]!, s, starts[0]! + length, reach(s, starts.at(-1)! + length, most))) {
      const left = (end: number) => s.wordsBefore[at]! - s.wordsBefore[end]!;
      while (p + 1 < starts.length && starts[p + 1]! + length <= at && left(starts[p + 1]! + length) >= fewest) p++;
      if (p < 0) continue;
      const end = starts[p]! + length;
      if (left(end) <= most && s.breaksBefore[at] === s.breaksBefore[end]) {
        reached.push(at);
        previous.push(p);
      }
    }
    starts = reached;
    chains.push({ starts, previous });
  }
  if (starts.length === 0) return undefined;
  let k = 0;
  for (let i = chains.length - 1; i > 0; i--) k = chains[i]!.previous[k]!;
  return { start: chains[0]!.starts[k]!, end: starts[0]! + pieces.at(-1)!.text.length };
}

/**
 * Where the quote's words are in `text`: without enclosing quotation marks, surrounding white space
 * and the trailing comma or full stop the quotation swallowed. Returned as a range so that positions
 * in what is left can still be traced to the text as written.
 */
function quoteRange(text: string): [number, number] {
  let from = 0;
  let to = text.length;
  const trim = () => {
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
  };
  trim();
  if (to - from >= 2 && text[from] === '"' && text[to - 1] === '"') {
    from++;
    to--;
    trim();
  }
  if (to - from >= 2 && text[to - 1] === '"' && /[,.]/.test(text[to - 2]!)) to -= 2;
  else if (to > from && /[,.]/.test(text[to - 1]!)) to--;
  if (to > from && text[to - 1] === '"') to--;
  trim();
  return [from, to];
}

/** Strips what is not the quote's words: enclosing quotation marks and the trailing comma or full stop. */
function trimQuote(quote: string): string {
  const [from, to] = quoteRange(quote);
  return quote.slice(from, to);
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

/** Above this many cells of work (windows × quote words × window words), windows are chosen by the words they share first. */
const EXHAUSTIVE_CELLS = 2_000_000;
/** A long quote is compared by this many of its first words. */
const MEASURED_WORDS = 300;
/** A word found more often than this in the source says little about where a quote is. */
const COMMON_WORD = 1_000;

/**
 * Where a run of words most likely starts in a longer text, by the words they share: each shared
 * word votes for the offset (a diagonal) that would put it in place, a rare word more than a common
 * one. Returns up to `count` diagonals, best first. Linear in the words and their occurrences, so a
 * 2 MB quote against a 2 MB source costs no more than a few hundred thousand votes.
 */
function bestDiagonals(words: readonly string[], index: ReadonlyMap<string, readonly number[]>, count: number): number[] {
  const votes = new Map<number, number>();
  const cast = (commonToo: boolean) => {
    words.slice(0, MEASURED_WORDS).forEach((word, k) => {
      const at = index.get(word);
      if (!at || (!commonToo && at.length > COMMON_WORD)) return;
      const weight = 1 / at.length;
      for (let i = 0; i < Math.min(at.length, COMMON_WORD); i++) {
        const diagonal = at[i]! - k;
        votes.set(diagonal, (votes.get(diagonal) ?? 0) + weight);
      }
    });
  };
  cast(false);
  if (votes.size === 0) cast(true);
  // A word missing or added shifts the rest of the quote by one: neighbouring diagonals count too.
  const score = (d: number) => {
    let sum = 0;
    for (let e = d - 2; e <= d + 2; e++) sum += votes.get(e) ?? 0;
    return sum;
  };
  const best: [number, number][] = [];
  for (const d of votes.keys()) {
    const s = score(d);
    if (best.length === count && s <= best[count - 1]![1]) continue;
    best.push([d, s]);
    best.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    if (best.length > count) best.pop();
  }
  return best.map(([d]) => d);
}

/** The source's words for `closestPassage`, kept for the next quote of the same source. */
let lastSourceWords:
  | { source: string; words: string[]; starts: number[]; ends: number[]; index: Map<string, number[]> | undefined }
  | undefined;

function sourceWordsOf(source: string) {
  if (lastSourceWords?.source !== source) {
    const words: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    for (const m of source.matchAll(/[\p{L}\p{N}'’]+/gu)) {
      words.push(m[0].toLowerCase().replace(/’/g, "'"));
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    lastSourceWords = { source, words, starts, ends, index: undefined };
  }
  return lastSourceWords;
}

function wordIndex(words: readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  words.forEach((word, i) => {
    const at = index.get(word);
    if (at) at.push(i);
    else index.set(word, [i]);
  });
  return index;
}

/**
 * The run of source words most like the quote, for an error message an editor can act on: as many
 * words as the quote has, scored by the words they have in common, in order. Every run is scored
 * when that is cheap; against a long source, only the runs that share the most words with the quote
 * (and a long quote by its first 300 words), so the cost stays near linear in the sizes.
 */
export function closestPassage(quote: string, source: string): (Span & { similarity: number }) | null {
  const quoteWords = wordsOf(quote.replace(MARKS, ' '));
  const sourceWords = sourceWordsOf(source);
  const { words } = sourceWords;
  if (quoteWords.length === 0 || words.length === 0) return null;
  const size = Math.min(quoteWords.length, words.length);
  const windows = words.length - size + 1;
  let starts: number[];
  let measured: string[] = quoteWords;
  if (windows * quoteWords.length * size <= EXHAUSTIVE_CELLS) {
    starts = Array.from({ length: windows }, (_, at) => at);
  } else {
    measured = quoteWords.slice(0, MEASURED_WORDS);
    sourceWords.index ??= wordIndex(words);
    const candidates = new Set<number>();
    for (const d of bestDiagonals(measured, sourceWords.index, 4)) {
      for (let at = d - 3; at <= d + 3; at++) candidates.add(Math.min(Math.max(at, 0), windows - 1));
    }
    if (candidates.size === 0) candidates.add(0);
    starts = [...candidates].sort((x, y) => x - y);
  }
  const measuredSize = Math.min(size, measured.length);
  let best: { at: number; score: number } = { at: 0, score: -1 };
  for (const at of starts) {
    const window = words.slice(at, at + measuredSize);
    const score = commonSubsequence(measured, window) / Math.max(measured.length, measuredSize);
    if (score > best.score) best = { at, score };
  }
  const start = sourceWords.starts[best.at]!;
  const end = sourceWords.ends[best.at + size - 1]!;
  return { start, end, text: source.slice(start, end), similarity: Math.round(best.score * 100) / 100 };
}

/** The last source normalised and indexed: a story checks all its quotes and passages against one source in a row. */
let lastSource: { source: string; normal: ReturnType<typeof normaliseTypography>; index: SourceIndex } | undefined;

function sourceIndex(source: string): SourceIndex {
  if (lastSource?.source !== source) {
    const normal = normaliseTypography(source);
    lastSource = { source, normal, index: indexSource(source, normal) };
  }
  return lastSource.index;
}

/** Finds `quote` in `source` verbatim, by the grammar of the module comment: typography forgiven, edits marked. */
export function findVerbatim(quote: string, source: string): VerbatimResult {
  const index = sourceIndex(source);
  const found = place(parseQuote(quote), index);
  if (!found || found.end <= found.start) return { found: false, closest: closestPassage(quote, source) };
  const start = index.offsets[found.start]!;
  const end = index.offsets[found.end - 1]! + 1;
  return { found: true, start, end, text: source.slice(start, end) };
}

/**
 * Paragraphs around a passage within which a date's `statedAs` counts as dating it: news copy says
 * when early ("In a joint statement issued on May 07, they condemned …") and quotes the words a
 * paragraph or three later, or says it just after ("Ann Example said on Monday").
 */
export const STATED_PARAGRAPHS = { before: 3, after: 1 } as const;

/**
 * Whether a date's `statedAs`, the source's own words for it, stands in `source`: its words in order on
 * whole words, typography forgiven as for quotes, and case ignored (pages show the words mid-sentence,
 * "the source says “late on Friday”", where the source may start a sentence with them: "Late on
 * Friday, …"). With `near` (a passage's offsets in the source), it must stand within STATED_PARAGRAPHS
 * of it; `elsewhere` then says whether it stands further off.
 */
export function findStated(
  statedAs: string,
  source: string,
  near?: { start: number; end: number },
): { found: true } | { found: false; elsewhere: boolean } {
  const index = sourceIndex(source);
  const phrase = foldCase(normaliseTypography(statedAs).text);
  if (phrase === '') return { found: false, elsewhere: false };
  index.folded ??= foldCase(index.text);
  const places = occurrences({ text: phrase, loose: new Set() }, { ...index, text: index.folded }, 0);
  if (near === undefined) return places.length > 0 ? { found: true } : { found: false, elsewhere: false };
  const paragraph = (offset: number) => index.breaksBefore[unitAt(index.offsets, offset)]!;
  const first = paragraph(near.start) - STATED_PARAGRAPHS.before;
  const last = paragraph(Math.max(near.start, near.end - 1)) + STATED_PARAGRAPHS.after;
  const close = places.some((at) => {
    const p = index.breaksBefore[at]!;
    return p >= first && p <= last;
  });
  return close ? { found: true } : { found: false, elsewhere: places.length > 0 };
}

/** The text in lower case, unit for unit: a letter whose lower case is longer (U+0130) is kept as it is. */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let folded = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    folded += l.length === ch.length ? l : ch;
  }
  return folded;
}

/** The unit of a normalised text that `offset` in the original came to (the first at or after it). */
function unitAt(offsets: Offsets, offset: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/*
 * Explaining a miss. The quote and the source are cut into tokens (words, spaces, punctuation) after
 * the same typographic normalisation as `findVerbatim`, and the quote is aligned with the source: an
 * edit distance over tokens in which a marked elision or insertion costs nothing and stands for any
 * source text. Every run of tokens that does not match is one difference, described at the level an
 * editor can see it: a word missing, added or replaced, words in another order, or, where the two
 * look alike (a look-alike letter, an invisible character, a space), the characters by code point
 * and Unicode name.
 *
 * Cost: a long quote is walked token by token while it matches its source, and aligned in windows of
 * WINDOW tokens where it does not, so the work grows with the sizes and the number of differences,
 * never with their product; WORK_LIMIT bounds it outright.
 */

// Plain constants, not a TypeScript enum: Node loads this module by stripping types alone.
const Kind = { Word: 0, Space: 1, Punct: 2, Gap: 3 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** Tokens of a normalised text, as parallel arrays: a 2 MB source is 700,000 of them. */
interface Tokens {
  /** The normalised text (for the quote, its words as compared: edit marks resolved). */
  text: string;
  kind: Kind[];
  start: number[];
  end: number[];
  /** Quote only: units of `text` whose case may differ, a letter marked `[T]he`. */
  loose: Set<number>;
  /** Quote only: each gap token's edit mark and whether it is an elision. */
  gaps: Map<number, { mark: string; elision: boolean }>;
  /** Word tokens, in order: their token indices, for locating the quote. */
  words: number[];
  /**
   * Quote only: words that may be the end of a longer source word (the first of the quote or after an
   * edit mark) or its start (the last, or before a mark), as the pattern matches them.
   */
  partial: { start: Set<number>; end: Set<number> };
}

const WORD_UNIT = /[\p{L}\p{N}\p{M}\p{Cf}\p{Co}\p{Default_Ignorable_Code_Point}]/u;

/** How many UTF-16 units the word character at `i` takes (0 if it is not one): letters, digits, marks, invisible characters. */
function wordUnitAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  // Plain ASCII first: a 2 MB text is mostly that, and a regular expression per character is slow.
  if (unit < 0x80) return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x30 && unit <= 0x39) ? 1 : 0;
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  return WORD_UNIT.test(ch) ? ch.length : 0;
}

/** Appends the tokens of `text` between `from` and `to` to `tokens`. */
function tokenise(tokens: Tokens, from: number, to: number): void {
  const { text } = tokens;
  let i = from;
  while (i < to) {
    const start = i;
    let kind: Kind;
    if (text[i] === ' ') {
      kind = Kind.Space;
      while (i < to && text[i] === ' ') i++;
    } else if (wordUnitAt(text, i) > 0) {
      kind = Kind.Word;
      for (;;) {
        const length = i < to ? wordUnitAt(text, i) : 0;
        if (length > 0) i += length;
        // An apostrophe between letters is part of the word: Taliban's.
        else if (text[i] === "'" && i + 1 < to && wordUnitAt(text, i + 1) > 0) i++;
        else break;
      }
    } else {
      kind = Kind.Punct;
      i += String.fromCodePoint(text.codePointAt(i)!).length;
    }
    if (kind === Kind.Word) tokens.words.push(tokens.kind.length);
    tokens.kind.push(kind);
    tokens.start.push(start);
    tokens.end.push(i);
  }
}

const emptyTokens = (text: string): Tokens => ({
  text,
  kind: [],
  start: [],
  end: [],
  loose: new Set(),
  gaps: new Map(),
  words: [],
  partial: { start: new Set(), end: new Set() },
});

/** The quote as compared: normalised, trimmed like `findVerbatim` trims it, its edit marks resolved. */
interface QuoteTokens extends Tokens {
  /** The quote as the editor wrote it. */
  original: string;
  /** For each unit of `text`, its offset in `original`. */
  at: number[];
}

function quoteTokens(quote: string): QuoteTokens {
  const { text: normal, offsets } = normaliseTypography(quote);
  const [from, to] = quoteRange(normal);
  let text = '';
  const at: number[] = [];
  const loose = new Set<number>();
  const gaps: { index: number; mark: string; elision: boolean }[] = [];
  // After a gap the source's white space is the gap's: the quote's own is not compared.
  let afterGap = false;
  const push = (i: number) => {
    if (afterGap && normal[i] === ' ') return;
    afterGap = false;
    text += normal[i]!;
    at.push(offsets[i]!);
  };
  // As `parseQuote` reads the quote: `[sic]` (and the space before it) first removed, then the marks.
  const kept: number[] = [];
  let last = from;
  for (const m of normal.slice(from, to).matchAll(/\s*\[sic\]/gi)) {
    for (let i = last; i < from + m.index; i++) kept.push(i);
    last = from + m.index + m[0].length;
  }
  for (let i = last; i < to; i++) kept.push(i);
  const keptText = kept.map((i) => normal[i]).join('');
  let next = 0;
  for (const m of keptText.matchAll(MARKS)) {
    for (let k = next; k < m.index; k++) push(kept[k]!);
    next = m.index + m[0].length;
    const mark = m[0];
    // The mark as the editor wrote it ("[…]", not the normalised "[...]"), for messages.
    const written = quote.slice(offsets[kept[m.index]!], offsets[kept[next - 1]!]! + 1);
    if (LETTER_MARK.test(mark)) {
      afterGap = false;
      loose.add(text.length);
      text += mark[1]!;
      at.push(offsets[kept[m.index + 1]!]!);
      continue;
    }
    // Before the first word a mark stands for nothing in the source; otherwise for some of its text.
    while (text.endsWith(' ')) {
      text = text.slice(0, -1);
      at.pop();
    }
    if (text !== '') gaps.push({ index: text.length, mark: written, elision: CUT_MARK.test(mark) });
    afterGap = true;
  }
  for (let k = next; k < kept.length; k++) push(kept[k]!);
  while (text.endsWith(' ')) {
    text = text.slice(0, -1);
    at.pop();
  }
  // Likewise a mark after the last word: the passage ends with the source's words.
  while (gaps.length > 0 && gaps.at(-1)!.index >= text.length) gaps.pop();

  const tokens: QuoteTokens = { ...emptyTokens(text), original: quote, at, loose };
  let piece = 0;
  for (const gap of gaps) {
    tokenise(tokens, piece, gap.index);
    tokens.gaps.set(tokens.kind.length, { mark: gap.mark, elision: gap.elision });
    tokens.kind.push(Kind.Gap);
    tokens.start.push(gap.index);
    tokens.end.push(gap.index);
    piece = gap.index;
  }
  tokenise(tokens, piece, text.length);
  tokens.kind.forEach((kind, i) => {
    if (kind !== Kind.Word) return;
    if (i === 0 || tokens.kind[i - 1] === Kind.Gap) tokens.partial.start.add(i);
    if (i === tokens.kind.length - 1 || tokens.kind[i + 1] === Kind.Gap) tokens.partial.end.add(i);
  });
  return tokens;
}

/** The source as compared, with its word index for locating a quote; kept for the next quote of the same source. */
interface SourceTokens extends Tokens {
  original: string;
  /** For each unit of `text`, its offset in `original`. */
  offsets: Offsets;
  index: Map<string, number[]> | undefined;
}
let lastSourceTokens: SourceTokens | undefined;

function sourceTokens(source: string): SourceTokens {
  if (lastSourceTokens?.original !== source) {
    const normal = lastSource?.source === source ? lastSource.normal : normaliseTypography(source);
    const tokens: SourceTokens = { ...emptyTokens(normal.text), original: source, offsets: normal.offsets, index: undefined };
    tokenise(tokens, 0, normal.text.length);
    lastSourceTokens = tokens;
  }
  return lastSourceTokens;
}

const tokenText = (t: Tokens, i: number) => t.text.slice(t.start[i], t.end[i]);
const wordKey = (t: Tokens, i: number) => tokenText(t, i).toLowerCase();

/** Whether source space token `s` stands for white space that holds a line break: the end of a paragraph. */
const isLineBreak = (source: SourceTokens, s: number) => {
  const unit = source.start[s]!;
  return LINE_BREAK.test(source.original.slice(source.offsets[unit], source.offsets[unit + 1] ?? source.original.length));
};

/**
 * Whether quote token `q` is source token `s`: the same text, but for the case of a marked letter (and,
 * at the edges of the quote and its marks, part of a word, as the pattern allows).
 */
function same(quote: Tokens, q: number, source: Tokens, s: number): boolean {
  const kind = quote.kind[q];
  if (kind !== source.kind[s]) return false;
  if (kind === Kind.Space) return true;
  const qs = quote.start[q]!;
  const length = quote.end[q]! - qs;
  const sourceLength = source.end[s]! - source.start[s]!;
  if (length === sourceLength) return sameText(quote, qs, source, source.start[s]!, length);
  if (length > sourceLength) return false;
  return (
    (quote.partial.end.has(q) && sameText(quote, qs, source, source.start[s]!, length)) ||
    (quote.partial.start.has(q) && sameText(quote, qs, source, source.end[s]! - length, length))
  );
}

function sameText(quote: Tokens, qs: number, source: Tokens, ss: number, length: number): boolean {
  for (let x = 0; x < length; x++) {
    const a = quote.text.charCodeAt(qs + x);
    const b = source.text.charCodeAt(ss + x);
    if (a === b) continue;
    if (!quote.loose.has(qs + x) || String.fromCharCode(a).toLowerCase() !== String.fromCharCode(b).toLowerCase()) {
      return false;
    }
  }
  return true;
}

/** Whether two different words look alike: the same but for a letter or two, or for case. */
function alike(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  if (Math.abs(a.length - b.length) > 2) return false;
  let prefix = 0;
  while (prefix < a.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return Math.max(a.length, b.length) - prefix - suffix <= 2 && prefix + suffix > 0;
}

/** One step of an alignment: a token matched, replaced, only in the quote, only in the source, or spanned by an edit mark. */
const Step = { Same: 0, Replaced: 1, QuoteOnly: 2, SourceOnly: 3, Gap: 4, Spanned: 5 } as const;
type Step = (typeof Step)[keyof typeof Step];
/** A step and where it starts: the quote token and the source token before which it stands. */
interface Op {
  step: Step;
  q: number;
  s: number;
}

/** Quote tokens aligned in one window. */
const WINDOW = 96;
/** Source tokens a window may reach beyond the quote's. */
const WINDOW_SLACK = 48;
/** Tokens compared, cells of alignment and tokens searched, at most, before the explanation stops. */
const WORK_LIMIT = 12_000_000;
/** Differences found, at most, before the explanation stops counting. */
const DIFFERENCE_LIMIT = 200;

/*
 * Costs of an alignment, in tenths. A word replaced by a like one (a letter changed, a case) costs 1,
 * by another word 3; a word the quote adds 2, a space 1. Words of the source the quote leaves out cost
 * 2 for the first and little for each next one: a run of them is one omission (often an unmarked
 * cut), so the alignment prefers it to replacing the quote's words with whatever text is at hand.
 */
const SAME = 0;
const LIKE = 10;
const UNLIKE = 30;
const NEVER = 1 << 28;
const addedCost = (t: Tokens, i: number) => (t.kind[i] === Kind.Space ? 10 : 20);
const omittedCost = (t: Tokens, i: number) => (t.kind[i] === Kind.Space ? 10 : 20);
const omittedMoreCost = (t: Tokens, i: number) => (t.kind[i] === Kind.Space ? 1 : 3);

/**
 * The cheapest alignment of quote tokens `qa`–`qb` with a stretch of source tokens `sa`–`sb`: the
 * quote's tokens all placed, the source free to end anywhere (and, if `freeStart`, to start anywhere).
 * Two tables (Gotoh's): `open` for alignments whose last step is not a source token left out,
 * `omitting` for those whose last step is. Returns the steps and the source token after the last one aligned.
 */
function alignWindow(
  quote: Tokens,
  qa: number,
  qb: number,
  source: Tokens,
  sa: number,
  sb: number,
  freeStart: boolean,
): { ops: Op[]; sEnd: number } {
  const n = qb - qa;
  const m = sb - sa;
  const w = m + 1;
  const open = new Int32Array((n + 1) * w).fill(NEVER);
  const omitting = new Int32Array((n + 1) * w).fill(NEVER);
  const best = (cell: number) => Math.min(open[cell]!, omitting[cell]!);
  const replace = (q: number, s: number) => {
    if (same(quote, q, source, s)) return SAME;
    const kind = quote.kind[q];
    if (kind !== source.kind[s] || kind === Kind.Gap) return NEVER;
    return alike(tokenText(quote, q), tokenText(source, s)) ? LIKE : UNLIKE;
  };
  open[0] = 0;
  for (let j = 1; j <= m; j++) {
    const s = sa + j - 1;
    if (freeStart) open[j] = 0;
    else omitting[j] = Math.min(open[j - 1]! + omittedCost(source, s), omitting[j - 1]! + omittedMoreCost(source, s));
  }
  for (let i = 1; i <= n; i++) {
    const q = qa + i - 1;
    const row = i * w;
    const above = row - w;
    if (quote.kind[q] === Kind.Gap) {
      // An edit mark spans any run of source tokens, at no cost.
      open[row] = best(above);
      for (let j = 1; j <= m; j++) open[row + j] = Math.min(best(above + j), open[row + j - 1]!);
      continue;
    }
    const added = addedCost(quote, q);
    open[row] = best(above) + added;
    for (let j = 1; j <= m; j++) {
      const s = sa + j - 1;
      open[row + j] = Math.min(best(above + j - 1) + replace(q, s), best(above + j) + added);
      omitting[row + j] = Math.min(
        open[row + j - 1]! + omittedCost(source, s),
        omitting[row + j - 1]! + omittedMoreCost(source, s),
      );
    }
  }
  // Of the cheapest ends, the first, as the pattern finds the first occurrence.
  let jEnd = 0;
  for (let j = 1; j <= m; j++) if (best(n * w + j) < best(n * w + jEnd)) jEnd = j;
  const ops: Op[] = [];
  let i = n;
  let j = jEnd;
  let omitted = omitting[n * w + j]! < open[n * w + j]!;
  while (i > 0 || (j > 0 && !freeStart)) {
    const cell = i * w + j;
    const q = qa + i - 1;
    const s = sa + j - 1;
    if (omitted) {
      ops.push({ step: Step.SourceOnly, q: q + 1, s });
      omitted = omitting[cell] !== open[cell - 1]! + omittedCost(source, s);
      j--;
      continue;
    }
    const here = open[cell]!;
    if (quote.kind[q] === Kind.Gap) {
      if (j > 0 && here === open[cell - 1]) {
        ops.push({ step: Step.Spanned, q: q + 1, s });
        j--;
      } else {
        ops.push({ step: Step.Gap, q, s: s + 1 });
        i--;
        omitted = omitting[cell - w]! < open[cell - w]!;
      }
      continue;
    }
    const replaced = j > 0 ? replace(q, s) : NEVER;
    if (replaced < NEVER && here === best(cell - w - 1) + replaced) {
      ops.push({ step: replaced === SAME ? Step.Same : Step.Replaced, q, s });
      i--;
      j--;
      omitted = omitting[cell - w - 1]! < open[cell - w - 1]!;
    } else {
      ops.push({ step: Step.QuoteOnly, q, s: s + 1 });
      i--;
      omitted = omitting[cell - w]! < open[cell - w]!;
    }
  }
  ops.reverse();
  return { ops, sEnd: sa + jEnd };
}

/** A run of tokens that differ: quote tokens `qa`–`qb` where the source has `sa`–`sb`. */
interface Hunk {
  qa: number;
  qb: number;
  sa: number;
  sb: number;
}

/** Where the quote's first words are in the source: the source token to start aligning from. */
function locate(quote: QuoteTokens, source: SourceTokens): number {
  if (source.words.length === 0) return 0;
  source.index ??= wordIndex(source.words.map((i) => wordKey(source, i)));
  // The words before the first edit mark say where the quote starts; all of them if they are too few.
  const firstGap = quote.kind.indexOf(Kind.Gap);
  const head = quote.words.filter((i) => firstGap < 0 || i < firstGap);
  const words = (head.length >= 3 ? head : quote.words).map((i) => wordKey(quote, i));
  const diagonal = bestDiagonals(words, source.index, 1)[0] ?? 0;
  const word = Math.min(Math.max(diagonal, 0), source.words.length - 1);
  return source.words[word]!;
}

/** Aligns the quote with the source and returns its differences, the source span it covers and whether it stopped early. */
function compare(quote: QuoteTokens, source: SourceTokens) {
  const n = quote.kind.length;
  const m = source.kind.length;
  const hunks: Hunk[] = [];
  /**
   * Edit marks the grammar refuses where they stand: a cut of nothing, of more than ELISION_WORDS, or
   * across a paragraph break; inserted words for more than INSERTION_WORDS of the source's, or across
   * a break. `sa`–`sb` are the source tokens the mark spans, `words` how many words they hold.
   */
  const misplaced: { gap: number; why: 'nothing' | 'paragraph' | 'long'; sa: number; sb: number; words: number }[] = [];
  /** Quote words matched to only part of a source word, at the quote's edges or a mark's (`q` to `s`). */
  const partWords: { q: number; s: number }[] = [];
  /** The edit mark being passed, and the source tokens it spans so far. */
  let mark:
    | { gap: number; elision: boolean; sa?: number; sb?: number; words: number; paragraph: boolean; afterPart: boolean }
    | undefined;
  /** Whether the last quote word matched was only part of its source word. */
  let lastPart = false;
  /** Passes the mark before a quote word (`nextPart`: matched to only part of a source word). */
  const passMark = (nextPart = false) => {
    if (!mark) return;
    const { gap, elision, words, paragraph } = mark;
    // A cut beside part of a word leaves out the rest of it: that is the one thing to say.
    if (elision && words === 0 && !paragraph && (mark.afterPart || nextPart)) {
      mark = undefined;
      return;
    }
    const sa = mark.sa ?? 0;
    const sb = mark.sb ?? sa;
    const why = paragraph
      ? 'paragraph'
      : elision && words === 0
        ? 'nothing'
        : words > (elision ? ELISION_WORDS : INSERTION_WORDS)
          ? 'long'
          : undefined;
    if (why) misplaced.push({ gap, why, sa, sb, words });
    mark = undefined;
  };
  let open: Hunk | undefined;
  /** Matched spaces since the open hunk: a difference one space away from another is the same one. */
  let spaceAfterOpen = false;
  let matchedWords = 0;
  let sourceWords = 0;
  let first: number | undefined;
  let last = 0;
  let work = 0;
  let stopped = false;

  const take = (op: Op) => {
    const { step, q, s } = op;
    if (step !== Step.QuoteOnly && step !== Step.Gap && source.kind[s] !== Kind.Space) {
      first ??= s;
      last = s + 1;
      // Words an edit mark stands for are the quote's choice, not a difference: they do not count against it.
      if (source.kind[s] === Kind.Word && step !== Step.Spanned) sourceWords++;
    }
    if (step === Step.Same) {
      const part = quote.kind[q] === Kind.Word && quote.end[q]! - quote.start[q]! !== source.end[s]! - source.start[s]!;
      passMark(part);
      if (quote.kind[q] === Kind.Word) {
        matchedWords++;
        lastPart = part;
        if (part) partWords.push({ q, s });
      }
      if (open && !spaceAfterOpen && quote.kind[q] === Kind.Space) {
        spaceAfterOpen = true;
        return;
      }
      open = undefined;
      return;
    }
    if (step === Step.Gap) {
      // Marks side by side ("[…] [the US]") stand together for one stretch of the source.
      const { elision } = quote.gaps.get(q)!;
      if (mark && mark.sa === undefined) mark.elision ||= elision;
      else {
        passMark();
        mark = { gap: q, elision, words: 0, paragraph: false, afterPart: lastPart };
      }
      open = undefined;
      return;
    }
    if (step === Step.Spanned) {
      if (mark) {
        mark.sa ??= s;
        mark.sb = s + 1;
        if (source.kind[s] === Kind.Word) mark.words++;
        else if (source.kind[s] === Kind.Space && isLineBreak(source, s)) mark.paragraph = true;
      }
      open = undefined;
      return;
    }
    passMark();
    const qb = step === Step.SourceOnly ? q : q + 1;
    const sb = step === Step.QuoteOnly ? s : s + 1;
    if (open) {
      open.qb = qb;
      open.sb = sb;
    } else {
      open = { qa: q, qb, sa: s, sb };
      hunks.push(open);
    }
    spaceAfterOpen = false;
  };

  let qi = 0;
  let sj = locate(quote, source);
  let firstWindow = true;
  while (qi < n) {
    if (work > WORK_LIMIT || hunks.length >= DIFFERENCE_LIMIT) {
      stopped = true;
      break;
    }
    if (!firstWindow) {
      while (qi < n && sj < m && quote.kind[qi] !== Kind.Gap && same(quote, qi, source, sj)) {
        take({ step: Step.Same, q: qi++, s: sj++ });
        work++;
      }
      if (qi >= n) break;
      if (quote.kind[qi] === Kind.Gap) {
        // An edit mark: the next words resume where they first occur, as the pattern's wildcard finds them.
        let next = qi;
        while (next < n && quote.kind[next] === Kind.Gap) next++;
        const resume = findResumption(quote, next, source, sj);
        work += Math.max(resume, sj) - sj + 1;
        if (resume >= 0) {
          for (let q = qi; q < next; q++) take({ step: Step.Gap, q, s: sj });
          for (let s = sj; s < resume; s++) take({ step: Step.Spanned, q: next, s });
          qi = next;
          sj = resume;
          continue;
        }
      }
    }
    // A difference (or the quote's start): align a window, and keep its steps up to where the two agree again.
    // A window stops at the next edit mark, where the search above takes over, unless it starts at one.
    let qb = qi + 1;
    while (qb < n && qb < qi + WINDOW && quote.kind[qb] !== Kind.Gap) qb++;
    const sa = firstWindow ? Math.max(0, sj - WINDOW_SLACK) : sj;
    const sb = Math.min(m, sj + 2 * (qb - qi) + WINDOW_SLACK);
    work += (qb - qi + 1) * (sb - sa + 1);
    const { ops, sEnd } = alignWindow(quote, qi, qb, source, sa, sb, firstWindow);
    firstWindow = false;
    const upto = qb === n || quote.kind[qb] === Kind.Gap ? ops.length : agreement(quote, ops);
    for (let k = 0; k < upto; k++) take(ops[k]!);
    if (upto < ops.length) {
      qi = ops[upto]!.q;
      sj = ops[upto]!.s;
    } else {
      qi = qb;
      sj = sEnd;
    }
  }
  passMark();
  // The quote's words compared: all of them, unless the comparison stopped early.
  const quoteWords = quote.words.filter((i) => i < qi).length || quote.words.length;
  const start = first ?? sj;
  return { hunks, misplaced, partWords, matchedWords, quoteWords, sourceWords, first: start, last: Math.max(last, start), stopped };
}

/** The step from which a window's alignment agrees with the source again (two words in a row), after its first difference. */
function agreement(quote: Tokens, ops: Op[]): number {
  let k = ops.findIndex((op) => op.step === Step.Replaced || op.step === Step.QuoteOnly || op.step === Step.SourceOnly);
  if (k < 0) return ops.length;
  let run = -1;
  let words = 0;
  for (k++; k < ops.length; k++) {
    const op = ops[k]!;
    if (op.step !== Step.Same) {
      run = -1;
      words = 0;
      continue;
    }
    if (run < 0) run = k;
    if (quote.kind[op.q] !== Kind.Space) words++;
    if (words >= 2) return run;
  }
  return ops.length;
}

/** The first source token from `from` where the quote's tokens from `q` (up to the next edit mark, five at most) occur. */
function findResumption(quote: Tokens, q: number, source: Tokens, from: number): number {
  let length = 0;
  while (length < 5 && q + length < quote.kind.length && quote.kind[q + length] !== Kind.Gap) length++;
  const limit = Math.min(source.kind.length - length, from + WORK_LIMIT / 8);
  for (let s = from; s <= limit; s++) {
    let k = 0;
    while (k < length && same(quote, q + k, source, s + k)) k++;
    if (k === length) return s;
  }
  return -1;
}

/** Differences described, at most; the rest are counted. */
const DESCRIBED = 3;
/** A passage longer than this is shown in part, around its first difference. */
const PASSAGE_SHOWN = 160;

/** `text` cut in the middle to about `max` characters, at spaces where it can be. */
function excerpt(text: string, max = 60): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 3) / 2);
  let head = text.slice(0, half);
  let tail = text.slice(-half);
  if (head.lastIndexOf(' ') > half / 2) head = head.slice(0, head.lastIndexOf(' '));
  if (tail.indexOf(' ') >= 0 && tail.indexOf(' ') < half / 2) tail = tail.slice(tail.indexOf(' ') + 1);
  return `${head} … ${tail}`;
}

const quoted = (text: string) => `"${excerpt(text)}"`;

/** A character named, and said to be invisible when it is: `an invisible U+200B ZERO WIDTH SPACE`. */
const named = (ch: string) => (isInvisible(ch) ? `an invisible ${describeCharacter(ch)}` : describeCharacter(ch));

/** Several characters named, joined: `"e" U+0065 LATIN SMALL LETTER E + U+0301 COMBINING ACUTE ACCENT`. */
const namedAll = (chars: string[]) => chars.map(named).join(' + ');

const isInvisibleToken = (t: Tokens, i: number) => t.kind[i] === Kind.Word && Array.from(tokenText(t, i)).every(isInvisible);

/** Edit distance between two short lists, with its alignment as runs that differ: [a from, a to, b from, b to]. */
function differingRuns<T>(a: readonly T[], b: readonly T[]): [number, number, number, number][] {
  const w = b.length + 1;
  const cost = new Int32Array((a.length + 1) * w);
  for (let j = 0; j <= b.length; j++) cost[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cost[i * w] = i;
    for (let j = 1; j <= b.length; j++) {
      cost[i * w + j] = Math.min(
        cost[(i - 1) * w + j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        cost[(i - 1) * w + j]! + 1,
        cost[i * w + j - 1]! + 1,
      );
    }
  }
  const runs: [number, number, number, number][] = [];
  let i = a.length;
  let j = b.length;
  let run: [number, number, number, number] | undefined;
  while (i > 0 || j > 0) {
    const here = cost[i * w + j]!;
    let ni = i;
    let nj = j;
    if (i > 0 && j > 0 && a[i - 1] === b[j - 1] && here === cost[(i - 1) * w + j - 1]) {
      run = undefined;
      i--;
      j--;
      continue;
    }
    if (i > 0 && j > 0 && here === cost[(i - 1) * w + j - 1]! + 1) {
      ni--;
      nj--;
    } else if (j > 0 && here === cost[i * w + j - 1]! + 1) nj--;
    else ni--;
    if (!run) {
      run = [i, i, j, j];
      runs.push(run);
    }
    run[0] = ni;
    run[2] = nj;
    i = ni;
    j = nj;
  }
  return runs.reverse();
}

/** Describes how a quote differs from its source, token run by token run. */
class Describer {
  private readonly quote: QuoteTokens;
  private readonly source: SourceTokens;

  constructor(quote: QuoteTokens, source: SourceTokens) {
    this.quote = quote;
    this.source = source;
  }

  /** 1-based position, in code points of the quote as written, of unit `unit` of the compared text. */
  position(unit: number): number {
    return codePointCount(this.quote.original, this.quote.at[unit]) + 1;
  }

  private nonSpace(t: Tokens, from: number, to: number): number[] {
    const found: number[] = [];
    for (let i = from; i < to; i++) if (t.kind[i] !== Kind.Space && t.kind[i] !== Kind.Gap) found.push(i);
    return found;
  }

  /** The text of tokens (their first to their last, with what stands between them). */
  private text(t: Tokens, tokens: number[]): string {
    return t.text.slice(t.start[tokens[0]!], t.end[tokens.at(-1)!]);
  }

  /** `the word "will"`, `the words "we will"`, or for punctuation just `","`. */
  private phrase(t: Tokens, tokens: number[]): string {
    const words = tokens.filter((i) => t.kind[i] === Kind.Word).length;
    const text = quoted(this.text(t, tokens));
    if (words === 0) return text;
    return words === 1 ? `the word ${text}` : `the words ${text}`;
  }

  /** Where in the quote a difference at quote token `qa` (up to `qb`) stands: `after "keep"`, `before "We"`. */
  place(qa: number, qb: number): string {
    const { quote } = this;
    let before = qa - 1;
    while (before >= 0 && quote.kind[before] === Kind.Space) before--;
    const long = quote.text.length > 200;
    if (before >= 0) {
      // Punctuation is named with the word it follows: after "peace,".
      const word = quote.kind[before] === Kind.Punct && quote.kind[before - 1] === Kind.Word ? before - 1 : before;
      const what =
        quote.kind[before] === Kind.Gap
          ? quote.gaps.get(before)!.mark
          : quote.text.slice(quote.start[word], quote.end[before]);
      return `after ${quoted(what)}${long ? ` (character ${formatCount(this.position(quote.end[before]! - 1))})` : ''}`;
    }
    let after = qb;
    while (after < quote.kind.length && quote.kind[after] === Kind.Space) after++;
    return after < quote.kind.length ? `before ${quoted(tokenText(quote, after))}` : 'in the quote';
  }

  /** What the original text has where a normalised space stands: one character worth naming, or a plain space. */
  private spaceAt(original: string, offsets: ArrayLike<number>, unit: number): string {
    const run = original.slice(offsets[unit], offsets[unit + 1] ?? offsets[unit]! + 1);
    const chars = Array.from(run);
    return chars.length === 1 && chars[0] !== ' ' ? named(chars[0]!) : 'a space';
  }

  /** A run of tokens that differ, in words; a run can hold several differences (two look-alike letters in one word). */
  hunk(h: Hunk): string[] {
    const { quote, source } = this;
    const q = this.nonSpace(quote, h.qa, h.qb);
    const s = this.nonSpace(source, h.sa, h.sb);
    if (q.length === 0 && s.length === 0) return this.spaces(h);
    const found: string[] = [];
    // Invisible characters standing alone are named one by one, whatever else the run holds.
    for (const i of q.filter((i) => isInvisibleToken(quote, i))) {
      let unit = quote.start[i]!;
      for (const ch of tokenText(quote, i)) {
        found.push(`the quote has ${named(ch)} at character ${formatCount(this.position(unit))} that the source does not have`);
        unit += ch.length;
      }
    }
    for (const i of s.filter((i) => isInvisibleToken(source, i))) {
      for (const ch of tokenText(source, i)) {
        found.push(`the source has ${named(ch)} ${this.place(h.qa, h.qb)} that the quote does not have`);
      }
    }
    const qv = q.filter((i) => !isInvisibleToken(quote, i));
    const sv = s.filter((i) => !isInvisibleToken(source, i));
    if (qv.length === 0 && sv.length === 0) return found;
    // Word for word, each pair told apart by its characters when that is what differs (a look-alike
    // letter; a non-joiner dropped from every Persian word that has one).
    if (qv.length === sv.length && qv.every((q, i) => quote.kind[q] === source.kind[sv[i]!])) {
      const pairs = qv.map((q, i) => this.characters(q, sv[i]!));
      if (pairs.every((characters) => characters !== undefined)) return [...found, ...pairs.flat()];
    }
    if (qv.length === 0) {
      const words = sv.filter((i) => source.kind[i] === Kind.Word).length;
      // Several words left out together are most often a cut the quote does not mark.
      const hint = words >= 3 ? ' (mark a cut as "[…]")' : '';
      return [...found, `${this.phrase(source, sv)} ${words > 1 ? 'are' : 'is'} missing ${this.place(h.qa, h.qb)}${hint}`];
    }
    if (sv.length === 0) return [...found, `the quote adds ${this.phrase(quote, qv)} ${this.place(h.qa, h.qb)}`];
    const key = (t: Tokens, list: number[]) => list.map((i) => tokenText(t, i)).sort().join('\u0000');
    if (qv.length > 1 && key(quote, qv) === key(source, sv)) {
      return [...found, this.order(qv, sv)];
    }
    return [...found, `the quote has ${this.phrase(quote, qv)} where the source has ${quoted(this.text(source, sv))}`];
  }

  /** A mark the grammar refuses where it stands (see `compare`). */
  mark(refused: { gap: number; why: 'nothing' | 'paragraph' | 'long'; sa: number; sb: number; words: number }): string {
    const { gap, why, sa, sb, words } = refused;
    const { elision, mark } = this.quote.gaps.get(gap)!;
    const written = quoted(mark);
    const where = this.place(gap, gap + 1);
    // As the source writes it (its curly quotation marks), white space made one space.
    const { original, offsets, start, end } = this.source;
    const from = offsets[start[sa] ?? 0] ?? 0;
    const to = sb > sa ? offsets[end[sb - 1]! - 1]! + 1 : from;
    const spanned = quoted(original.slice(from, to).replace(/\s+/g, ' ').trim());
    if (why === 'nothing') return `the quote marks a cut ${written} ${where} where the source has nothing to cut`;
    if (why === 'paragraph') {
      return elision
        ? `the cut ${written} ${where} runs across the end of a paragraph of the source, leaving out ${spanned}: a cut leaves out words within one paragraph (quote the words of each paragraph as a quote of its own)`
        : `${written} ${where} stands for source text across the end of a paragraph, ${spanned}: inserted words replace words within one paragraph`;
    }
    return elision
      ? `the cut ${written} ${where} leaves out ${formatCount(words)} words of the source, ${spanned}, more than the ${ELISION_WORDS} one cut may leave out (quote the passages as quotes of their own)`
      : `${written} ${where} stands for ${formatCount(words)} words of the source, ${spanned}, more than the ${INSERTION_WORDS} that inserted words may replace (mark a cut as "[…]")`;
  }

  /**
   * A quote word matched to only part of a source word: the quote, or the words by an edit mark, start
   * or end inside a word ("national" out of "international").
   */
  partWord(q: number, s: number): string {
    const { quote, source } = this;
    const mine = tokenText(quote, q);
    const theirs = tokenText(source, s);
    // Which end of the source word the quote word is: `same` tries its start first, as the quote's end is there.
    const atEnd = quote.partial.end.has(q) && sameText(quote, quote.start[q]!, source, source.start[s]!, mine.length);
    const neighbour = (step: number) => {
      let i = q + step;
      while (i >= 0 && i < quote.kind.length && quote.kind[i] === Kind.Space) i += step;
      return i >= 0 && i < quote.kind.length && quote.kind[i] === Kind.Gap ? quote.gaps.get(i) : undefined;
    };
    const gap = atEnd ? neighbour(1) : neighbour(-1);
    const part = `the source's word ${quoted(theirs)} (${quoted(mine)} is only its ${atEnd ? 'start' : 'end'})`;
    if (gap === undefined) {
      return `the quote ${atEnd ? 'ends' : 'starts'} inside ${part}: a quote starts and ends on whole words`;
    }
    const written = quoted(gap.mark);
    if (gap.elision) {
      return `the cut ${written} ${atEnd ? 'starts' : 'ends'} inside ${part}: a cut leaves out whole words`;
    }
    return `the words ${atEnd ? 'before' : 'after'} ${written} ${atEnd ? 'end' : 'start'} inside ${part}: inserted words replace whole words`;
  }

  order(q: number[], s: number[]): string {
    return `the words are in another order: the quote has ${quoted(this.text(this.quote, q))} where the source has ${quoted(this.text(this.source, s))}`;
  }

  /**
   * Two nearby runs that together only move words: words missing in one place and added in the other,
   * or two words (or groups) swapped.
   */
  moved(h: Hunk, g: Hunk): string | undefined {
    const { quote, source } = this;
    const words = (t: Tokens, list: number[]) => list.map((i) => tokenText(t, i)).sort().join('\u0000');
    const hq = this.nonSpace(quote, h.qa, h.qb);
    const hs = this.nonSpace(source, h.sa, h.sb);
    const gq = this.nonSpace(quote, g.qa, g.qb);
    const gs = this.nonSpace(source, g.sa, g.sb);
    const moved =
      (hq.length === 0 && gs.length === 0 && hs.length > 0 && words(source, hs) === words(quote, gq)) ||
      (hs.length === 0 && gq.length === 0 && hq.length > 0 && words(quote, hq) === words(source, gs)) ||
      (hq.length > 0 && hs.length > 0 && words(quote, hq) === words(source, gs) && words(source, hs) === words(quote, gq));
    if (!moved || g.qa - h.qb > 20) return undefined;
    return this.order(this.nonSpace(quote, h.qa, g.qb), this.nonSpace(source, h.sa, g.sb));
  }

  /** A run of spaces only: a space the quote has and the source has not, or the other way round. */
  private spaces(h: Hunk): string[] {
    const { quote, source } = this;
    const found: string[] = [];
    for (let i = h.qa; i < h.qb; i++) {
      const what = this.spaceAt(quote.original, quote.at, quote.start[i]!);
      found.push(
        what === 'a space'
          ? `the quote has a space ${this.place(i, i + 1)} that the source does not have`
          : `the quote has ${what} at character ${formatCount(this.position(quote.start[i]!))} that the source does not have`,
      );
    }
    for (let i = h.sa; i < h.sb; i++) {
      const what = this.spaceAt(source.original, source.offsets, source.start[i]!);
      found.push(`the source has ${what} ${this.place(h.qa, h.qb)} that the quote does not have`);
    }
    return found;
  }

  /**
   * One token against another, character by character, when that is what an editor needs: an invisible
   * character, a look-alike letter from another script, a letter written in two code points, a case.
   * Undefined when the words simply differ ("will" for "shall").
   */
  private characters(q: number, s: number): string[] | undefined {
    const { quote, source } = this;
    const qText = tokenText(quote, q);
    const sText = tokenText(source, s);
    const a = Array.from(qText);
    const b = Array.from(sText);
    if (a.length > 64 || b.length > 64) return undefined;
    const runs = differingRuns(a, b);
    const involved = runs.flatMap(([qa, qb, sa, sb]) => [...a.slice(qa, qb), ...b.slice(sa, sb)]);
    const special = involved.some((ch) => isInvisible(ch)) || involved.some((ch) => !isPlain(ch));
    if (!special || involved.length > 6) {
      if (qText.toLowerCase() !== sText.toLowerCase()) return undefined;
      // A change of case: the one edit a mark makes explicit.
      const hint =
        runs.length === 1 && runs[0]![0] === 0 && runs[0]![1] === 1
          ? ` (mark a changed letter as "[${a[0]}]${a.slice(1).join('')}")`
          : '';
      return [`the quote has ${quoted(qText)} where the source has ${quoted(sText)}${hint}`];
    }
    // Units of the quote's compared text where each code point of the token starts.
    const units: number[] = [];
    let unit = quote.start[q]!;
    for (const ch of a) {
      units.push(unit);
      unit += ch.length;
    }
    units.push(unit);
    const at = (i: number) => formatCount(this.position(units[i]!));
    return runs.map(([qa, qb, sa, sb]) => {
      const mine = a.slice(qa, qb);
      const theirs = b.slice(sa, sb);
      if (theirs.length === 0) {
        return mine.length === 1
          ? mine.every(isInvisible)
            ? `the quote has ${named(mine[0]!)} at character ${at(qa)} that the source does not have`
            : `character ${at(qa)} of the quote, ${named(mine[0]!)}, is not in the source`
          : `characters ${at(qa)}–${at(qb - 1)} of the quote, ${namedAll(mine)}, are not in the source`;
      }
      if (mine.length === 0) {
        const where = qa > 0 ? `after character ${at(qa - 1)} of the quote` : `before character ${at(0)} of the quote`;
        return `the source has ${namedAll(theirs)} ${where} that the quote does not have`;
      }
      const span = mine.length === 1 ? `character ${at(qa)} of the quote is` : `characters ${at(qa)}–${at(qb - 1)} of the quote are`;
      if (mine.join('').normalize('NFC') === theirs.join('').normalize('NFC')) {
        return `${span} ${namedAll(mine)}; the source has the same text written as ${namedAll(theirs)}`;
      }
      return `${span} ${namedAll(mine)}; the source has ${namedAll(theirs)}`;
    });
  }
}

/**
 * The passage aligned with the quote, as the message shows it: whole when short, else its start and
 * the stretch around its first difference, with its size.
 */
function showPassage(
  source: SourceTokens,
  first: number,
  last: number,
  difference: number | undefined,
): { shown: string; size?: string } {
  const from = source.offsets[source.start[first] ?? 0] ?? 0;
  const lastUnit = (source.end[Math.max(last - 1, first)] ?? source.text.length) - 1;
  const to = lastUnit >= 0 ? source.offsets[lastUnit]! + 1 : from;
  const passage = source.original.slice(from, to).replace(/\s+/g, ' ');
  if (passage.length <= PASSAGE_SHOWN) return { shown: `"${passage}"` };
  const size = `${formatCount(codePointCount(passage))} characters`;
  // Up to `max` characters from `at`, ending at a space where one is near.
  const cut = (at: number, max: number) => {
    const text = passage.slice(at, at + max + 1);
    if (text.length <= max) return text;
    const space = text.lastIndexOf(' ', max);
    return text.slice(0, space > max / 2 ? space : max);
  };
  const at = difference === undefined ? 0 : (source.offsets[source.start[difference] ?? 0] ?? from) - from;
  if (at < 100) return { shown: `"${cut(0, PASSAGE_SHOWN)} …"`, size };
  // From the start of a word some 40 characters before the difference.
  const around = passage.indexOf(' ', at - 40) + 1;
  return { shown: `"${cut(0, 60)} … ${cut(around, 100)} …"`, size };
}

/**
 * Why `quote` is not verbatim in `source`, for the problem's "expected" text after "the words verbatim
 * in source …; ": the closest passage (cut to a readable length) and the differences, the first three
 * described, character by character where the eye cannot tell them apart:
 *
 *   closest passage (91% alike): "we will stand with Afghans who strive to keep the Republic intact";
 *   the word "the" is missing after "keep"
 *
 * Edit marks (`[…]`, `[sic]`, `[T]he`, `[inserted words]`) are what they say, not differences.
 * Character positions are 1-based, in code points of the quote as written.
 */
export function explainMiss(quote: string, source: string): string {
  const theSource = sourceTokens(source);
  if (theSource.kind.length === 0) return 'the source has no text';
  const theQuote = quoteTokens(quote);
  if (theQuote.kind.length === 0) return 'the quote has no words';
  const compared = compare(theQuote, theSource);
  const describe = new Describer(theQuote, theSource);
  const found: { q: number; text: string }[] = [];
  const { hunks } = compared;
  for (let k = 0; k < hunks.length; k++) {
    const h = hunks[k]!;
    const next = hunks[k + 1];
    const moved = next && describe.moved(h, next);
    if (moved) {
      found.push({ q: h.qa, text: moved });
      k++;
    } else {
      for (const text of describe.hunk(h)) found.push({ q: h.qa, text });
    }
  }
  for (const refused of compared.misplaced) found.push({ q: refused.gap, text: describe.mark(refused) });
  for (const { q, s } of compared.partWords) found.push({ q, text: describe.partWord(q, s) });
  found.sort((x, y) => x.q - y.q);

  if (compared.matchedWords === 0) return 'no passage of the source is like it: none of its words are there in this order';
  const alike = Math.floor((100 * compared.matchedWords) / Math.max(compared.quoteWords, compared.sourceWords, 1));
  const passage = showPassage(theSource, compared.first, compared.last, hunks[0]?.sa);
  const closest = `closest passage (${Math.min(alike, 99)}% alike${passage.size ? `, ${passage.size}` : ''}): ${passage.shown}`;
  if (found.length === 0) return `${closest}; the difference could not be pinned down`;
  const shown = found.slice(0, DESCRIBED).map((d) => d.text);
  if (found.length === 1) return `${closest}; ${shown[0]}`;
  const more = found.length - shown.length;
  const count = compared.stopped ? `at least ${formatCount(found.length)}` : formatCount(found.length);
  const numbered = shown.map((text, i) => `(${i + 1}) ${text}`).join('; ');
  const rest = more > 0 || compared.stopped ? `; and ${compared.stopped ? 'at least ' : ''}${formatCount(more)} more difference${more === 1 ? '' : 's'}` : '';
  return `${closest}; ${count} differences: ${numbered}${rest}`;
}

/**
 * The lowercase hex SHA-256 of a text's UTF-8 bytes: the fingerprint of a source's text as the
 * verbatim check read it, which the open data publishes, the published record keeps, and the verifier
 * (src/lib/verify/verify.ts) compares a copy with.
 */
export const textSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
