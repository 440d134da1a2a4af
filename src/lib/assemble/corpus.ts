import {
  newestStoryFirst,
  type ActorRecord,
  type AuthorRecord,
  type Corpus,
  type CorpusFiles,
  type Entry,
  type Story,
} from '../model/corpus.ts';
import { ProblemList, type ContentProblem } from '../content/problems.ts';
import { ambiguousNames } from './actors.ts';
import { draftReferenceProblems, withoutDrafts } from './drafts.ts';
import { assembleRedirects } from './redirects.ts';
import { assembleStory, collectProblems, fileOf } from './story.ts';
import { runSteps, type Steps } from '../model/steps.ts';

/**
 * The whole corpus from every validated file: actors shared by all stories, each story assembled
 * (src/lib/assemble/story.ts), the redirects. Problems from every story are reported together, so
 * one run shows an editor everything to fix.
 */

function assembleActors(files: CorpusFiles, problems: ProblemList): Map<string, ActorRecord> {
  const actors = new Map<string, ActorRecord>(
    files.actors.map((entry) => [
      entry.id,
      { ...entry.data, id: entry.id, file: fileOf(entry), about: (entry.body ?? '').trim() },
    ]),
  );
  for (const group of ambiguousNames([...actors.values()])) {
    // One message per name: the fix is one decision about all of them.
    const last = group.toSorted((a, b) => a.file.localeCompare(b.file)).at(-1)!;
    const spellings = new Set(group.map((a) => a.name)).size;
    const lookAlike =
      spellings > 1 ? ', written differently but read the same (spacing, case, or how accents are encoded)' : '';
    problems.add(
      last.file,
      'disambiguation',
      last.disambiguation,
      `a distinct \`disambiguation\` on each of the ${group.length} actors named "${last.name}"${lookAlike} (${group.map((a) => a.file).join(', ')}), saying what tells them apart`,
    );
  }
  // A role's organisation, given as an actor, must be one: its page lists what its members say and do.
  for (const actor of actors.values()) {
    actor.roles.forEach((role, i) => {
      if (role.of === undefined) return;
      const organisation = actors.get(role.of);
      if (organisation?.kind !== 'organisation') {
        problems.add(
          actor.file,
          `roles[${i}].of`,
          role.of,
          organisation
            ? `an organisation's actor id: ${organisation.file} is a person`
            : `an organisation's actor id: a file content/actors/${role.of}.md (known organisations: ${
                [...actors.values()]
                  .filter((x) => x.kind === 'organisation')
                  .map((x) => x.id)
                  .join(', ') || 'none'
              })`,
        );
      }
    });
  }
  return actors;
}

/**
 * Every author, and every story's byline checked against them: each id in a story's `authors` and
 * `editors` names an author file. Checked on the files, so a story with another problem still has its
 * byline checked, and a byline mistake does not stop the story's own checks.
 */
function assembleAuthors(files: CorpusFiles, problems: ProblemList): Map<string, AuthorRecord> {
  const authors = new Map<string, AuthorRecord>(
    files.authors.map((entry) => [entry.id, { ...entry.data, id: entry.id, file: fileOf(entry) }]),
  );
  const known = [...authors.keys()].join(', ') || 'none';
  for (const story of files.stories) {
    for (const field of ['authors', 'editors'] as const) {
      story.data[field].forEach((id, i) => {
        if (!authors.has(id))
          problems.add(
            fileOf(story),
            `${field}[${i}]`,
            id,
            `an author id: a file content/authors/${id}.md (known authors: ${known})`,
          );
      });
    }
  }
  return authors;
}

const slugOf = (entry: Entry<unknown>) => entry.id.slice(0, entry.id.indexOf('/'));
const localId = (entry: Entry<unknown>) => entry.id.slice(entry.id.indexOf('/') + 1);

/**
 * Every `sameAs` names an event of another story that exists. Checked on the files, not on the
 * assembled stories: a mistake that stops one story is not also a missing event in every story
 * that names one of its events.
 */
function checkSameEvents(files: CorpusFiles, problems: ProblemList) {
  const bySlug = new Map(files.stories.map((story) => [story.id, new Set<string>()]));
  for (const event of files.events) bySlug.get(slugOf(event))?.add(localId(event));
  for (const event of files.events) {
    if (!bySlug.has(slugOf(event))) continue; // an event without its story is reported as that
    event.data.sameAs.forEach((other, i) => {
      const [slug = '', id = ''] = other.split('/');
      const events = bySlug.get(slug);
      const expected =
        slug === slugOf(event)
          ? 'an event of another story: within one story, an event is told once'
          : events === undefined
            ? `an event of another story, as \`<story-slug>/<event-id>\`: there is no story "${slug}" (stories: ${[...bySlug.keys()].join(', ')})`
            : events.has(id)
              ? undefined
              : `an event of another story, as \`<story-slug>/<event-id>\`: story "${slug}" has no event "${id}" (its events: ${[...events].join(', ') || 'none'})`;
      if (expected !== undefined) problems.add(fileOf(event), `sameAs[${i}]`, other, expected);
    });
  }
}

