import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findLeaks, readableForms, SHORTEST_WORDS } from '../budgets/published';

/*
 * Finding an excerpts-only source's withheld sentences in built files, on a fake site. Not covered
 * here: which sentences are withheld (tests/unit/excerpts.test.ts) and walking a real dist/ (the
 * script tests/budgets/excerpts.ts, run by `npm run test:excerpts` on the built sites).
 */

const SENTENCE = 'Fishermen said the closure had cost them a week of catches.';
const withheld = [{ source: 'sources/report.md', sentence: SENTENCE }];
const file = (name: string, text: string | Uint8Array) => ({
  file: name,
  bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
});

describe('findLeaks', () => {
  it('finds a withheld sentence in a page, whatever markup stands around it', () => {
    expect(findLeaks([file('a/index.html', `<p>Before. ${SENTENCE} After.</p>`)], withheld)).toEqual([
      { ...withheld[0], file: 'a/index.html' },
    ]);
  });

  it('finds it with its characters escaped as HTML or XML does', () => {
    const escaped = `<p>Ann &amp; Bo: ${SENTENCE.replace('a week', '&#97; week')}</p>`;
    expect(findLeaks([file('feed.xml', escaped)], withheld)).toHaveLength(1);
  });

  it('finds it in JSON, quotation marks escaped, and in a gzipped search-index fragment', () => {
    const quoted = [{ source: 's.md', sentence: '“It is open,” she said, "twice".' }];
    expect(findLeaks([file('data/story.json', JSON.stringify({ text: quoted[0]!.sentence }))], quoted)).toHaveLength(1);
    const fragment = gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ content: SENTENCE })}`));
    expect(findLeaks([file('pagefind/fragment/en_1.pf_fragment', fragment)], withheld)).toHaveLength(1);
  });

  it('finds nothing where only part of the sentence stands (an excerpt holds a quote, not its whole sentence)', () => {
    expect(findLeaks([file('a/index.html', '<p>the closure had cost them a week</p>')], withheld)).toEqual([]);
  });

  it(`looks for no sentence shorter than ${SHORTEST_WORDS} words: "28." stands in any page`, () => {
    expect(findLeaks([file('a/index.html', '<p>28. Feb.</p>')], [{ source: 's.md', sentence: '28.' }])).toEqual([]);
  });
});

describe('readableForms', () => {
  it('gives a file with no character reference once, and one with references decoded too', () => {
    expect(readableForms(new TextEncoder().encode('plain'))).toEqual(['plain']);
    expect(readableForms(new TextEncoder().encode('a &amp; b'))).toEqual(['a &amp; b', 'a & b']);
  });
});
