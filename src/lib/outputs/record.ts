import { z } from 'astro/zod';
import { dateFingerprint } from '../model/date.ts';
import {
  correctableFieldNames,
  correctableFields,
  correctedKinds,
  correctionKinds,
  WITHDRAWN_SAID,
  type CorrectableField,
  type CorrectedKind,
} from '../model/entities.ts';
import {
  isUnnamed,
  type ActorRecord,
  type Claim,
  type Corpus,
  type Correction,
  type Holder,
  type Quote,
  type Redirect,
  type Source,
  type Story,
} from '../model/corpus.ts';
import type { ContentProblem } from '../content/problems.ts';
import { normaliseTypography } from '../content/verbatim.ts';
import { textSha256 } from '../content/verbatim.ts';
import { describeAffiliation, describeRole, speakerName, type ActorLookup } from '../present/actors.ts';
import { translationLabel } from '../present/language.ts';
import { paramsOf, ROUTES } from '../present/routes.ts';
import { quotePath, storyPath, storySlugOf } from '../present/urls.ts';

/**
 * The published record (`content/published-record.json`, written by `npm run urls:update` beside the
 * URL manifest): everything each published story page says that a correction would have to cover.
 * For each quote its words, speaker (id, and name as shown), role, form, medium, date and
 * translation; for each claim its text, status, holders and accounts; for each source a hash of our
 * copy of its text; and each correction entry as published. A build fails when
 *
 * - what a recorded quote, claim or source says changed, unless the story's corrections log has an
 *   entry for the change whose `was` is the recorded value;
 * - a recorded quote or claim is gone, unless the log has a `withdrawn` entry saying what it said;
 * - a published correction entry was removed or changed;
 * - a recorded story is gone, unless its page redirects to the story that now holds its record
 *   (a renamed or merged story: the record is checked against that story);
 * - the record and the URL manifest disagree (one of them trimmed or deleted by hand).
 *
 * What a record holds is checked, field by field: a quote first published by this build has nothing to
 * correct, and a record written before a field was recorded is checked on the fields it has.
 */

/** What a published quote, claim or source says, each field as one line of text (the value a correction's `was` gives). */
const fingerprintSchema = <K extends CorrectedKind>(kind: K) =>
  z.partialRecord(z.enum(correctableFields[kind]), z.string());

/** A correction entry as published (its day and item are in its key, the anchor). */
const correctionFingerprint = z
  .strictObject({
    kind: z.enum(correctionKinds),
    quote: z.string(),
    claim: z.string(),
    source: z.string(),
    was: z.record(z.string(), z.string()),
    note: z.string(),
  })
  .partial();

const storyRecord = z.strictObject({
  quotes: z.record(z.string(), fingerprintSchema('quote')),
  claims: z.record(z.string(), fingerprintSchema('claim')),
  /** Our copy of each source's text, by hash (a record written before sources were recorded has none). */
  sources: z.record(z.string(), fingerprintSchema('source')).default({}),
  /** The published corrections, by anchor (src/lib/assemble/corrections.ts); a record written before entries were recorded in full lists their anchors. */
  corrections: z.union([
    z
      .array(z.string())
      .transform((anchors) =>
        Object.fromEntries(anchors.map((anchor): [string, z.output<typeof correctionFingerprint>] => [anchor, {}])),
      ),
    z.record(z.string(), correctionFingerprint),
  ]),
});

export const recordSchema = z.record(z.string(), storyRecord);
export type PublishedRecord = z.output<typeof recordSchema>;
type StoryRecord = PublishedRecord[string];
type Fingerprint = Partial<Record<CorrectableField, string>>;
type CorrectionFingerprint = z.output<typeof correctionFingerprint>;

/** An actor's name as pages show it where it stands alone: with what tells it apart from a namesake. */
const shownName = (actor: ActorRecord) =>
  actor.disambiguation === undefined ? actor.name : `${actor.name} (${actor.disambiguation})`;

/** A holder as the record keys it: an actor's id; one the source does not name, by the source's description. */
const holderKey = (holder: Holder) => (isUnnamed(holder) ? `unnamed: ${holder.description}` : holder.id);

