import { codePointCount, codePointHex, describeCharacter } from './characters.ts';
import { fieldName, type ContentProblem } from './problems.ts';

/**
 * Which characters a content file's text may hold, field by field.
 *
 * Anywhere, a source's words included: only characters XML 1.0 allows. The feed and the sitemap are
 * XML, and one control character (U+0008) or noncharacter (U+FFFE) makes the whole feed unreadable; a
 * lone surrogate (a YAML escape `"\uD800"`) is no character at all and reaches a font as U+FFFD.
 *
 * In our own text (names, titles, claims, notes, ids, everything but a source's words): no direction
 * controls and no invisible characters. An unterminated U+202E RIGHT-TO-LEFT OVERRIDE in a name
 * reverses the page's own text after it; a claim typed backwards under one shows as the opposite
 * claim; a zero-width space makes two names that look the same two actors. Pages set each language's
 * direction themselves (`dir` on what is in a right-to-left language), so our text needs no controls.
 * The joiners U+200C and U+200D are allowed where a script needs them: between the letters of Arabic,
 * Persian, Pashto and the other joining and Indic scripts (`طرف‌ها`), and inside an emoji sequence.
 *
 * A source's words, and the words we quote from it, are exempt from the second rule: they are the
 * source's, and the verbatim check compares every character of a quote with its source
 * (src/lib/content/verbatim.ts), naming any invisible one the source does not have.
 */

/** Characters XML 1.0 does not allow (its `Char` production): C0 controls but tab, line feed and carriage return, U+FFFE, U+FFFF, and lone surrogates. */
// eslint-disable-next-line no-control-regex -- matching C0 controls is the point
const XML_FORBIDDEN_CHAR = /^[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\p{Cs}]$/u;
const XML_FORBIDDEN = new RegExp(XML_FORBIDDEN_CHAR.source.slice(1, -1), 'gu');

/** Unicode's direction controls (embeddings, overrides, isolates, and the three marks). */
const DIRECTION_CONTROL = /^\p{Bidi_Control}$/u;

/**
 * What may show nothing in our text: controls, format characters (direction controls among them),
 * default-ignorable code points (zero-width spaces, joiners, variation selectors, fillers, tags),
 * unassigned code points and noncharacters, which no font shows, and lone surrogates. Each is then
 * judged where it stands (tab and line feed, a joiner in a joining script, are allowed).
 */
