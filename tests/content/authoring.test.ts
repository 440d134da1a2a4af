import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/new';
import { readMarkdownFile } from '../../src/lib/content/frontmatter';
import { CONTENT_DIR_VARIABLE } from '../../src/lib/content/folder';
import { TODAY_VARIABLE } from '../../src/lib/model/calendar';

/*
 * The authoring commands, run non-interactively on the seed article's text in a content folder of
 * their own (the project's actors, nothing else), as an editor's script would: the files they write
 * must pass `astro sync`, the command behind `npm run check:content`, once the story's own fields
 * are written. The commands run in this process (loading Astro's sync once costs more than all of
 * them); the npm script itself runs once, on `new story` with the text on standard input.
 */

const work = resolve('node_modules/.cache/authoring');
const content = join(work, 'content');
const slug = 'envoy-warning';
const story = join(content, 'stories', slug);
const seedPath = 'content/stories/khalilzad-warns-taliban/sources/seed-article.md';
const seed = readMarkdownFile(seedPath, readFileSync(seedPath, 'utf8'));
if ('problem' in seed) throw new Error(seed.problem.expected);

/** The day the commands take as today: a fixed input, never the clock (CI runs on a later day). */
const today = '2026-11-28';

async function run(...args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await main(args, {
    contentDir: content,
    projectRoot: process.cwd(),
    out: (line) => lines.push(line),
    readStdin: () => Promise.resolve(''),
    today,
  });
  return { code, output: lines.join('\n') };
}

const fields = (path: string) => {
  const file = readMarkdownFile(path, readFileSync(join(story, path), 'utf8'));
  if ('problem' in file) throw new Error(file.problem.expected);
  return file.data;
};

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  cpSync('content/actors', join(content, 'actors'), { recursive: true });
  writeFileSync(join(work, 'seed.txt'), seed.body);
  // The npm script, as an editor runs it: the source text piped in.
  execFileSync('npm', ['run', '-s', 'new', '--', 'story', slug, '--source-id', 'article', '--title', '[Article]', '--published', '2021-05-08', '--published-reasoning', 'The day after the Friday it reports.'], {
    input: seed.body,
    env: { ...process.env, [CONTENT_DIR_VARIABLE]: content, NO_COLOR: '1', [TODAY_VARIABLE]: today },
  });
}, 30_000);

