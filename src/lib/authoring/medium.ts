import type { media } from '../model/entities';

/**
 * The medium of a quote from the words around it: the sentence first, then the paragraph. A source
 * that names none gets `unstated`, which the model reserves for exactly that.
 */

type Medium = (typeof media)[number];

/** Words that name a medium, most specific first: "a virtual meeting" before "a meeting" would be. */
const WORDS: [RegExp, Medium][] = [
  [/\b(?:press|news) conference\b/i, 'press conference'],
  [/\bvirtual meeting\b/i, 'virtual meeting'],
  [/\b(?:tweet(?:s|ed)?|on Twitter)\b/i, 'tweet'],
  [/\binterview\b/i, 'interview'],
  [/\bspeech\b/i, 'speech'],
  [/\b(?:statement|declaration|communiqu[eé])\b/i, 'statement'],
];

/** The medium the nearest scope names, with the words that name it; `unstated` when none does. */
export function suggestMedium(scopes: readonly string[]): { medium: Medium; words?: string } {
  for (const scope of scopes) {
    const found = WORDS.map(([pattern, medium]) => ({ medium, match: pattern.exec(scope) }))
      .filter((f) => f.match !== null)
      .sort((a, b) => a.match!.index - b.match!.index)[0];
    if (found) return { medium: found.medium, words: found.match![0] };
  }
  return { medium: 'unstated' };
}
