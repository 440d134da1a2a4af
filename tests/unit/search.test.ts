import { describe, expect, it } from 'vitest';
import { claimRecords, describeIndexing, isIndexFile } from '../../src/lib/outputs/search';
import { toOpenData } from '../../src/lib/outputs/opendata';
import { siteUrls, urlOfFile } from '../../src/lib/outputs/manifest';
import {
  actorRecord,
  filterOptions,
  quoteRecord,
  searchAttributes,
  storyRecord,
  yearsOf,
} from '../../src/lib/present/search';
import { corpus } from './fixtures/corpus';

/*
 * What the search index is told about each result, and the filter choices the search page offers.
 * Not covered: Pagefind reading the attributes and the search page drawing results
 * (tests/e2e/search.spec.ts, on the built site).
 */

const { stories, actors, redirects } = corpus();
const older = stories.find((s) => s.slug === 'older')!;
const newer = stories.find((s) => s.slug === 'newer')!;
const quote = (id: string) => stories.flatMap((s) => s.quotes).find((q) => q.id === id)!;

describe('quoteRecord', () => {
  it('shows the words with their marks, the speaker in full, the form, the date in words and the story', () => {
    expect(quoteRecord(quote('stand-firm'), older)).toEqual({
      meta: {
        label: 'Quote',
        words: 'We will stand firm',
        open: '“',
        close: '”',
        lang: 'en',
        dir: 'ltr',
        speaker: 'Ann Lee',
        form: 'Direct quote',
        date: '7 May 2021',
        story: 'The older story',
        storyurl: '/stories/older/',
      },
      filters: { kind: ['quote'], speaker: ['ann-lee'], story: ['older'], form: ['direct'], year: ['2021'] },
    });
  });

  it('says how we know a date that is not stated whole', () => {
    const inferred = {
      ...quote('stand-firm'),
      said: { on: '2021-05-07', provenance: 'inferred' as const, reasoning: 'r' },
    };
    expect(quoteRecord(inferred, older).meta.date).toBe('7 May 2021 (inferred)');
  });

  it('puts a paraphrase in no quotation marks, and says when the source gives no date', () => {
    const { meta, filters } = quoteRecord(quote('talks-failed'), older);
    expect(meta).not.toHaveProperty('open');
    expect(meta.form).toBe('Paraphrase, not their words');
    expect(meta.date).toBe('Date not given in the source');
    expect(filters.year).toEqual([]);
  });

  it('files a speaker the source does not name under the form "unnamed", never as a speaker', () => {
    const { meta, filters } = quoteRecord(quote('nothing-changed'), newer);
    expect(meta.speaker).toBe('A senior Council official (unnamed)');
    expect(filters.speaker).toEqual([]);
    expect(filters.form).toEqual(['direct', 'unnamed']);
  });

  it('tells two speakers who share a name apart by id', () => {
    expect(quoteRecord(quote('talks-failed'), older).filters.speaker).toEqual(['sam-khan']);
    expect(quoteRecord(quote('listening'), newer).filters.speaker).toEqual(['sam-khan-2']);
  });
});

describe('yearsOf', () => {
  it('gives every year a date can fall in', () => {
    expect(yearsOf({ on: '2021-05', provenance: 'stated', statedAs: 'May' })).toEqual(['2021']);
    expect(yearsOf({ from: '2020-12-28', to: '2021-01-03', provenance: 'inferred', reasoning: 'A week.' })).toEqual([
      '2020',
      '2021',
    ]);
  });
});

describe('storyRecord and actorRecord', () => {
  it('give a story its dek and update, an actor what they are and what tells them apart', () => {
    expect(storyRecord(older)).toEqual({
      meta: { label: 'Story', description: 'Why it matters.', date: 'Updated 9 May 2021' },
      filters: { kind: ['story'], story: ['older'], year: ['2021'] },
    });
    expect(actorRecord(actors.get('sam-khan')!).meta).toEqual({ label: 'Person', description: 'The negotiator' });
    expect(actorRecord(actors.get('council')!).meta).toEqual({ label: 'Organisation' });
  });
});

