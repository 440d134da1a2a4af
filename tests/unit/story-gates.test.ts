import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/content/problems';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import type { CorpusFiles } from '../../src/lib/model/corpus';
import { corpus } from './corpus';
import { TODAY } from './fixtures/corpus';

/*
 * Story and corpus assembly, for what the trust gates added: markup refused in the explainer's MDX
 * (every kind of markup: tests/unit/storyBody.test.ts),
 * redirects checked, one message per mistake (no cascade from a broken quote to everything citing
 * it). Not covered: references and verbatim checks one by
 * one (tests/content/bad-content.test.ts runs each through the real loaders), and rendering.
 */

function problemsOf(files: CorpusFiles): string[] {
  try {
    assembleCorpus(files, TODAY);
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.problems.map((p) => `${p.file} ${p.field} ${String(p.value)}`);
  }
}

describe('assembleCorpus', () => {
  it('reports markup in the explainer against story.mdx', () => {
    expect(problemsOf(corpus({ story: 'Hi <iframe src="x"></iframe> <Cite quote="q" />' }))).toEqual([
      's/story.mdx body <iframe src="x"></iframe>',
    ]);
  });

  it('reports a quote with an unknown speaker once, not again in every claim, event and citation that names it', () => {
    expect(problemsOf(corpus({ quote: { speaker: 'nobody' } }))).toEqual(['s/quotes/q.md speaker nobody']);
  });

  it('reports a source without text once, naming the quotes it cannot verify', () => {
    const files = corpus({ sourceText: '' });
    expect(problemsOf(files)).toEqual(['s/sources/src.md body ']);
  });

  it('reports actors sharing a name once for the group', () => {
    expect(
      problemsOf(corpus({ actors: { ann: { name: 'Ann', kind: 'person' }, ann2: { name: 'Ann', kind: 'person' } } })),
    ).toEqual(['actors/ann2.md disambiguation undefined']);
  });

  it('accepts page and file redirects, and refuses chains, mixed types and non-paths', () => {
    expect(
      assembleCorpus(
        corpus({
          redirects: {
            '/stories/old/': { to: '/stories/s/#q-q', reason: 'Renamed.' },
            '/data/stories/old.json': { to: '/data/stories/s.json', reason: 'Renamed.' },
          },
        }),
        TODAY,
      ).redirects.map((r) => r.from),
    ).toEqual(['/data/stories/old.json', '/stories/old/']);
    expect(
      problemsOf(
        corpus({
          redirects: {
            '/a/': { to: '/b/', reason: 'r' },
            '/b/': { to: '/stories/s/', reason: 'r' },
            '/data/x.json': { to: '/stories/s/', reason: 'r' },
            'stories/no-slash': { to: '/stories/s/', reason: 'r' },
          },
        }),
      ),
    ).toEqual([
      'redirects.yaml ["/a/"].to /b/',
      'redirects.yaml ["/data/x.json"].to /stories/s/',
      'redirects.yaml ["stories/no-slash"] stories/no-slash',
    ]);
  });

  it('reports a role `of` an actor that is not an organisation, or of no actor, against the role', () => {
    expect(
      problemsOf(
        corpus({
          actors: {
            ann: { name: 'Ann Example', kind: 'person', roles: [{ title: 'Minister', of: 'bob' }] },
            bob: { name: 'Bob Example', kind: 'person', roles: [{ title: 'Aide', of: 'nowhere' }] },
          },
        }),
      ),
    ).toEqual(['actors/ann.md roles[0].of bob', 'actors/bob.md roles[0].of nowhere']);
  });

  it('accepts an unnamed speaker, and reports an affiliation that is no actor once', () => {
    expect(problemsOf(corpus({ quote: { speaker: undefined, unnamed: { description: 'an official' } } }))).toEqual([]);
    expect(
      problemsOf(corpus({ quote: { speaker: undefined, unnamed: { description: 'an official', affiliation: 'x' } } })),
    ).toEqual(['s/quotes/q.md unnamed.affiliation x']);
  });

  it('reports a `sameAs` that names no event, or an event of its own story', () => {
    const files = corpus();
    files.events[0]!.data.sameAs = ['other/e', 's/e'];
    expect(problemsOf(files)).toEqual(['s/events/e.md sameAs[0] other/e', 's/events/e.md sameAs[1] s/e']);
  });
});
