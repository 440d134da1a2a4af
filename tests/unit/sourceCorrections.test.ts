import { describe, expect, it } from 'vitest';
import { findSourceCorrections } from '../../src/lib/assemble/sourceCorrections';
import { ProblemList } from '../../src/lib/content/problems';
import { sourceCorrectionSchema } from '../../src/lib/model/entities';
import type { SourceCorrectionMeta } from '../../src/lib/model/entities';
import type { Claim, Quote, Source, Span } from '../../src/lib/model/corpus';
import {
  claimSourceCorrections,
  correctionsMeeting,
  quoteSourceCorrections,
  sourceCorrectedLine,
  sourceCorrectionPath,
} from '../../src/lib/present/sourceCorrections';

/* A source's own corrections: found in its text (src/lib/assemble/sourceCorrections.ts), and told
   beside what rests on the corrected words (src/lib/present/sourceCorrections.ts). The pages that
   show them are tested in tests/e2e/source-corrections.spec.ts. */

const TEXT = [
  'Fourteen ships were held at the port, the harbour office said.',
  'The office said 14 ships had waited since Monday, and 3 had left.',
  'Corrects the number of ships to 14, from 40, in paragraph 2.',
].join('\n');
const file = 'content/stories/s/sources/wire.md';

const meta = (fields: Partial<SourceCorrectionMeta> = {}): SourceCorrectionMeta =>
  sourceCorrectionSchema.parse({
    corrects: 'the number of ships',
    to: '14',
    from: '40',
    notice: 'Corrects the number of ships to 14, from 40, in paragraph 2.',
    ...fields,
  });

function find(text: string, ...corrections: SourceCorrectionMeta[]) {
  const problems = new ProblemList();
  const found = findSourceCorrections(problems, { file, text }, corrections);
  return { found, problems: problems.problems };
}

const spanOf = (text: string, words: string): Span => {
  const start = text.indexOf(words);
  return { start, end: start + words.length, text: words };
};

describe('a source’s corrections, found in its text', () => {
  it('finds the notice, and the corrected words outside it, not the same words inside it', () => {
    const { found, problems } = find(TEXT, meta());
    expect(problems).toEqual([]);
    const [correction] = found;
    expect(correction!.anchor).toBe('sc-1');
    // A found passage ends at its last word, as a quote's does (its full stop is the page's to add).
    expect(correction!.notice.text).toBe('Corrects the number of ships to 14, from 40, in paragraph 2');
    expect(correction!.at).toEqual(spanOf(TEXT, '14'));
    expect(TEXT.slice(correction!.at.start, correction!.at.end)).toBe('14');
    expect(correction!.at.start).toBeLessThan(correction!.notice.start);
  });

  it('refuses a notice the text does not have, naming the field and the closest passage', () => {
    const { found, problems } = find(TEXT, meta({ notice: 'Corrects the number of ships to 14, from 41.' }));
    expect(found).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, field: 'corrections[0].notice' });
    expect(problems[0]!.expected).toMatch(
      /^the correction as the source words it, verbatim in its text; closest passage/,
    );
  });

  it('refuses words before that the notice does not give, even where the text has them elsewhere', () => {
    const { problems } = find(TEXT, meta({ from: '3' }));
    expect(problems).toEqual([expect.objectContaining({ field: 'corrections[0].from', value: '3' })]);
  });

  it('refuses corrected words that stand only in the notice', () => {
    const { problems } = find(TEXT, meta({ to: '40' }));
    expect(problems).toEqual([expect.objectContaining({ field: 'corrections[0].to', value: '40' })]);
  });

  it('asks for the passage when the corrected words stand twice, and finds them within it', () => {
    const twice = TEXT.replace('and 3 had left', 'and 14 had left');
    const ambiguous = find(twice, meta()).problems;
    expect(ambiguous.map((p) => p.field)).toEqual(['corrections[0].to']);
    expect(ambiguous[0]!.expected).toMatch(/stand more than once, so give `passage`/);
    const passage = 'The office said 14 ships had waited since Monday, and 14 had left.';
    const { found, problems } = find(twice, meta({ passage }));
    expect(problems).toEqual([]);
    expect(found[0]!.passage!.text).toBe(passage.slice(0, -1));
    // The first "14" of the passage: the one the correction is about stands first there.
    expect(found[0]!.at).toEqual({ ...spanOf(twice, '14 ships'), end: twice.indexOf('14 ships') + 2, text: '14' });
  });

  it('refuses a passage without the corrected words', () => {
    const { problems } = find(
      TEXT,
      meta({ passage: 'Fourteen ships were held at the port, the harbour office said.' }),
    );
    expect(problems).toEqual([expect.objectContaining({ field: 'corrections[0].to', value: '14' })]);
  });

  it('keeps a correction that does not give the words before, and numbers every one in the file’s order', () => {
    const text = `${TEXT}\nAn earlier version of this story misstated the day the ships arrived.`;
    const { found, problems } = find(
      text,
      meta(),
      meta({
        corrects: 'the day the ships arrived',
        to: 'since Monday',
        from: undefined,
        notice: 'An earlier version of this story misstated the day the ships arrived.',
      }),
    );
    expect(problems).toEqual([]);
    expect(found.map((c) => [c.anchor, c.at.text])).toEqual([
      ['sc-1', '14'],
      ['sc-2', 'since Monday'],
    ]);
  });

  it('finds nothing in a source without text (reported on the source itself)', () => {
    expect(find('', meta())).toEqual({ found: [], problems: [] });
  });
});

