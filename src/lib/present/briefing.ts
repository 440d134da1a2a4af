import { isContested, type ActorRecord, type Claim, type Quote, type Story } from '../model/corpus.ts';
import { describeRole, type ActorLookup } from './actors.ts';

/**
 * What goes on a story's one-page briefing, chosen from the assembled story. Everything here is
 * selection and wording; the page only lays it out.
 */

/** The quotes the briefing prints: those `keyQuotes` names, in the order the explainer numbers them. */
export function selectKeyQuotes(story: Pick<Story, 'quotes' | 'keyQuotes'>): Quote[] {
  const chosen = new Set(story.keyQuotes);
  return story.quotes.filter((quote) => chosen.has(quote.id));
}

/**
 * Claims that do not stand unchallenged (`isContested`: disputed, denied, or contested between
 * competing accounts), the "what is disputed and by whom" of the briefing, in the story's order.
 */
export function selectDisputes(story: Pick<Story, 'claims'>): Claim[] {
  return story.claims.filter(isContested);
}

const surname = (actor: ActorRecord) => actor.name.trim().split(/\s+/).at(-1)!.toLowerCase();

/**
 * People in the list who share a surname with another person in it ("the two Stanekzais"): where a
 * source says just the surname, a reader could take one for the other, so the briefing spells out
 * what tells them apart.
 */
export function findNamesakes(actors: readonly ActorRecord[]): Set<string> {
  const people = actors.filter((actor) => actor.kind === 'person');
  const bySurname = Map.groupBy(people, surname);
  return new Set(
    [...bySurname.values()]
      .filter((group) => group.length > 1)
      .flat()
      .map((actor) => actor.id),
  );
}

export interface ActorLine {
  actor: ActorRecord;
  /** The actor's role (the latest given), or for an actor without one, what the content says sets it apart. */
  description?: string | undefined;
  /** For namesakes: what tells this one from the other. */
  distinction?: string | undefined;
}

/** "Who is who": each actor of the story once, with one line of who they are; `lookup` names roles' organisations. */
export function describeActors(actors: readonly ActorRecord[], lookup: ActorLookup): ActorLine[] {
  const namesakes = findNamesakes(actors);
  return actors.map((actor) => {
    const role = actor.roles.at(-1);
    const isNamesake = namesakes.has(actor.id);
    return {
      actor,
      description: role ? describeRole(role, lookup) : isNamesake ? undefined : actor.disambiguation,
      distinction: isNamesake ? actor.disambiguation : undefined,
    };
  });
}
