import { gunzipSync } from 'node:zlib';
import { decodeHTML } from 'entities';

/**
 * Whether a built site publishes what its sources allow: the sentences an excerpts-only source's page
 * must leave out (`sentencesOutside`, src/lib/present/excerpts.ts) looked for in every built file.
 * Pure: the caller hands in the files' bytes, so a test can hand in a fake site.
 */

/** A sentence a built file must not hold, and where it comes from. */
export interface Withheld {
  /** The source's file, for the message. */
  source: string;
  sentence: string;
}

/** A withheld sentence found in a built file. */
export interface Leak extends Withheld {
  /** The built file, relative to the site's folder. */
  file: string;
}

/**
 * Sentences shorter than this many words are not looked for: "Feb." or "28." (the sentence
 * segmenter stops after an abbreviation) stand in any page and say nothing of the source.
 */
export const SHORTEST_WORDS = 3;

const GZIP = [0x1f, 0x8b] as const;

/**
 * The texts a built file gives a reader or a program, in each form the sentence could take there: as
 * stored; gunzipped (the search index's fragments); with HTML and XML character references decoded
 * (pages, the feed). Other bytes (images, fonts) are searched as they are, which finds nothing.
 */
export function readableForms(bytes: Uint8Array): string[] {
  let raw = bytes;
  if (bytes[0] === GZIP[0] && bytes[1] === GZIP[1]) {
    try {
      raw = gunzipSync(bytes);
    } catch {
      // Not gzip after all: searched as it is.
    }
  }
  const text = Buffer.from(raw).toString('utf8');
  const decoded = decodeHTML(text);
  return decoded === text ? [text] : [text, decoded];
}

/** The sentence as it stands in a JSON string: open data, the search index. */
const inJson = (sentence: string) => JSON.stringify(sentence).slice(1, -1);

/** Every withheld sentence that stands in a file, in file order. */
export function findLeaks(files: Iterable<{ file: string; bytes: Uint8Array }>, withheld: readonly Withheld[]): Leak[] {
  const sought = withheld.filter(({ sentence }) => sentence.split(/\s+/u).filter(Boolean).length >= SHORTEST_WORDS);
  const leaks: Leak[] = [];
  for (const { file, bytes } of files) {
    const forms = readableForms(bytes);
    for (const item of sought) {
      const json = inJson(item.sentence);
      if (forms.some((form) => form.includes(item.sentence) || form.includes(json))) leaks.push({ ...item, file });
    }
  }
  return leaks;
}
