/**
 * Links to the exact passage of a source: a URL text directive, `#:~:text=[prefix-,]start[,end][,-suffix]`,
 * built to the rules of the WICG report "URL Fragment Text Directives", and the report's own matching
 * (its "find a range from a text directive" steps) to prove that a browser lands on the passage and on
 * nothing else.
 *
 * The original page is modelled from the source's text as the site stores it, one paragraph a line:
 * each line a block (a directive's terms never cross one), its white space collapsed as HTML renders it,
 * its typography kept (the publisher's page has the same curly quotes and dashes).
 *
 * A directive is made of whole words of that text. It is kept only if the report's matching finds it
 * exactly once, at the passage. The matching folds more together than a browser does (case, accents
 * and other marks, compatibility forms, curly and straight quotation marks, soft hyphens, kinds of
 * space), so the places it finds include every place a browser could find: when the passage is the only
 * one here, it is the only one a browser can land on.
 */

import type { Span } from '../model/corpus.ts';
import { SITE_LANGUAGE } from '../model/language.ts';

/** A text directive's terms, percent-decoded: what it matches (`start`, up to `end`) and the context around it. */
export interface TextDirective {
  prefix?: string | undefined;
  start: string;
  end?: string | undefined;
  suffix?: string | undefined;
}

/** A stretch of a source's text, by offsets into it (a quote's or a passage's `Span`). */
export type Stretch = Pick<Span, 'start' | 'end'>;

export type TextFragmentResult =
  | {
      ok: true;
      directive: TextDirective;
      /** What follows the URL's `#` (or its own fragment): `:~:text=…`. */
      fragment: string;
    }
  | { ok: false; reason: string };

/**
 * Passages up to this many characters are matched whole (`text=start`), longer ones by their first and
 * last words (`text=start,end`). The report's "Prefer Exact Matching To Range-based" recommends a whole
 * match under 300 characters: it still finds the words if the page is changed around them, and shows
 * the reader what was meant if it is gone. Percent-encoded, 300 characters of English take some 400 in
 * the address (a space is `%20`), of Arabic script up to six times as many.
 */
export const WHOLE_MATCH_CHARACTERS = 300;

/**
 * A long passage's start and end terms run to at least this many words (fewer if its first or last
 * paragraph has fewer), and grow, up to TERM_WORDS, until the range is the only one: one or two
 * words ("The", "he said") stand everywhere and say nothing to a reader who sees the address.
 */
export const FIRST_TERM_WORDS = 3;
export const TERM_WORDS = 10;

/**
 * Context, a prefix and/or a suffix, is added only when the passage's words stand elsewhere in the
 * source (the report's "Use Context Only When Necessary": context breaks more easily when the page
 * changes), a word at a time, up to this many on each side. Ten words the same on both sides of two
 * places is a repeated sentence, and a link cannot tell its copies apart.
 */
export const CONTEXT_WORDS = 10;

/** What ends a paragraph in a source's text: sources are stored one paragraph a line (as the verbatim check reads them). */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * A source's text as the original page renders it, indexed for the report's matching: `text` holds the
 * paragraphs, white space collapsed, joined by `\n` (a block boundary: no term matches across it).
 */
export interface RenderedText {
  text: string;
  /** For each unit of `text` (and one past its end), the offset in the source it stands for: a collapsed run, where the run starts. */
  offsets: Int32Array;
  /** 1 where a word boundary is (UAX #29, as `Intl.Segmenter` gives it), for each unit and one past the end. */
  boundary: Uint8Array;
  /** Where each word starts and ends, in order: the places a term may begin or end. */
  wordStarts: number[];
  wordEnds: number[];
  /** `text` folded for matching (`fold`), `\n` kept between paragraphs. */
  folded: string;
  /** For each unit of `text`, where its fold starts in `folded` (-1 inside a surrogate pair), and one past the end. */
  foldedAt: Int32Array;
  /** For each unit of `folded`, and one past its end: the unit of `text` a match starting or ending there maps to (-1: none). */
  startOf: Int32Array;
  endOf: Int32Array;
}

const QUOTE_MARKS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
};

