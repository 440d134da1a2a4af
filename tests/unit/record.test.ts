import { describe, expect, it } from 'vitest';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { ContentError } from '../../src/lib/content/problems';
import type { CorpusFiles } from '../../src/lib/model/corpus';
import { correctionSchema } from '../../src/lib/model/entities';
import { dateFingerprint, recordedDate, type DateValue } from '../../src/lib/model/date';
import { notAfterToday } from '../../src/lib/model/calendar';
import { crossCheckProblems, formatRecord, parseRecord, recordOf, recordProblems } from '../../src/lib/outputs/record';
import { correctOlder, corpusFiles } from './fixtures/corpus';

/* The published record and the corrections it demands (src/lib/outputs/record.ts), and the checks of a
   corrections log against its story (src/lib/assemble/corrections.ts). The real build's use of them
   is tests/content/published-urls.test.ts, with the cases in tests/fixtures/bad-content/published-*. */

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
      name: 'Ann Lee',
      role: 'Envoy, State Department',
      form: 'direct',
      medium: 'tweet',
      said: '2021-05-07, stated',
      translation: '',
    });
    expect(record.older!.quotes['talks-over']).toMatchObject({
      speaker: 'unnamed: a senior Council official',
      name: 'a senior Council official (unnamed)',
      role: 'affiliated with The Council',
    });
    expect(record.older!.claims.talks).toEqual({
      text: 'Talks failed.',
      status: 'disputed',
      holders: 'claimed by Sam Khan (The negotiator); disputed by The Council',
      versions: '',
    });
    expect(record.older!.claims['talks-ended']!.versions).toContain(' | ');
    expect(record.older!.claims['talks-ended']!.holders).toBe(
      'account 1 given by the source; account 2 given by The Council',
    );
    expect(record.older!.sources.article!.textHash).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(parseRecord(formatRecord(record), 'r.json')).toEqual({ record });
  });

  it('records a holder the source does not name by its description, and an inferred medium with its words', () => {
    expect(record.newer!.claims.unchanged!.holders).toBe('claimed by a senior Council official (unnamed)');
    expect(record.newer!.quotes.listening!.medium).toBe('statement (inferred from “the Council’s spokesman”)');
    // A medium the source states is recorded as before mediums had a provenance.
    expect(record.newer!.quotes['door-open']!.medium).toBe('tweet');
  });

  it('reads a record written before everything was recorded, and checks what it holds', () => {
    const legacy = {
      older: { quotes: { 'stand-firm': { words: 'We will stand firm' } }, claims: {}, corrections: ['k-x'] },
    };
    const read = parseRecord(JSON.stringify(legacy), 'r.json');
    expect(read).toEqual({
      record: { older: { quotes: legacy.older.quotes, claims: {}, sources: {}, corrections: { 'k-x': {} } } },
    });
    const problems = recordProblems(
      edited(() => {}),
      'record' in read ? read.record : {},
    );
    expect(problems.map((problem) => problem.value)).toEqual(['no entry k-x']);
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

const SOURCE_TEXT = corpusFiles().sources.find((s) => s.id === 'older/article')!.body;

describe('everything a page showed is on the record', () => {
  const record = recordOf(edited(() => {}));
  const claimFile = (files: CorpusFiles, id: string) => files.claims.find((claim) => claim.id === `older/${id}`)!;
  const valuesOf = (edit: (files: CorpusFiles) => void) =>
    recordProblems(edited(edit), record).map((problem) => problem.value);

  it('fails a claim’s text rewritten, and its claimants and disputers swapped', () => {
    expect(valuesOf((files) => (claimFile(files, 'talks').body = 'Talks succeeded.'))).toEqual([
      'claim talks, text: "Talks failed." → "Talks succeeded."',
    ]);
    expect(
      valuesOf((files) => {
        claimFile(files, 'talks').data.claimants = ['council'];
        claimFile(files, 'talks').data.disputedBy = ['sam-khan'];
      }),
    ).toEqual([
      'claim talks, holders: "claimed by Sam Khan (The negotiator); disputed by The Council" → "claimed by The Council; disputed by Sam Khan (The negotiator)"',
    ]);
  });

  it('fails an actor renamed: each published quote of theirs showed the old name', () => {
    const problems = recordProblems(
      edited((files) => (files.actors.find((actor) => actor.id === 'ann-lee')!.data.name = 'Anne Lee')),
      record,
    );
    expect(problems.map((problem) => problem.value)).toEqual([
      'quote door-open, name: "Ann Lee" → "Anne Lee"',
      'quote ready, name: "Ann Lee" → "Anne Lee"',
      'quote stand-firm, name: "Ann Lee" → "Anne Lee"',
    ]);
    expect(problems[2]!.expected).toContain('quote: stand-firm, was: { name: "Ann Lee" }');
  });

  it('fails a changed translation, medium and role, and an edit to a source’s text', () => {
    expect(
      valuesOf((files) => {
        quoteFile(files, 'stand-firm').data.medium = 'interview';
        files.actors.find((actor) => actor.id === 'ann-lee')!.data.roles = [];
      }),
    ).toEqual([
      'quote door-open, role: "Envoy, State Department" → ""',
      'quote ready, role: "Envoy, State Department" → ""',
      'quote stand-firm, role: "Envoy, State Department" → ""; quote stand-firm, medium: "tweet" → "interview"',
    ]);
    const [edit] = valuesOf(
      (files) => (files.sources.find((s) => s.id === 'older/article')!.body = `${SOURCE_TEXT}\nA sentence added.`),
    );
    expect(edit).toMatch(/^source article, textHash: "sha256:[0-9a-f]{32}" → "sha256:[0-9a-f]{32}"$/);
  });

  it('asks for a withdrawal when a published quote or claim is deleted, and accepts one that says what it said', () => {
    const removeTalks = (files: CorpusFiles) => {
      files.claims = files.claims.filter((claim) => claim.id !== 'older/talks');
    };
    const [problem, ...rest] = recordProblems(edited(removeTalks), record);
    expect(rest).toEqual([]);
    expect(problem!.value).toBe('claim talks is gone');
    expect(problem!.expected).toContain(
      'kind: withdrawn, claim: talks, was: { text: "Talks failed.", status: "disputed"',
    );
    const withdraw = (text: string) => (files: CorpusFiles) => {
      removeTalks(files);
      correctOlder(files, { date: TODAY, kind: 'withdrawn', claim: 'talks', was: { text }, note: 'Unsupported.' });
    };
    expect(recordProblems(edited(withdraw('Talks failed.')), record)).toEqual([]);
    expect(valuesOf(withdraw('Talks went well.'))).toEqual(['k-2026-11-28-claim-talks, was.text: "Talks went well."']);
  });

  it('refuses a withdrawal of what was never published', () => {
    const [problem, ...rest] = recordProblems(
      edited((files) =>
        correctOlder(files, { date: TODAY, kind: 'withdrawn', quote: 'never-seen', was: { words: 'x' }, note: 'n' }),
      ),
      record,
    );
    expect(rest).toEqual([]);
    expect(problem!.value).toBe('k-2026-11-28-quote-never-seen');
    expect(problem!.expected).toContain('one never published is deleted with no entry');
  });

  it('fails a published correction rewritten: its note, its kind or what it says came before', () => {
    const entry = { date: TODAY, quote: 'stand-firm', was: { words: 'We will stand firm' }, note: 'Cut.' };
    const cut = (files: CorpusFiles) => {
      quoteFile(files, 'stand-firm').body = 'We will stand';
      return files;
    };
    const recorded = recordOf(edited((files) => correctOlder(cut(files), entry)));
    const rewritten = (change: object) =>
      recordProblems(
        edited((files) => correctOlder(cut(files), { ...entry, ...change })),
        recorded,
      ).map((problem) => problem.value);
    expect(rewritten({ note: 'A typo.' })).toEqual(['k-2026-11-28-quote-stand-firm, note: "Cut." → "A typo."']);
    expect(rewritten({ kind: 'update' })).toEqual(['k-2026-11-28-quote-stand-firm, kind: "correction" → "update"']);
    expect(rewritten({ was: { words: 'We will stand firm', form: 'direct' } })).toEqual([
      'k-2026-11-28-quote-stand-firm, was: "{\\"words\\":\\"We will stand firm\\"}" → "{\\"form\\":\\"direct\\",\\"words\\":\\"We will stand firm\\"}"',
    ]);
  });

  it('keeps a renamed story’s record: checked against the story its page redirects to', () => {
    const renamed = { [`old-older`]: record.older!, newer: record.newer! };
    const redirect = (files: CorpusFiles) => {
      files.stories.find((story) => story.id === 'older')!.data.title = 'The older story';
      files.redirects.push({ id: '/stories/old-older/', data: { to: '/stories/older/', reason: 'Renamed.' } });
    };
    expect(recordProblems(edited(redirect), renamed)).toEqual([]);
    const changed = recordProblems(
      edited((files) => {
        redirect(files);
        quoteFile(files, 'stand-firm').body = 'We will stand';
      }),
      renamed,
    );
    expect(changed.map((problem) => problem.value)).toEqual([
      'quote stand-firm, words: "We will stand firm" → "We will stand"',
    ]);
    // With nowhere to go, the story's record says so.
    expect(
      recordProblems(
        edited(() => {}),
        renamed,
        'r.json',
      ).map((problem) => problem.field),
    ).toEqual(['old-older']);
  });
});

describe('the record and the URL manifest, checked against each other', () => {
  const record = recordOf(edited(() => {}));
  const files = { record: 'content/published-record.json', urls: 'content/published-urls.txt' };
  const listed = [
    '/stories/older/',
    '/stories/older/quotes/stand-firm/',
    '/stories/older/quotes/talks-failed/',
    '/stories/older/quotes/talks-over/',
    ...['door-open', 'ready', 'nothing-changed', 'listening', 'hopeful'].map((id) => `/stories/newer/quotes/${id}/`),
    '/stories/newer/',
  ];

  it('agree when written together', () => {
    expect(crossCheckProblems(record, listed, [], files)).toEqual([]);
  });

  it('find a trimmed manifest, saying how to restore it', () => {
    const problems = crossCheckProblems(record, listed.slice(0, -1), [], files);
    expect(problems.map(({ file, value }) => [file, value])).toEqual([[files.urls, '/stories/newer/']]);
    expect(problems[0]!.expected).toContain('git checkout -- content/published-urls.txt');
  });

  it('find a trimmed record, once per story or quote', () => {
    const { newer: _, ...trimmed } = record;
    const { 'talks-over': __, ...quotes } = record.older!.quotes;
    const problems = crossCheckProblems({ ...trimmed, older: { ...record.older!, quotes } }, listed, [], files);
    expect(problems.map(({ field }) => field)).toEqual(['older.quotes.talks-over', 'newer']);
    expect(problems[0]!.expected).toContain('git checkout -- content/published-record.json');
  });

  it('follow a renamed story’s redirect to the record that holds it', () => {
    const { older, ...rest } = record;
    const moved = { ...rest, renamed: older! };
    const renamedUrls = [
      ...listed,
      '/stories/renamed/',
      ...Object.keys(older!.quotes).map((id) => `/stories/renamed/quotes/${id}/`),
    ];
    expect(
      crossCheckProblems(moved, renamedUrls, [{ from: '/stories/older/', to: '/stories/renamed/' }], files),
    ).toEqual([]);
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
    {
      shape: 'a date with two readings',
      date: {
        earliest: '2026-03-03',
        latest: '2026-03-10',
        readings: ['2026-03-03', '2026-03-10'],
        provenance: 'inferred' as const,
        reasoning: 'r',
      },
    },
    {
      shape: 'a day with an inferred year',
      date: { on: '2021-05-07', provenance: 'inferred' as const, inferredParts: ['year' as const], reasoning: 'r' },
    },
  ])('reads back $shape, as far as pages show it', ({ date }) => {
    const back = recordedDate.parse(dateFingerprint(date));
    const { statedAs: _words, reasoning: _why, ...shown } = date as DateValue;
    expect(back).toEqual({ kind: 'date', date: shown });
  });

  it('says when there is no date', () => {
    expect(dateFingerprint(undefined)).toBe('undated');
    expect(recordedDate.parse('undated')).toEqual({ kind: 'undated' });
  });

  it.each([
    'the week before',
    '2021-13-01, stated',
    '2021-05 soon, stated',
    '2021-05-07, guessed',
    'between 2021 and, stated',
    'either 2026-03-03, inferred',
    'either 2026-03-03 and 2026-03-10, inferred',
  ])('keeps %j, which no fingerprint says, as words', (words) => {
    expect(recordedDate.parse(words)).toEqual({ kind: 'words', words });
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
