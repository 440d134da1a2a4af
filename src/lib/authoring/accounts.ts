import type { Span } from '../content/verbatim.ts';
import { mentions, type ActorNames } from './actors.ts';
import { sentencesOf } from './context.ts';

/**
 * Who a sentence attributes what it says to ("according to the harbour office", "The union says
 * …"), and when nearby sentences give competing figures from different holders ("The union says more
 * than 4,000 …; the port authority put the number at 1,200"; "seven in ten, the union said …; the
 * operator put it at 52 percent"): two accounts, never one claim held by both.
 */

/**
 * The actor who tells of an event rather than takes part, for an event found by `words` in
 * `sentence`: the holder of the sentence's attribution ("Talks are scheduled for next week, Matos
 * said") when the event's words leave the attribution out. Undefined when there is none, or the
 * words hold it (the event is the saying: "said US peace envoy in a tweet").
 */
export function tellerOf(sentence: Span, words: Span, actors: readonly ActorNames[]): Attribution | undefined {
  const attribution = attributionOf(sentence.text, actors);
  if (attribution?.id === undefined) return undefined;
  const at = sentence.text.indexOf(attribution.words) + sentence.start;
  return at + attribution.words.length <= words.start || at >= words.end ? attribution : undefined;
}

/**
 * The organisation a teller speaks for in `sentence`: a person who tells of an event ("Talks between
 * the union and the ministry are scheduled for next week, Matos said"), named only in the attribution,
 * whose role is of an organisation the sentence names as taking part (`named`, without the teller).
 * That organisation is the party; the person speaking for it is its teller, as news copy has a union's
 * president or a ministry's spokesman tell of their organisation's acts. Undefined otherwise: an
 * organisation that tells of an event may well have taken part in it, and the editor says.
 */
export function speaksFor(
  teller: string,
  sentence: string,
  named: readonly string[],
  actors: readonly ActorNames[],
): string | undefined {
  const person = actors.find((a) => a.id === teller && a.kind === 'person');
  if (person === undefined || mentions(sentence, actors).filter((m) => m.ids.includes(teller)).length !== 1)
    return undefined;
  return (person.organisations ?? []).find((id) => id !== teller && named.includes(id));
}

/** Who a sentence attributes its content to: the words, and the actor they name if one does. */
export interface Attribution {
  /** The holder as the sentence words it: "the harbour office", "The union". */
  words: string;
  /** The actor those words name, if exactly one. */
  id?: string;
  /** How the sentence attributes it: `according to …`, or a subject before a reporting verb. */
  by: 'according to' | 'says';
}

const PHRASE = "(?:[\\p{L}\\p{N}’'.-]+\\s+){0,5}?[\\p{L}\\p{N}’'.-]*[\\p{L}\\p{N}]";
const ACCORDING = new RegExp(`\\baccording to (${PHRASE})(?=[,;:!?]|\\.(?:\\s|$)|$)`, 'iu');
const SAYS = new RegExp(
  `(?:^|[,;]\\s+)(${PHRASE})\\s+(?:says?|said|put (?:the number|the figure|it)|puts (?:the number|the figure|it)|estimates?|estimated|reports?|reported|counted|counts|(?:keeps?\\s+|kept\\s+)?(?:blam|accus|alleg)(?:e|es|ed|ing))\\b`,
  'iu',
);

/** What "according to" may name that is a document, not who holds the account ("according to a statement"). */
const DOCUMENT = /^(?:an?|the|its|their)\s+(?:statement|report|document|release|tweet|figures?|data|estimates?)$/iu;

/** A pronoun names no holder by itself ("It says that …": the report or a document before). */
const PRONOUN = /^(?:it|he|she|they|we|this|that|these|those)$/iu;

/** The holder a sentence attributes its content to, if it says: the subject of a reporting verb first, else "according to". */
export function attributionOf(sentence: string, actors: readonly ActorNames[]): Attribution | undefined {
  const says = SAYS.exec(sentence)?.[1];
  const according = ACCORDING.exec(sentence)?.[1];
  const holder = (words: string | undefined) =>
    words !== undefined && !DOCUMENT.test(words) && !PRONOUN.test(words) ? words : undefined;
  const words = holder(says) ?? holder(according);
  if (words === undefined) return undefined;
  const ids = [...new Set(mentions(words, actors).flatMap((m) => (m.ids.length === 1 ? m.ids : [])))];
  return { words, by: words === says ? 'says' : 'according to', ...(ids.length === 1 && { id: ids[0] }) };
}

/** A count in a text: a number of three or more digits or with thousands separators, not a year. */
const COUNT = /(?<![\p{L}\p{N},.])(?:\d{1,3}(?:,\d{3})+|\d{3,})(?![\p{N}]|,\d)(?!\s*(?:%|per\s?cent\b))/gu;
const YEAR = /^(?:1[89]|20)\d{2}$/;
/** A share in a text: a percentage ("41 percent", "52%") or a proportion ("seven in ten", "1 in 4"). */
const SMALL = '\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten';
const SHARE = new RegExp(
  `(?<![\\p{L}\\p{N}.])(?:\\d+(?:\\.\\d+)?\\s*(?:%|per\\s?cent\\b)|(?:${SMALL})\\s+(?:in|out of)\\s+(?:${SMALL})(?![\\p{L}\\p{N}]))`,
  'giu',
);

