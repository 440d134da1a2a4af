import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textSha256 } from '../../src/lib/content/verbatim';
import { readStory, type PublishedStory } from '../../src/lib/verify/published';
import {
  formatLine,
  parseArguments,
  summarise,
  verifyOriginals,
  verifySite,
  verifyStory,
  type Io,
  type Line,
  type Page,
} from '../../src/lib/verify/verify';

/*
 * The verifier's checks on the hand-made site in the annotated open-data format
 * (tests/fixtures/verify/site): what passes, and each way a quote, an annotation or a source fails.
 * The built script itself is run by tests/verify/run.ts.
 */

const SITE = 'tests/fixtures/verify/site';
const file = (slug: string) => `${SITE}/data/stories/${slug}.json`;
const data = (slug: string) => JSON.parse(readFileSync(file(slug), 'utf8')) as unknown;
const story = (slug: string): PublishedStory => readStory(data(slug), file(slug));
const excerpts = () => story('harbour-reopens-in-excerpts');
const full = () => story('commission-calls-for-talks');
const statusOf = (lines: Line[], id: string) => lines.filter((line) => line.id === id).map((line) => line.status);

describe('verifyStory', () => {
  it('passes every quote, annotation and full source of the hand-made site', () => {
    const lines = [...verifyStory(full()), ...verifyStory(excerpts())];
    expect(lines.filter((line) => line.status === 'FAIL')).toEqual([]);
    expect(lines.map((line) => [line.status, line.what, line.id.replace(/.*#/, '')])).toEqual([
      ['ok', 'quote', 'parwana-invite'],
      ['ok', 'quote', 'parwana-next-meeting'],
      ['ok', 'quote', 'zalmai-ready'],
      ['ok', 'annotation', 'a-c-commission-calls-p1'],
      ['ok', 'source', 'wire-report'],
      ['ok', 'source', 'statement-ps'],
      ['ok', 'quote', 'ines-harbour-open'],
      ['skip', 'source', 'agency-report'],
    ]);
  });

  it('fails a quote with a word changed, naming it and the difference', () => {
    const changed = excerpts();
    changed.quotes[0]!.words = 'The harbour is shut';
    const [line] = verifyStory(changed);
    expect(line).toMatchObject({ status: 'FAIL', what: 'quote', id: 'ines-harbour-open' });
    expect(line!.reason).toContain('not verbatim in its 1 excerpt of source "agency-report"');
    expect(line!.reason).toContain('the quote adds the word "shut"');
  });

  it('forgives typography as the build does, and nothing else', () => {
    const curly = excerpts();
    curly.quotes[0]!.words = '“The  harbour is open,”';
    expect(statusOf(verifyStory(curly), 'ines-harbour-open')).toEqual(['ok']);
    const cased = excerpts();
    cased.quotes[0]!.words = 'the harbour is open';
    expect(statusOf(verifyStory(cased), 'ines-harbour-open')).toEqual(['FAIL']);
  });

  it('finds a quote of an excerpts-only source only in its excerpts', () => {
    // The source's last paragraph is not published: the words are not there to be found.
    const outside = excerpts();
    outside.quotes[0]!.words = 'Weather forecasters expect calm seas';
    outside.quotes[0]!.annotation = null;
    expect(statusOf(verifyStory(outside), 'ines-harbour-open')).toEqual(['FAIL']);
  });

  it('fails an annotation that anchors twice, or whose positions disagree with its quote selector', () => {
    const twice = full();
    const claim = twice.annotations.at(-1)!;
    for (const target of claim.target) target.quote = { ...target.quote, prefix: '', suffix: '' };
    claim.target.forEach((target) => (target.quote.exact = 'the'));
    const [line] = verifyStory(twice).filter((candidate) => candidate.what === 'annotation');
    expect(line).toMatchObject({ status: 'FAIL' });
    expect(line!.reason).toContain('occurs 4 times in the published text, not once');

    const moved = full();
    for (const target of moved.annotations.at(-1)!.target) target.position = { ...target.position, start: 1 };
    expect(verifyStory(moved).find((candidate) => candidate.what === 'annotation')!.reason).toContain(
      'its TextPositionSelector (1–75) is not where its TextQuoteSelector anchors (0–75)',
    );
  });

  it('fails a quote whose annotation marks a passage without its words, or is missing', () => {
    const elsewhere = full();
    elsewhere.quotes[0]!.annotation = elsewhere.annotations.at(-1)!.id;
    expect(verifyStory(elsewhere)[0]!.reason).toContain('marks a passage that does not hold its words');
    const missing = full();
    missing.quotes[0]!.annotation = 'a-nothing';
    expect(verifyStory(missing)[0]!.reason).toContain('its annotation a-nothing is not in the data');
  });

  it('fails a claim or event whose passage names an annotation the data lacks', () => {
    const dangling = full();
    dangling.annotated[0]!.annotations.push('a-gone');
    expect(verifyStory(dangling).filter((line) => line.status === 'FAIL')).toEqual([
      {
        status: 'FAIL',
        what: 'annotation',
        id: 'a-gone',
        story: 'commission-calls-for-talks',
        reason: 'the annotation of a passage of claim commission-calls is not in the data',
      },
    ]);
  });

  it('checks a translation the source publishes against that source', () => {
    const changed = full();
    changed.quotes[0]!.translation!.words = 'We ask all sides to continue the peace talks';
    const [line] = verifyStory(changed);
    expect(line).toMatchObject({ status: 'FAIL', id: 'parwana-invite' });
    expect(line!.reason).toContain('its translation is not verbatim in its full text of source "wire-report"');
  });

  it('says a paraphrase without an annotation has nothing to check', () => {
    const bare = full();
    bare.quotes[1]!.annotation = null;
    expect(verifyStory(bare)[1]).toMatchObject({ status: 'skip', id: 'parwana-next-meeting' });
  });

  it('fails a full text that does not match its hash, and an excerpts-only source whose data carries its text', () => {
    const tampered = full();
    tampered.sources[0]!.text = tampered.sources[0]!.text!.replace('Friday', 'Monday');
    expect(statusOf(verifyStory(tampered), 'wire-report')).toEqual(['FAIL']);
    const leaked = excerpts();
    leaked.sources[0]!.text = 'The whole text.';
    expect(verifyStory(leaked).at(-1)).toMatchObject({
      status: 'FAIL',
      reason: 'published in excerpts only, yet its data carries its whole text',
    });
  });
});

describe('verifyOriginals', () => {
  const page = (body: string, contentType = 'text/html; charset=utf-8'): Page => ({ contentType, body });
  const wire = full().sources[0]!.text!;

  it('finds each passage in the original, or in the archived copy when the original cannot be fetched', async () => {
    const fetched: string[] = [];
    const lines = await verifyOriginals(full(), (url) => {
      fetched.push(url);
      if (url.startsWith('https://wire.example/')) return Promise.reject(new Error('HTTP 404 Not Found'));
      return Promise.resolve(page(`<p>${wire.replace('\n', '</p><p>')}</p>`));
    });
    expect(lines.filter((line) => line.what === 'quote').map((line) => [line.status, line.id, line.reason])).toEqual([
      ['ok', 'parwana-invite', expect.stringContaining('its translation, verbatim in the archived copy') as string],
      ['ok', 'zalmai-ready', expect.stringContaining('a direct quote, verbatim in the archived copy') as string],
      ['ok', 'zalmai-ready', expect.stringContaining('its translation, verbatim in the archived copy') as string],
    ]);
    // Each copy fetched once; the statement without an address not at all.
    expect(fetched).toEqual([
      'https://wire.example/2021/03/06/commission-calls-for-talks/',
      'https://archive.example/web/20210306120000/https://wire.example/2021/03/06/commission-calls-for-talks/',
    ]);
    expect(lines.find((line) => line.id === 'statement-ps')).toMatchObject({ status: 'skip' });
  });

  it('fails a passage that neither copy holds, saying what each lacked', async () => {
    const lines = await verifyOriginals(excerpts(), (url) =>
      url.startsWith('https://agency.example/')
        ? Promise.resolve(page('<p>“The harbour was open,” she said.</p>'))
        : Promise.reject(new Error('HTTP 503')),
    );
    expect(lines[0]).toMatchObject({ status: 'FAIL', id: 'ines-harbour-open' });
    expect(lines[0]!.reason).toContain('not verbatim in the original https://agency.example/');
    expect(lines[0]!.reason).toContain('could not be fetched: HTTP 503');
  });

  it('checks the hash where the original is the text itself, and says a web page cannot be compared', async () => {
    const plain = async (body: string) =>
      (await verifyOriginals(full(), () => Promise.resolve(page(body, 'text/plain; charset=utf-8')))).find(
        (line) => line.id === 'wire-report',
      );
    expect(await plain(wire)).toMatchObject({ status: 'ok' });
    expect(await plain(`${wire} More.`)).toMatchObject({
      status: 'FAIL',
      reason: expect.stringContaining(`its SHA-256 is ${textSha256(`${wire} More.`)}`) as string,
    });
    const html = await verifyOriginals(full(), () => Promise.resolve(page(`<p>${wire}</p><p>Share this story</p>`)));
    expect(html.find((line) => line.id === 'wire-report')).toMatchObject({ status: 'skip' });
  });
});

describe('verifySite', () => {
  const io = (files: Record<string, unknown>, out: string[]): Io => ({
    readData: (url) => (url in files ? Promise.resolve(files[url]) : Promise.reject(new Error('ENOENT'))),
    fetchPage: () => Promise.reject(new Error('offline')),
    out: (line) => out.push(line),
  });
  const index = {
    stories: [
      { slug: 'harbour-reopens-in-excerpts', data: 'https://x.example/data/stories/harbour-reopens-in-excerpts.json' },
    ],
  };

  it('prints a line a check and a summary, and exits 0 when nothing failed', async () => {
    const out: string[] = [];
    const files = {
      index,
      'https://x.example/data/stories/harbour-reopens-in-excerpts.json': data('harbour-reopens-in-excerpts'),
    };
    expect(await verifySite('index', io(files, out), { originals: false })).toBe(0);
    expect(out[0]).toMatch(/^ok {3}quote ines-harbour-open \(harbour-reopens-in-excerpts\): a direct quote: verbatim/);
    expect(out.at(-1)).toBe(
      'All checks passed. quotes: 1 ok, 0 failed, 0 not checkable; sources: 0 ok, 0 failed, 1 not checkable.',
    );
  });

  it('exits 1 when a story’s data cannot be read or a check fails', async () => {
    const out: string[] = [];
    expect(await verifySite('index', io({ index }, out), { originals: false })).toBe(1);
    expect(out[0]).toBe(
      'FAIL data https://x.example/data/stories/harbour-reopens-in-excerpts.json (harbour-reopens-in-excerpts): could not be read: ENOENT',
    );
    const offline: string[] = [];
    const files = {
      index,
      'https://x.example/data/stories/harbour-reopens-in-excerpts.json': data('harbour-reopens-in-excerpts'),
    };
    expect(await verifySite('index', io(files, offline), { originals: true })).toBe(1);
    expect(offline.some((line) => line.startsWith('FAIL quote ines-harbour-open') && line.includes('offline'))).toBe(
      true,
    );
  });
});

describe('summarise and formatLine', () => {
  it('counts each kind of check by status', () => {
    const line = (status: Line['status'], what: Line['what']): Line => ({
      status,
      what,
      id: 'x',
      story: 's',
      reason: 'r',
    });
    expect(summarise([line('ok', 'quote'), line('FAIL', 'quote'), line('skip', 'source')])).toBe(
      '1 check FAILED. quotes: 1 ok, 1 failed, 0 not checkable; sources: 0 ok, 0 failed, 1 not checkable.',
    );
    expect(formatLine(line('FAIL', 'quote'))).toBe('FAIL quote x (s): r');
  });
});

describe('parseArguments', () => {
  it('takes one site or folder and --originals, and gives the usage for anything else', () => {
    expect(parseArguments(['dist/'])).toEqual({ site: 'dist/', originals: false });
    expect(parseArguments(['--originals', 'https://site.example/'])).toEqual({
      site: 'https://site.example/',
      originals: true,
    });
    expect(parseArguments([])).toHaveProperty('usage');
    expect(parseArguments(['dist/', 'more/'])).toHaveProperty('usage');
    expect(parseArguments(['dist/', '--fast'])).toHaveProperty('usage');
  });
});
