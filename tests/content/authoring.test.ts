import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/new';
import type { Prompter } from '../../src/cli/decide';
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

/** A terminal, scripted: each question whose message matches a pattern gets its answer; a text question else keeps its default, a choice takes its first option unless one is named. */
function terminal(texts: [RegExp, string][], choices: [RegExp, string][] = []) {
  const asked: string[] = [];
  const prompter: Prompter = {
    text(message, initial) {
      asked.push(message);
      return Promise.resolve(texts.find(([pattern]) => pattern.test(message))?.[1] ?? initial ?? '');
    },
    select(message, options) {
      asked.push(message);
      const label = choices.find(([pattern]) => pattern.test(message))?.[1];
      return Promise.resolve((options.find((o) => label !== undefined && o.label.startsWith(label)) ?? options[0]!).value);
    },
  };
  const runAsked = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await main(args, { contentDir: content, projectRoot: process.cwd(), out: (line) => lines.push(line), readStdin: () => Promise.resolve(''), prompter, today });
    return { code, output: lines.join('\n') };
  };
  return { asked, runAsked };
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

  it('writes a draft with --draft, which only the dev server and a preview build show', async () => {
    const draft = join(content, 'stories', 'a-draft');
    const { code } = await run('story', 'a-draft', '--text', join(work, 'seed.txt'), '--source-id', 'article', '--title', '[Article]', '--published', '2021-05-08', '--published-reasoning', 'The day after the Friday it reports.', '--draft', '--yes');
    expect(code).toBe(0);
    const file = readMarkdownFile('story.mdx', readFileSync(join(draft, 'story.mdx'), 'utf8'));
    rmSync(draft, { recursive: true });
    expect('data' in file && file.data).toEqual({ published: today, updated: today, draft: true });
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

  it('reads "Stanekzai" as the one named in full before it, and asks the medium, writing nothing until told', async () => {
    const words = 'the Taliban have no excuse to continue bloodshed';
    const asked = await run('quote', slug, words, '--yes', '--id', 'no-excuse');
    expect(asked.code).toBe(1);
    // Mohammad Masoom Stanekzai is named in full the paragraph before; the Taliban's Stanekzai only after.
    expect(asked.output).toContain('speaker: mohammad-masoom-stanekzai');
    expect(existsSync(join(story, 'quotes', 'no-excuse.md'))).toBe(false);
    // The article names a tweet of his the paragraph before, none near these words: the medium is asked.
    expect(asked.output).toContain('--medium <one of:');
    const told = await run('quote', slug, words, '--yes', '--id', 'no-excuse', '--medium', 'unstated');
    expect(told.code).toBe(0);
    expect(fields('quotes/no-excuse.md')).toMatchObject({
      speaker: 'mohammad-masoom-stanekzai',
      form: 'paraphrase',
      medium: 'unstated',
    });
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
    const claimArgs = ['claim', slug, 'the Taliban will protect foreign diplomats, journalists, and human rights activists', '--body', 'The Taliban will protect diplomats.', '--yes'];
    // "vowed that …": a promise, which nothing confirms yet; the editor chooses the status.
    const promise = await run(...claimArgs);
    expect(promise.code).toBe(1);
    expect(promise.output).toContain('a promise, which nothing can confirm yet');
    const claim = await run(...claimArgs, '--status', 'unverified');
    expect(claim.code).toBe(0);
    const eventArgs = ['event', slug, 'said US peace envoy in a tweet posted late on Friday', '--title', 'Khalilzad tweets a warning', '--body', 'He warns the Taliban.', '--yes'];
    // "US" within "US peace envoy": whether the United States took part is the editor's to say.
    const within = await run(...eventArgs);
    expect(within.code).toBe(1);
    expect(within.output).toContain('"US peace envoy" names united-states too');
    const event = await run(...eventArgs, '--actors', 'zalmay-khalilzad,united-states');
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

/*
 * A demonstration wire report written for these tests, dated Monday 2 March 2026 by its dateline
 * (day and month stated, the year ours), with the patterns the commands must not guess at: unnamed
 * speakers, competing figures, "next Tuesday" on a Monday, a date in the next sentence, an
 * expectation, remarks to reporters, an attribution with "according to", words in Persian.
 */
const wire = [
  'GENOA, March 2 (Demo Wire) - Dock workers walked out at the harbour on Monday.',
  'The union says more than 4,000 workers have joined the strike. The port authority put the number at 1,200.',
  'A senior port official, speaking on condition of anonymity, said the talks would resume next Tuesday.',
  'Ships are waiting outside the breakwater, according to the harbour office.',
  '“The strike is illegal,” Port Authority chief Anna Verdi told reporters.',
  '“We are ready to talk,” the union’s leader said. The strike began on 24 February.',
  'Officials expect the government to step in by the end of the month, the union’s leader said.',
  'Workers held a sign reading «بندر بسته است» (“The port is closed”).',
  'The union says the strike began on 23 February. The port authority says it began on 25 February.',
  'A court hearing on the strike, set for March 10, was postponed to March 24.',
  '',
].join('\n');
const strike = 'harbour-strike';
const strikeDir = join(content, 'stories', strike);
const strikeFields = (path: string) => {
  const file = readMarkdownFile(path, readFileSync(join(strikeDir, path), 'utf8'));
  if ('problem' in file) throw new Error(file.problem.expected);
  return file.data;
};
const organisation = (id: string, name: string, alias: string) => {
  writeFileSync(join(content, 'actors', `${id}.md`), `---\nname: ${name}\nkind: organisation\naliases: [${alias}]\n---\n${name}.\n`);
};

describe('npm run new on a wire report: nothing guessed, nothing written that the check refuses', () => {
  beforeAll(() => {
    organisation('dockers-union', 'Dockers’ Union', 'the union');
    organisation('port-authority', 'Port Authority', 'the port authority');
    organisation('harbour-office', 'Harbour Office', 'the harbour office');
    writeFileSync(join(work, 'wire.txt'), wire);
  });
  const story = (...extra: string[]) =>
    run('story', strike, '--text', join(work, 'wire.txt'), '--source-id', 'wire', '--title', '[Demo wire report]', '--published', '2026-03-02', ...extra, '--yes');

  it('refuses a publication date that does not say where it comes from, writing nothing', async () => {
    const { code, output } = await story();
    expect(code).toBe(1);
    expect(output).toContain('--published-in metadata | --published-stated-as');
    expect(existsSync(strikeDir)).toBe(false);
  });

  it('writes a publication date the dateline states in part, its year inferred', async () => {
    const { code } = await story('--published-stated-as', 'March 2', '--published-inferred-parts', 'year', '--published-reasoning', 'The dateline gives March 2; the year is that of the strike.');
    expect(code).toBe(0);
    expect(strikeFields('sources/wire.md').published).toMatchObject({ on: '2026-03-02', statedAs: 'March 2', provenance: 'inferred', inferredParts: ['year'] });
  });

  it('writes nothing the content check refuses, and says what to give', async () => {
    const { code, output } = await run('quote', strike, 'The strike is illegal', '--speaker', 'port-authority', '--medium', 'unstated', '--translation', 'The strike is illegal', '--id', 'illegal', '--yes');
    expect(code).toBe(1);
    expect(output).toMatch(/Not written: the content check refuses [^\n]*quotes\/illegal\.md[^]*field `translation`[^]*give: --translation/);
    expect(existsSync(join(strikeDir, 'quotes', 'illegal.md'))).toBe(false);
  });

  it('writes nothing into a folder the check refuses already, naming its problems', async () => {
    const broken = join(strikeDir, 'claims', 'broken.md');
    mkdirSync(join(strikeDir, 'claims'), { recursive: true });
    writeFileSync(broken, '---\nsource: wire\nstatus: rumoured\n---\nA claim.\n');
    const { code, output } = await run('quote', strike, 'The strike is illegal', '--speaker', 'port-authority', '--medium', 'unstated', '--id', 'illegal', '--yes');
    rmSync(broken);
    expect(code).toBe(1);
    expect(output).toMatch(/Not written: the content check fails before [^\n]*quotes\/illegal\.md[^]*claims\/broken\.md: field `status`/);
    expect(existsSync(join(strikeDir, 'quotes', 'illegal.md'))).toBe(false);
  });

  it('reads remarks to reporters as that medium, which the source states', async () => {
    const { output } = await run('quote', strike, 'The strike is illegal', '--yes');
    expect(output).toContain('medium: remarks to reporters');
  });

  it('writes a medium we infer with the words it rests on, and refuses words the source lacks', async () => {
    const args = ['quote', strike, 'The strike is illegal', '--speaker', 'port-authority', '--medium', 'press conference', '--id', 'illegal-told', '--yes'];
    const missing = await run(...args, '--medium-inferred-from', 'told the press');
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('mediumBasis.words');
    expect(missing.output).toContain('give: --medium-inferred-from');
    expect(existsSync(join(strikeDir, 'quotes', 'illegal-told.md'))).toBe(false);
    const { code } = await run(...args, '--medium-inferred-from', 'told reporters');
    expect(code).toBe(0);
    expect(strikeFields('quotes/illegal-told.md')).toMatchObject({
      medium: 'press conference',
      mediumBasis: { provenance: 'inferred', words: 'told reporters' },
    });
    rmSync(join(strikeDir, 'quotes', 'illegal-told.md'));
  });

  it('writes a claim held by someone the source does not name, described, tied to an organisation', async () => {
    const { code } = await run('claim', strike, 'the talks would resume next Tuesday', '--body', 'The talks resume soon.', '--unnamed-claimant', 'a senior port official, speaking on condition of anonymity', '--unnamed-affiliation', 'port-authority', '--id', 'resume-soon', '--yes');
    expect(code).toBe(0);
    expect(strikeFields('claims/resume-soon.md')).toMatchObject({
      claimants: [{ unnamed: { description: 'a senior port official, speaking on condition of anonymity', affiliation: 'port-authority' } }],
      status: 'reported',
    });
    rmSync(join(strikeDir, 'claims', 'resume-soon.md'));
    const unknown = await run('claim', strike, 'the talks would resume next Tuesday', '--body', 'The talks resume soon.', '--unnamed-claimant', 'a senior port official', '--unnamed-affiliation', 'port', '--id', 'resume-soon', '--yes');
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('give: --unnamed-affiliation');
    expect(existsSync(join(strikeDir, 'claims', 'resume-soon.md'))).toBe(false);
  });

  it('refuses in a script a claim its sentence gives to someone who is no actor, and asks a terminal who holds it', async () => {
    const args = ['claim', strike, 'the talks would resume next Tuesday', '--body', 'The talks resume soon.', '--id', 'resume-asked'];
    const refused = await run(...args, '--yes');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('--unnamed-claimant "<description>" [--unnamed-affiliation <organisation id>]');
    expect(existsSync(join(strikeDir, 'claims', 'resume-asked.md'))).toBe(false);
    const { asked, runAsked } = terminal([
      [/^claimants\.unnamed\.description/, 'a senior port official'],
      [/^claimants\.unnamed\.affiliation/, 'port-authority'],
    ]);
    const answered = await runAsked(...args);
    expect(answered.output).toContain('Wrote');
    expect(answered.code).toBe(0);
    expect(asked.some((m) => m.startsWith('claimants: who holds it?'))).toBe(true);
    expect(strikeFields('claims/resume-asked.md').claimants).toEqual([{ unnamed: { description: 'a senior port official', affiliation: 'port-authority' } }]);
    rmSync(join(strikeDir, 'claims', 'resume-asked.md'));
  });

  it("refuses in a script a competing account with no holder to suggest, and asks a terminal who gives it", async () => {
    const args = ['claim', strike, 'Dock workers walked out at the harbour on Monday', '--body', 'Who walked out.', '--id', 'walkout', '--version', 'Dock workers walked out at the harbour on Monday', '--version-text', 'Dock workers walked out.', '--version', 'The port authority put the number at 1,200', '--version-text', 'The port authority counts 1,200.'];
    const refused = await run(...args, '--yes');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('--version-claimants (after its --version) <actor ids> | --version-unnamed "<description>" | --version-source-voice');
    expect(existsSync(join(strikeDir, 'claims', 'walkout.md'))).toBe(false);
    const { asked, runAsked } = terminal([], [[/^versions\[0\]\.claimants:/, 'the source itself']]);
    const answered = await runAsked(...args);
    expect(answered.output).toContain('Wrote');
    expect(answered.code).toBe(0);
    expect(asked.some((m) => m.startsWith('versions[0].claimants: who gives this account?'))).toBe(true);
    const [first, second] = strikeFields('claims/walkout.md').versions as Record<string, unknown>[];
    expect(first).toMatchObject({ sourceVoice: true });
    expect(first).not.toHaveProperty('claimants');
    expect(second).toMatchObject({ claimants: ['port-authority'] });
    rmSync(join(strikeDir, 'claims', 'walkout.md'));
  });

  it('writes an unnamed speaker the text describes, never a new actor', async () => {
    const { code, output } = await run('quote', strike, 'the talks would resume next Tuesday', '--id', 'talks-resume', '--yes');
    expect(output).toContain('speaker: unnamed: a senior port official');
    expect(code).toBe(0);
    const quote = strikeFields('quotes/talks-resume.md');
    expect(quote).toMatchObject({ unnamed: { description: 'a senior port official' }, form: 'reported' });
    // "next Tuesday" is in the reported words: when the talks resume, not when the official spoke.
    expect(quote.said).toBeUndefined();
  });

  it('refuses "next Tuesday" on a Monday in a script, naming both readings, and takes the one chosen by flag', async () => {
    const args = ['event', strike, 'the talks would resume next Tuesday', '--title', 'The talks are to resume', '--status', 'scheduled', '--body', 'The talks resume.', '--id', 'talks', '--yes'];
    const asked = await run(...args);
    expect(asked.code).toBe(1);
    expect(asked.output).toMatch(/--on 2026-03-03 \(Tuesday 3 March 2026\) \| --on 2026-03-10 \(Tuesday 10 March 2026\)/);
    expect(existsSync(join(strikeDir, 'events', 'talks.md'))).toBe(false);
    const told = await run(...args, '--on', '2026-03-10');
    expect(told.code).toBe(0);
    expect(strikeFields('events/talks.md').when).toMatchObject({ on: '2026-03-10', statedAs: 'next Tuesday', provenance: 'inferred', relativeTo: '2026-03-02' });
  });

  it('offers both readings kept open, and writes them as an uncertain date that names them', async () => {
    const args = ['event', strike, 'the talks would resume next Tuesday', '--title', 'The talks are to resume', '--status', 'scheduled', '--body', 'The talks resume.', '--id', 'talks-open', '--yes'];
    const asked = await run(...args);
    expect(asked.code).toBe(1);
    expect(asked.output).toContain('--either 2026-03-03,2026-03-10 (both readings: either Tuesday 3 March 2026 or Tuesday 10 March 2026)');
    const told = await run(...args, '--either', '2026-03-03,2026-03-10');
    expect(told.code).toBe(0);
    const { when } = strikeFields('events/talks-open.md') as { when: { reasoning: string } };
    expect(when).toMatchObject({ earliest: '2026-03-03', latest: '2026-03-10', readings: ['2026-03-03', '2026-03-10'], statedAs: 'next Tuesday', provenance: 'inferred' });
    expect(when.reasoning).toContain('Tuesday 3 March 2026 or Tuesday 10 March 2026');
  });

  it('offers a date of the next sentence without taking it, and never takes an expectation as the day words were said', async () => {
    const unnamed = ['--unnamed', 'the union’s leader', '--affiliation', 'dockers-union'];
    const later = await run('quote', strike, 'We are ready to talk', ...unnamed, '--id', 'ready', '--yes');
    expect(later.code).toBe(1);
    expect(later.output).toContain('later sentence');
    expect(later.output).toContain('--on 2026-02-24');
    const unknown = await run('quote', strike, 'We are ready to talk', '--unnamed', 'the union’s leader', '--affiliation', 'dockers', '--id', 'ready', '--no-date', '--yes');
    expect(unknown.output).toContain('No organisation "dockers" among the actors');
    expect((await run('quote', strike, 'We are ready to talk', ...unnamed, '--id', 'ready', '--no-date', '--yes')).code).toBe(0);
    expect(strikeFields('quotes/ready.md')).toMatchObject({ unnamed: { description: 'the union’s leader', affiliation: 'dockers-union' } });
    const passage = 'Officials expect the government to step in by the end of the month';
    const expects = await run('quote', strike, 'The government should step in soon.', '--passage', passage, ...unnamed, '--id', 'expects', '--yes');
    expect(expects.code).toBe(0);
    expect(expects.output).toContain('"end of the month" is a limit or an expectation, not when the words were said');
    expect(strikeFields('quotes/expects.md')).toMatchObject({ form: 'paraphrase', passage });
    expect(strikeFields('quotes/expects.md').said).toBeUndefined();
  });

  it('suggests the holder "according to" names', async () => {
    const { code } = await run('claim', strike, 'Ships are waiting outside the breakwater', '--body', 'Ships wait outside.', '--id', 'ships', '--yes');
    expect(code).toBe(0);
    expect(strikeFields('claims/ships.md')).toMatchObject({ claimants: ['harbour-office'], status: 'reported' });
  });

  it('calls different figures from two holders competing accounts, and writes them as versions', async () => {
    const one = await run('claim', strike, 'more than 4,000 workers have joined the strike', '--body', 'How many joined.', '--id', 'turnout', '--yes');
    expect(one.code).toBe(1);
    expect(one.output).toMatch(/different figures from different holders[^]*--version/);
    // Contested is the reading suggested, but the accounts are the editor's: nothing is written without them.
    expect(one.output).toContain('status: contested');
    expect(one.output).toMatch(/Not written[^]*--version "<its words>" --version-text "<the account>"/);
    // A status other than contested says they are one account: no version is asked for.
    const single = await run(
      'claim', strike, 'more than 4,000 workers have joined the strike', '--body', 'How many joined.', '--id', 'turnout-one',
      '--status', 'reported', '--yes',
    );
    expect(single.output).not.toContain('--version-text');
    expect(single.code).toBe(0);
    expect(strikeFields('claims/turnout-one.md')).toMatchObject({ status: 'reported', claimants: ['dockers-union'] });
    rmSync(join(strikeDir, 'claims', 'turnout-one.md'));
    const two = await run(
      'claim', strike, 'more than 4,000 workers have joined the strike', '--body', 'How many joined.', '--id', 'turnout',
      '--version', 'The union says more than 4,000 workers have joined the strike', '--version-text', 'More than 4,000 workers joined.',
      '--version', 'The port authority put the number at 1,200', '--version-text', 'About 1,200 workers joined.',
      '--yes',
    );
    expect(two.code).toBe(0);
    const claim = strikeFields('claims/turnout.md');
    expect(claim).toMatchObject({
      status: 'contested',
      versions: [
        { text: 'More than 4,000 workers joined.', claimants: ['dockers-union'] },
        { text: 'About 1,200 workers joined.', claimants: ['port-authority'], passages: ['The port authority put the number at 1,200'] },
      ],
    });
    expect(claim.claimants).toBeUndefined();
    // An account resting on a quote alone: its words find its sentence, the quote there is suggested, no passage is written.
    const quote = await run('quote', strike, 'more than 4,000 workers have joined the strike', '--speaker', 'dockers-union', '--medium', 'unstated', '--no-date', '--id', 'union-4000', '--yes');
    expect(quote.code).toBe(0);
    const three = await run(
      'claim', strike, 'more than 4,000 workers have joined the strike', '--body', 'How many joined.', '--id', 'turnout-quoted', '--no-passage',
      '--version', 'more than 4,000 workers have joined the strike', '--version-no-passage', '--version-text', 'More than 4,000 workers joined.',
      '--version', 'The port authority put the number at 1,200', '--version-text', 'About 1,200 workers joined.',
      '--yes',
    );
    expect(three.code).toBe(0);
    const quoted = strikeFields('claims/turnout-quoted.md');
    expect(quoted.versions).toEqual([
      { text: 'More than 4,000 workers joined.', claimants: ['dockers-union'], quotes: ['union-4000'] },
      { text: 'About 1,200 workers joined.', claimants: ['port-authority'], passages: ['The port authority put the number at 1,200'] },
    ]);
    expect(quoted).not.toHaveProperty('quotes');
  });

  it('prints an empty list as --claims "" and reads none or "" as empty', async () => {
    const args = ['event', strike, 'Dock workers walked out at the harbour on Monday', '--title', 'Dock workers walk out', '--body', 'They walk out.', '--id', 'walkout'];
    const asked = await run(...args);
    expect(asked.code).toBe(1);
    expect(asked.output).toContain('--claims ""');
    expect(asked.output).not.toContain('--claims "none"');
    // "on Monday" in a Monday report under a dateline of that day is that day, as wire copy uses it.
    expect(asked.output).toContain('when: 2026-03-02 (inferred, "Monday")');
    const told = await run(...args, '--claims', 'none', '--quotes', '', '--yes');
    expect(told.code).toBe(0);
    const event = strikeFields('events/walkout.md');
    expect(event).not.toHaveProperty('claims');
    expect(event).not.toHaveProperty('quotes');
    expect(event.when).toMatchObject({ on: '2026-03-02', statedAs: 'Monday', provenance: 'inferred' });
    expect((event.when as { reasoning: string }).reasoning).toContain('under the dateline "GENOA, March 2 (Demo Wire)"');
  });

  it('writes a quote in another language with the translation its source publishes', async () => {
    const asked = await run('quote', strike, 'بندر بسته است', '--speaker', 'dockers-union', '--medium', 'unstated', '--no-date', '--id', 'sign', '--yes');
    expect(asked.code).toBe(1);
    expect(asked.output).toContain('--lang <BCP 47 tag> with --translation');
    const { code, output } = await run('quote', strike, 'بندر بسته است', '--speaker', 'dockers-union', '--form', 'direct', '--medium', 'unstated', '--no-date', '--lang', 'fa', '--translation', 'The port is closed', '--translation-source', 'wire', '--id', 'sign', '--yes');
    expect(output).toContain('Wrote');
    expect(code).toBe(0);
    expect(strikeFields('quotes/sign.md')).toMatchObject({ lang: 'fa', translation: { by: 'source', source: 'wire', words: 'The port is closed' } });
  });

  it('writes sameAs, refusing an event that does not exist', async () => {
    const args = ['event', strike, 'The strike began on 24 February', '--title', 'The strike begins', '--body', 'It begins.', '--actors', '', '--quotes', '', '--claims', '', '--id', 'strike-begins', '--yes'];
    const bad = await run(...args, '--same-as', 'envoy-warning/no-such-event');
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('give: --same-as');
    const good = await run(...args, '--same-as', 'envoy-warning/khalilzad-tweets-warning');
    expect(good.code).toBe(0);
    expect(strikeFields('events/strike-begins.md')).toMatchObject({ sameAs: ['envoy-warning/khalilzad-tweets-warning'] });
  });

  it('writes competing accounts of an event\'s date, each dated from its own words, and a postponed date', async () => {
    const none = ['--actors', '', '--quotes', '', '--claims', '', '--yes'];
    const began = await run(
      'event', strike, 'The union says the strike began on 23 February', '--title', 'The strike begins', '--body', 'It begins.', '--id', 'began',
      '--version', 'The union says the strike began on 23 February',
      '--version', 'The port authority says it began on 25 February',
      ...none,
    );
    expect(began.code).toBe(0);
    const event = strikeFields('events/began.md');
    expect(event).not.toHaveProperty('when');
    expect(event.versions).toMatchObject([
      { when: { on: '2026-02-23', statedAs: '23 February', inferredParts: ['year'] }, claimants: ['dockers-union'] },
      { when: { on: '2026-02-25', statedAs: '25 February' }, claimants: ['port-authority'] },
    ]);
    const hearing = await run(
      'event', strike, 'A court hearing on the strike, set for March 10', '--title', 'The hearing is postponed', '--body', 'It is postponed.', '--id', 'hearing',
      '--status', 'postponed', '--moved-to', 'postponed to March 24', ...none,
    );
    expect(hearing.code).toBe(0);
    expect(strikeFields('events/hearing.md')).toMatchObject({
      when: { on: '2026-03-10', statedAs: 'March 10' },
      status: 'postponed',
      movedTo: { on: '2026-03-24', statedAs: 'March 24', provenance: 'inferred', inferredParts: ['year'] },
    });
  });

  it('asks in a terminal whether competing figures are competing accounts, and writes the versions answered', async () => {
    // A terminal, scripted: each suggestion's default is kept, and these answers given where asked.
    const { asked, runAsked } = terminal([
      [/^versions\[0\]\.text/, 'More than 4,000 workers joined, the union says.'],
      [/^versions\[1\]\.text/, 'About 1,200 workers joined, the port authority says.'],
    ]);
    const { code, output } = await runAsked('claim', strike, 'more than 4,000 workers have joined the strike', '--body', 'How many joined.', '--id', 'turnout-asked');
    expect(output).toContain('Wrote');
    expect(code).toBe(0);
    expect(asked.some((m) => m.includes('competing accounts?'))).toBe(true);
    expect(strikeFields('claims/turnout-asked.md')).toMatchObject({
      status: 'contested',
      versions: [
        { text: 'More than 4,000 workers joined, the union says.', claimants: ['dockers-union'], passages: ['The union says more than 4,000 workers have joined the strike.'] },
        { text: 'About 1,200 workers joined, the port authority says.', claimants: ['port-authority'] },
      ],
    });
  });
});

describe('npm run new story: a correction the source makes to itself', () => {
  const corrected = [
    'PORT EXAMPLE, March 4 (Example Wire) - Harbour master Idris Example said 14 ships were waiting to enter the port.',
    '(This March 4 story was corrected on March 5. Corrects the number of ships to 14, from 40, in paragraph 1.)',
  ].join('\n');
  const noted = [
    'PORT EXAMPLE, March 4 (Example Wire) - Harbour master Idris Example said 14 ships were waiting to enter the port.',
    'An earlier version of this story misstated the number of ships.',
  ].join('\n');
  const story = async (name: string, text: string, ...extra: string[]) => {
    writeFileSync(join(work, `${name}.txt`), text);
    return run('story', name, '--text', join(work, `${name}.txt`), '--source-id', 'wire', '--title', '[Ships]', '--published', '2026-03-04', '--published-in', 'metadata', ...extra, '--yes');
  };
  const source = (name: string) => {
    const path = join(content, 'stories', name, 'sources', 'wire.md');
    const file = readMarkdownFile(path, readFileSync(path, 'utf8'));
    if ('problem' in file) throw new Error(file.problem.expected);
    return file.data;
  };

  it('writes the correction the line gives, what it corrected and from what words to what', async () => {
    const { code, output } = await story('ships-corrected', corrected, '--correction-date', '2026-03-05', '--correction-date-stated-as', 'March 5');
    expect(output).toContain('correction: Corrects the number of ships to 14, from 40, in paragraph 1.');
    expect(code).toBe(0);
    expect(source('ships-corrected').corrections).toEqual([
      {
        corrects: 'the number of ships',
        to: '14',
        from: '40',
        notice: 'Corrects the number of ships to 14, from 40, in paragraph 1.',
        date: { on: '2026-03-05', statedAs: 'March 5', provenance: 'stated' },
      },
    ]);
  });

  it('refuses, in a script, a correction line that does not give the corrected words, writing nothing', async () => {
    const { code, output } = await story('ships-noted', noted);
    expect(code).toBe(1);
    expect(output).toContain('--correction-to "<the corrected words>"');
    expect(existsSync(join(content, 'stories', 'ships-noted'))).toBe(false);
  });

  it('writes it once the editor gives the corrected words, and nothing the check refuses', async () => {
    const refused = await story('ships-noted', noted, '--correction-to', '40 ships');
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/field `corrections\[0\]\.to`[^]*give: --correction-to/);
    expect(existsSync(join(content, 'stories', 'ships-noted'))).toBe(false);
    const { code } = await story('ships-noted', noted, '--correction-to', '14 ships');
    expect(code).toBe(0);
    expect(source('ships-noted').corrections).toEqual([
      { corrects: 'the number of ships', to: '14 ships', notice: 'An earlier version of this story misstated the number of ships.' },
    ]);
  });

  it('asks a terminal for the corrected words the line does not give', async () => {
    writeFileSync(join(work, 'ships-asked.txt'), noted);
    const asked: string[] = [];
    const prompter: Prompter = {
      text(message, initial) {
        asked.push(message);
        return Promise.resolve(message.startsWith('correction-to') ? '14 ships' : (initial ?? ''));
      },
      select(message, options) {
        asked.push(message);
        return Promise.resolve(options[0]!.value);
      },
    };
    const code = await main(
      ['story', 'ships-asked', '--text', join(work, 'ships-asked.txt'), '--source-id', 'wire', '--title', '[Ships]', '--published', '2026-03-04', '--published-in', 'metadata'],
      { contentDir: content, projectRoot: process.cwd(), out: () => undefined, readStdin: () => Promise.resolve(''), prompter, today },
    );
    expect(code).toBe(0);
    expect(asked.some((message) => message.startsWith('correction-to (the correction line does not give the corrected words'))).toBe(true);
    expect(source('ships-asked').corrections).toEqual([
      { corrects: 'the number of ships', to: '14 ships', notice: 'An earlier version of this story misstated the number of ships.' },
    ]);
  });

  it('writes no correction where the text has none, or where the editor says so', async () => {
    expect((await story('ships-plain', noted.split('\n')[0]!)).code).toBe(0);
    expect(source('ships-plain')).not.toHaveProperty('corrections');
    expect((await story('ships-declined', corrected, '--no-correction')).code).toBe(0);
    expect(source('ships-declined')).not.toHaveProperty('corrections');
  });
});

/*
 * An event under way with a scheduled end, and an expectation someone holds, written by `new event`
 * on a report of their own: the end from the words that give it, who expects it never guessed (a
 * script must say; a terminal asks), and "by the end of the month" a bound, the month, not a set day.
 */
describe('npm run new on a strike under way: an end it is set to reach, and an expectation', () => {
  const rail = 'rail-strike';
  const railDir = join(content, 'stories', rail);
  const railFields = (path: string) => {
    const file = readMarkdownFile(path, readFileSync(join(railDir, path), 'utf8'));
    if ('problem' in file) throw new Error(file.problem.expected);
    return file.data;
  };
  const report = [
    'EXAMPLETOWN, March 4, 2026 (Demo Wire) - The national rail strike, which began on February 24, is set to last until March 10.',
    'Officials at the transport ministry expect the government to step in by the end of the month, one of them said, speaking on condition of anonymity.',
    '',
  ].join('\n');
  const none = ['--actors', '', '--quotes', '', '--claims', ''];

  beforeAll(async () => {
    writeFileSync(join(work, 'rail.txt'), report);
    const made = await run('story', rail, '--text', join(work, 'rail.txt'), '--source-id', 'wire', '--title', '[Demo rail report]', '--published', '2026-03-04', '--published-stated-as', 'March 4, 2026', '--yes');
    if (made.code !== 0) throw new Error(made.output);
  });

  it('writes an event under way from the day it began, and the day it is set to end from its own words', async () => {
    const { code, output } = await run(
      'event', rail, 'which began on February 24', '--title', 'The rail strike', '--body', 'It goes on.', '--id', 'strike',
      '--status', 'under-way', '--until', 'is set to last until March 10', ...none, '--yes',
    );
    expect(output).toContain('Wrote');
    expect(code).toBe(0);
    expect(railFields('events/strike.md')).toMatchObject({
      status: 'under-way',
      when: { on: '2026-02-24', statedAs: 'February 24', provenance: 'inferred', inferredParts: ['year'] },
      until: { on: '2026-03-10', statedAs: 'March 10', provenance: 'inferred', inferredParts: ['year'] },
    });
  });

  it('refuses an end on an event that is not under way, writing nothing', async () => {
    const { code, output } = await run(
      'event', rail, 'which began on February 24', '--title', 'The rail strike', '--body', 'It goes on.', '--id', 'strike-ended',
      '--until', 'is set to last until March 10', ...none, '--yes',
    );
    expect(code).toBe(1);
    expect(output).toMatch(/field `until`[^]*give: --until/);
    expect(existsSync(join(railDir, 'events', 'strike-ended.md'))).toBe(false);
  });

  const expects = ['event', rail, 'expect the government to step in by the end of the month', '--title', 'The government steps in', '--body', 'Expected.', '--status', 'expected', ...none];

  it('refuses in a script an expectation whose holder is not given, and writes it as a bound when told', async () => {
    const asked = await run(...expects, '--id', 'steps-in', '--yes');
    expect(asked.code).toBe(1);
    expect(asked.output).toContain('--expected-by <actor ids> | --expected-by-unnamed "<description>" | --expected-by-source-voice');
    expect(existsSync(join(railDir, 'events', 'steps-in.md'))).toBe(false);
    const { code, output } = await run(...expects, '--id', 'steps-in', '--expected-by-unnamed', 'officials at the transport ministry', '--yes');
    expect(output).toContain('expectation.timing: by');
    expect(code).toBe(0);
    expect(railFields('events/steps-in.md')).toMatchObject({
      status: 'expected',
      when: { on: '2026-03', statedAs: 'end of the month', provenance: 'inferred' },
      expectation: { unnamed: { description: 'officials at the transport ministry' }, timing: 'by' },
    });
  });

  it('asks in a terminal who expects it', async () => {
    const prompter: Prompter = {
      text: (message, initial) =>
        Promise.resolve(message === 'expectation.unnamed.description' ? 'officials at the transport ministry' : (initial ?? '')),
      select: (_message, options) => Promise.resolve(options[0]!.value),
    };
    const lines: string[] = [];
    const code = await main([...expects, '--id', 'steps-in-asked'], {
      contentDir: content,
      projectRoot: process.cwd(),
      out: (line) => lines.push(line),
      readStdin: () => Promise.resolve(''),
      prompter,
      today,
    });
    expect(lines.join('\n')).toContain('Wrote');
    expect(code).toBe(0);
    expect(railFields('events/steps-in-asked.md').expectation).toMatchObject({
      unnamed: { description: 'officials at the transport ministry' },
    });
  });
});

/*
 * A second demonstration report, for dates the source does not pin down: an event it gives only an
 * order for ("before the vote"), a new date with no day ("until after Ramadan"), and "next Tuesday"
 * on a Monday kept as both readings.
 */
const voteWire = [
  'LISBON, March 2 (Demo Wire) - Dock workers will vote on the strike next Tuesday, the union said on Monday.',
  'Before the vote, union leaders met officials of the ministry, the union said.',
  'A rally set for March 5 was postponed until after Ramadan.',
  '',
].join('\n');
const vote = 'vote-order';
const voteDir = join(content, 'stories', vote);
const voteFields = (path: string) => {
  const file = readMarkdownFile(path, readFileSync(join(voteDir, path), 'utf8'));
  if ('problem' in file) throw new Error(file.problem.expected);
  return file.data;
};

describe('npm run new on dates the source does not pin down', () => {
  beforeAll(async () => {
    writeFileSync(join(work, 'vote-wire.txt'), voteWire);
    const made = await run('story', vote, '--text', join(work, 'vote-wire.txt'), '--source-id', 'wire', '--title', '[Demo wire report]', '--published', '2026-03-02', '--published-stated-as', 'March 2', '--published-inferred-parts', 'year', '--published-reasoning', 'The dateline gives March 2; the year is that of the strike.', '--yes');
    expect(made.code).toBe(0);
  });
  const event = (words: string, id: string, ...extra: string[]) =>
    run('event', vote, words, '--title', id, '--body', 'What happened.', '--actors', '', '--quotes', '', '--claims', '', '--id', id, ...extra, '--yes');

  it('writes an event placed only by order, with no date, once the source words for the order are given', async () => {
    expect((await event('will vote on the strike next Tuesday', 'vote', '--status', 'scheduled', '--either', '2026-03-03,2026-03-10')).code).toBe(0);
    const bare = await event('union leaders met officials of the ministry', 'met', '--before', 'vote');
    expect(bare.code).toBe(1);
    expect(bare.output).toContain('--order-stated-as');
    expect(existsSync(join(voteDir, 'events', 'met.md'))).toBe(false);
    const placed = await event('union leaders met officials of the ministry', 'met', '--before', 'vote', '--order-stated-as', 'Before the vote');
    expect(placed.code).toBe(0);
    const met = voteFields('events/met.md');
    expect(met).toMatchObject({ order: { before: { event: 'vote' }, statedAs: 'Before the vote' } });
    expect(met.when).toBeUndefined();
    // A bound that names no event of the story is refused by the content check, and nothing is written.
    const unknown = await event('union leaders met officials of the ministry', 'met-2', '--before', 'the-vote', '--order-stated-as', 'Before the vote');
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('field `order.before.event` is "the-vote"');
    expect(existsSync(join(voteDir, 'events', 'met-2.md'))).toBe(false);
  });

  it('refuses in a script an event with neither a date nor an order, and asks a terminal for the order and its words', async () => {
    const refused = await event('union leaders met officials of the ministry', 'met-asked');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('--before <event id or date> [--after <event id or date>] --order-stated-as');
    expect(existsSync(join(voteDir, 'events', 'met-asked.md'))).toBe(false);
    const { asked, runAsked } = terminal([
      [/^order\.before/, 'vote'],
      [/^order\.statedAs/, 'Before the vote'],
    ]);
    const answered = await runAsked('event', vote, 'union leaders met officials of the ministry', '--title', 'They met', '--body', 'They met.', '--actors', '', '--quotes', '', '--claims', '', '--id', 'met-asked');
    expect(answered.output).toContain('Wrote');
    expect(answered.code).toBe(0);
    expect(asked.some((m) => m.startsWith('when:') && m.includes('only an order?'))).toBe(true);
    const met = voteFields('events/met-asked.md');
    expect(met).toMatchObject({ order: { before: { event: 'vote' }, statedAs: 'Before the vote' } });
    expect(met.when).toBeUndefined();
    expect(met.order).not.toHaveProperty('after');
  });

  it('asks a terminal for the bound and reasoning of a new date with no day', async () => {
    const { runAsked } = terminal(
      [
        [/^movedTo\.notAfter/, '2026-04-30'],
        [/^movedTo\.reasoning/, 'Ramadan 2026 is expected to end on 19 March; the source says no later.'],
      ],
      [[/^movedTo:/, 'not after']],
    );
    const answered = await runAsked('event', vote, 'A rally set for March 5 was postponed', '--title', 'Rally', '--body', 'Postponed.', '--actors', '', '--quotes', '', '--claims', '', '--id', 'rally-asked', '--status', 'postponed', '--moved-to', 'until after Ramadan');
    expect(answered.output).toContain('Wrote');
    expect(answered.code).toBe(0);
    expect(voteFields('events/rally-asked.md').movedTo).toEqual({
      statedAs: 'until after Ramadan',
      notAfter: '2026-04-30',
      reasoning: 'Ramadan 2026 is expected to end on 19 March; the source says no later.',
    });
  });

  it('keeps a new date with no day as the source words with our bound, and says how when it is missing', async () => {
    const args = ['A rally set for March 5 was postponed', 'rally', '--status', 'postponed', '--moved-to', 'until after Ramadan'] as const;
    const asked = await event(...args);
    expect(asked.code).toBe(1);
    expect(asked.output).toContain('--moved-not-before <date>');
    const told = await event(...args, '--moved-not-before', '2026-03-20', '--moved-reasoning', 'Ramadan 2026 is expected to end on 19 March.');
    expect(told.code).toBe(0);
    expect(voteFields('events/rally.md').movedTo).toEqual({
      statedAs: 'until after Ramadan',
      notBefore: '2026-03-20',
      reasoning: 'Ramadan 2026 is expected to end on 19 March.',
    });
  });
});
