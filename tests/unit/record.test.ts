import { describe, expect, it } from 'vitest';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { ContentError } from '../../src/lib/content/problems';
import type { CorpusFiles } from '../../src/lib/model/corpus';
import { correctionSchema } from '../../src/lib/model/entities';
import { dateFingerprint, dateOfFingerprint } from '../../src/lib/model/date';
import { notAfterToday } from '../../src/lib/model/calendar';
import { formatRecord, parseRecord, recordOf, recordProblems } from '../../src/lib/outputs/record';
import { correctOlder, corpusFiles } from './fixtures/corpus';

/* The published record and the corrections it demands (src/lib/outputs/record.ts), and the checks of a
   corrections log against its story (src/lib/assemble/corrections.ts). The real build's use of them
   is tests/content/corrections.test.ts. */

const TODAY = '2026-11-28';

/** The fixture corpus with `edit` applied to its files. */
function edited(edit: (files: CorpusFiles) => void) {
  const files = structuredClone(corpusFiles());
  edit(files);
  return assembleCorpus(files, TODAY);
}

const older = (files: CorpusFiles) => files.stories.find((story) => story.id === 'older')!;
const quoteFile = (files: CorpusFiles, id: string) => files.quotes.find((quote) => quote.id === `older/${id}`)!;

describe('the published record', () => {
  const record = recordOf(edited(() => {}));

  it('records what each quote and claim says, and round-trips through its file', () => {
    expect(record.older!.quotes['stand-firm']).toEqual({
      words: 'We will stand firm',
      speaker: 'ann-lee',
      form: 'direct',
      said: '2021-05-07, stated',
    });
    expect(record.older!.quotes['talks-over']!.speaker).toBe('unnamed: a senior Council official');
    expect(record.older!.claims['talks-ended']!.versions).toContain(' | ');
    expect(parseRecord(formatRecord(record), 'r.json')).toEqual({ record });
  });

  it('refuses a damaged file, naming it', () => {
    const broken = parseRecord('{"older": {"quotes": {}}}', 'content/published-record.json');
    expect('problems' in broken && broken.problems[0]!.file).toBe('content/published-record.json');
    expect('problems' in parseRecord('<<<<<<< HEAD', 'r.json')).toBe(true);
  });

  it('asks for nothing when nothing changed', () => {
    expect(
      recordProblems(
        edited(() => {}),
        record,
      ),
    ).toEqual([]);
  });

  it('fails a silent change to the words, with the old and new value and the entry to add', () => {
    const changed = edited((files) => (quoteFile(files, 'stand-firm').body = 'We will stand'));
    const [problem, ...rest] = recordProblems(changed, record);
    expect(rest).toEqual([]);
    expect(problem!.file).toBe('older'); // the story's file (the fixture gives its id)
    expect(problem!.field).toBe('corrections');
    expect(problem!.value).toBe('quote stand-firm, words: "We will stand firm" → "We will stand"');
    expect(problem!.expected).toContain('quote: stand-firm, was: { words: "We will stand firm" }, note: <');
  });

  it('forgives what the verbatim check forgives: typography and spacing are not corrections', () => {
    const changed = edited((files) => (quoteFile(files, 'stand-firm').body = 'We  will\nstand firm'));
    expect(recordProblems(changed, record)).toEqual([]);
  });

  it('fails a changed speaker, form or date, and a claim’s status', () => {
    const changed = edited((files) => {
      quoteFile(files, 'stand-firm').data.said = { on: '2021-05', provenance: 'inferred', reasoning: 'A guess.' };
      files.claims.find((claim) => claim.id === 'older/talks')!.data.status = 'confirmed';
    });
    const values = recordProblems(changed, record).map((problem) => problem.value);
    expect(values).toEqual([
      'quote stand-firm, said: "2021-05-07, stated" → "2021-05, inferred"',
      expect.stringMatching(/^claim talks, status: "(disputed|denied|reported)" → "confirmed"$/),
    ]);
  });

  it('accepts a change its corrections entry accounts for, and only that change', () => {
    const corrected = edited((files) => {
      quoteFile(files, 'stand-firm').body = 'We will stand';
      correctOlder(files, { date: TODAY, quote: 'stand-firm', was: { words: 'We will stand firm' }, note: 'Cut.' });
    });
    expect(recordProblems(corrected, record)).toEqual([]);

    // An entry for the words does not cover a change to the date.
    const further = edited((files) => {
      quoteFile(files, 'stand-firm').body = 'We will stand';
      quoteFile(files, 'stand-firm').data.said = undefined;
      correctOlder(files, { date: TODAY, quote: 'stand-firm', was: { words: 'We will stand firm' }, note: 'Cut.' });
    });
    expect(recordProblems(further, record).map((problem) => problem.value)).toEqual([
      'quote stand-firm, said: "2021-05-07, stated" → "undated"',
    ]);
  });

  it('does not let an old entry cover a new change once the record has moved on', () => {
    const corrected = edited((files) => {
      quoteFile(files, 'stand-firm').body = 'We will stand';
      correctOlder(files, { date: TODAY, quote: 'stand-firm', was: { words: 'We will stand firm' }, note: 'Cut.' });
    });
    const recorded = recordOf(corrected);
    const again = edited((files) => {
      quoteFile(files, 'stand-firm').body = 'We will';
      correctOlder(files, { date: TODAY, quote: 'stand-firm', was: { words: 'We will stand firm' }, note: 'Cut.' });
    });
    expect(recordProblems(again, recorded).map((problem) => problem.value)).toEqual([
      'quote stand-firm, words: "We will stand" → "We will"',
    ]);
  });

  it('fails when a published correction is removed from the log', () => {
    const corrected = edited((files) => {
      quoteFile(files, 'stand-firm').body = 'We will stand';
      correctOlder(files, { date: TODAY, quote: 'stand-firm', was: { words: 'We will stand firm' }, note: 'Cut.' });
    });
    const recorded = recordOf(corrected);
    const removed = edited((files) => (quoteFile(files, 'stand-firm').body = 'We will stand'));
    const [problem] = recordProblems(removed, recorded);
    expect(problem!.value).toBe('no entry k-2026-11-28-quote-stand-firm');
    expect(problem!.expected).toContain('stays in the log');
  });
});

