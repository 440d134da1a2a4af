import { describe, expect, it } from 'vitest';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { withoutDrafts } from '../../src/lib/assemble/drafts';
import { ContentError } from '../../src/lib/content/problems';
import { draftStories, type CorpusFiles, type Redirect } from '../../src/lib/model/corpus';
import { draftRedirectProblems, publishedDraftProblems } from '../../src/lib/outputs/drafts';
import { liveUrls } from '../../src/lib/outputs/manifest';
import { recordOf } from '../../src/lib/outputs/record';
import { sitemapPlan } from '../../src/lib/outputs/sitemap';
import { searchBody } from '../../src/lib/present/search';
import { corpusFiles, TODAY } from './fixtures/corpus';

/*
 * Drafts (src/lib/assemble/drafts.ts, src/lib/outputs/drafts.ts): assembled and checked like every
 * story, left out of the published corpus with the actors only they bring in, and refused where a
 * published file names one. On the unit corpus (tests/unit/fixtures/corpus.ts): "older" quotes Sam Khan
 * the negotiator alone, both stories quote Ann Lee and name The Council, and one of older's events is
 * the same event as one of newer's (`sameAs`).
 */

/** The unit corpus's files with these stories marked as drafts. */
function withDrafts(...slugs: string[]): CorpusFiles {
  const files = corpusFiles();
  for (const story of files.stories) if (slugs.includes(story.id)) story.data.draft = true;
  return files;
}

/** The problems an assembly throws, as `file field value`. */
function problemsOf(assemble: () => unknown): string[] {
  try {
    assemble();
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map((p) => `${p.file} ${p.field} ${String(p.value)}`);
    throw error;
  }
  return [];
}

describe('a draft in the corpus', () => {
  it('is left out by default, as a production build assembles, and kept, flagged, when drafts are asked for', () => {
    const files = withDrafts('older');
    expect(assembleCorpus(files, TODAY).stories.map((s) => s.slug)).toEqual(['newer']);
    const all = assembleCorpus(files, TODAY, { drafts: true }).stories;
    expect(all.map((s) => [s.slug, s.draft])).toEqual([
      ['newer', false],
      ['older', true],
    ]);
  });

  it('is checked like any story: a draft with a problem fails the production build too', () => {
    const files = withDrafts('older');
    files.quotes.find((q) => q.id === 'older/stand-firm')!.body = 'We will never stand firm';
    expect(problemsOf(() => assembleCorpus(files, TODAY))).toEqual([
      expect.stringContaining('content/stories/older/quotes/stand-firm.md'),
    ]);
  });

  it('takes out the actors only drafts bring in, and keeps those a published story or a kept role names', () => {
    const files = withDrafts('older');
    files.actors.push(
      { id: 'nobody', data: { name: 'No One', kind: 'person', roles: [], aliases: [] }, body: '' },
      { id: 'press-office', data: { name: 'Press Office', kind: 'organisation', roles: [], aliases: [] }, body: '' },
    );
    // The press office: named only by the draft's unnamed speaker, and by a published speaker's role.
    const talksOver = files.quotes.find((q) => q.id === 'older/talks-over')!;
    talksOver.data = { ...talksOver.data, unnamed: { description: 'a press officer', affiliation: 'press-office' } };
    files.actors.find((a) => a.id === 'ann-lee')!.data.roles.push({ title: 'Adviser', of: 'press-office' });
    const full = assembleCorpus(files, TODAY, { drafts: true });
    expect([...full.actors.keys()]).toContain('sam-khan');
    const published = withoutDrafts(full);
    expect([...published.actors.keys()].sort()).toEqual(['ann-lee', 'council', 'nobody', 'press-office', 'sam-khan-2']);
    expect(assembleCorpus(files, TODAY).actors).toEqual(published.actors);
  });

  it('gives `npm run urls:update` nothing of a draft to record: no URL, no record entry', () => {
    const corpus = assembleCorpus(withDrafts('older'), TODAY);
    expect(Object.keys(recordOf(corpus))).toEqual(['newer']);
    const urls = liveUrls(corpus);
    expect(urls).toContain('/stories/newer/');
    expect(urls.filter((url) => url.includes('older') || url.includes('/actors/sam-khan/'))).toEqual([]);
  });

  it('leaves a corpus without drafts as it is', () => {
    const corpus = assembleCorpus(corpusFiles(), TODAY, { drafts: true });
    expect(withoutDrafts(corpus)).toBe(corpus);
  });
});

describe('what a published file names of a draft', () => {
  it('refuses a published event told again in a draft (`sameAs`), with its file and field', () => {
    const problems = problemsOf(() => assembleCorpus(withDrafts('newer'), TODAY, { drafts: true }));
    expect(problems).toEqual(['content/stories/older/events/talks-end.md sameAs[0] newer/talks-ended']);
  });

  it('lets a draft name a published story’s event, or another draft’s', () => {
    const files = withDrafts('older');
    expect(problemsOf(() => assembleCorpus(files, TODAY))).toEqual([]);
    expect(problemsOf(() => assembleCorpus(withDrafts('older', 'newer'), TODAY))).toEqual([]);
  });

  const redirect = (from: string, to: string): Redirect => ({ from, to, reason: 'r', file: 'content/redirects.yaml' });
  const drafts = draftStories(withDrafts('older').stories);

  it('refuses a redirect to a draft’s page or file, and lets one to a published story be', () => {
    expect(drafts).toEqual(new Map([['older', 'older']]));
    const problems = draftRedirectProblems(
      [
        redirect('/stories/gone/', '/stories/older/#q-stand-firm'),
        redirect('/data/stories/gone.json', '/data/stories/older.json'),
        redirect('/stories/renamed/', '/stories/newer/'),
        redirect('/old-card.png', '/card.png'),
      ],
      drafts,
    );
    expect(problems.map((p) => [p.field, p.value])).toEqual([
      ['["/stories/gone/"].to', '/stories/older/#q-stand-firm'],
      ['["/data/stories/gone.json"].to', '/data/stories/older.json'],
    ]);
    expect(problems[0]!.expected).toContain('story "older" is a draft');
  });

  it('refuses a draft whose pages the published-URL manifest lists, once, on its `draft` field', () => {
    const manifest = ['/stories/newer/', '/stories/older/', '/stories/older/quotes/stand-firm/', '/actors/ann-lee/'];
    const problems = publishedDraftProblems(drafts, manifest, 'content/published-urls.txt');
    expect(problems).toEqual([
      {
        file: 'older',
        field: 'draft',
        value: true,
        expected: expect.stringContaining('content/published-urls.txt lists /stories/older/') as string,
      },
    ]);
    expect(publishedDraftProblems(drafts, ['/stories/newer/'], 'content/published-urls.txt')).toEqual([]);
  });
});

describe('what outputs make of a draft built by a preview', () => {
  it('keeps a draft’s pages out of the sitemap: only the stories its facts list have pages there', () => {
    const plan = sitemapPlan([{ slug: 'newer', updated: '2022-01-10' }], []);
    expect(plan.includes('https://example.org/stories/newer/')).toBe(true);
    expect(plan.includes('https://example.org/stories/older/')).toBe(false);
    expect(plan.includes('https://example.org/stories/older/quotes/stand-firm/')).toBe(false);
    expect(plan.includes('https://example.org/actors/ann-lee/')).toBe(true);
  });

  it('marks only a published story’s pages for the search index', () => {
    expect(searchBody({ draft: false })).toEqual({ 'data-pagefind-body': '' });
    expect(searchBody({ draft: true })).toEqual({});
  });
});