const SUSPECT_IN_OURS = /[\p{Cc}\p{Cf}\p{Cn}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu;

/** Scripts that join letters or form conjuncts, where U+200C and U+200D change how a word is drawn. */
const JOINING_SCRIPTS = [
  'Arabic',
  'Syriac',
  'Nko',
  'Mandaic',
  'Mongolian',
  'Adlam',
  'Hanifi_Rohingya',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Khmer',
  'Myanmar',
];
const JOINING = new RegExp(`^[${JOINING_SCRIPTS.map((script) => `\\p{Script_Extensions=${script}}`).join('')}]$`, 'u');

/** A character of an emoji sequence that U+200D may join: a pictograph, a skin-tone modifier, or the emoji-style selector. */
const EMOJI_PART = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;

/** The character (code point) that ends just before UTF-16 offset `i`, if any. */
function charBefore(text: string, i: number): string | undefined {
  if (i === 0) return undefined;
  const low = text.charCodeAt(i - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && i >= 2 && /[\uD800-\uDBFF]/.test(text[i - 2]!);
  return text.slice(pair ? i - 2 : i - 1, i);
}

/** The character (code point) that starts at UTF-16 offset `i`, if any. */
const charAt = (text: string, i: number): string | undefined =>
  i < text.length ? String.fromCodePoint(text.codePointAt(i)!) : undefined;

/** Whether the suspect character `ch`, between `before` and `after`, is allowed in our text there. */
function allowedInOurs(ch: string, before: string | undefined, after: string | undefined): boolean {
  if (ch === '\t' || ch === '\n') return true;
  if (before === undefined || after === undefined) return false;
  if (ch === '\u200C' || ch === '\u200D') {
    if (JOINING.test(before) && JOINING.test(after)) return true;
    return ch === '\u200D' && EMOJI_PART.test(before) && /^\p{Extended_Pictographic}$/u.test(after);
  }
  // A variation selector picks how the character before it is drawn (an emoji's colour, a CJK glyph).
  return /^\p{Variation_Selector}$/u.test(ch) && !/^[\s\p{Cc}\p{Cf}\p{Cn}\p{Cs}\p{Default_Ignorable_Code_Point}]$/u.test(before);
}

/**
 * The first character from UTF-16 offset `from` that `text` may not hold, at its offset, with why;
 * undefined when every character is allowed. `ours`: our own text, not a source's words.
 */
export function refusedCharacter(
  text: string,
  ours: boolean,
  from = 0,
): { index: number; what: string; why: string } | undefined {
  const suspects = ours ? SUSPECT_IN_OURS : XML_FORBIDDEN;
  suspects.lastIndex = from;
  for (let match = suspects.exec(text); match !== null; match = suspects.exec(text)) {
    const ch = match[0];
    const { index } = match;
    if (XML_FORBIDDEN_CHAR.test(ch)) {
      return { index, what: `no ${describeCharacter(ch)}`, why: 'XML forbids it, and the feed and sitemap are XML' };
    }
    if (DIRECTION_CONTROL.test(ch)) {
      return {
        index,
        what: `no ${describeCharacter(ch)}`,
        why: "a direction control reorders the text around it on the page (the pages set each language's direction themselves)",
      };
    }
    if (!allowedInOurs(ch, charBefore(text, index), charAt(text, index + ch.length))) {
      const joiner = ch === '\u200C' || ch === '\u200D';
      return {
        index,
        what: `no invisible ${describeCharacter(ch)}`,
        why: `it shows nothing, so two texts that look the same would differ${joiner ? ' (a joiner belongs only between the letters of a script that needs one, such as Persian)' : ''}`,
      };
    }
  }
  return undefined;
}

/** `text` with every character it may not hold written as its code point, `<U+202E>`, so a message shows it (and a terminal does not obey it). */
export function showRefused(text: string, ours: boolean): string {
  let shown = '';
  let from = 0;
  for (let refused = refusedCharacter(text, ours); refused !== undefined; refused = refusedCharacter(text, ours, from)) {
    const cp = text.codePointAt(refused.index)!;
    shown += `${text.slice(from, refused.index)}<${codePointHex(cp)}>`;
    from = refused.index + String.fromCodePoint(cp).length;
  }
  return shown + text.slice(from);
}

/** Which of a file's texts are a source's words: its body (`["body"]`) or a field, by path. */
export type IsSourceWords = (path: PropertyKey[]) => boolean;

/**
 * Every problem with the characters of one file: one per field (its first refused character), every
 * string checked, the keys of a data file's mappings too, and the body, placed on its line and column.
 */
export function characterProblems(
  file: string,
  fields: unknown,
  body: { text: string; line: number } | undefined,
  isSourceWords: IsSourceWords,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const check = (text: string, path: PropertyKey[], ours = !isSourceWords(path)) => {
    const refused = refusedCharacter(text, ours);
    if (refused === undefined) return;
    problems.push({
      file,
      field: fieldName(path),
      value: showRefused(text, ours),
      expected: `${refused.what} (character ${codePointCount(text, refused.index) + 1}): ${refused.why}`,
    });
  };
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') check(value, path);
    else if (Array.isArray(value)) value.forEach((item, i) => {
        walk(item, [...path, i]);
      });
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        check(key, [...path, key], true);
        walk(item, [...path, key]);
      }
    }
  };
  walk(fields, []);
  if (body !== undefined) {
    const ours = !isSourceWords(['body']);
    const refused = refusedCharacter(body.text, ours);
    if (refused !== undefined) {
      const before = body.text.slice(0, refused.index).split('\n');
      const lineStart = refused.index - before.at(-1)!.length;
      const lineEnd = body.text.indexOf('\n', refused.index);
      const line = body.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
      problems.push({
        file,
        field: 'body',
        value: showRefused(line, ours),
        expected: `${refused.what}: ${refused.why}`,
        line: body.line + before.length - 1,
        column: codePointCount(before.at(-1)!) + 1,
      });
    }
  }
  return problems;
}
