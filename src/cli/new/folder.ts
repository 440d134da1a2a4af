/** A story's folder as the commands read it: its sources, quotes, claims and the ids taken, and where words stand in a source. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DateValue } from '../../lib/model/date.ts';
import { firstDay, lastDay } from '../../lib/model/calendar.ts';
import type { Actor } from '../../lib/model/entities.ts';
import type { Entry } from '../../lib/model/corpus.ts';
import { readContent } from '../../lib/content/read.ts';
import { formatProblem } from '../../lib/content/problems.ts';
import { explainMiss, findVerbatim, type Span } from '../../lib/content/verbatim.ts';
import { describedActors, type ActorNames } from '../../lib/authoring/actors.ts';
import type { Reference } from '../../lib/authoring/dates.ts';
import { contextOf } from '../../lib/authoring/context.ts';
import { datelineOn } from '../../lib/authoring/dateline.ts';
import type { Decider } from '../decide.ts';
import { Stop } from './flags.ts';
import { idList } from '../../lib/authoring/flags.ts';
import type { Io } from './write.ts';

/** The story folder's content, as the check reads it. */
export function load(io: Io, slug: string) {
  const dir = join(io.contentDir, 'stories', slug);
  if (!existsSync(join(dir, 'story.mdx')))
    throw new Stop(
      `No story "${slug}": ${relative(io.projectRoot, dir)}/story.mdx does not exist (npm run new -- story ${slug})`,
    );
  const { files, problems } = readContent(io.contentDir, io.projectRoot);
  const unread = problems.filter((p) => p.file.includes(`/stories/${slug}/sources/`));
  // A source the check refuses is left out of what is read: say why, rather than that there is none.
  if (unread.length > 0)
    throw new Stop(`Finish the story's source first:\n${unread.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
  const mine = <T>(entries: Entry<T>[]) => entries.filter((e) => e.id.startsWith(`${slug}/`));
  return {
    dir,
    actors: files.actors,
    sources: mine(files.sources),
    quotes: mine(files.quotes),
    claims: mine(files.claims),
    taken: {
      quotes: idsOf(mine(files.quotes), slug),
      claims: idsOf(mine(files.claims), slug),
      events: idsOf(mine(files.events), slug),
    },
  };
}

/** A story folder as `load` reads it. */
export type StoryFolder = ReturnType<typeof load>;

const idsOf = (entries: Entry<unknown>[], slug: string) => new Set(entries.map((e) => e.id.slice(slug.length + 1)));

const actorNames = (actors: Entry<Actor>[]): ActorNames[] =>
  actors.map((a) => ({
    id: a.id,
    name: a.data.name,
    kind: a.data.kind,
    aliases: a.data.aliases,
    organisations: a.data.roles.flatMap((r) => (r.of === undefined ? [] : [r.of])),
  }));

/** What a source's dates are read against: its publication day, or the first and last day of its publication date. */
export function referenceOf(source: Entry<{ published: DateValue }>): Reference {
  const { on, earliest, latest, from, to, provenance } = source.data.published;
  const first = firstDay((on ?? earliest ?? from)!);
  const last = lastDay((on ?? latest ?? to)!);
  return {
    day: first,
    ...(last !== first && { until: last }),
    inferred: provenance === 'inferred',
    dateline: datelineOn(source.body ?? '', first),
  };
}

/** Finds `words` in the story's sources (the one named, else each): the source and the span, or a refusal naming the closest passage. */
export function locate<S extends Entry<{ published: DateValue }>>(
  sources: S[],
  words: string,
  only: string | undefined,
  slug: string,
) {
  const candidates = only === undefined ? sources : sources.filter((s) => s.id === `${slug}/${only}`);
  if (candidates.length === 0)
    throw new Stop(
      only === undefined ? `The story "${slug}" has no source yet.` : `No source "${only}" in the story "${slug}".`,
    );
  for (const source of candidates) {
    const found = findVerbatim(words, source.body ?? '');
    if (found.found) return { source, span: found as Span };
  }
  const misses = candidates.map((s) => `  ${s.id.slice(slug.length + 1)}: ${explainMiss(words, s.body ?? '')}`);
  throw new Stop(`Not in the source${candidates.length > 1 ? 's' : ''} verbatim:\n${misses.join('\n')}`);
}

/** The story, and where `words` stand in its sources (the one named, else each), their sentence printed: what a quote, an event and a claim start from. */
export function foundIn(io: Io, slug: string, words: string, only: string | undefined) {
  const story = load(io, slug);
  const { source, span } = locate(story.sources, words, only, slug);
  const body = source.body ?? '';
  const context = contextOf(body, span.start, span.end);
  io.out(`Found in ${source.id.slice(slug.length + 1)}: "${context.sentence.text}"`);
  // The story's actors as this source names them: what every command suggests speakers and holders from.
  const actors = describedActors(actorNames(story.actors), body);
  return { story, source, span, body, context, actors };
}

/** Quotes of the story whose words (or passage) stand in `scope`, by id. */
export function quotesWithin(story: StoryFolder, sourceBody: string, scope: Span, slug: string): string[] {
  return story.quotes.flatMap((q) => {
    const found = findVerbatim(q.data.passage ?? q.body ?? '', sourceBody);
    return found.found && found.start >= scope.start && found.end <= scope.end ? [q.id.slice(slug.length + 1)] : [];
  });
}

/** Settles a list of ids: a flag (comma-separated), else the suggestion. */
export async function decideIds(
  decider: Decider,
  field: string,
  given: string | undefined,
  ids: string[],
  note: string,
) {
  return decider.decide<string[]>(
    field,
    `--${field}`,
    idList(given),
    { kind: 'value', value: ids, note },
    { parse: (s) => idList(s) ?? [], show: (v) => v.join(',') },
  );
}