/** What a figure measures, so that only like figures compete: a count of things or a share of them. */
export type FigureKind = 'count' | 'share';

/** The figures of one sentence, by kind, each the first the sentence gives. */
function figuresOf(sentence: string): Partial<Record<FigureKind, string>> {
  const count = [...sentence.matchAll(COUNT)].map((m) => m[0]).find((f) => !YEAR.test(f));
  const share = [...sentence.matchAll(SHARE)].map((m) => m[0])[0];
  return { ...(count !== undefined && { count }), ...(share !== undefined && { share }) };
}

/** One account of a figure: the sentence that gives it, the figure, what it measures, and who gives it. */
export interface FigureAccount {
  sentence: Span;
  figure: string;
  kind: FigureKind;
  holder: Attribution;
}

/**
 * The accounts of a figure that compete, in `paragraphs` (a passage's own and those next to it: wire
 * copy gives a sentence a paragraph, and the other side's figure often follows at once): sentences
 * giving a figure of one kind with a holder, when two or more holders give different figures of that
 * kind. With `own`, the passage's sentence, only a kind that sentence gives a figure of counts (a
 * share elsewhere does not compete with its count). None when one holder, or one figure, is one account.
 */
export function competingFigures(
  paragraphs: readonly Span[],
  actors: readonly ActorNames[],
  own?: Span,
): FigureAccount[] {
  const sentences = paragraphs.flatMap((p) => sentencesOf(p));
  const ownKinds = own === undefined ? undefined : Object.keys(figuresOf(own.text));
  for (const kind of ['count', 'share'] as const) {
    if (ownKinds !== undefined && !ownKinds.includes(kind)) continue;
    const accounts = sentences.flatMap((sentence) => {
      const figure = figuresOf(sentence.text)[kind];
      const holder = figure === undefined ? undefined : attributionOf(sentence.text, actors);
      return figure !== undefined && holder !== undefined ? [{ sentence, figure, kind, holder }] : [];
    });
    const holders = new Set(accounts.map((a) => a.holder.id ?? a.holder.words.toLowerCase()));
    const figures = new Set(accounts.map((a) => a.figure.toLowerCase()));
    if (holders.size > 1 && figures.size > 1) return accounts;
  }
  return [];
}

/** Words that dispute a claim, and words that make it a promise or a pledge, which nothing can confirm yet. */
const DISPUTES = /\b(?:den(?:y|ies|ied|ial)|disput\w*|reject\w*|refut\w*|contest\w*)\b/i;
const PROMISES = /\b(?:vow(?:s|ed)?|pledg(?:e|es|ed)|promis(?:e|es|ed)|swore|swears|guarantee[sd]?)\b/i;

/**
 * What in a claim's sentence leaves its status to the editor: a denial or dispute (disputed, denied,
 * or reported all the same?), or a promise ("vowed that the Taliban will protect …": reported, or
 * unverified, as nothing can confirm it yet?). Undefined when nothing does: the source reports it.
 */
export function statusCue(sentence: string): { words: string; kind: 'dispute' | 'promise' } | undefined {
  // A dispute inside quoted words is what the speaker says ("“… rejection of any military solution,” he
  // said"), the claim itself, not the source disputing it; a promise stays one wherever it stands.
  const dispute = DISPUTES.exec(sentence.replace(QUOTATION, (q) => ' '.repeat(q.length)));
  if (dispute) return { words: dispute[0], kind: 'dispute' };
  const promise = PROMISES.exec(sentence);
  return promise ? { words: promise[0], kind: 'promise' } : undefined;
}

const QUOTATION = /“[^”]*(?:”|$)|«[^»]*(?:»|$)|"[^"]*(?:"|$)/gu;

/**
 * Who disputes a claim, from its sentence: the actors named in the clause of the dispute's words, up
 * to them from the clause's start (a dash, a semicolon, a comma or the sentence's start): "—something
 * the Taliban deny", "which the ministry denied". The claim's own holders are left out.
 */
export function disputersOf(
  sentence: string,
  cue: { words: string },
  actors: readonly ActorNames[],
  holders: readonly string[],
): string[] {
  const at = sentence.indexOf(cue.words);
  if (at < 0) return [];
  const start = Math.max(...[...sentence.slice(0, at).matchAll(/[—–;,:]/gu)].map((m) => m.index + 1), 0);
  const ids = mentions(sentence.slice(start, at), actors).flatMap((m) => (m.ids.length === 1 ? m.ids : []));
  return [...new Set(ids)].filter((id) => !holders.includes(id));
}