/**
 * A quote's medium as the record keeps it: as is when the source states it (so records published
 * before a medium could be inferred stay as they were), with what it rests on when we infer it.
 */
const recordedMedium = ({ medium, mediumBasis }: Pick<Quote, 'medium' | 'mediumBasis'>) =>
  mediumBasis?.provenance === 'inferred' ? `${medium} (inferred from “${mediumBasis.words}”)` : medium;

export function fingerprintQuote(quote: Quote, actors: ActorLookup): Fingerprint {
  const { speaker, translation } = quote;
  return {
    words: quote.words,
    speaker: holderKey(speaker),
    name: isUnnamed(speaker) ? speakerName(speaker) : shownName(speaker),
    role: isUnnamed(speaker)
      ? (describeAffiliation(speaker, { inText: false }) ?? '')
      : quote.role === undefined
        ? ''
        : describeRole(quote.role, actors),
    form: quote.form,
    medium: recordedMedium(quote),
    said: dateFingerprint(quote.said),
    translation: translation === undefined ? '' : `${translationLabel(translation)}: ${translation.words}`,
  };
}

export function fingerprintClaim(claim: Claim): Fingerprint {
  const names = (claimants: Holder[], sourceVoice: boolean) =>
    [
      ...claimants.map((holder) => (isUnnamed(holder) ? speakerName(holder) : shownName(holder))),
      ...(sourceVoice ? ['the source'] : []),
    ].join(', ');
  const ids = (claimants: Holder[], sourceVoice: boolean) =>
    [...claimants.map(holderKey), ...(sourceVoice ? ['the source'] : [])].join(', ');
  return {
    text: claim.text,
    status: claim.status,
    // A contested claim's holders are its accounts'; a claim with no claimants is the source's own.
    holders: (claim.versions.length > 0
      ? claim.versions.map((version, i) => `account ${i + 1} given by ${names(version.claimants, version.sourceVoice)}`)
      : [
          `claimed by ${names(claim.claimants, claim.claimants.length === 0)}`,
          ...(claim.disputedBy.length > 0 ? [`disputed by ${names(claim.disputedBy, false)}`] : []),
        ]
    ).join('; '),
    versions: claim.versions
      .map((version) => `${version.text} (${ids(version.claimants, version.sourceVoice)})`)
      .join(' | '),
  };
}

export function fingerprintSource(source: Pick<Source, 'text'>): Fingerprint {
  return { textHash: `sha256:${textSha256(source.text).slice(0, 32)}` };
}

/** The entry as published: what it is to, its kind, what it says the page said before, and its note. */
function fingerprintCorrection(correction: Correction): CorrectionFingerprint {
  return {
    kind: correction.kind,
    [correction.item.kind]: correction.item.id,
    was: { ...correction.was },
    note: correction.note,
  };
}

