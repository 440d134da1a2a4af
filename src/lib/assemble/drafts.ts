import { aDraft, draftStories, type ActorRecord, type Corpus, type CorpusFiles } from '../model/corpus.ts';
import type { ProblemList } from '../content/problems.ts';
import { fileOf } from './story.ts';

/**
 * Drafts: stories marked `draft: true`, which only the dev server and a preview build show
 * (README, "Drafts"). Every draft is read, checked and assembled like any story, so a draft that
 * would fail fails now, not on the day it is published; then a production build leaves drafts out of
 * the corpus here, in one place (`withoutDrafts`, by `assembleCorpus` for the content loader), and
 * nothing after it can publish them. A published story must not lean on a draft: what it names of one
 * would vanish from the site the draft is left out of (`draftReferenceProblems`).
 */

/**
 * What a published story names of a draft: an event's `sameAs` (the same event in another story).
 * Quotes, claims and sources belong to their own story, and actors are files of their own, so this is
 * a story's only way across; a redirect's target is the other way in, checked with the site's URLs
 * (src/lib/outputs/drafts.ts). A draft may name another draft, or anything published.
 */
export function draftReferenceProblems(files: CorpusFiles, problems: ProblemList): void {
  const drafts = draftStories(files.stories);
  if (drafts.size === 0) return;
  const slugOf = (id: string) => id.slice(0, id.indexOf('/'));
  for (const event of files.events) {
    if (drafts.has(slugOf(event.id))) continue;
    event.data.sameAs.forEach((other, i) => {
      const slug = slugOf(other);
      const draft = drafts.get(slug);
      if (draft !== undefined)
        problems.add(fileOf(event), `sameAs[${i}]`, other, `an event of a published story: ${aDraft(slug, draft)}`);
    });
  }
}

/**
 * The corpus as published: no draft story, and no actor that only drafts bring in (a page of its own
 * would announce who an unpublished story is about). An actor no story names keeps its page, as
 * before drafts; so does an organisation a kept actor's role names.
 */
export function withoutDrafts(corpus: Corpus): Corpus {
  if (!corpus.stories.some((story) => story.draft)) return corpus;
  const stories = corpus.stories.filter((story) => !story.draft);
  const published = new Set(stories.flatMap((story) => story.actors.map((actor) => actor.id)));
  const onlyInDrafts = new Set(
    corpus.stories
      .filter((story) => story.draft)
      .flatMap((story) => story.actors.map((actor) => actor.id))
      .filter((id) => !published.has(id)),
  );
  const kept = (actor: ActorRecord) => !onlyInDrafts.has(actor.id);
  // An organisation a kept actor's role names is published with it, even if only drafts quote it.
  let before: number;
  do {
    before = onlyInDrafts.size;
    for (const actor of [...corpus.actors.values()].filter(kept))
      for (const role of actor.roles) if (role.of !== undefined) onlyInDrafts.delete(role.of);
  } while (onlyInDrafts.size < before);
  return {
    ...corpus,
    stories,
    actors: new Map([...corpus.actors].filter(([, actor]) => kept(actor))),
  };
}
