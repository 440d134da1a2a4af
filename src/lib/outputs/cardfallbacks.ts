/**
 * Share cards a build drew without part of their text (words no card font can draw), kept so the
 * build can say which: a card that quietly lacks its words would otherwise go unnoticed.
 */

export interface CardFallback {
  /** The card's path on the site: "/stories/<slug>/quotes/<id>.png". */
  path: string;
  /** What the card leaves off, and why. */
  reason: string;
}

// On globalThis, as the image tally is: the page bundle that draws cards and the integration that
// reports them each load their own copy of this module during one build.
const FALLBACKS = Symbol.for('verifiable-explainers.card-fallbacks');
type WithFallbacks = typeof globalThis & { [FALLBACKS]?: CardFallback[] };

/** This build's cards drawn without part of their text, so far. */
export function cardFallbacks(): CardFallback[] {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- it is undefined until the first call; the rule misreads optional symbol keys under exactOptionalPropertyTypes (typescript-eslint#10440)
  return ((globalThis as WithFallbacks)[FALLBACKS] ??= []);
}

/** Records that the card at `path` leaves something off. */
export function noteCardFallback(path: string, reason: string): void {
  cardFallbacks().push({ path, reason });
}

export function resetCardFallbacks(): void {
  (globalThis as WithFallbacks)[FALLBACKS] = [];
}

/** The warning a build prints for one such card. */
export function describeCardFallback({ path, reason }: CardFallback): string {
  return `share card ${path}: ${reason}`;
}
