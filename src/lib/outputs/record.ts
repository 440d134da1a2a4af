import { z } from 'astro/zod';
import { dateFingerprint } from '../model/date.ts';
import type { CorrectableField } from '../model/entities.ts';
import { isUnnamed, type Claim, type Corpus, type Quote } from '../model/corpus.ts';
import type { ContentProblem } from '../content/problems.ts';
import { normaliseTypography } from '../content/verbatim.ts';

/**
 * The published record (`content/published-record.json`, written by `npm run urls:update` beside the
 * URL manifest): what each published quote and claim says (words, speaker, form, date; status,
 * versions) and which corrections have been published. A build that changes what a recorded quote or
 * claim says fails unless the story's corrections log has an entry for the change whose `was` is the
 * recorded value; a published correction can never be removed. Only what the record holds is
 * checked: a quote first published by this build has nothing to correct.
 */

/** What a published quote says, each field as one line of text (the value a correction's `was` gives). */
const quoteFingerprint = z.strictObject({
  words: z.string(),
  speaker: z.string(),
  form: z.string(),
  said: z.string(),
});
/** What a published claim says. */
const claimFingerprint = z.strictObject({
  status: z.string(),
  versions: z.string(),
});

const storyRecord = z.strictObject({
  quotes: z.record(z.string(), quoteFingerprint),
  claims: z.record(z.string(), claimFingerprint),
  /** The published corrections, by anchor (src/lib/assemble/corrections.ts). */
  corrections: z.array(z.string()),
});

export const recordSchema = z.record(z.string(), storyRecord);
export type PublishedRecord = z.output<typeof recordSchema>;
type Fingerprint = Partial<Record<CorrectableField, string>>;

export function fingerprintQuote(quote: Quote): z.output<typeof quoteFingerprint> {
  return {
    words: quote.words,
    speaker: isUnnamed(quote.speaker) ? `unnamed: ${quote.speaker.description}` : quote.speaker.id,
    form: quote.form,
    said: dateFingerprint(quote.said),
  };
}

export function fingerprintClaim(claim: Claim): z.output<typeof claimFingerprint> {
  const holders = (claimants: { id: string }[], sourceVoice: boolean) =>
    [...claimants.map((actor) => actor.id), ...(sourceVoice ? ['the source'] : [])].join(', ');
  return {
    status: claim.status,
    versions: claim.versions
      .map((version) => `${version.text} (${holders(version.claimants, version.sourceVoice)})`)
      .join(' | '),
  };
}

/** The record of everything a build publishes. */
export function recordOf(corpus: Pick<Corpus, 'stories'>): PublishedRecord {
  return Object.fromEntries(
    corpus.stories.map((story) => [
      story.slug,
      {
        quotes: Object.fromEntries(story.quotes.map((quote) => [quote.id, fingerprintQuote(quote)])),
        claims: Object.fromEntries(story.claims.map((claim) => [claim.id, fingerprintClaim(claim)])),
        corrections: story.corrections.map((correction) => correction.anchor),
      },
    ]),
  );
}

/** Keys sorted at every level, so the file changes only where what was published changes. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => [key, sorted(inner)]),
  );
}

export function formatRecord(record: PublishedRecord): string {
  return JSON.stringify(sorted(record), null, 2) + '\n';
}

/** The record in `text`, or the problems that make it unreadable (a hand edit, a merge conflict). */
export function parseRecord(text: string, file: string): { record: PublishedRecord } | { problems: ContentProblem[] } {
  const expected = 'the file as `npm run urls:update` writes it (restore it from version control)';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      problems: [{ file, field: 'file', value: (error as Error).message, expected: `valid JSON: ${expected}` }],
    };
  }
  const parsed = recordSchema.safeParse(json);
  if (parsed.success) return { record: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) => ({
      file,
      field: issue.path.map(String).join('.') || 'file',
      value: issue.message,
      expected,
    })),
  };
}

/** Two values of a field are the same when they differ only in what the verbatim check forgives (typography, spacing). */
const same = (field: CorrectableField, a: string, b: string) =>
  field === 'words' ? normaliseTypography(a).text === normaliseTypography(b).text : a === b;

/** A YAML scalar for `value` that YAML reads back as exactly that string. */
const yamlString = (value: string) => JSON.stringify(value);

/**
 * The corrections entry that would account for these changes, as one line of YAML (a problem is one
 * line in the terminal and the dev banner): the editor adds it to the story's `corrections`.
 */
function entryToAdd(kind: 'quote' | 'claim', id: string, changes: [CorrectableField, string][]): string {
  const was = changes.map(([field, old]) => `${field}: ${yamlString(old)}`).join(', ');
  return `- { date: <YYYY-MM-DD, the day it is published; \`updated\` not before it>, ${kind}: ${id}, was: { ${was} }, note: <what changed and why, for readers> }`;
}

/**
 * Every change to a recorded quote or claim that the story's corrections log does not account for,
 * and every published correction the log no longer has.
 */
export function recordProblems(corpus: Pick<Corpus, 'stories'>, record: PublishedRecord): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const story of corpus.stories) {
    const published = record[story.slug];
    if (published === undefined) continue;
    const items: (readonly [kind: 'quote' | 'claim', id: string, was: Fingerprint, now: Fingerprint | undefined])[] = [
      ...Object.entries(published.quotes).map(([id, was]) => {
        const quote = story.quotes.find((q) => q.id === id);
        return ['quote', id, was, quote && fingerprintQuote(quote)] as const;
      }),
      ...Object.entries(published.claims).map(([id, was]) => {
        const claim = story.claims.find((c) => c.id === id);
        return ['claim', id, was, claim && fingerprintClaim(claim)] as const;
      }),
    ];
    for (const [kind, id, was, now] of items) {
      // A published quote or claim that is gone: its URL's redirect (content/redirects.yaml) gives the reason.
      if (now === undefined) continue;
      const unaccounted = (Object.entries(was) as [CorrectableField, string][]).filter(
        ([field, old]) =>
          !same(field, old, now[field]!) &&
          !story.corrections.some(
            (entry) =>
              entry.item.kind === kind &&
              entry.item.id === id &&
              entry.was[field] !== undefined &&
              same(field, entry.was[field], old),
          ),
      );
      if (unaccounted.length === 0) continue;
      problems.push({
        file: story.file,
        field: 'corrections',
        value: unaccounted
          .map(([field, old]) => `${kind} ${id}, ${field}: ${yamlString(old)} → ${yamlString(now[field]!)}`)
          .join('; '),
        expected: `a published ${kind} changes only with a correction readers can see; add this entry to the story's \`corrections\` (frontmatter): ${entryToAdd(kind, id, unaccounted)}`,
      });
    }
    const logged = new Set(story.corrections.map((entry) => entry.anchor));
    for (const anchor of published.corrections.filter((anchor) => !logged.has(anchor))) {
      problems.push({
        file: story.file,
        field: 'corrections',
        value: `no entry ${anchor}`,
        expected: `the published correction ${anchor} kept: a correction, once published, stays in the log (edit its note if it needs to say more)`,
      });
    }
  }
  return problems;
}
