import {
  newestStoryFirst,
  type ActorRecord,
  type Corpus,
  type CorpusFiles,
  type Entry,
  type Story,
} from '../model/corpus';
import { ProblemList } from '../content/problems';
import { ambiguousNames } from './actors';
import { assembleRedirects } from './redirects';
import { assembleStory, collectProblems, fileOf } from './story';

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
    problems.add(
      last.file,
      'disambiguation',
      last.disambiguation,
      `a distinct \`disambiguation\` on each of the ${group.length} actors named "${last.name}" (${group.map((a) => a.file).join(', ')}), saying what tells them apart`,
    );
  }
  return actors;
}

/** Assembles every story; problems from all stories are reported together. */
export function assembleCorpus(files: CorpusFiles): Corpus {
  const problems = new ProblemList();
  const actors = assembleActors(files, problems);
  const slugOf = (entry: Entry<unknown>) => entry.id.slice(0, entry.id.indexOf('/'));
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
  const stories = files.stories.flatMap((story): Story[] => {
    const assembled = collectProblems(problems, () =>
      assembleStory(
        {
          story,
          sources: grouped.sources.get(story.id) ?? [],
          quotes: grouped.quotes.get(story.id) ?? [],
          claims: grouped.claims.get(story.id) ?? [],
          events: grouped.events.get(story.id) ?? [],
        },
        actors,
      ),
    );
    return assembled ? [assembled] : [];
  });
  const redirects = assembleRedirects(files.redirects, problems);
  problems.throwIfAny();
  stories.sort(newestStoryFirst);
  return { stories, actors, redirects };
}
