import { correctedKinds, type CorrectableField, type CorrectedKind, type CorrectionMeta } from '../model/entities.ts';
import type { Before, Correction, CorrectedItem } from '../model/corpus.ts';
import { recordedDate } from '../model/date.ts';
import type { ProblemList } from '../content/problems.ts';
import { notAfterToday } from '../model/calendar.ts';

/**
 * A story's corrections log, checked against the story: every entry names a quote, claim or source the
 * story has (a withdrawal, one it no longer has), is dated within the story's life (`published` to
 * `updated`, so the page's "updated" date and the sitemap never hide a later correction) and not after
 * the build's day `today`, and is the only entry for its item on its day. Whether each
 * change to a published quote, claim or source has its entry is checked against the published record
 * (src/lib/outputs/record.ts).
 */

/** The quote, claim or source an entry names (the schema requires exactly one). */
export function correctedItem(entry: Pick<CorrectionMeta, CorrectedKind>): CorrectedItem {
  const kind = correctedKinds.find((kind) => entry[kind] !== undefined)!;
  return { kind, id: entry[kind]! };
}

/** What an entry's `was` says, read: its date as a date value, parsed here once for every page that tells it. */
const beforeOf = (was: CorrectionMeta['was']): Before[] =>
  (Object.entries(was) as [CorrectableField, string][]).map(([field, value]) =>
    field === 'said' ? { field, was: recordedDate.parse(value) } : { field, was: value },
  );

/** The entry's fragment id on the story page, and its key in the published record. */
export const correctionAnchor = (date: string, item: CorrectedItem): string => `k-${date}-${item.kind}-${item.id}`;

/** Newest first; on one day, by what they change (their anchors), so the order never depends on the file's. */
const newestFirst = (a: Correction, b: Correction) => b.date.localeCompare(a.date) || a.anchor.localeCompare(b.anchor);

export function assembleCorrections(
  problems: ProblemList,
  storyFile: string,
  story: { published: string; updated: string; corrections: CorrectionMeta[] },
  today: string,
  has: Record<CorrectedKind, (id: string) => boolean>,
): Correction[] {
  const seen = new Set<string>();
  const corrections = story.corrections.map((entry, index) => {
    const item = correctedItem(entry);
    const field = `corrections[${index}]`;
    if (entry.kind === 'withdrawn' && has[item.kind](item.id)) {
      problems.add(
        storyFile,
        `${field}.${item.kind}`,
        item.id,
        `the id of a ${item.kind} this story no longer has: a withdrawn ${item.kind} is taken out of the story (its file deleted), and this entry says what it said`,
      );
    } else if (entry.kind !== 'withdrawn' && !has[item.kind](item.id)) {
      problems.add(storyFile, `${field}.${item.kind}`, item.id, `the id of a ${item.kind} of this story`);
    }
    if (entry.date < story.published) {
      problems.add(storyFile, `${field}.date`, entry.date, `a day on or after \`published\` (${story.published})`);
    }
    // An `updated` after today is reported on the story (src/lib/assemble/story.ts), which covers its corrections.
    if (entry.date > today && story.updated <= today) {
      problems.add(storyFile, `${field}.date`, entry.date, notAfterToday(today));
    } else if (entry.date > story.updated) {
      problems.add(
        storyFile,
        'updated',
        story.updated,
        `a day on or after the latest correction (${entry.date}): readers and search engines read \`updated\` to know the page changed`,
      );
    }
    const anchor = correctionAnchor(entry.date, item);
    if (seen.has(anchor)) {
      problems.add(
        storyFile,
        `${field}.was`,
        entry.was,
        `one entry per ${item.kind} and day: put every field ${item.kind} ${item.id} changed on ${entry.date} in one entry's \`was\``,
      );
    }
    seen.add(anchor);
    return { ...entry, item, anchor, before: beforeOf(entry.was) };
  });
  return corrections.sort(newestFirst);
}
