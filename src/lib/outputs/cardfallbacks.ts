/**
 * Share cards a build drew without part of their text (words no card font can draw): the build names
 * each, since a card that quietly lacks its words would otherwise go unnoticed.
 */

export interface CardFallback {
  /** The card's path on the site: "/stories/<slug>/quotes/<id>.png". */
  path: string;
  /** What the card leaves off, and why. */
  reason: string;
}

/** The warning a build prints for one such card. */
export function describeCardFallback({ path, reason }: CardFallback): string {
  return `share card ${path}: ${reason}`;
}
