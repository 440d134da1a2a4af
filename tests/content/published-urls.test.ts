import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/lib/outputs/manifest';
import { CONTENT_DIR_VARIABLE } from '../../src/lib/content/folder';
import { formatRecord, parseRecord } from '../../src/lib/outputs/record';

/*
 * Published URLs never vanish: `astro build` on a fixture content folder, in sequence. First
 * `npm run urls:update` records its URLs; then a quote is removed and the build must fail, before it
 * writes anything, asking for its withdrawal; withdrawn, it builds, and the quote's old page and card say it
 * was withdrawn; a whole story removed fails naming its URLs, and with redirects declared it builds, with a
 * redirect page (meta refresh, canonical) and its files served at the old addresses. `urls:update`
 * also records what each quote says, and refuses to record a change the corrections log does not
 * account for (the cases of that check are tests/fixtures/bad-content/published-*). Not covered: that a reader
 * lands on the new page (tests/e2e/redirects.spec.ts follows a redirect in the browser) and the
 * site's own manifest being complete (tests/quality/urls.spec.ts).
 */

const work = 'node_modules/.cache/published-urls';
const content = join(work, 'content');
const dist = join(work, 'dist');

function build(update = false): { ok: boolean; output: string } {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      [CONTENT_DIR_VARIABLE]: content,
      OUT_DIR: dist,
      UPDATE_PUBLISHED_URLS: update ? '1' : '',
    },
  });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

