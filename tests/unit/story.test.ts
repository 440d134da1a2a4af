import { describe, expect, it } from 'vitest';
import type { Actor, ClaimMeta, EventMeta, QuoteMeta, SourceMeta, StoryMeta } from '../../src/lib/model/entities';
import { ContentError } from '../../src/lib/content/problems';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { isUnnamed, type CorpusFiles, type Entry } from '../../src/lib/model/corpus';
import { notAfterToday } from '../../src/lib/model/calendar';
import { speakerName } from '../../src/lib/present/actors';
import { TODAY } from './fixtures/corpus';

/*
 * Story assembly on small in-memory corpora shaped like the loader's output: references resolved,
 * quotes verified, orders fixed, every problem reported with file and field. Not covered here: the
 * loader reading real files (the build, and tests/e2e on the seed story).
 */

const SOURCE_TEXT =
  '“We will stand with Afghans,” the envoy said late on Friday. The Taliban deny targeting journalists. In late April the Taliban refused to attend talks.';

const entry = <T>(collection: string, id: string, data: T, body = ''): Entry<T> => ({
  id,
  filePath:
    collection === 'actors'
      ? `content/actors/${id}.md`
      : collection === 'stories'
        ? `content/stories/${id}/story.mdx`
        : `content/stories/${id.split('/')[0]}/${collection}/${id.split('/')[1]}.md`,
  data,
  body,
});

function corpus(overrides: Partial<CorpusFiles> = {}): CorpusFiles {
  const friday = { on: '2021-05-07', statedAs: 'late on Friday', provenance: 'inferred' as const, reasoning: 'r' };
  return {
    actors: [
      entry<Actor>('actors', 'envoy', {
        name: 'Zalmay Khalilzad',
        kind: 'person',
        roles: [{ title: 'Envoy' }],
        aliases: [],
      }),
      entry<Actor>('actors', 'taliban', { name: 'Taliban', kind: 'organisation', roles: [], aliases: [] }),
    ],
    authors: [],
    stories: [
      entry<StoryMeta>(
        'stories',
        's',
        {
          title: 'T',
          dek: 'D',
          bottomLine: ['B'],
          published: '2021-05-08',
          updated: '2021-05-09',
          authors: [],
          editors: [],
          corrections: [],
          draft: false,
        },
        'Text <Cite quote="b-stand" /> and <Cite claim="deny" />.',
      ),
    ],
    sources: [
      entry<SourceMeta>(
        'sources',
        's/src',
        { title: 'Src', published: friday, lang: 'en', publish: 'excerpts', corrections: [] },
        SOURCE_TEXT,
      ),
    ],
    quotes: [
      entry<QuoteMeta>(
        'quotes',
        's/a-undated',
        { speaker: 'envoy', source: 'src', form: 'paraphrase', medium: 'unstated' },
        'They stand.',
      ),
      entry<QuoteMeta>(
        'quotes',
        's/b-stand',
        { speaker: 'envoy', source: 'src', form: 'direct', medium: 'tweet', said: friday },
        'We will stand with Afghans.',
      ),
    ],
    claims: [
      entry<ClaimMeta>(
        'claims',
        's/deny',
        {
          claimants: [],
          source: 'src',
          status: 'disputed',
          disputedBy: ['taliban'],
          quotes: [],
          passages: ['The Taliban deny targeting journalists'],
          versions: [],
        },
        'The Taliban target journalists.',
      ),
    ],
    events: [
      entry<EventMeta>(
        'events',
        's/tweet',
        {
          title: 'Tweet',
          when: friday,
          versions: [],
          status: 'happened',
          source: 'src',
          actors: ['envoy'],
          quotes: ['b-stand'],
          claims: [],
          sameAs: [],
        },
        'He tweets.',
      ),
      entry<EventMeta>(
        'events',
        's/refusal',
        {
          title: 'Refusal',
          when: { on: '2021-04', part: 'late', statedAs: 'late April', provenance: 'inferred', reasoning: 'r' },
          versions: [],
          status: 'happened',
          source: 'src',
          actors: ['taliban'],
          quotes: [],
          claims: ['deny'],
          sameAs: [],
        },
        'They refuse.',
      ),
    ],
    redirects: [],
    ...overrides,
  };
}

