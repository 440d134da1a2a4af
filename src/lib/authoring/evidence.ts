/**
 * The claims an event bears on: those resting on its quotes or on a passage in its sentence. A
 * contested claim's evidence is its accounts' (`versions`), each with its own quotes and passages, so
 * those count as the claim's own do.
 */

/** What a claim rests on: its own quotes and passages and each account's. */
export interface ClaimEvidence {
  id: string;
  quotes: readonly string[];
  passages: readonly string[];
  versions?: readonly { quotes: readonly string[]; passages: readonly string[] }[];
}

/** The ids of the claims that rest on one of `quotes`, or on a passage `inSentence` says stands in the event's sentence. */
export function claimsResting(
  claims: readonly ClaimEvidence[],
  quotes: readonly string[],
  inSentence: (passage: string) => boolean,
): string[] {
  return claims
    .filter((claim) =>
      [claim, ...(claim.versions ?? [])].some(
        (account) => account.quotes.some((q) => quotes.includes(q)) || account.passages.some(inSentence),
      ),
    )
    .map((claim) => claim.id);
}