/**
 * What `assembleCorpus` keeps of one run for the next, while the dev server runs
 * (src/loader/contentLoader.ts): each story's assembly with the entries it was made from. A story is
 * assembled again only when one of its own entries is another object (its file was read again), or
 * when the actors or the day changed, which every story depends on.
 */
export interface AssemblyMemo {
  actors: readonly Entry<unknown>[];
  today: string;
  stories: Map<string, { inputs: readonly Entry<unknown>[]; outcome: Story | ContentProblem[] }>;
  /** How many stories the last run assembled (the others were taken from the memo), for the loader's log. */
  assembled: number;
}

export const newAssemblyMemo = (): AssemblyMemo => ({ actors: [], today: '', stories: new Map(), assembled: 0 });

const sameEntries = (a: readonly Entry<unknown>[], b: readonly Entry<unknown>[]) =>
  a.length === b.length && a.every((entry, i) => entry === b[i]);

/**
 * Assembles every story; problems from all stories are reported together. `today` is the day of the
 * build, `YYYY-MM-DD` (`todayOf` in src/lib/model/calendar.ts): nothing is dated after it. Drafts are
 * assembled and checked like every story, then left out unless `drafts` asks for them (the dev server
 * and a preview build): the published corpus is the default (src/lib/assemble/drafts.ts). With
 * `memo`, a story whose entries are those of the last run is taken from it (`AssemblyMemo`).
 */
export function assembleCorpus(
  files: CorpusFiles,
  today: string,
  options: { drafts?: boolean; memo?: AssemblyMemo | undefined } = {},
): Corpus {
  return runSteps(assembleCorpusSteps(files, today, options));
}

/** `assembleCorpus` in steps, one a story assembled (src/lib/model/steps.ts): the dev server pauses between them. */
export function* assembleCorpusSteps(
  files: CorpusFiles,
  today: string,
  { drafts = false, memo }: { drafts?: boolean; memo?: AssemblyMemo | undefined } = {},
): Steps<Corpus> {
  const problems = new ProblemList();
  const actors = assembleActors(files, problems);
  const authors = assembleAuthors(files, problems);
  const grouped = {
    sources: Map.groupBy(files.sources, slugOf),
    quotes: Map.groupBy(files.quotes, slugOf),
    claims: Map.groupBy(files.claims, slugOf),
    events: Map.groupBy(files.events, slugOf),
  };
  const slugs = new Set(files.stories.map((story) => story.id));
  for (const entries of Object.values(grouped)) {
    for (const [slug, orphans] of entries) {
      if (slugs.has(slug)) continue;
      for (const orphan of orphans) {
        problems.add(
          fileOf(orphan),
          'story',
          slug,
          `a story folder with a story.mdx: content/stories/${slug}/story.mdx does not exist`,
        );
      }
    }
  }
  if (memo && (memo.today !== today || !sameEntries(memo.actors, files.actors))) {
    memo.stories.clear();
    Object.assign(memo, { actors: files.actors, today });
  }
  for (const slug of memo?.stories.keys() ?? []) if (!slugs.has(slug)) memo?.stories.delete(slug);
  if (memo) memo.assembled = 0;
  const stories: Story[] = [];
  for (const story of files.stories) {
    const inputs = {
      story,
      sources: grouped.sources.get(story.id) ?? [],
      quotes: grouped.quotes.get(story.id) ?? [],
      claims: grouped.claims.get(story.id) ?? [],
      events: grouped.events.get(story.id) ?? [],
    };
    const entries = [story, ...inputs.sources, ...inputs.quotes, ...inputs.claims, ...inputs.events];
    const kept = memo?.stories.get(story.id);
    let outcome = kept && sameEntries(kept.inputs, entries) ? kept.outcome : undefined;
    if (outcome === undefined) {
      if (memo) memo.assembled++;
      const own = new ProblemList();
      outcome = collectProblems(own, () => assembleStory(inputs, actors, today)) ?? own.problems;
      memo?.stories.set(story.id, { inputs: entries, outcome });
      yield;
    }
    if (Array.isArray(outcome)) problems.problems.push(...outcome);
    else stories.push(outcome);
  }
  checkSameEvents(files, problems);
  draftReferenceProblems(files, problems);
  const redirects = assembleRedirects(files.redirects, problems);
  problems.throwIfAny();
  stories.sort(newestStoryFirst);
  const corpus = { stories, actors, authors, redirects };
  return drafts ? corpus : withoutDrafts(corpus);
}