const problemsOf = (files: CorpusFiles) => {
  try {
    assembleCorpus(files, TODAY);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  return [];
};

describe('assembleCorpus on valid content', () => {
  const story = assembleCorpus(corpus(), TODAY).stories[0]!;

  it('resolves references and verifies direct quotes to their span', () => {
    const quote = story.quotes.find((q) => q.id === 'b-stand')!;
    expect(speakerName(quote.speaker)).toBe('Zalmay Khalilzad');
    expect(quote.role?.title).toBe('Envoy');
    expect(quote.span?.text).toBe('We will stand with Afghans');
    expect(quote.anchor).toBe('q-b-stand');
    expect(quote.events).toEqual(['tweet']);
  });

  it('orders the sidebar by citation, then the rest', () => {
    expect(story.quotes.map((q) => q.id)).toEqual(['b-stand', 'a-undated']);
  });

  it('orders the timeline by date', () => {
    expect(story.events.map((e) => e.id)).toEqual(['refusal', 'tweet']);
  });

  it('numbers the quotes in the order the text cites them, then by date', () => {
    expect(story.quotes.map((q) => [q.id, q.number])).toEqual([
      ['b-stand', 1],
      ['a-undated', 2],
    ]);
  });

  it('lists involved actors once and keeps claim disputants', () => {
    expect(story.actors.map((a) => a.id)).toEqual(['envoy', 'taliban']);
    expect(story.claims[0]!.disputedBy.map((a) => a.name)).toEqual(['Taliban']);
  });

  it('defaults key quotes to direct and reported ones', () => {
    expect(story.keyQuotes).toEqual(['b-stand']);
  });
});

describe('assembleCorpus on unnamed speakers and contested claims', () => {
  const files = corpus();
  files.quotes.push(
    entry<QuoteMeta>(
      'quotes',
      's/c-unnamed',
      {
        unnamed: { description: 'a Taliban official', affiliation: 'taliban' },
        source: 'src',
        form: 'reported',
        medium: 'unstated',
      },
      'The Taliban deny targeting journalists',
    ),
  );
  files.claims.push(
    entry<ClaimMeta>(
      'claims',
      's/refused',
      {
        claimants: [],
        source: 'src',
        status: 'contested',
        disputedBy: [],
        quotes: [],
        passages: [],
        versions: [
          {
            text: 'The Taliban refused to attend.',
            claimants: [],
            sourceVoice: true,
            quotes: [],
            passages: ['In late April the Taliban refused to attend talks.'],
          },
          {
            text: 'They were not invited.',
            claimants: ['taliban'],
            sourceVoice: false,
            quotes: ['c-unnamed'],
            passages: [],
          },
        ],
      },
      'Why the Taliban did not attend.',
    ),
  );
  const story = assembleCorpus(files, TODAY).stories[0]!;
  const unnamed = story.quotes.find((q) => q.id === 'c-unnamed')!;

  it('describes an unnamed speaker, with no role, and involves the actor they are tied to', () => {
    expect(isUnnamed(unnamed.speaker) && unnamed.speaker.affiliation?.id).toBe('taliban');
    expect(unnamed.role).toBeUndefined();
    expect(story.actors.map((a) => a.id)).toEqual(['envoy', 'taliban']);
  });

  it('resolves each account of a contested claim, and the quotes cite the claim', () => {
    const claim = story.claims.find((c) => c.id === 'refused')!;
    expect(
      claim.versions.map((v) => [
        v.sourceVoice,
        v.claimants.map((a) => ('id' in a ? a.id : a.description)),
        v.quotes.map((q) => q.id),
      ]),
    ).toEqual([
      [true, [], []],
      [false, ['taliban'], ['c-unnamed']],
    ]);
    expect(claim.versions[0]!.passages[0]!.text).toBe('In late April the Taliban refused to attend talks');
    expect(unnamed.claims).toEqual(['refused']);
  });
});

describe('assembleCorpus: holders the source does not name, and a medium inferred', () => {
  const official = { description: 'an official, speaking on condition of anonymity', affiliation: 'taliban' };

  it('resolves an unnamed holder of a claim and of an event account, and involves the actor it is tied to, not itself', () => {
    const files = corpus();
    files.claims[0]!.data.claimants = [{ unnamed: official }, 'envoy'];
    files.events[1]!.data = {
      ...files.events[1]!.data,
      when: undefined,
      versions: [
        {
          when: files.events[1]!.data.when!,
          claimants: [{ unnamed: { description: 'a diplomat' } }],
          sourceVoice: false,
          passages: [],
        },
        { when: files.events[0]!.data.when!, claimants: [], sourceVoice: true, passages: [] },
      ],
    };
    const story = assembleCorpus(files, TODAY).stories[0]!;
    const [holder, envoy] = story.claims[0]!.claimants;
    expect(holder).toEqual(expect.objectContaining({ kind: 'unnamed', description: official.description }));
    expect(isUnnamed(holder!) && holder.affiliation?.id).toBe('taliban');
    expect(envoy).toEqual(expect.objectContaining({ id: 'envoy' }));
    const refusal = story.events.find((e) => e.id === 'refusal')!;
    expect(refusal.versions.flatMap((v) => v.claimants).map((h) => speakerName(h))).toEqual(['a diplomat (unnamed)']);
    expect(story.actors.map((a) => a.id)).toEqual(['envoy', 'taliban']);
  });

  it('names the file and field of an unnamed holder tied to an unknown actor', () => {
    const files = corpus();
    files.claims[0]!.data.claimants = [{ unnamed: { description: 'an aide', affiliation: 'talibn' } }];
    expect(problemsOf(files)).toEqual([
      expect.objectContaining({
        file: 'content/stories/s/claims/deny.md',
        field: 'claimants[0].unnamed.affiliation',
        value: 'talibn',
      }),
    ]);
  });

  it('checks the words an inferred medium rests on against the source, like a quote', () => {
    const files = corpus();
    files.quotes[1]!.data.mediumBasis = { provenance: 'inferred', words: 'the envoy said late on Friday' };
    expect(problemsOf(files)).toEqual([]);
    files.quotes[1]!.data.mediumBasis = { provenance: 'inferred', words: 'told the broadcaster' };
    expect(problemsOf(files)).toEqual([
      expect.objectContaining({
        file: 'content/stories/s/quotes/b-stand.md',
        field: 'mediumBasis.words',
        value: 'told the broadcaster',
      }),
    ]);
  });
});

describe('assembleCorpus on bad content', () => {
  it('names the file, field and id of an unknown speaker', () => {
    const files = corpus();
    files.quotes[1]!.data.speaker = 'khalilzat';
    expect(problemsOf(files)).toEqual([
      expect.objectContaining({ file: 'content/stories/s/quotes/b-stand.md', field: 'speaker', value: 'khalilzat' }),
    ]);
  });

  it('names unknown source, quote, claim and actor ids in lists', () => {
    const files = corpus();
    files.events[0]!.data.quotes = ['nope'];
    files.events[0]!.data.claims = ['nada'];
    files.events[0]!.data.actors = ['nobody'];
    files.claims[0]!.data.source = 'elsewhere';
    expect(problemsOf(files).map((p) => `${p.file} ${p.field} ${String(p.value)}`)).toEqual([
      'content/stories/s/claims/deny.md source elsewhere',
      'content/stories/s/events/tweet.md actors[0] nobody',
      'content/stories/s/events/tweet.md quotes[0] nope',
      'content/stories/s/events/tweet.md claims[0] nada',
    ]);
  });

  it('fails a direct quote that is not verbatim, quoting the closest passage', () => {
    const files = corpus();
    files.quotes[1]!.body = 'We shall stand with Afghans.';
    const [problem] = problemsOf(files);
    expect(problem).toMatchObject({
      file: 'content/stories/s/quotes/b-stand.md',
      field: 'body',
      value: 'We shall stand with Afghans.',
    });
    expect(problem!.expected).toContain('closest passage');
    expect(problem!.expected).toContain('We will stand with Afghans');
  });

  it('fails a source with no text once, and a cite of an unknown quote', () => {
    const files = corpus();
    files.sources[0]!.body = '  ';
    files.stories[0]!.body = '<Cite quote="ghost" />';
    const fields = problemsOf(files).map((p) => `${p.file} ${p.field}`);
    expect(fields).toEqual(['content/stories/s/sources/src.md body', 'content/stories/s/story.mdx body']);
  });

  it('fails two actors with one name and nothing to tell them apart, once for the pair', () => {
    const files = corpus();
    files.actors.push(
      entry<Actor>('actors', 'envoy-2', { name: 'Zalmay Khalilzad', kind: 'person', roles: [], aliases: [] }),
    );
    const problems = problemsOf(files);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('disambiguation');
    expect(problems[0]!.expected).toContain('content/actors/envoy.md');
    expect(problems[0]!.expected).toContain('content/actors/envoy-2.md');
  });

  it('fails files in a story folder that has no story', () => {
    const files = corpus();
    files.quotes.push(
      entry<QuoteMeta>(
        'quotes',
        'missing/q',
        { speaker: 'envoy', source: 'src', form: 'paraphrase', medium: 'unstated' },
        'x',
      ),
    );
    expect(problemsOf(files)).toEqual([
      expect.objectContaining({ file: 'content/stories/missing/quotes/q.md', field: 'story' }),
    ]);
  });

  it('reports problems from every story together', () => {
    const files = corpus();
    files.quotes[0]!.data.speaker = 'x';
    files.quotes[1]!.data.source = 'y';
    expect(problemsOf(files)).toHaveLength(2);
  });

  it('does not report a sameAs to an event of a story that fails on its own', () => {
    const files = corpus();
    const other = structuredClone(files.stories[0]!);
    other.id = 't';
    files.stories.push(other);
    files.sources.push({ ...files.sources[0]!, id: 't/src' });
    files.events.push({
      ...files.events[0]!,
      id: 't/tweet',
      data: { ...files.events[0]!.data, quotes: [], sameAs: ['s/tweet'] },
    });
    other.body = 'Text.';
    files.quotes[1]!.data.speaker = 'nobody';
    expect(problemsOf(files).map((p) => `${p.file} ${p.field}`)).toEqual([
      'content/stories/s/quotes/b-stand.md speaker',
    ]);
  });

  it('refuses a date after the build’s day (updated, said, a source’s published), and a quote said after its source was published', () => {
    const files = corpus();
    files.stories[0]!.data.updated = '2031-01-01';
    files.quotes[1]!.data.said = { on: '2021-06-01', provenance: 'stated' };
    expect(problemsOf(files).map((p) => [p.field, p.value, p.expected])).toEqual([
      [
        'said.on',
        '2021-06-01',
        expect.stringMatching(
          /^a date on or before its source reports it: source "src" \(.*\) was published by 2021-05-07$/,
        ),
      ],
      ['updated', '2031-01-01', notAfterToday(TODAY)],
    ]);
    files.quotes[1]!.data.said = { from: '2031-01-01', to: '2031-02-01', provenance: 'stated' };
    expect(problemsOf(files)[0]).toMatchObject({ field: 'said.from', expected: notAfterToday(TODAY) });
    files.sources[0]!.data.published = {
      earliest: '2031-01',
      latest: '2031-02',
      provenance: 'inferred',
      reasoning: 'r',
    };
    expect(problemsOf(files)[0]).toMatchObject({
      field: 'published.earliest',
      value: '2031-01',
      expected: notAfterToday(TODAY),
    });
  });
});
