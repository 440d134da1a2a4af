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

  it("reports a date whose stated words are not in its source, and not again when the quote's own words are missing", () => {
    const expectedOf = (files: CorpusFiles) => {
      try {
        assembleCorpus(files, TODAY);
        return [];
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        return error.problems.map((p) => `${p.file} ${p.field} ${String(p.value)}: ${p.expected}`);
      }
    };
    const said = { on: '2024-01-07', statedAs: 'on Sunday', provenance: 'stated' };
    expect(expectedOf(corpus({ quote: { said } }))).toEqual([
      's/quotes/q.md said.statedAs on Sunday: the source\'s own words for the date, as they stand in source "src" (s/sources/src.md) from 3 paragraphs before the words it dates to 1 after; they are not in the source (case, quotation marks, dashes and spacing aside)',
    ]);
    // In the source, in another case: found.
    expect(expectedOf(corpus({ quote: { said: { ...said, statedAs: 'MONDAY, 9 jan' } } }))).toEqual([]);
    // Five paragraphs after the quote: in the source, but dating something else.
    const far = `“We will return,” Ann said.${'\nMore.'.repeat(4)}\nOn Sunday, 9 Jan, on Monday, more happened.`;
    expect(expectedOf(corpus({ sourceText: far, quote: { said } }))[0]).toMatch(
      /said\.statedAs on Sunday: .* to 1 after; they stand only further off in the source, where they date something else$/,
    );
    // Words not found: that is the quote's one problem, not its date too.
    expect(problemsOf(corpus({ sourceText: 'Ann said nothing, 9 Jan, on Monday.', quote: { said } }))).toEqual([
      's/quotes/q.md body We will return',
    ]);
    // A date from the page's metadata is not looked for in the text.
    expect(problemsOf(corpus({ quote: { said: { ...said, statedIn: 'metadata' } } }))).toEqual([]);
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