/** The record of everything a build publishes. */
export function recordOf(corpus: Pick<Corpus, 'stories' | 'actors'>): PublishedRecord {
  return Object.fromEntries(
    corpus.stories.map((story) => [
      story.slug,
      {
        quotes: Object.fromEntries(story.quotes.map((quote) => [quote.id, fingerprintQuote(quote, corpus.actors)])),
        claims: Object.fromEntries(story.claims.map((claim) => [claim.id, fingerprintClaim(claim)])),
        sources: Object.fromEntries(story.sources.map((source) => [source.id, fingerprintSource(source)])),
        corrections: Object.fromEntries(
          story.corrections.map((correction) => [correction.anchor, fingerprintCorrection(correction)]),
        ),
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

/** How to get a published file back when it was deleted or edited by hand. */
export const restoreHint = (file: string): string =>
  `restore it from version control (\`git checkout -- ${file}\`) and let \`npm run urls:update\` write it`;

/** The record in `text`, or the problems that make it unreadable (a hand edit, a merge conflict). */
export function parseRecord(text: string, file: string): { record: PublishedRecord } | { problems: ContentProblem[] } {
  const expected = `the file as \`npm run urls:update\` writes it: ${restoreHint(file)}`;
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

/** `was` as one line of YAML, in the schema's field order. */
const wasYaml = (changes: [CorrectableField, string][]) =>
  `{ ${changes.map(([field, old]) => `${field}: ${yamlString(old)}`).join(', ')} }`;

/**
 * The corrections entry that would account for these changes, as one line of YAML (a problem is one
 * line in the terminal and the dev banner): the editor adds it to the story's `corrections`.
 */
function entryToAdd(kind: CorrectedKind, id: string, changes: [CorrectableField, string][], withdrawn = false): string {
  const day = '<YYYY-MM-DD, the day it is published; `updated` not before it>';
  return withdrawn
    ? `- { date: ${day}, kind: withdrawn, ${kind}: ${id}, was: ${wasYaml(changes)}, note: <why it was withdrawn, for readers> }`
    : `- { date: ${day}, ${kind}: ${id}, was: ${wasYaml(changes)}, note: <what changed and why, for readers> }`;
}

/** A fingerprint's fields in the schema's order (the record's file sorts them by name). */
const entriesOf = (fingerprint: Fingerprint) =>
  (Object.entries(fingerprint) as [CorrectableField, string][]).sort(
    ([a], [b]) => correctableFieldNames.indexOf(a) - correctableFieldNames.indexOf(b),
  );

/**
 * The story that holds a recorded story's record now: the story of that slug, or the story its page
 * redirects to (a renamed story, or one merged into another).
 */
function holderOf(slug: string, stories: ReadonlyMap<string, Story>, redirects: readonly Redirect[]) {
  const own = stories.get(slug);
  if (own !== undefined) return own;
  const moved = redirects.find((redirect) => redirect.from === storyPath(slug));
  const target = moved && storySlugOf(moved.to);
  return target === undefined ? undefined : stories.get(target);
}

const isEmpty = (published: StoryRecord) =>
  [published.quotes, published.claims, published.sources, published.corrections].every(
    (items) => Object.keys(items).length === 0,
  );

/**
 * What a withdrawal's `was` gives readers of a recorded item: every field it showed, without the empty
 * ones (no role, no translation) and, where the name is recorded, without the speaker's id.
 */
const whatItSaid = (was: Fingerprint) =>
  entriesOf(was).filter(([field, value]) => value !== '' && !(field === 'speaker' && was.name !== undefined));

/** Problems with one recorded item, by what `now` says of it (undefined: it is gone). */
function itemProblems(
  story: Story,
  kind: CorrectedKind,
  id: string,
  was: Fingerprint,
  now: Fingerprint | undefined,
): ContentProblem[] {
  const entries = story.corrections.filter((entry) => entry.item.kind === kind && entry.item.id === id);
  if (now === undefined) {
    // A source that is gone leaves its page's URL, which the published-URL check asks a redirect for.
    if (kind === 'source') return [];
    const said = WITHDRAWN_SAID[kind];
    const withdrawal = entries.find((entry) => entry.kind === 'withdrawn');
    if (withdrawal === undefined) {
      return [
        {
          file: story.file,
          field: 'corrections',
          value: `${kind} ${id} is gone`,
          expected: `a published ${kind} leaves the story only withdrawn, with an entry readers can see that says what it said; add this entry to the story's \`corrections\` (frontmatter): ${entryToAdd(kind, id, whatItSaid(was), true)}`,
        },
      ];
    }
    const recorded = was[said];
    const given = withdrawal.was[said]!;
    return recorded === undefined || same(said, recorded, given)
      ? []
      : [
          {
            file: story.file,
            field: 'corrections',
            value: `${withdrawal.anchor}, was.${said}: ${yamlString(given)}`,
            expected: `what the ${kind} said when it was published: ${said}: ${yamlString(recorded)}`,
          },
        ];
  }
  const unaccounted = entriesOf(was).filter(
    ([field, old]) =>
      now[field] !== undefined &&
      !same(field, old, now[field]) &&
      !entries.some((entry) => entry.was[field] !== undefined && same(field, entry.was[field], old)),
  );
  if (unaccounted.length === 0) return [];
  return [
    {
      file: story.file,
      field: 'corrections',
      value: unaccounted
        .map(([field, old]) => `${kind} ${id}, ${field}: ${yamlString(old)} → ${yamlString(now[field]!)}`)
        .join('; '),
      expected: `a published ${kind} changes only with a correction readers can see; add this entry to the story's \`corrections\` (frontmatter): ${entryToAdd(kind, id, unaccounted)}`,
    },
  ];
}

/** What a published correction entry says, field by field, as one line each. */
function correctionFields(entry: CorrectionFingerprint): [string, string][] {
  const fields: [string, string | undefined][] = [
    ['kind', entry.kind],
    ...correctedKinds.map((kind): [string, string | undefined] => [kind, entry[kind]]),
    ['was', entry.was && JSON.stringify(sorted(entry.was))],
    ['note', entry.note],
  ];
  return fields.filter((field): field is [string, string] => field[1] !== undefined);
}

/** A published correction removed from the log, or changed in it. */
function correctionProblems(story: Story, anchor: string, published: CorrectionFingerprint): ContentProblem[] {
  const entry = story.corrections.find((correction) => correction.anchor === anchor);
  if (entry === undefined) {
    return [
      {
        file: story.file,
        field: 'corrections',
        value: `no entry ${anchor}`,
        expected: `the published correction ${anchor} kept: a correction, once published, stays in the log as readers saw it (to say more, add a new entry)`,
      },
    ];
  }
  const now = new Map(correctionFields(fingerprintCorrection(entry)));
  const changed = correctionFields(published).filter(([field, was]) => now.get(field) !== was);
  if (changed.length === 0) return [];
  return [
    {
      file: story.file,
      field: 'corrections',
      value: changed
        .map(([field, was]) => `${anchor}, ${field}: ${yamlString(was)} → ${yamlString(now.get(field) ?? '')}`)
        .join('; '),
      expected: `the correction ${anchor} as it was published: an entry, once published, stays as readers saw it; to say more, add a new entry (an \`update\`) for the same item`,
    },
  ];
}

/**
 * Every change to a recorded story that its corrections log does not account for: a quote, claim or
 * source changed or gone, a published correction removed or changed, a story gone with nowhere for
 * its record to go. `recordFile` names the record in messages.
 */
export function recordProblems(
  corpus: Pick<Corpus, 'stories' | 'actors' | 'redirects'>,
  record: PublishedRecord,
  recordFile = 'published-record.json',
): ContentProblem[] {
  const stories = new Map(corpus.stories.map((story) => [story.slug, story]));
  const problems: ContentProblem[] = [];
  /** The records each story holds: its own, and those of stories renamed or merged into it. */
  const held = new Map<Story, StoryRecord[]>();
  for (const [slug, published] of Object.entries(record)) {
    const story = holderOf(slug, stories, corpus.redirects);
    if (story === undefined) {
      if (!isEmpty(published)) {
        problems.push({
          file: recordFile,
          field: slug,
          value: 'a published story the content no longer has',
          expected: `the story kept, or, renamed or merged, its page \`${storyPath(slug)}\` redirected (content/redirects.yaml) to the story that now tells its quotes and claims, whose record it becomes; a story deleted by mistake: restore its folder from version control (\`git checkout -- content/stories/${slug}\`)`,
        });
      }
      continue;
    }
    held.set(story, [...(held.get(story) ?? []), published]);
    const items = [
      ...recordedItems('quote', published.quotes, story.quotes, (quote) => fingerprintQuote(quote, corpus.actors)),
      ...recordedItems('claim', published.claims, story.claims, fingerprintClaim),
      ...recordedItems('source', published.sources, story.sources, fingerprintSource),
    ];
    for (const [kind, id, was, now] of items) problems.push(...itemProblems(story, kind, id, was, now));
    for (const [anchor, entry] of Object.entries(published.corrections)) {
      problems.push(...correctionProblems(story, anchor, entry));
    }
  }
  for (const story of corpus.stories) problems.push(...unpublishedWithdrawals(story, held.get(story) ?? []));
  return problems;
}

/** Each recorded item of one kind, with what it says now (undefined: it is gone). */
function recordedItems<T extends { id: string }>(
  kind: CorrectedKind,
  recorded: Record<string, Fingerprint>,
  items: readonly T[],
  fingerprint: (item: T) => Fingerprint,
): [CorrectedKind, string, Fingerprint, Fingerprint | undefined][] {
  return Object.entries(recorded).map(([id, was]) => {
    const item = items.find((candidate) => candidate.id === id);
    return [kind, id, was, item && fingerprint(item)];
  });
}

/**
 * Withdrawals of what was never published: each would put up a page and a card saying a quote was
 * withdrawn that no reader saw. Something never published is deleted, with no entry.
 */
function unpublishedWithdrawals(story: Story, records: readonly StoryRecord[]): ContentProblem[] {
  return story.corrections.flatMap((entry) => {
    const { kind, id } = entry.item;
    if (entry.kind !== 'withdrawn' || kind === 'source') return [];
    const published = records.some(
      (record) =>
        Object.hasOwn(kind === 'quote' ? record.quotes : record.claims, id) ||
        Object.hasOwn(record.corrections, entry.anchor),
    );
    return published
      ? []
      : [
          {
            file: story.file,
            field: 'corrections',
            value: entry.anchor,
            expected: `a withdrawal of a published ${kind}: the published record has no ${kind} ${id} in this story, and one never published is deleted with no entry`,
          },
        ];
  });
}

/** The quotes a recorded story has published: those it has, and those it has withdrawn. */
function recordedQuotes(published: StoryRecord): Set<string> {
  const withdrawn = Object.values(published.corrections).flatMap((entry) =>
    entry.kind === 'withdrawn' && entry.quote !== undefined ? [entry.quote] : [],
  );
  return new Set([...Object.keys(published.quotes), ...withdrawn]);
}

/**
 * The record and the URL manifest, checked against each other: both only grow, through
 * `npm run urls:update`, so a story or quote one of them has and the other lacks means a file was
 * trimmed by hand. A story's page redirected to another story (renamed, merged) is recorded under that
 * story once `urls:update` has run.
 */
export function crossCheckProblems(
  record: PublishedRecord,
  listed: readonly string[],
  redirects: readonly Pick<Redirect, 'from' | 'to'>[],
  files: { record: string; urls: string },
): ContentProblem[] {
  const urls = new Set(listed);
  const problems: ContentProblem[] = [];
  const urlMissing = (url: string, what: string) =>
    urls.has(url)
      ? []
      : [
          {
            file: files.urls,
            field: 'published URL',
            value: url,
            expected: `the URL listed: ${files.record} records ${what}, so its page was published, and the list only grows; ${restoreHint(files.urls)}`,
          },
        ];
  for (const [slug, published] of Object.entries(record)) {
    const story = urlMissing(storyPath(slug), `story "${slug}"`);
    problems.push(...story);
    if (story.length > 0) continue;
    for (const id of recordedQuotes(published)) {
      problems.push(...urlMissing(quotePath({ slug, id }), `quote "${id}" of story "${slug}"`));
    }
  }
  /** The record that holds a listed story: its own, or that of the story its page redirects to. */
  const holder = (slug: string) => {
    if (Object.hasOwn(record, slug)) return record[slug];
    const target = storySlugOf(redirects.find((redirect) => redirect.from === storyPath(slug))?.to ?? '');
    return target !== undefined && Object.hasOwn(record, target) ? record[target] : undefined;
  };
  const recordMissing = (field: string, what: string) => ({
    file: files.record,
    field,
    value: 'not recorded',
    expected: `the record of ${what}: ${files.urls} lists its page, so it was published, and the record only grows; ${restoreHint(files.record)}`,
  });
  for (const url of listed) {
    const story = paramsOf(ROUTES.story, url);
    if (story !== undefined && holder(story.slug) === undefined) {
      problems.push(recordMissing(story.slug, `story "${story.slug}"`));
    }
    const quote = paramsOf(ROUTES.quote, url);
    if (quote === undefined) continue;
    const { slug, quote: id } = quote;
    const held = holder(slug);
    // A story missing altogether is one problem, above (its page is listed whenever a quote's is).
    if (held !== undefined && !recordedQuotes(held).has(id)) {
      problems.push(recordMissing(`${slug}.quotes.${id}`, `quote "${id}" of story "${slug}"`));
    }
  }
  return problems;
}
