import type { Span } from '../content/verbatim.ts';
import { mentions, type ActorNames } from './actors.ts';
import { sentencesOf } from './context.ts';

/**
 * Who a sentence attributes what it says to ("according to the harbour office", "The union says
 * …"), and when a paragraph gives competing figures from different holders ("The union says more
 * than 4,000 …; the port authority put the number at 1,200"): two accounts, never one claim held by
 * both.
 */

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
  `(?:^|[,;]\\s+)(${PHRASE})\\s+(?:says?|said|put (?:the number|the figure|it)|puts (?:the number|the figure|it)|estimates?|estimated|reports?|reported|counted|counts)\\b`,
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

/** A figure in a text: a number of three or more digits or with thousands separators, not a year. */
const FIGURE = /(?<![\p{L}\p{N},.])(?:\d{1,3}(?:,\d{3})+|\d{3,})(?![\p{N}]|,\d)/gu;
const YEAR = /^(?:1[89]|20)\d{2}$/;

/** One account of a figure: the sentence that gives it, the figure, and who gives it. */
export interface FigureAccount {
  sentence: Span;
  figure: string;
  holder: Attribution;
}

/**
 * The accounts of a paragraph that give a figure with a holder, when two or more holders give
 * different figures; otherwise none (one holder, or one figure, is one account).
 */
export function competingFigures(paragraph: Span, actors: readonly ActorNames[]): FigureAccount[] {
  const accounts = sentencesOf(paragraph).flatMap((sentence) => {
    const figure = [...sentence.text.matchAll(FIGURE)].map((m) => m[0]).find((f) => !YEAR.test(f));
    const holder = figure === undefined ? undefined : attributionOf(sentence.text, actors);
    return figure !== undefined && holder !== undefined ? [{ sentence, figure, holder }] : [];
  });
  const holders = new Set(accounts.map((a) => a.holder.id ?? a.holder.words.toLowerCase()));
  const figures = new Set(accounts.map((a) => a.figure));
  return holders.size > 1 && figures.size > 1 ? accounts : [];
}
