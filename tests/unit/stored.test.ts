import { describe, expect, it } from 'vitest';
import { linkStory, storeStory } from '../../src/loader/stored';
import { isUnnamed, type ActorRecord } from '../../src/lib/model/corpus';
import { corpus } from './fixtures/corpus';

/*
 * The stored form of a story (what the content loader keeps in Astro's store): plain data that links
 * back into the same story. Not covered: Astro's own serialisation of the store (the build and
 * tests/e2e read every page from it).
 */

describe('storeStory and linkStory', () => {
  const { stories, actors } = corpus();

  it('link back into the assembled story, through a JSON round trip', () => {
    for (const story of stories) {
      const stored = JSON.parse(JSON.stringify(storeStory(story))) as ReturnType<typeof storeStory>;
      expect(linkStory(stored, actors)).toEqual(story);
    }
  });

  it('store each actor, source and quote once, referring to it by id elsewhere', () => {
    const story = stories.find((s) => s.quotes.length > 0 && s.claims.some((c) => c.quotes.length > 0))!;
    const stored = storeStory(story);
    expect(stored.quotes[0]!.speaker).toBe((story.quotes[0]!.speaker as ActorRecord).id);
    expect(stored.claims.flatMap((c) => c.quotes).every((id) => typeof id === 'string')).toBe(true);
    expect(stored.actors).toEqual(story.actors.map((a) => a.id));
  });

  it('link shared objects to one object, as assembly made them', () => {
    const story = stories.find((s) => s.claims.some((c) => c.quotes.length > 0))!;
    const linked = linkStory(storeStory(story), actors);
    const cited = linked.claims.flatMap((c) => c.quotes)[0]!;
    expect(linked.quotes.find((q) => q.id === cited.id)).toBe(cited);
    expect(cited.speaker).toBe(actors.get((cited.speaker as ActorRecord).id));
  });

  it('store an unnamed speaker as itself, its affiliation by id, and link each quote to a speaker of its own', () => {
    const newer = stories.find((s) => s.slug === 'newer')!;
    const stored = storeStory(newer);
    expect(stored.quotes.find((q) => q.id === 'nothing-changed')!.speaker).toEqual({
      kind: 'unnamed',
      description: 'a senior Council official',
      affiliation: 'council',
    });
    const linked = linkStory(JSON.parse(JSON.stringify(stored)) as typeof stored, actors);
    const speaker = linked.quotes.find((q) => q.id === 'nothing-changed')!.speaker;
    expect(isUnnamed(speaker) && speaker.affiliation).toBe(actors.get('council'));
  });

  it('store a contested claim’s accounts and an event’s `sameAs` by id', () => {
    const older = stories.find((s) => s.slug === 'older')!;
    const stored = storeStory(older);
    const claim = stored.claims.find((c) => c.id === 'talks-ended')!;
    expect(claim.versions.map((v) => [v.claimants, v.quotes])).toEqual([
      [[], ['talks-over']],
      [['council'], []],
    ]);
    expect(stored.events.find((e) => e.id === 'talks-end')!.sameAs).toEqual(['newer/talks-ended']);
  });

  it('refuse a stored story that names an actor the store lacks', () => {
    const stored = storeStory(stories[0]!);
    expect(() => linkStory(stored, new Map())).toThrow(/names actor/);
  });
});
