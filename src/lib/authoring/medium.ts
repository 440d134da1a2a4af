import type { media } from '../model/entities.ts';
import { contextOf } from './context.ts';

/**
 * The medium of a quote from the words around it: the sentence first, then the paragraph. A source
 * that names none anywhere gets `unstated`, which the model reserves for exactly that; one that
 * names a medium only elsewhere leaves the choice to the editor.
 */

type Medium = (typeof media)[number];

/** Words that name a medium, most specific first: "a virtual meeting" before "a meeting" would be. */
const WORDS: [RegExp, Medium][] = [
  [/\b(?:press|news) conference\b/i, 'press conference'],
  [/\bvirtual meeting\b/i, 'virtual meeting'],
  [/\b(?:tweet(?:s|ed)?|on Twitter)\b/i, 'tweet'],
  [/\binterview\b/i, 'interview'],
  [/\bspeech\b/i, 'speech'],
  // No \b after “communiqué”: to \b its last letter is no word character.
  [/\b(?:statement|declaration|communiqu[eé])(?!\p{L})/iu, 'statement'],
  [
    /\b(?:told|speaking to|talking to|said to) (?:reporters|journalists|the press|the media)\b/i,
    'remarks to reporters',
  ],
];

/** The mediums a text names, in the order it names them ("a joint statement", "the declaration": `statement`). */
export function mediumsIn(text: string): Medium[] {
  return [...new Set(named(text).map((m) => m.medium))];
}

/** Mediums named only beside the words they tell of, never a hint for words elsewhere in the source. */
const SENTENCE_ONLY: readonly Medium[] = ['remarks to reporters'];

/**
 * Words that say how the words were said without naming one of the model's mediums: words told to a
 * broadcaster or a newspaper were most likely an interview, but the source does not say so, so the
 * editor chooses, and a medium chosen from them is recorded as inferred, with these words.
 */
const IMPLIED: [RegExp, Medium[]][] = [
  [
    // Case matters for the name that follows (capitalised words), so the verbs allow a capital themselves.
    /\b(?:[Tt]old|[Ss]peaking to|[Tt]alking to|[Ss]aid to) (?:the )?(?:broadcaster|radio station|television channel|TV channel|newspaper|news agency|channel)\b(?: \p{Lu}[\p{L}\d]*)*/u,
    ['interview'],
  ],
];

/** Every place a text names a medium, in order, with the words that name it. */
function named(text: string): { medium: Medium; words: string; index: number }[] {
  return WORDS.flatMap(([pattern, medium]) =>
    [...text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))].map((m) => ({
      medium,
      words: m[0],
      index: m.index,
    })),
  ).sort((a, b) => a.index - b.index);
}

/**
 * What to suggest for a quote's medium:
 * - `near`: the nearest scope (the sentence, then the paragraph) names one;
 * - `elsewhere`: none near the words, but the source names some elsewhere, so it may well say how
 *   these words were said (in the next paragraph, say): the editor must choose, the tool does not guess;
 * - `implied`: the nearest scope says how ("told reporters") without naming a medium of the model:
 *   the editor chooses among those it may be and `unstated`;
 * - `unstated`: the source names none anywhere, which is what the model's `unstated` means.
 */
export type MediumSuggestion =
  | { kind: 'near'; medium: Medium; words: string }
  | { kind: 'implied'; words: string; candidates: Medium[] }
  | { kind: 'elsewhere'; candidates: { medium: Medium; words: string }[] }
  | { kind: 'unstated'; others?: string[] };

/**
 * `othersOnly`, when the speaker is an actor: whether a sentence names someone else as the speaker and
 * not this one. A medium named only in such sentences is another's occasion ("Vasconcelos, speaking at
 * a news conference"), so it says nothing of how this speaker spoke: `unstated`, with those words.
 */
export function suggestMedium(
  scopes: readonly string[],
  sourceText: string,
  othersOnly?: (sentence: string) => boolean,
): MediumSuggestion {
  for (const scope of scopes) {
    const [first] = named(scope);
    if (first) return { kind: 'near', medium: first.medium, words: first.words };
    for (const [pattern, candidates] of IMPLIED) {
      const match = pattern.exec(scope);
      if (match) return { kind: 'implied', words: match[0], candidates };
    }
  }
  // "Told reporters" closes the remarks it reports, in their own sentence: elsewhere it tells of other words.
  const places = named(sourceText).filter(({ medium }) => !SENTENCE_ONLY.includes(medium));
  if (places.length === 0) return { kind: 'unstated' };
  // Each medium once, with the words of its first place; every place is read for whose it is.
  const candidates = places.filter((p, i) => places.findIndex((q) => q.medium === p.medium) === i);
  const sentences = places.map((c) => contextOf(sourceText, c.index, c.index + c.words.length).sentence.text);
  if (othersOnly && sentences.every(othersOnly)) return { kind: 'unstated', others: candidates.map((c) => c.words) };
  return { kind: 'elsewhere', candidates: candidates.map(({ medium, words }) => ({ medium, words })) };
}

/**
 * For `suggestMedium`: whether a sentence tells only of others' occasions. For a named speaker (an
 * actor id), one that names actors, none of them the speaker. For a speaker whose name the source
 * withholds (`withheld`: "speaking on condition of anonymity"), one that names any actor: an occasion
 * the source names for a named speaker (a news conference, a statement) is on the record, and words
 * given on condition of anonymity are not. Undefined for an unnamed speaker whose name is not said to
 * be withheld, who may have spoken anywhere.
 */
export function othersOccasion(
  speaker: { actor: string } | { withheld: string } | undefined,
  namedIn: (sentence: string) => readonly string[],
): ((sentence: string) => boolean) | undefined {
  if (speaker === undefined) return undefined;
  return (sentence) => {
    const ids = namedIn(sentence);
    return ids.length > 0 && ('withheld' in speaker || !ids.includes(speaker.actor));
  };
}
