import type { ContentProblem } from './problems.ts';

/**
 * A content file's bytes as the text an editor wrote. Editors save files from many tools: a byte
 * order mark, Windows (CRLF) or old Mac (CR) line endings are read as the same text; a file in another
 * encoding (UTF-16, Latin-1) is refused with its own message rather than read as garbage, which would
 * surface later as a field "missing" that is plainly there.
 *
 * Line endings are white space, and the verbatim check treats every run of white space alike, so
 * writing them all as `\n` changes nothing a quote is compared on.
 */

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The byte order mark UTF-8 editors may put first: three bytes, not text. */
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

const startsWith = (bytes: Uint8Array, mark: readonly number[]) => mark.every((byte, i) => bytes[i] === byte);

/** What an encoding problem says: the file is unread, so the field is the file itself. */
const encodingProblem = (file: string, value: string, expected: string, line?: number): ContentProblem => ({
  file,
  field: '(file)',
  value,
  expected,
  line,
});

const SAVE_AS_UTF8 = 'save it again as UTF-8 (the "UTF-8" encoding in the editor\'s Save As)';

/** The 1-based line holding the first byte sequence that is not UTF-8: lines end at byte 0x0A, which no multi-byte character contains. */
function firstBadLine(bytes: Uint8Array): number {
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    try {
      strict.decode(bytes.subarray(start, end < 0 ? bytes.length : end));
    } catch {
      return line;
    }
    if (end < 0) return line;
    start = end + 1;
  }
}

/** The text of a content file's bytes, with the byte order mark dropped and every line ending `\n`; or why it cannot be read. */
export function decodeContentFile(bytes: Uint8Array, file: string): { text: string } | { problem: ContentProblem } {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { problem: encodingProblem(file, 'UTF-16 text', `a file in UTF-8: this one is in UTF-16; ${SAVE_AS_UTF8}`) };
  }
  // UTF-16 without its mark puts a zero byte beside every ASCII character; no text file holds one.
  const zero = bytes.indexOf(0);
  if (zero >= 0) {
    return {
      problem: encodingProblem(
        file,
        'a zero byte',
        `a text file in UTF-8: this one holds zero bytes, as UTF-16 or a file that is not text does; ${SAVE_AS_UTF8}`,
        bytes.subarray(0, zero).filter((byte) => byte === 0x0a).length + 1,
      ),
    };
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  let text: string;
  try {
    text = strict.decode(body);
  } catch {
    return {
      problem: encodingProblem(
        file,
        'bytes that are not UTF-8',
        `a file in UTF-8: this one is in another encoding (Latin-1 or Windows-1252, perhaps); ${SAVE_AS_UTF8}`,
        firstBadLine(body),
      ),
    };
  }
  return { text: text.replace(/\r\n?/g, '\n') };
}