describe('searchAttributes', () => {
  it('puts each value in an attribute of its own, named in data-pagefind-meta and data-pagefind-filter', () => {
    expect(
      searchAttributes({
        meta: { label: 'Quote', words: 'a, b: c' },
        filters: { kind: ['quote'], form: ['direct', 'unnamed'] },
      }),
    ).toEqual({
      'data-search-label': 'Quote',
      'data-search-words': 'a, b: c',
      'data-search-kind-0': 'quote',
      'data-search-form-0': 'direct',
      'data-search-form-1': 'unnamed',
      'data-pagefind-meta': 'label[data-search-label], words[data-search-words]',
      'data-pagefind-filter': 'kind[data-search-kind-0], form[data-search-form-0], form[data-search-form-1]',
    });
  });

  it('leaves out a list with nothing in it', () => {
    expect(searchAttributes({ meta: { label: 'Person' }, filters: { speaker: [] } })).toEqual({
      'data-search-label': 'Person',
      'data-pagefind-meta': 'label[data-search-label]',
    });
  });
});

describe('filterOptions', () => {
  const options = filterOptions(stories);

  it('lists named speakers only, telling namesakes apart, and stories newest first', () => {
    expect(options.speaker).toEqual([
      { value: 'ann-lee', label: 'Ann Lee' },
      { value: 'sam-khan', label: 'Sam Khan (The negotiator)' },
      { value: 'sam-khan-2', label: 'Sam Khan (The spokesman)' },
    ]);
    expect(options.story).toEqual([
      { value: 'newer', label: 'The newer story' },
      { value: 'older', label: 'The older story' },
    ]);
  });

  it('offers the four forms and every year a quote was said in, newest first', () => {
    expect(options.form.map((o) => o.value)).toEqual(['direct', 'reported', 'paraphrase', 'unnamed']);
    expect(options.year.map((o) => o.value)).toEqual(['2022', '2021']);
  });
});

describe('claimRecords', () => {
  const site = new URL('https://example.org');
  const data = toOpenData(older, site, actors, {
    name: 'CC BY 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  });

  it('gives each claim at its anchor on the story page, with its status and story', () => {
    const records = claimRecords([data]);
    expect(records).toHaveLength(older.claims.length);
    expect(records[0]).toEqual({
      url: '/stories/older/#c-talks',
      content: 'Talks failed.',
      meta: {
        label: 'Disputed claim',
        title: 'Talks failed.',
        story: 'The older story',
        storyurl: '/stories/older/',
      },
      filters: { kind: ['claim'], story: ['older'] },
    });
  });

  it('lists a claim once when a file redirect serves the same data at an old address', () => {
    expect(claimRecords([data, data])).toHaveLength(older.claims.length);
  });
});

describe('the index in the build', () => {
  it('tells the index files from the client, and reports both with the time', () => {
    expect(['pagefind-entry.json', 'en_1a2b3c.pf_fragment', 'pagefind.en_9f.pf_meta'].every(isIndexFile)).toBe(true);
    expect(['pagefind.js', 'wasm.en.pagefind'].some(isIndexFile)).toBe(false);
    expect(
      describeIndexing({ pages: 39, records: 11, indexBytes: 38_250, clientBytes: 107_000, milliseconds: 236.6 }),
    ).toBe('search index: 39 pages read, 11 claims added, index 38.3 KB (client 107.0 KB), 237 ms');
  });

  it('publishes the search page; its index files are not published URLs', () => {
    expect(siteUrls({ stories, actors, authors: new Map(), redirects })).toContain('/search/');
    expect(urlOfFile('pagefind/fragment/en_1a2b3c.pf_fragment')).toBeUndefined();
    expect(urlOfFile('pagefind/pagefind.js')).toBeUndefined();
  });
});