/**
 * One character as matching compares it: the report searches at the "primary level" of the Unicode
 * collation (no case, no accents); browsers also take curly quotation marks for straight ones and skip
 * soft hyphens. Compatibility forms (ligatures, full-width letters) and the sharp s (U+00DF) and `ss` fold too: folding more
 * than a browser only finds more places, which keeps the uniqueness check on the safe side.
 */
function fold(character: string): string {
  const code = character.charCodeAt(0);
  if (code < 0x80)
    return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : /\s/.test(character) ? ' ' : character;
  if (character === '\u00AD') return '';
  if (/\s/u.test(character)) return ' ';
  const quote = QUOTE_MARKS[character];
  if (quote !== undefined) return quote;
  return character.normalize('NFKD').toUpperCase().toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

/** The source's text, laid out as its original page renders it and indexed for matching. `lang`: the source's language, for word boundaries. */
export function renderSource(source: string, lang: string = SITE_LANGUAGE): RenderedText {
  // The paragraphs, white space collapsed as HTML renders it (a run of spaces and tabs is one space, and
  // none at either end of a paragraph): built from slices of the runs kept as they are.
  const parts: string[] = [];
  const kept = new Int32Array(source.length + 1);
  let length = 0;
  const keep = (from: number, to: number) => {
    parts.push(source.slice(from, to));
    for (let i = from; i < to; i++) kept[length++] = i;
  };
  const breaks = [...source.matchAll(LINE_BREAK), { index: source.length, 0: '' }];
  for (let line = 0, from = 0; line < breaks.length; from = breaks[line]!.index + breaks[line]![0].length, line++) {
    const to = breaks[line]!.index;
    // Where the line's rendered text starts: a paragraph break goes before it if one came before.
    const lineStart = length;
    let run = -1;
    let runEnd = from;
    for (let i = from; i <= to; i++) {
      const code = i < to ? source.charCodeAt(i) : 0x20;
      if (code !== 0x20 && code !== 0x09) {
        if (run < 0) run = i;
        continue;
      }
      if (run < 0) continue;
      if (length > lineStart) {
        // A collapsed run of white space stands where the run starts.
        parts.push(' ');
        kept[length++] = runEnd;
      } else if (length > 0) {
        // The paragraph break stands just after the text before it.
        parts.push('\n');
        kept[length] = kept[length - 1]! + 1;
        length++;
      }
      keep(run, i);
      run = -1;
      runEnd = i;
    }
  }
  const text = parts.join('');
  kept[length] = source.length;
  const offsets = kept.slice(0, length + 1);
  const boundary = new Uint8Array(text.length + 1);
  const wordStarts: number[] = [];
  const wordEnds: number[] = [];
  for (const { index, segment, isWordLike } of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) {
    boundary[index] = 1;
    if (isWordLike === true) {
      wordStarts.push(index);
      wordEnds.push(index + segment.length);
    }
  }
  boundary[text.length] = 1;

  // The folded text: ASCII one unit for one (a run of it lowered at once), anything else by `fold`,
  // which may give more units or none.
  const pieces: string[] = [];
  const foldedAt = new Int32Array(text.length + 1).fill(-1);
  let foldedLength = 0;
  let ascii = 0;
  const flush = (to: number) => {
    if (to > ascii) pieces.push(text.slice(ascii, to).toLowerCase());
  };
  for (let i = 0; i < text.length;) {
    foldedAt[i] = foldedLength;
    if (text.charCodeAt(i) < 0x80) {
      foldedLength++;
      i++;
      continue;
    }
    flush(i);
    const character = String.fromCodePoint(text.codePointAt(i)!);
    const piece = fold(character);
    pieces.push(piece);
    foldedLength += piece.length;
    i += character.length;
    ascii = i;
  }
  flush(text.length);
  foldedAt[text.length] = foldedLength;
  // A match in the folded text starts at the first character whose fold starts there, and ends before
  // the last character whose fold starts at its end (after any whose fold is empty).
  const startOf = new Int32Array(foldedLength + 1).fill(-1);
  const endOf = new Int32Array(foldedLength + 1).fill(-1);
  for (let i = text.length; i >= 0; i--) {
    const at = foldedAt[i]!;
    if (at < 0) continue;
    startOf[at] = i;
    if (endOf[at] === -1) endOf[at] = i;
  }
  return {
    text,
    offsets,
    boundary,
    wordStarts,
    wordEnds,
    folded: pieces.join(''),
    foldedAt,
    startOf,
    endOf,
  };
}

const isSpace = (character: string | undefined) => character !== undefined && /\s/u.test(character);

/** The report's "next non-whitespace position": past spaces and paragraph breaks. */
function nextNonSpace(t: RenderedText, at: number): number {
  while (at < t.text.length && isSpace(t.text[at])) at++;
  return at;
}

/** The position just after the character at `at` (two units for one outside the Basic Multilingual Plane). */
const after = (t: RenderedText, at: number) => at + (t.text.codePointAt(at)! > 0xffff ? 2 : 1);

interface Found {
  start: number;
  end: number;
}

/**
 * The report's "find a string in range", from `from` to the end of the text: the first place the
 * query stands within one paragraph, compared folded, starting and/or ending on a word boundary when
 * asked, and (`atBeginning`) only right at `from`. The query's spaces fold to plain ones and the
 * paragraphs are joined by `\n`, so no match crosses a paragraph.
 */
function findString(
  t: RenderedText,
  query: string,
  from: number,
  options: { startBounded: boolean; endBounded: boolean; atBeginning: boolean },
): Found | undefined {
  const needle = Array.from(query, fold).join('');
  if (needle === '') return undefined;
  const origin = t.foldedAt[from]!;
  for (let j = t.folded.indexOf(needle, origin); j >= 0; j = t.folded.indexOf(needle, j + 1)) {
    if (options.atBeginning && j !== origin) return undefined;
    const start = t.startOf[j]!;
    const end = t.endOf[j + needle.length]!;
    if (start < 0 || end < 0) continue;
    if (options.startBounded && t.boundary[start] !== 1) continue;
    if (options.endBounded && t.boundary[end] !== 1) continue;
    return { start, end };
  }
  return undefined;
}

/**
 * The report's "find a range from a text directive", searching from `from`: the first range a browser
 * indicates, or undefined. `resume` is where its search would go on (just after the first term it
 * found: the prefix, or the start), for finding the next one.
 */
function findRange(t: RenderedText, d: TextDirective, from: number): (Found & { resume: number }) | undefined {
  const length = t.text.length;
  // Where the matched text must end on a word boundary: unless a suffix follows it directly.
  const startEndBounded = d.end !== undefined || d.suffix === undefined;
  let search = from;
  while (search < length) {
    let match: Found | undefined;
    if (d.prefix !== undefined) {
      const prefix = findString(t, d.prefix, search, { startBounded: true, endBounded: false, atBeginning: false });
      if (prefix === undefined) return undefined;
      search = after(t, prefix.start);
      const at = nextNonSpace(t, prefix.end);
      if (at === length) return undefined;
      match = findString(t, d.start, at, { startBounded: false, endBounded: startEndBounded, atBeginning: true });
      if (match === undefined) continue;
    } else {
      match = findString(t, d.start, search, { startBounded: true, endBounded: startEndBounded, atBeginning: false });
      if (match === undefined) return undefined;
      search = after(t, match.start);
    }
    // For a range, the first end (with its suffix) after the start; if there is none, there is no match at all.
    let range = match;
    let endSearch = match.end;
    for (;;) {
      if (d.end !== undefined) {
        const end = findString(t, d.end, endSearch, {
          startBounded: true,
          endBounded: d.suffix === undefined,
          atBeginning: false,
        });
        if (end === undefined) return undefined;
        range = { start: match.start, end: end.end };
      }
      if (d.suffix === undefined) return { ...range, resume: search };
      const at = nextNonSpace(t, range.end);
      if (at < length && findString(t, d.suffix, at, { startBounded: false, endBounded: true, atBeginning: true })) {
        return { ...range, resume: search };
      }
      if (d.end === undefined) break;
      endSearch = range.end;
    }
  }
  return undefined;
}

/** Offsets in the source of a range of the rendered text. */
const inSource = (t: RenderedText, found: Found): Stretch => ({
  start: t.offsets[found.start]!,
  end: t.offsets[found.end - 1]! + 1,
});

/** Where a browser following the directive lands in the source: the first range the report's matching finds, as offsets into the source. */
export function findTextDirective(t: RenderedText, directive: TextDirective): Stretch | undefined {
  const found = findRange(t, directive, 0);
  return found && inSource(t, found);
}

/**
 * Every range the directive could land on: the first, and each one the search finds on going past the
 * one before (as it would were the text before it different). A directive that links one passage has one.
 */
export function everyTextDirectiveMatch(t: RenderedText, directive: TextDirective): Stretch[] {
  return everyMatch(t, directive).map((found) => inSource(t, found));
}

/** The ranges `everyTextDirectiveMatch` gives, in the rendered text, up to `most` of them. */
function everyMatch(t: RenderedText, directive: TextDirective, most = Infinity): Found[] {
  const found: Found[] = [];
  for (
    let next = findRange(t, directive, 0);
    next && found.length < most;
    next = findRange(t, directive, next.resume)
  ) {
    found.push({ start: next.start, end: next.end });
  }
  return found;
}

/**
 * What a term may hold as it is: the report's `TextDirectiveExplicitChar`. Everything else is
 * percent-encoded as UTF-8, `-`, `,` and `&` (the directive's own syntax), `%` and space among them.
 */
const EXPLICIT = /^[A-Za-z0-9!$'()*+./:;=?@_~]$/;

const UTF8 = new TextEncoder();

export function encodeTerm(term: string): string {
  let encoded = '';
  for (const character of term) {
    if (EXPLICIT.test(character)) {
      encoded += character;
      continue;
    }
    for (const byte of UTF8.encode(character)) encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/** The directive as a URL writes it: `text=prefix-,start,end,-suffix`, its terms percent-encoded. */
export function formatTextDirective(d: TextDirective): string {
  const terms = [
    d.prefix === undefined ? undefined : `${encodeTerm(d.prefix)}-`,
    encodeTerm(d.start),
    d.end === undefined ? undefined : encodeTerm(d.end),
    d.suffix === undefined ? undefined : `-${encodeTerm(d.suffix)}`,
  ];
  return `text=${terms.filter((term) => term !== undefined).join(',')}`;
}

/**
 * The report's "parse a text directive" on what follows `text=`: its terms percent-decoded, or undefined
 * where a browser ignores the directive (no start, a stray `-`, more than four terms, bytes that are not UTF-8).
 */
export function parseTextDirective(value: string): TextDirective | undefined {
  const tokens = value.split(',');
  if (tokens.length < 1 || tokens.length > 4) return undefined;
  let prefix: string | undefined;
  let suffix: string | undefined;
  if (tokens[0]!.endsWith('-')) {
    prefix = tokens.shift()!.slice(0, -1);
    if (prefix === '' || prefix.includes('-') || tokens.length === 0) return undefined;
  }
  if (tokens.at(-1)!.startsWith('-')) {
    suffix = tokens.pop()!.slice(1);
    if (suffix === '' || suffix.includes('-') || tokens.length === 0) return undefined;
  }
  if (tokens.length > 2) return undefined;
  const [start, end] = tokens as [string, string | undefined];
  if (start === '' || start.includes('-') || end === '' || end?.includes('-')) return undefined;
  const decode = (term: string | undefined) => {
    if (term === undefined) return undefined;
    // The URL's own percent-decoding: a `%` without two hex digits after it stands for itself.
    const bytes: number[] = [];
    for (let i = 0; i < term.length; i++) {
      const hex = term.slice(i + 1, i + 3);
      if (term[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        i += 2;
      } else {
        const character = String.fromCodePoint(term.codePointAt(i)!);
        bytes.push(...UTF8.encode(character));
        i += character.length - 1;
      }
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  };
  try {
    return { prefix: decode(prefix), start: decode(start)!, end: decode(end), suffix: decode(suffix) };
  } catch {
    return undefined;
  }
}

/** The text directives of a URL's fragment (after `:~:`, `&`-separated, others ignored), as a browser reads them. */
export function textDirectivesOf(url: string): TextDirective[] {
  const hash = url.indexOf('#');
  const marker = hash < 0 ? -1 : url.indexOf(':~:', hash);
  if (marker < 0) return [];
  return url
    .slice(marker + 3)
    .split('&')
    .filter((directive) => directive.startsWith('text='))
    .map((directive) => parseTextDirective(directive.slice(5)))
    .filter((directive) => directive !== undefined);
}

/** A link to the passage: `url` with the directive after its fragment (or as its fragment). */
export function withTextFragment(url: string, fragment: string): string {
  return url.includes('#') ? `${url}${fragment}` : `${url}#${fragment}`;
}

/** The span's ends in the rendered text, spaces and paragraph breaks at either end left out. */
function renderedSpan(t: RenderedText, span: Stretch): Found {
  // The first unit standing for an offset at or after `offset`.
  const unitAt = (offset: number) => {
    let low = 0;
    let high = t.text.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (t.offsets[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return trim(t, { start: unitAt(span.start), end: unitAt(span.end) });
}

/** The paragraph of the rendered text that holds unit `at`: where it starts and ends. */
function paragraphOf(t: RenderedText, at: number): Found {
  const end = t.text.indexOf('\n', at);
  return { start: t.text.lastIndexOf('\n', at - 1) + 1, end: end < 0 ? t.text.length : end };
}

/** Ascending places of `list` within [from, to]. */
const within = (list: number[], from: number, to: number) => list.filter((at) => at >= from && at <= to);

/** A range of the rendered text without the spaces at either end. */
function trim(t: RenderedText, range: Found): Found {
  let { start, end } = range;
  while (start < end && isSpace(t.text[start])) start++;
  while (end > start && isSpace(t.text[end - 1])) end--;
  return { start, end };
}

/** A context term on offer, and whether it comes from the paragraph next to the passage's rather than its own. */
interface Context {
  term?: string | undefined;
  neighbour: boolean;
}

/**
 * The context terms on offer on one side of the passage, nearest first (none, one word, two words, …,
 * the whole of the stretch last), from the rest of its paragraph on that side or, when there is nothing
 * there, from the paragraph next to it: the report lets context cross a block boundary, and warns that
 * it breaks more easily there.
 */
function context(t: RenderedText, passage: Found, side: 'before' | 'after'): Context[] {
  const own = paragraphOf(t, side === 'before' ? passage.start : passage.end);
  let region: Found;
  let neighbour = false;
  if (side === 'before' ? own.start < passage.start : passage.end < own.end) {
    region = side === 'before' ? { start: own.start, end: passage.start } : { start: passage.end, end: own.end };
  } else if (side === 'before' ? own.start > 0 : own.end < t.text.length) {
    region = paragraphOf(t, side === 'before' ? own.start - 1 : own.end + 1);
    neighbour = true;
  } else {
    return [{ neighbour: false }];
  }
  const { start, end } = trim(t, region);
  const terms =
    side === 'before'
      ? [...new Set([start, ...within(t.wordStarts, start, end - 1)])].reverse().map((from) => t.text.slice(from, end))
      : [...new Set([...within(t.wordEnds, start + 1, end), end])].map((to) => t.text.slice(start, to));
  return [{ neighbour: false }, ...terms.slice(0, CONTEXT_WORDS).map((term) => ({ term, neighbour }))];
}

/**
 * The start and end terms on offer for a passage matched as a range, shortest first: its first words
 * (from FIRST_TERM_WORDS up to TERM_WORDS, within its first paragraph) and its last words (within its
 * last), never overlapping. For a passage matched whole, the one term.
 */
function matchTerms(t: RenderedText, passage: Found): { start: string; end?: string }[][] {
  const text = t.text.slice(passage.start, passage.end);
  if (!text.includes('\n') && Array.from(text).length <= WHOLE_MATCH_CHARACTERS) return [[{ start: text }]];
  const first = paragraphOf(t, passage.start);
  const last = paragraphOf(t, passage.end - 1);
  const startEnds = [
    ...new Set([
      ...within(t.wordEnds, passage.start + 1, Math.min(first.end, passage.end)),
      Math.min(first.end, passage.end),
    ]),
  ];
  const endStarts = [
    ...new Set([
      ...within(t.wordStarts, Math.max(last.start, passage.start), passage.end - 1),
      Math.max(last.start, passage.start),
    ]),
  ].reverse();
  const starts = startEnds.slice(Math.min(FIRST_TERM_WORDS, startEnds.length) - 1, TERM_WORDS);
  const ends = endStarts.slice(Math.min(FIRST_TERM_WORDS, endStarts.length) - 1, TERM_WORDS);
  // Grouped by how many words the terms have beyond the fewest, so that shorter terms are tried first.
  const offered: { start: string; end?: string }[][] = [];
  for (let extra = 0; extra < starts.length + ends.length - 1; extra++) {
    const group: { start: string; end?: string }[] = [];
    for (let i = Math.max(0, extra - ends.length + 1); i <= Math.min(extra, starts.length - 1); i++) {
      const startEnd = starts[i]!;
      const endStart = ends[extra - i]!;
      if (startEnd <= endStart) {
        group.push({ start: t.text.slice(passage.start, startEnd), end: t.text.slice(endStart, passage.end) });
      }
    }
    if (group.length > 0) offered.push(group);
  }
  // Too few words for two terms apart: the passage in one paragraph is matched whole.
  if (offered.length === 0 && !text.includes('\n')) return [[{ start: text }]];
  return offered;
}

/**
 * A text directive that makes a browser indicate exactly this stretch of the source's text (a quote's
 * or a passage's span), and nothing else: the passage whole, or for a long one its first and last words;
 * with the fewest words of context that make it the only match, only when its words stand elsewhere.
 * Among directives with as many words, context from the passage's own paragraph, then the shortest address. Not ok, with the reason, when the span is
 * not whole words of the text, or no directive within the limits above is the only match.
 */
export function textFragment(t: RenderedText, span: Stretch): TextFragmentResult {
  const sourceLength = t.offsets[t.text.length]!;
  if (!(
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start <= span.end &&
    span.end <= sourceLength
  )) {
    return {
      ok: false,
      reason: `the span ${span.start}–${span.end} is not within the source's ${sourceLength} characters`,
    };
  }
  const passage = renderedSpan(t, span);
  if (passage.start === passage.end) return { ok: false, reason: `the span ${span.start}–${span.end} holds no text` };
  const shown = `"${t.text.slice(passage.start, passage.end)}"`;
  for (const [at, side] of [
    [passage.start, 'starts'],
    [passage.end, 'ends'],
  ] as const) {
    if (t.boundary[at] !== 1)
      return { ok: false, reason: `the passage ${shown} ${side} inside a word: a text directive matches whole words` };
  }
  const before = context(t, passage, 'before');
  const behind = context(t, passage, 'after');
  const terms = matchTerms(t, passage);
  // Fewest words of context first, then fewest words in the terms, then context from the passage's own
  // paragraph, then the shortest address.
  for (let words = 0; words < before.length + behind.length - 1; words++) {
    for (const group of terms) {
      const candidates: { directive: TextDirective; neighbours: number; fragment: string }[] = [];
      for (let p = Math.max(0, words - behind.length + 1); p <= Math.min(words, before.length - 1); p++) {
        const prefix = before[p]!;
        const suffix = behind[words - p]!;
        for (const term of group) {
          const directive = { prefix: prefix.term, ...term, suffix: suffix.term };
          // Two matches are enough to know it is not the only one: a common word stands thousands of times in a long source.
          const found = everyMatch(t, directive, 2);
          if (found.length !== 1 || found[0]!.start !== passage.start || found[0]!.end !== passage.end) continue;
          const neighbours = Number(prefix.neighbour) + Number(suffix.neighbour);
          candidates.push({ directive, neighbours, fragment: `:~:${formatTextDirective(directive)}` });
        }
      }
      const [best] = candidates.sort((a, b) => a.neighbours - b.neighbours || a.fragment.length - b.fragment.length);
      if (best) return { ok: true, directive: best.directive, fragment: best.fragment };
    }
  }
  return {
    ok: false,
    reason: `the passage ${shown} stands elsewhere in the source with the same ${CONTEXT_WORDS} words around it: no text directive finds it alone`,
  };
}
