/**
 * A long source and quotes with cuts in it, for the verbatim matcher's benchmark (tests/bench/verbatim.ts)
 * and its unit test (tests/unit/verbatim.test.ts): paragraphs of news-like sentences, one a line, from
 * a fixed seed, so every run measures the same text.
 */

const WORDS = (
  'the talks envoy said would resume after a week of meetings in the capital where officials from both ' +
  'sides met to discuss prisoners ceasefire violence and a plan for the future of the country which ' +
  'many called fragile but necessary while others warned that attacks on civilians must end before ' +
  'any agreement could hold and that the next round depends on trust between the negotiators'
).split(' ');

/** A small deterministic generator (mulberry32): the same text on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About `size` characters of text: paragraphs of 90 to 130 words, in sentences of 8 to 20. */
export function generatedSource(size: number, seed = 7): string {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < size) {
    const sentences: string[] = [];
    for (let words = 90 + pick(40); words > 0;) {
      const count = Math.min(words, 8 + pick(12));
      words -= count;
      const sentence = Array.from({ length: count }, (_, i) => WORDS[pick(WORDS.length)]! + (i === 3 ? ',' : ''));
      sentence[0] = sentence[0]![0]!.toUpperCase() + sentence[0]!.slice(1);
      sentences.push(`${sentence.join(' ').replace(/,$/, '')}.`);
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 1;
  }
  return paragraphs.join('\n');
}

/**
 * A quote of the source's last paragraph with `cuts` cuts marked `[…]`: runs of two or three words,
 * each cut leaving out one or two; with no cut, its first twelve words. Returns the quote and the
 * passage it must be found as.
 */
export function quoteWithCuts(source: string, cuts: number): { quote: string; passage: string } {
  const from = source.lastIndexOf('\n') + 1;
  const words = [...source.slice(from).matchAll(/\p{L}+/gu)].map((m) => ({
    start: from + m.index,
    end: from + m.index + m[0].length,
  }));
  const runs: string[] = [];
  let at = 0;
  let end = from;
  for (let run = 0; run <= cuts; run++) {
    const length = cuts === 0 ? 12 : 2 + (run % 2);
    end = words[at + length - 1]!.end;
    runs.push(source.slice(words[at]!.start, end));
    at += length + 1 + (run % 3 === 0 ? 1 : 0);
  }
  return { quote: runs.join(' […] '), passage: source.slice(words[0]!.start, end) };
}
