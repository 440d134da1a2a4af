import type { Span } from '../content/verbatim.ts';

/**
 * Which actors a passage names, by their names and aliases (content/actors/*.md), and who among them
 * is likely the speaker. A person named by surname alone is found too, and when two actors share that
 * surname (the seed's two Stanekzais) the answer is "ambiguous", never a guess.
 */

/** What an actor file says about how sources name the actor. */
export interface ActorNames {
  id: string;
  name: string;
  kind: 'person' | 'organisation';
  aliases: readonly string[];
  /** The organisations a person's roles are of (actor ids): naming the person names where they serve. */
  organisations?: readonly string[] | undefined;
}

/** One place a text names an actor: `ids` holds more than one id when the words fit several (a shared surname). */
export interface Mention extends Span {
  ids: string[];
  /** `name` or `alias` in full, or a person's `surname` alone. */
  by: 'name' | 'alias' | 'surname';
  /** For a surname several share: read as the one the source named in full before it (`secondReference`). */
  named?: 'before';
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase as a pattern: whole words, the first letter in either case ("the Republic" opens a sentence as "The Republic"). */
function phrase(words: string): RegExp {
  const first = words[0]!;
  const head =
    first.toLowerCase() === first.toUpperCase() ? escape(first) : `[${first.toLowerCase()}${first.toUpperCase()}]`;
  return new RegExp(`(?<![\\p{L}\\p{N}])${head}${escape(words.slice(1))}(?![\\p{L}\\p{N}])`, 'gu');
}

/**
 * Every mention of an actor in `text`, in order. Where two overlap ("US" inside "US peace envoy"),
 * the longer wins: it says more about who is meant.
 */
export function mentions(text: string, actors: readonly ActorNames[]): Mention[] {
  return sortedMentions(text, actors).kept;
}

/**
 * The actors named only within a longer mention of another ("US" inside "US peace envoy"): the longer
 * one names whom the text means, but the shorter one's actor may have taken part too, which the
 * editor says. Each with the mention it stands in.
 */
export function namedWithin(text: string, actors: readonly ActorNames[]): { id: string; within: Mention }[] {
  const { kept, dropped } = sortedMentions(text, actors);
  const keptIds = new Set(kept.flatMap((m) => m.ids));
  return dropped.flatMap((m) => {
    const within = kept.find((k) => m.start >= k.start && m.end <= k.end && !k.ids.some((id) => m.ids.includes(id)));
    return within && m.ids.length === 1 && !keptIds.has(m.ids[0]!) ? [{ id: m.ids[0]!, within }] : [];
  });
}

/** Every mention found, the longer kept where two overlap and the shorter dropped. */
function sortedMentions(text: string, actors: readonly ActorNames[]): { kept: Mention[]; dropped: Mention[] } {
  const found: Mention[] = [];
  const add = (words: string, id: string, by: Mention['by']) => {
    for (const match of text.matchAll(phrase(words))) {
      const same = found.find((m) => m.start === match.index && m.text === match[0]);
      if (same) {
        if (!same.ids.includes(id)) same.ids.push(id);
        continue;
      }
      found.push({ start: match.index, end: match.index + match[0].length, text: match[0], ids: [id], by });
    }
  };
  for (const actor of actors) {
    add(actor.name, actor.id, 'name');
    for (const alias of actor.aliases) add(alias, actor.id, 'alias');
  }
  for (const actor of actors) {
    const words = actor.name.split(/\s+/);
    if (actor.kind === 'person' && words.length > 1) add(words.at(-1)!, actor.id, 'surname');
  }
  const longestFirst = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  const dropped: Mention[] = [];
  for (const m of longestFirst) {
    if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
    else dropped.push(m);
  }
  return { kept: kept.sort((a, b) => a.start - b.start), dropped };
}

/**
 * A surname two people share, read as news copy's second reference: the one of them the source has
 * named in full (or by alias) before it, when only one has been, since a reader could not yet know
 * the other ("Mohammad Masoom Stanekzai … tweeted …. …, Stanekzai complained", the Taliban's
 * Stanekzai introduced only later). `mention` is a span of `source`; it stays as it is otherwise.
 */
export function secondReference(mention: Mention, source: string, actors: readonly ActorNames[]): Mention {
  if (mention.by !== 'surname' || mention.ids.length < 2) return mention;
  const introduced = mentions(source.slice(0, mention.start), actors).filter((m) => m.by !== 'surname');
  const ids = mention.ids.filter((id) => introduced.some((m) => m.ids.length === 1 && m.ids[0] === id));
  return ids.length === 1 ? { ...mention, ids, named: 'before' } : mention;
}

/** A document named just before "by": "a joint statement issued by", "a tweet posted by", "a letter signed by". */
const ISSUED_BY =
  /\b(?:statement|declaration|communiqu[eé]|tweet|letter|report)\s+(?:(?:issued|released|published|posted|signed|sent|written)\s+)?by\s+(?:the\s+)?$/iu;

/** The one mention (a span of the source, in `scope`) that follows a document's "by": who issued it. */
function issuerOf(found: readonly Mention[], scope: Span): Mention | undefined {
  const issuers = found.filter((m) => m.ids.length === 1 && ISSUED_BY.test(scope.text.slice(0, m.start - scope.start)));
  return issuers.length === 1 ? issuers[0] : undefined;
}

/** Who probably said the words, or why the tool cannot tell. */
export type SpeakerSuggestion =
  | { kind: 'actor'; id: string; mention: Mention; where: 'sentence' | 'paragraph' }
  | { kind: 'ambiguous'; candidates: string[]; mentions: Mention[]; where: 'sentence' | 'paragraph' }
  | { kind: 'none' };

const unique = (ids: string[]) => [...new Set(ids)];

/**
 * The speaker among the actors the sentence names, else the paragraph (each read outside `exclude`,
 * the quoted words themselves, which name whom the speaker talks about). In each, people named in
 * full or by alias come first, then a surname alone, then organisations; more than one candidate at
 * the first rank that has any is ambiguous, unless one of them is named as the issuer of a document
 * ("a joint statement issued by X, …, they condemned the Taliban"). With `source` (the text the spans are of), a surname two
 * people share is read as a second reference (`secondReference`).
 */
export function suggestSpeaker(
  context: { sentence: Span; paragraph: Span },
  actors: readonly ActorNames[],
  exclude?: Span,
  source?: string,
): SpeakerSuggestion {
  const kindOf = new Map(actors.map((a) => [a.id, a.kind]));
  for (const where of ['sentence', 'paragraph'] as const) {
    const scope = context[where];
    const found = mentions(scope.text, actors)
      .map((m) => ({ ...m, start: m.start + scope.start, end: m.end + scope.start }))
      .filter((m) => !exclude || m.end <= exclude.start || m.start >= exclude.end)
      .map((m) => (source === undefined ? m : secondReference(m, source, actors)));
    const ranks = [
      found.filter((m) => m.by !== 'surname' && kindOf.get(m.ids[0]!) === 'person'),
      found.filter((m) => m.by === 'surname'),
      found.filter((m) => m.by !== 'surname' && kindOf.get(m.ids[0]!) === 'organisation'),
    ];
    const rank = ranks.find((r) => r.length > 0);
    if (!rank) continue;
    const candidates = unique(rank.flatMap((m) => m.ids));
    if (candidates.length === 1) return { kind: 'actor', id: candidates[0]!, mention: rank[0]!, where };
    // Of several, the one a document is "issued by" is who says what it says.
    const issuer = issuerOf(found, scope);
    if (issuer !== undefined && candidates.includes(issuer.ids[0]!))
      return { kind: 'actor', id: issuer.ids[0]!, mention: issuer, where };
    return { kind: 'ambiguous', candidates, mentions: rank, where };
  }
  return { kind: 'none' };
}

/** The actors a passage names, in order of first mention; a mention that fits several actors is returned apart, to ask about. */
export function namedActors(text: string, actors: readonly ActorNames[]): { ids: string[]; ambiguous: Mention[] } {
  const found = mentions(text, actors);
  return {
    ids: unique(found.filter((m) => m.ids.length === 1).map((m) => m.ids[0]!)),
    ambiguous: found.filter((m) => m.ids.length > 1),
  };
}

/**
 * The actors, each organisation the source names also found by its definite description ("the union"
 * for the National Rail Workers' Union, "the ministry" for the Ministry of Infrastructure), the way
 * news copy names it after the first time: the head noun of its name (the word before "of", else the
 * last), in the singular, when no other organisation the source names shares it. An organisation the
 * source never names is never found this way: "the union" of another story stays unmatched. A person
 * the source names names the organisations their roles are of ("Infrastructure Minister Helena
 * Vasconcelos": her ministry is the source's "the ministry").
 */
export function describedActors(actors: readonly ActorNames[], source: string): ActorNames[] {
  const direct = mentions(source, actors).flatMap((m) => (m.ids.length === 1 ? m.ids : []));
  const named = new Set([
    ...direct,
    ...actors.filter((a) => direct.includes(a.id)).flatMap((a) => a.organisations ?? []),
  ]);
  const headOf = (a: ActorNames) => {
    const words = a.name.split(/\s+/);
    const of = words.findIndex((w) => w.toLowerCase() === 'of');
    return words.length > 1 ? (of > 0 ? words[of - 1]! : words.at(-1)!) : undefined;
  };
  const heads = actors
    .filter((a) => a.kind === 'organisation' && named.has(a.id))
    .map((a) => ({ id: a.id, head: headOf(a)?.toLowerCase() }))
    .filter(
      (h): h is { id: string; head: string } =>
        h.head !== undefined && /^\p{L}+$/u.test(h.head) && !h.head.endsWith('s'),
    );
  return actors.map((actor) => {
    const own = heads.find((h) => h.id === actor.id);
    if (own === undefined || heads.some((h) => h.id !== actor.id && h.head === own.head)) return actor;
    return { ...actor, aliases: [...actor.aliases, `the ${own.head}`] };
  });
}

/**
 * The one organisation an unnamed speaker's description ties them to ("a spokesman for the harbour
 * office", "a senior ministry official"): one it names, else one whose definite description's noun
 * (`the ministry`, see `describedActors`) it uses in lower case as a common noun, not inside another
 * name ("a European Union official" is no official of "the union"). None when it could be several.
 */
export function organisationIn(description: string, actors: readonly ActorNames[]): string | undefined {
  const organisations = actors.filter((a) => a.kind === 'organisation');
  const named = namedActors(description, organisations).ids;
  const byNoun = organisations.filter((a) =>
    a.aliases.some((alias) => {
      const noun = /^the (\p{Ll}+)$/u.exec(alias)?.[1];
      return (
        noun !== undefined &&
        new RegExp(`(?<![\\p{Lu}][\\p{L}]*\\s)(?<![\\p{L}])${noun}(?![\\p{L}])`, 'u').test(description)
      );
    }),
  );
  const ids = unique([...named, ...byNoun.map((a) => a.id)]);
  return ids.length === 1 ? ids[0] : undefined;
}