describe('date fingerprints', () => {
  it.each([
    { shape: 'a day', date: { on: '2021-05-07', statedAs: 'Friday', provenance: 'stated' as const } },
    {
      shape: 'part of a month',
      date: { on: '2021-04', part: 'late' as const, statedAs: 'late April', provenance: 'stated' as const },
    },
    {
      shape: 'a span',
      date: { from: '2021-04-24', to: '2021-05-04', provenance: 'inferred' as const, reasoning: 'r' },
    },
    {
      shape: 'a range',
      date: { earliest: '2021-04-26', latest: '2021-05-02', provenance: 'inferred' as const, reasoning: 'r' },
    },
  ])('reads back $shape', ({ date }) => {
    const back = dateOfFingerprint(dateFingerprint(date));
    expect(back).toMatchObject({ provenance: date.provenance });
    expect(dateFingerprint({ ...back!, reasoning: 'r' })).toBe(dateFingerprint(date));
  });

  it('says when there is no date', () => {
    expect(dateFingerprint(undefined)).toBe('undated');
    expect(dateOfFingerprint('undated')).toBeUndefined();
  });
});

describe('a corrections log checked against its story', () => {
  const problemsOf = (edit: (files: CorpusFiles) => void) => {
    try {
      edited(edit);
      return [];
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      return error.problems.map((problem) => `${problem.field}: ${problem.expected}`);
    }
  };

  it('lists entries newest first, each with its anchor', () => {
    const corpus = edited((files) => {
      correctOlder(files, { date: '2021-06-01', claim: 'talks', was: { status: 'reported' }, note: 'Confirmed.' });
      correctOlder(files, { date: '2021-07-01', quote: 'stand-firm', was: { words: 'x' }, note: 'Fixed.' });
    });
    const story = corpus.stories.find((s) => s.slug === 'older')!;
    expect(story.corrections.map((c) => c.anchor)).toEqual([
      'k-2021-07-01-quote-stand-firm',
      'k-2021-06-01-claim-talks',
    ]);
    expect(story.corrections[1]!.item).toEqual({ kind: 'claim', id: 'talks' });
  });

  it("refuses an entry for a quote the story lacks, one dated after `updated` or after the build's day, and two for one item on one day", () => {
    expect(
      problemsOf((files) =>
        older(files).data.corrections.push(
          correctionSchema.parse({ date: '2021-05-09', quote: 'nope', was: { words: 'x' }, note: 'n' }),
        ),
      ),
    ).toEqual(['corrections[0].quote: the id of a quote of this story']);
    expect(
      problemsOf((files) =>
        older(files).data.corrections.push(
          correctionSchema.parse({ date: '2026-01-01', quote: 'stand-firm', was: { words: 'x' }, note: 'n' }),
        ),
      ),
    ).toEqual([expect.stringMatching(/^updated: a day on or after the latest correction \(2026-01-01\)/)]);
    // After the build's day: that is the problem, whatever `updated` says.
    expect(
      problemsOf((files) =>
        older(files).data.corrections.push(
          correctionSchema.parse({ date: '2030-01-01', quote: 'stand-firm', was: { words: 'x' }, note: 'n' }),
        ),
      ),
    ).toEqual([`corrections[0].date: ${notAfterToday(TODAY)}`]);
    expect(
      problemsOf((files) => {
        const entry = { date: '2021-05-09', quote: 'stand-firm', was: { words: 'x' }, note: 'n' };
        older(files).data.corrections.push(correctionSchema.parse(entry), correctionSchema.parse(entry));
      }),
    ).toEqual([expect.stringMatching(/^corrections\[1\]\.was: one entry per quote and day/)]);
  });

  it('refuses, in the schema, an entry naming both or neither, or a field of the other kind', () => {
    const issues = (entry: unknown) =>
      correctionSchema.safeParse(entry).error?.issues.map((issue) => issue.path.join('.'));
    expect(issues({ date: '2021-05-09', was: { words: 'x' }, note: 'n' })).toEqual(['quote']);
    expect(issues({ date: '2021-05-09', quote: 'a', claim: 'b', was: { words: 'x' }, note: 'n' })).toEqual(['quote']);
    expect(issues({ date: '2021-05-09', claim: 'b', was: { words: 'x' }, note: 'n' })).toEqual(['was.words']);
    expect(issues({ date: '2021-05-09', claim: 'b', was: {}, note: 'n' })).toEqual(['was']);
  });
});
