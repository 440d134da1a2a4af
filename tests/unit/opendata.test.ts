import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  openDataJsonSchema,
  storiesIndexSchema,
  storyDataSchema,
  toOpenData,
  toStoriesIndex,
} from '../../src/lib/outputs/opendata';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { eventSchema } from '../../src/lib/model/entities';
import { textSha256 } from '../../src/lib/content/verbatim';
import { sentencesOutside, sourceExcerpts } from '../../src/lib/present/excerpts';
import { findLeaks } from '../budgets/published';
import { readContent } from '../../src/lib/content/read';
import { corpus } from './corpus';
import { corpus as fixture, TODAY } from './fixtures/corpus';

/*
 * The open data of a story: ids, anchors, references as ids, dates as content, words and machine
 * values; the index of every story; and the schemas that describe both, which the data of the
 * repository's own stories must satisfy. Not covered: the routes serving them (tests/e2e/feeds.spec.ts
 * validates every built data file against the published JSON Schemas).
 */

/** A data licence, as the site's configuration gives it (content/site.yaml). */
const licence = { name: 'ODC-By 1.0', url: 'https://opendatacommons.org/licenses/by/1-0/' };

describe('toOpenData', () => {
  it('gives the quotes, claims and events with ids, anchors and dates in words and machine values', () => {
    const [story] = assembleCorpus(corpus(), TODAY).stories;
    const data = toOpenData(story!, new URL('https://example.org'), new Map(), licence);
    expect(data.url).toBe('https://example.org/stories/s/');
    expect(data.licence).toEqual(licence);
    expect(data.quotes).toEqual([
      expect.objectContaining({
        id: 'q',
        url: 'https://example.org/stories/s/#q-q',
        words: 'We will return',
        speaker: 'ann',
        role: 'Minister',
        claims: ['c'],
        events: ['e'],
      }),
    ]);
    expect(data.claims[0]).toEqual(
      expect.objectContaining({ id: 'c', status: 'reported', quotes: ['q'], claimants: [] }),
    );
    expect(data.events[0]!.when).toEqual(
      expect.objectContaining({ on: '2024-01-08', inWords: '8 January 2024', datetime: ['2024-01-08'] }),
    );
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

describe('toOpenData for a source that corrected itself', () => {
  const files = corpus({
    sourceText: '“We will return,” Ann said on Monday, 9 Jan.\nCorrects Ann’s words to return, from retire.',
  });
  files.sources[0]!.data.corrections = [
    {
      corrects: 'Ann’s words',
      to: 'return',
      from: 'retire',
      notice: 'Corrects Ann’s words to return, from retire.',
      date: { on: '2024-01-09', statedAs: '9 Jan', provenance: 'stated' },
    },
  ];
  const [story] = assembleCorpus(files, TODAY).stories;
  const data = toOpenData(story!, new URL('https://example.org'), new Map(), licence);

  it('lists the correction with its source, in the source’s words, with its address on the source’s page', () => {
    const [correction] = data.sources[0]!.corrections;
    expect(correction!.date).toMatchObject({ on: '2024-01-09', inWords: '9 January 2024' });
    expect(data.sources[0]!.corrections).toEqual([
      {
        id: 'sc-1',
        url: 'https://example.org/stories/s/sources/src/#sc-1',
        corrects: 'Ann’s words',
        to: 'return',
        from: 'retire',
        notice: 'Corrects Ann’s words to return, from retire.',
        date: correction!.date,
      },
    ]);
    expect(storyDataSchema.parse(data)).toEqual(data);
  });

  it('names it on the quote whose words meet the corrected ones, and not on a claim without passages', () => {
    expect(data.quotes[0]!.sourceCorrections).toEqual(['sc-1']);
    expect(data.claims[0]!.sourceCorrections).toEqual([]);
  });
});

describe('toOpenData for events with no date, or a new date in words', () => {
  const files = corpus({
    sourceText:
      'On 9 Jan: We will return, she said on Monday, before the vote; the rally is put off until after Ramadan.',
  });
  const event = (id: string, data: Record<string, unknown>) => ({
    id: `s/${id}`,
    filePath: `s/events/${id}.md`,
    data: eventSchema.parse({ title: id, source: 'src', ...data }),
    body: 'It happened.',
  });
  files.events.push(
    event('talks', { order: { before: { event: 'e' }, statedAs: 'before the vote' } }),
    event('rally', {
      when: { on: '2024-01-09', statedAs: 'Monday', provenance: 'stated' },
      status: 'postponed',
      movedTo: { statedAs: 'after Ramadan', notBefore: '2024-04-10', reasoning: 'Ramadan 2024 ends on 9 April.' },
    }),
  );
  const site = new URL('https://example.org');
  const [story] = assembleCorpus(files, TODAY).stories;
  const data = toOpenData(story!, site, new Map(), licence);

  it('gives an undated event no `when`, only its order and the source’s words', () => {
    const talks = data.events.find((e) => e.id === 'talks')!;
    expect(talks.when).toBeNull();
    expect(talks.order).toEqual({
      before: { event: 'e', date: null },
      after: null,
      statedAs: 'before the vote',
      inWords: 'date not given; before “E”',
    });
    expect(data.events.map((e) => e.id)).toEqual(['talks', 'e', 'rally']);
    expect(data.events.find((e) => e.id === 'e')!.order).toBeNull();
  });

  it('gives a new date in words as the source’s words with our bound, in words too', () => {
    expect(data.events.find((e) => e.id === 'rally')!.movedTo).toEqual({
      statedAs: 'after Ramadan',
      notBefore: '2024-04-10',
      reasoning: 'Ramadan 2024 ends on 9 April.',
      boundInWords: 'not before 10 April 2024',
    });
  });

  it('fits the published JSON Schema', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(openDataJsonSchema('story', site));
    expect(validate(JSON.parse(JSON.stringify(data))), JSON.stringify(validate.errors)).toBe(true);
    expect(storyDataSchema.parse(data)).toEqual(data);
  });
});

describe('toOpenData for unnamed speakers, members, contested claims and shared events', () => {
  const { stories, actors } = fixture();
  const site = new URL('https://example.org');
  const older = toOpenData(
    stories.find((s) => s.slug === 'older')!,
    site,
    actors,
    licence,
  );
  const newer = toOpenData(
    stories.find((s) => s.slug === 'newer')!,
    site,
    actors,
    licence,
  );
  const quote = (data: typeof older, id: string) => data.quotes.find((q) => q.id === id)!;

  it('gives an unnamed speaker as `{ unnamed, description, affiliation }`, never an actor id', () => {
    expect(quote(older, 'talks-over').speaker).toEqual({
      unnamed: true,
      description: 'a senior Council official',
      affiliation: 'council',
    });
    expect(quote(newer, 'hopeful').speaker).toEqual({ unnamed: true, description: 'a diplomat', affiliation: null });
    expect(quote(older, 'talks-over').role).toBeNull();
    expect(quote(older, 'stand-firm').speaker).toBe('ann-lee');
  });

  it('gives a holder the source does not name as an unnamed speaker is given, never an id or the source', () => {
    const claim = newer.claims.find((c) => c.id === 'unchanged')!;
    expect(claim.claimants).toEqual([
      { unnamed: true, description: 'a senior Council official', affiliation: 'council' },
    ]);
    expect(storyDataSchema.parse(newer)).toEqual(newer);
  });

  it('says how we know a medium: stated by default, inferred with the words it rests on', () => {
    expect([quote(older, 'stand-firm').mediumProvenance, quote(older, 'stand-firm').mediumFrom]).toEqual([
      'stated',
      null,
    ]);
    expect([quote(newer, 'listening').mediumProvenance, quote(newer, 'listening').mediumFrom]).toEqual([
      'inferred',
      'the Council’s spokesman',
    ]);
  });

  it('gives a member’s role with its organisation named, and lists that organisation among the actors', () => {
    expect(quote(newer, 'listening')).toMatchObject({ role: 'Spokesman, The Council', roleOf: 'council' });
    expect(newer.actors.map((a) => a.id)).toContain('council');
  });

  it('lists a contested claim’s competing accounts, each with who gives it and its evidence', () => {
    const claim = older.claims.find((c) => c.id === 'talks-ended')!;
    expect(claim.status).toBe('contested');
    expect(claim.versions).toEqual([
      {
        text: 'The talks ended in May.',
        claimants: [],
        sourceVoice: true,
        quotes: ['talks-over'],
        passages: ['The talks ended in May.'],
        annotations: ['https://example.org/stories/older/#c-talks-ended-passage-1'],
      },
      {
        text: 'The talks were only paused.',
        claimants: ['council'],
        sourceVoice: false,
        quotes: [],
        passages: ['The Council says they were only paused.'],
        annotations: ['https://example.org/stories/older/#c-talks-ended-passage-2'],
      },
    ]);
    expect(claim.annotations).toEqual(claim.versions.flatMap((version) => version.annotations));
  });

  it('names the same event in another story, with its address there', () => {
    const event = older.events.find((e) => e.id === 'talks-end')!;
    expect(event.sameAs).toEqual([
      { id: 'newer/talks-ended', url: 'https://example.org/stories/newer/#e-talks-ended' },
    ]);
    expect(event.status).toBe('happened');
  });
});

describe('the open-data schemas', () => {
  const site = new URL('https://example.org');
  const { files, problems } = readContent('content', process.cwd());
  const seed = assembleCorpus(files, TODAY);

  it('parse the data of every story in content/, and the index of them', () => {
    expect(problems).toEqual([]);
    expect(seed.stories.length).toBeGreaterThan(0);
    for (const story of seed.stories) {
      const data = toOpenData(story, site, seed.actors, licence);
      expect(storyDataSchema.parse(data)).toEqual(data);
    }
    const index = toStoriesIndex(seed.stories, site, licence);
    expect(storiesIndexSchema.parse(index)).toEqual(index);
    expect(index.stories.map((story) => story.data)).toEqual(
      seed.stories.map((story) => `https://example.org/data/stories/${story.slug}.json`),
    );
  });

  it('never gives an event its earliest account alone where the accounts date it differently', () => {
    const story = seed.stories.find((s) => s.slug === 'us-taliban-doha-agreement')!;
    const event = toOpenData(story, site, seed.actors, licence).events.find(
      (e) => e.id === 'reduction-in-violence-begins',
    )!;
    expect(event.datesDiffer).toBe(true);
    expect(event.versions.map((version) => version.when.on).sort()).toEqual(['2020-02-21', '2020-02-22']);
    expect(event.when).toMatchObject({
      earliest: '2020-02-21',
      latest: '2020-02-22',
      provenance: 'inferred',
      datetime: ['2020-02-21', '2020-02-22'],
    });
    expect(event.when?.on).toBeUndefined();
    expect(event.when?.inWords).toBe(
      '21 February 2020 (inferred; according to the Taliban and the United States) or 22 February 2020 (year inferred; according to Javid Faisal)',
    );
    expect(event.when?.reasoning).toContain(event.when?.inWords);
    const agreed = toOpenData(story, site, seed.actors, licence).events.find((e) => e.versions.length === 0)!;
    expect(agreed.datesDiffer).toBe(false);
  });

  it('gives an event under way with its end, and an expectation with who holds it, never as a set date', () => {
    const languages = readContent('tests/fixtures/content/languages', process.cwd());
    expect(languages.problems).toEqual([]);
    const fixtureCorpus = assembleCorpus(languages.files, TODAY);
    const story = fixtureCorpus.stories.find((s) => s.slug === 'rail-strike-under-way')!;
    const data = toOpenData(story, site, fixtureCorpus.actors, licence);
    expect(storyDataSchema.parse(data)).toEqual(data);
    const byId = new Map(data.events.map((event) => [event.id, event]));
    expect(byId.get('rail-strike')).toMatchObject({
      status: 'under-way',
      when: { on: '2026-02-24', inferredParts: ['year'], datetime: ['2026-02-24'] },
      until: { on: '2026-03-10', statedAs: 'March 10', datetime: ['2026-03-10'] },
      expectation: null,
      standing:
        'Under way: since 24 February 2026 (year inferred); set to last until 10 March 2026 (year inferred); as of 4 March 2026',
    });
    expect(byId.get('government-steps-in')).toMatchObject({
      status: 'expected',
      until: null,
      expectation: {
        holders: ['example-rail-workers-union'],
        unnamed: { unnamed: true, description: 'officials at the transport ministry', affiliation: null },
        sourceVoice: false,
        timing: 'by',
      },
      standing:
        "Expected by the Example Rail Workers' Union and officials at the transport ministry: by the end of March 2026 (inferred); as of 4 March 2026",
    });
    // Timeline order: the expectation after what had happened, at the last day of its bound.
    expect(data.events.map((event) => event.id)).toEqual(['rail-strike', 'trains-cut', 'government-steps-in']);
  });

  it('are published as JSON Schemas a standard validator accepts, at their own address', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const story = ajv.compile(openDataJsonSchema('story', site));
    const index = ajv.compile(openDataJsonSchema('stories', site));
    expect(openDataJsonSchema('story', site).$id).toBe('https://example.org/data/schema/story.json');
    const [first] = seed.stories;
    expect(story(JSON.parse(JSON.stringify(toOpenData(first!, site, seed.actors, licence))))).toBe(true);
    expect(index(toStoriesIndex(seed.stories, site, licence))).toBe(true);
    expect(index({ licence, stories: [{ slug: 'Not A Slug' }] })).toBe(false);
    // Data without its terms of reuse is not data of this site.
    expect(index({ stories: [] })).toBe(false);
  });
});

describe('annotations in the open data', () => {
  const site = new URL('https://example.org');

  it('annotates a quote’s words, and a paraphrase’s sentence, from its page; none where no place is recorded', () => {
    const { stories, actors } = fixture();
    const older = toOpenData(
      stories.find((s) => s.slug === 'older')!,
      site,
      actors,
      licence,
    );
    expect(older.quotes.map((quote) => [quote.id, quote.annotation])).toEqual([
      ['stand-firm', 'https://example.org/stories/older/quotes/stand-firm/#annotation'],
      ['talks-failed', 'https://example.org/stories/older/quotes/talks-failed/#annotation'],
      ['talks-over', 'https://example.org/stories/older/quotes/talks-over/#annotation'],
    ]);
    const paraphrase = older.annotations.find((a) => a.id === older.quotes[1]!.annotation)!;
    expect(paraphrase.body).toEqual({
      type: 'SpecificResource',
      source: 'https://example.org/stories/older/quotes/talks-failed/',
      purpose: 'describing',
    });
    expect(paraphrase.target[0].selector[0].exact).toBe('Sam Khan said talks had failed');
    const [unplaced] = assembleCorpus(corpus({ quote: { form: 'paraphrase', medium: 'unstated' } }), TODAY).stories;
    const data = toOpenData(unplaced!, site, new Map(), licence);
    expect(data.quotes[0]!.annotation).toBeNull();
    expect(data.annotations).toEqual([]);
  });

  it('gives an excerpts-only source no text, only its excerpts, and a full one its text; both their hash', () => {
    const { stories, actors } = fixture();
    const [older] = toOpenData(
      stories.find((s) => s.slug === 'older')!,
      site,
      actors,
      licence,
    ).sources;
    expect(older).toMatchObject({
      publish: 'excerpts',
      text: null,
      page: 'https://example.org/stories/older/sources/article/',
    });
    expect(older!.excerpts.length).toBeGreaterThan(0);
    const files = corpus();
    files.sources[0]!.data.publish = 'full';
    const [story] = assembleCorpus(files, TODAY).stories;
    const [full] = toOpenData(story!, site, new Map(), licence).sources;
    expect(full).toMatchObject({
      publish: 'full',
      text: '“We will return,” Ann said on Monday, 9 Jan.',
      excerpts: [],
      textSha256: textSha256('“We will return,” Ann said on Monday, 9 Jan.'),
    });
  });

  /** Every code point offset where the selector's prefix, exact and suffix stand in the text, and where its exact starts. */
  const anchorings = (text: string, quote: { prefix: string; exact: string; suffix: string }) => {
    const sought = quote.prefix + quote.exact + quote.suffix;
    const found: number[] = [];
    for (let at = text.indexOf(sought); at >= 0; at = text.indexOf(sought, at + 1)) {
      found.push(Array.from(text.slice(0, at + quote.prefix.length)).length);
    }
    return found;
  };

  for (const [folder, label] of [
    ['content', 'the repository’s stories'],
    ['tests/fixtures/content/languages', 'the languages fixture'],
  ] as const) {
    it(`anchors every annotation of ${label} exactly once, within what its source’s page publishes`, () => {
      const { files, problems } = readContent(folder, process.cwd());
      expect(problems).toEqual([]);
      const seed = assembleCorpus(files, TODAY);
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(openDataJsonSchema('story', site));
      let checked = 0;
      let withheld = 0;
      for (const story of seed.stories) {
        const data = toOpenData(story, site, seed.actors, licence);
        // No sentence an excerpts-only source's page leaves out is in the data (its text, excerpts or annotations).
        const outside = story.sources
          .filter((source) => source.publish === 'excerpts')
          .flatMap((source) =>
            sentencesOutside(source.text, source.lang, sourceExcerpts(story, source)).map(({ start, end }) => ({
              source: source.file,
              sentence: source.text.slice(start, end),
            })),
          );
        withheld += outside.length;
        expect(findLeaks([{ file: 'data.json', bytes: Buffer.from(JSON.stringify(data)) }], outside)).toEqual([]);
        expect(validate(JSON.parse(JSON.stringify(data))), JSON.stringify(validate.errors)).toBe(true);
        const ids = data.annotations.map((a) => a.id);
        expect(new Set(ids).size).toBe(ids.length);
        // Every annotation is named by what it annotates, and every name is an annotation.
        const named = [
          ...data.quotes.flatMap((quote) => (quote.annotation === null ? [] : [quote.annotation])),
          ...data.claims.flatMap((claim) => claim.annotations),
          ...data.events.flatMap((event) => event.versions.flatMap((version) => version.annotations)),
        ];
        expect(named.toSorted()).toEqual(ids.toSorted());
        const sources = new Map(story.sources.map((source) => [source.id, source]));
        const pages = new Map(data.sources.map((source) => [source.page, source]));
        for (const annotation of data.annotations) {
          const ours = annotation.target.at(-1)!;
          const published = pages.get(ours.source)!;
          const text = sources.get(published.id)!.text;
          expect(published.textSha256).toBe(textSha256(text));
          const [quote, position] = ours.selector;
          expect(anchorings(text, quote)).toEqual([position.start]);
          expect(Array.from(text).slice(position.start, position.end).join('')).toBe(quote.exact);
          if (published.publish === 'excerpts') {
            // The context never reaches past the excerpt its page publishes.
            expect(
              published.excerpts.some((excerpt) => excerpt.text.includes(quote.prefix + quote.exact + quote.suffix)),
            ).toBe(true);
          }
          if (annotation.target.length === 2) expect(annotation.target[0].source).toBe(published.url);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
      if (folder !== 'content') expect(withheld).toBeGreaterThan(0);
    });
  }
});