describe('what rests on a corrected passage', () => {
  const [correction] = find(TEXT, meta()).found;
  const source = { id: 'wire', corrections: [correction!] } as Source;
  const sentence = spanOf(TEXT, 'The office said 14 ships had waited since Monday');

  it('is whatever passage contains or overlaps the corrected words, and nothing beside them', () => {
    expect(correctionsMeeting(source, [sentence])).toEqual([correction]);
    expect(correctionsMeeting(source, [spanOf(TEXT, '14 ships had')])).toEqual([correction]);
    expect(correctionsMeeting(source, [spanOf(TEXT, 'ships had waited')])).toEqual([]);
    expect(correctionsMeeting(source, [spanOf(TEXT, 'Fourteen ships were held')])).toEqual([]);
  });

  it('reads a quote’s words and a paraphrase’s passage, a claim’s passages and its accounts’', () => {
    const quote = (fields: Partial<Quote>) => ({ source, span: undefined, passage: undefined, ...fields });
    expect(quoteSourceCorrections(quote({ span: sentence }))).toEqual([correction]);
    expect(quoteSourceCorrections(quote({ passage: sentence }))).toEqual([correction]);
    expect(quoteSourceCorrections(quote({}))).toEqual([]);
    const claim = (fields: Partial<Claim>) => ({ source, passages: [], versions: [], ...fields }) as Claim;
    expect(claimSourceCorrections(claim({ passages: [sentence] }))).toEqual([correction]);
    expect(claimSourceCorrections(claim({ versions: [{ passages: [sentence] }] as Claim['versions'] }))).toEqual([
      correction,
    ]);
    expect(claimSourceCorrections(claim({ passages: [spanOf(TEXT, 'Fourteen ships')] }))).toEqual([]);
  });

  it('says what the source says: the words now and before, or what it corrected when it gives no words before', () => {
    expect(sourceCorrectedLine(correction!)).toBe('The source corrected this passage: 14, from 40.');
    expect(sourceCorrectedLine({ corrects: 'the day the ships arrived', to: 'since Monday' })).toBe(
      'The source corrected this passage: the day the ships arrived, now since Monday.',
    );
    expect(sourceCorrectionPath('s', source, correction!)).toBe('/stories/s/sources/wire/#sc-1');
  });
});