describe('a published URL that the build no longer produces', () => {
  let manifest: string[];

  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    cpSync('tests/fixtures/content/minimal', content, { recursive: true });
    cpSync('tests/fixtures/bad-content/empty-story-builds/content', content, { recursive: true });
    const first = build(true);
    expect(first.ok, first.output).toBe(true);
    manifest = parseManifest(readFileSync(join(content, 'published-urls.txt'), 'utf8'));
  }, 120_000);

  it('is recorded by urls:update', () => {
    expect(manifest).toEqual(expect.arrayContaining(['/', '/stories/base-story/', '/stories/quiet-story/', '/data/stories/quiet-story.json']));
  });

  it('records what each published quote says, and urls:update will not record a silent change', () => {
    const recordFile = join(content, 'published-record.json');
    const record = parseRecord(readFileSync(recordFile, 'utf8'), recordFile);
    expect('record' in record && record.record['base-story']!.quotes['ann-direct']).toEqual({
      words: 'We will return to the table next week.',
      speaker: 'ann-example',
      name: 'Ann Example',
      role: 'Minister of Examples, Example Ministry',
      form: 'direct',
      medium: 'statement',
      said: '2024-01-08, inferred',
      translation: '',
    });
    const quote = join(content, 'stories/base-story/quotes/ann-direct.md');
    const original = readFileSync(quote, 'utf8');
    writeFileSync(quote, original.replace('the table next week.', 'the table'));
    const { ok, output } = build(true);
    writeFileSync(quote, original);
    expect(ok).toBe(false);
    expect(output).toContain('quote ann-direct, words: "We will return to the table next week." → "We will return to the table"');
    expect(readFileSync(recordFile, 'utf8'), 'the record is unchanged').toBe(formatRecord('record' in record ? record.record : {}));
  }, 120_000);

  it('fails the build before writing a page when a published quote is removed without a withdrawal', () => {
    rmSync(join(content, 'stories/base-story/quotes/ministry-reported.md'));
    const claim = join(content, 'stories/base-story/claims/talks-failed.md');
    writeFileSync(claim, readFileSync(claim, 'utf8').replace('quotes: [ministry-reported]', 'quotes: []'));
    rmSync(dist, { recursive: true, force: true });
    const { ok, output } = build();
    expect(ok).toBe(false);
    expect(output).toContain('Invalid content (1 problem)');
    expect(output).toContain('field `corrections` is "quote ministry-reported is gone"');
    expect(output).toContain('kind: withdrawn, quote: ministry-reported, was: { words: "The ministry said the talks had failed');
    expect(output).not.toContain('Stack trace');
    expect(existsSync(dist), 'nothing is written').toBe(false);
  }, 120_000);

  it('builds once the quote is withdrawn: its old page and card say so, and the story’s log shows what it said', () => {
    const story = join(content, 'stories/base-story/story.mdx');
    writeFileSync(
      story,
      readFileSync(story, 'utf8').replace(
        'updated: 2024-01-10\n',
        [
          'updated: 2024-01-11',
          'corrections:',
          '  - date: 2024-01-11',
          '    kind: withdrawn',
          '    quote: ministry-reported',
          '    was: { words: "The ministry said the talks had failed because no side would compromise.", name: "Example Ministry" }',
          '    note: The ministry says it made no such statement.',
          '',
        ].join('\n'),
      ),
    );
    const { ok, output } = build();
    expect(ok, output).toBe(true);
    const page = readFileSync(join(dist, 'stories/base-story/quotes/ministry-reported/index.html'), 'utf8');
    expect(page).toContain('This quote was withdrawn');
    expect(page).toContain('The ministry says it made no such statement.');
    expect(page).not.toContain('http-equiv="refresh"');
    const card = readFileSync(join(dist, 'stories/base-story/quotes/ministry-reported.png'));
    expect(card).not.toEqual(readFileSync(join(dist, 'stories/base-story/quotes/ann-direct.png')));
    const storyPage = readFileSync(join(dist, 'stories/base-story/index.html'), 'utf8');
    expect(storyPage).toContain('id="k-2024-01-11-quote-ministry-reported"');
    expect(storyPage).toContain('The ministry said the talks had failed because no side would compromise.');
  }, 120_000);

  it('fails naming every URL of a removed story, and builds once they are redirected', () => {
    rmSync(join(content, 'stories/quiet-story'), { recursive: true });
    const failed = build();
    expect(failed.ok).toBe(false);
    expect(failed.output).toContain('Invalid content (5 problems)');
    for (const url of [
      '/data/stories/quiet-story.json',
      '/stories/quiet-story/',
      '/stories/quiet-story/briefing/',
      '/stories/quiet-story/card.png',
      '/stories/quiet-story/feed.xml',
    ]) {
      expect(failed.output).toContain(`field \`published URL\` is "${url}"`);
    }

    writeFileSync(
      join(content, 'redirects.yaml'),
      [
          '/stories/quiet-story/:',
          '  to: /stories/base-story/',
          '  reason: The quiet story was folded into the base story.',
          '/stories/quiet-story/briefing/:',
          '  to: /stories/base-story/briefing/',
          '  reason: The quiet story was folded into the base story.',
          '/data/stories/quiet-story.json:',
          '  to: /data/stories/base-story.json',
          '  reason: The quiet story was folded into the base story.',
          '/stories/quiet-story/card.png:',
          '  to: /stories/base-story/card.png',
          '  reason: The quiet story was folded into the base story.',
          '/stories/quiet-story/feed.xml:',
          '  to: /stories/base-story/feed.xml',
          '  reason: The quiet story was folded into the base story.',
      ].join('\n'),
    );
    const { ok, output } = build();
    expect(ok, output).toBe(true);
    const page = readFileSync(join(dist, 'stories/quiet-story/index.html'), 'utf8');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/stories/base-story/">');
    expect(readFileSync(join(dist, 'data/stories/quiet-story.json'), 'utf8')).toBe(readFileSync(join(dist, 'data/stories/base-story.json'), 'utf8'));
    expect(readFileSync(join(dist, 'stories/quiet-story/card.png'))).toEqual(
      readFileSync(join(dist, 'stories/base-story/card.png')),
    );
    expect(readFileSync(join(dist, 'stories/quiet-story/feed.xml'), 'utf8')).toBe(
      readFileSync(join(dist, 'stories/base-story/feed.xml'), 'utf8'),
    );
    // The manifest did not change: nothing was removed from it, nothing needed adding.
    expect(parseManifest(readFileSync(join(content, 'published-urls.txt'), 'utf8'))).toEqual(manifest);
  }, 120_000);
});