describe('npm run new', () => {
  it('writes the story skeleton and the source verbatim, leaving the fields the check names', async () => {
    expect(readFileSync(join(story, 'sources', 'article.md'), 'utf8').endsWith(`---\n${seed.body}`)).toBe(true);
    expect(fields('story.mdx')).toEqual({ published: today, updated: today });
    const again = await run('quote', slug, 'Republic political unity is a must', '--id', 'probe', '--speaker', 'zalmay-khalilzad', '--yes');
    expect(again.output).toMatch(/Still to write[^]*story\.mdx: `title`[^]*`dek`[^]*`bottomLine`/);
    rmSync(join(story, 'quotes', 'probe.md'));
  });

  it('writes a direct quote with every suggestion accepted', async () => {
    const { code, output } = await run(
      'quote',
      slug,
      'If the Taliban do not choose peace, a future based on consensus and compromise, then we will stand with Afghans who strive to keep the Republic intact.',
      '--yes',
    );
    expect(output).toContain('Content check: no other problem.');
    expect(code).toBe(0);
    expect(fields('quotes/khalilzad-taliban-choose-peace.md')).toMatchObject({
      speaker: 'zalmay-khalilzad',
      form: 'direct',
      medium: 'tweet',
      said: { on: '2021-05-07', statedAs: 'late on Friday', provenance: 'inferred', relativeTo: '2021-05-08' },
    });
  });

  it('refuses words not in the source, naming the closest passage', async () => {
    const { code, output } = await run('quote', slug, 'the Taliban will protect all foreign diplomats', '--yes');
    expect(code).toBe(1);
    expect(output).toMatch(/Not in the source verbatim:[^]*closest passage/);
  });

  it('asks which Stanekzai, writing nothing until told', async () => {
    const words = 'the Taliban have no excuse to continue bloodshed';
    const asked = await run('quote', slug, words, '--yes', '--id', 'no-excuse');
    expect(asked.code).toBe(1);
    expect(asked.output).toContain('--speaker <one of: mohammad-masoom-stanekzai | sher-mohammad-abbas-stanekzai>');
    expect(existsSync(join(story, 'quotes', 'no-excuse.md'))).toBe(false);
    // The article names a tweet and a statement elsewhere, none near these words: the medium is asked too.
    expect(asked.output).toContain('--medium <one of:');
    const told = await run(
      'quote',
      slug,
      words,
      '--yes',
      '--id',
      'no-excuse',
      '--speaker',
      'mohammad-masoom-stanekzai',
      '--medium',
      'unstated',
    );
    expect(told.code).toBe(0);
    expect(fields('quotes/no-excuse.md')).toMatchObject({ form: 'paraphrase', medium: 'unstated' });
  });

  it('writes a paraphrase with its passage, a reported quote, a new actor, a claim and an event', async () => {
    const paraphrase = await run(
      'quote',
      slug,
      'The Taliban will protect foreign diplomats, journalists and human rights activists.',
      '--passage',
      'vowed that the Taliban will protect foreign diplomats, journalists, and human rights activists',
      '--yes',
      '--id',
      'protect-diplomats',
    );
    expect(paraphrase.code).toBe(0);
    expect(fields('quotes/protect-diplomats.md')).toMatchObject({
      speaker: 'sher-mohammad-abbas-stanekzai',
      form: 'paraphrase',
      medium: 'virtual meeting',
      said: { earliest: '2021-04-26', latest: '2021-05-02', statedAs: 'last week' },
    });
    const reported = await run(
      'quote',
      slug,
      'The Taliban should immediately end their campaigns of targeting civil society activists, religious scholars, journalists, and media employees, human rights activists, healthcare personnel, judicial employees, and other civilians',
      '--new-actor',
      'Joint Statement Signatories',
      '--kind',
      'organisation',
      '--on',
      '2021-05-07',
      '--stated-as',
      'May 07',
      '--provenance',
      'inferred',
      '--inferred-parts',
      'year',
      '--reasoning',
      'The article gives the day and month; the year is that of its publication.',
      '--yes',
      '--id',
      'end-targeting',
    );
    expect(reported.code).toBe(0);
    expect(fields('quotes/end-targeting.md')).toMatchObject({ speaker: 'joint-statement-signatories', form: 'reported', medium: 'statement' });
    const claim = await run('claim', slug, 'the Taliban will protect foreign diplomats, journalists, and human rights activists', '--body', 'The Taliban will protect diplomats.', '--yes');
    expect(claim.code).toBe(0);
    const event = await run('event', slug, 'said US peace envoy in a tweet posted late on Friday', '--title', 'Khalilzad tweets a warning', '--body', 'He warns the Taliban.', '--yes');
    expect(event.output).toContain('Content check: no other problem.');
    expect(fields('events/khalilzad-tweets-warning.md')).toMatchObject({
      when: { on: '2021-05-07' },
      quotes: ['khalilzad-taliban-choose-peace'],
    });
  });

  it('writes files that pass the content check once the story is written', () => {
    const skeleton = readFileSync(join(story, 'story.mdx'), 'utf8');
    writeFileSync(join(story, 'story.mdx'), skeleton.replace('---\n', '---\ntitle: The envoy\'s warning\ndek: What was said.\nbottomLine: [A warning.]\n'));
    const output = execFileSync(process.execPath, ['tests/content/sync-folders.ts', content], {
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(JSON.parse(output)).toEqual({ dir: content, error: null });
  }, 30_000);
});
