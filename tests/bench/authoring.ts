/**
 * How much of a story the authoring commands write right from its text alone (`npm run bench:authoring`):
 * prints figures, asserts nothing, never part of `npm test`.
 *
 * For each text below, in a temporary content folder holding only the actors the story needs, it
 * re-creates the story's hand-written files with `npm run new`, non-interactively with `--yes`: the
 * source (`story`), every quote, every claim, then every event, giving by flag only what an editor
 * must type (the quote's words, a paraphrase's passage, an attribution, a claim's or an event's
 * words and body, an event's title, the source's details). Each field of each written file is compared
 * with the hand-written one (./authoringFields.ts):
 *
 *   suggested   the tool's suggestion, accepted unchanged, is the expected value;
 *   typed       given by flag: the editor's own words, left out by the tool (it said it had none), or
 *               asked for: where a run writes nothing, the fields it asks for by flag, or the content
 *               check refuses the file for, are given as the expected file has them and it runs again;
 *   wrong       a suggestion `--yes` accepted that differs from the expected file or is not in it;
 *   unwritable  an expected field the command does not write, however its flags are given, or a field
 *               the expected file has not that the command writes all the same.
 *
 * A date's `reasoning` is prose the tool drafts for the editor to confirm; it is counted apart. Then
 * the file is written again with every wrong or missing field given by the flags the commands take
 * for it (`flagsFor`: repeated `--version` groups for competing accounts, `--unnamed` with
 * `--affiliation`, `--translation` with `--translation-source`, …), which must write it: what is still
 * absent or different is unwritable. Then the expected file is put in its place, so that later
 * commands (events citing claims citing quotes) build on the expected values.
 *
 * With `--misses` (`npm run bench:authoring -- --misses`) it lists every leaf counted typed that is not
 * the editor's own words: asked for, or left out by the tool, with the expected value and the line the
 * tool printed for that field on its first run. Listing them changes no count.
 *
 * The texts: the seed story's article, and a demonstration wire report written for this benchmark,
 * with its files written by hand before the tool was run on it (tests/bench/authoring/, a content
 * folder of its own, which the site does not publish).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { runnerImport } from 'vite';
import { formatTable } from '../budgets/weight.ts';
import {
  kebab,
  accountWords,
  askedFields,
  fieldOf,
  flagsFor,
  leaves,
  tally,
  type Command,
  type Fields,
  type Flag,
  type Tally,
} from './authoringFields.ts';

type Cli = typeof import('../../src/cli/new.ts');
type Frontmatter = typeof import('../../src/lib/content/frontmatter.ts');

/** A text to re-create: where its hand-written story is, and what only an editor can say about it. */
interface Text {
  /** The story's slug: its folder under `<content>/stories/`. */
  slug: string;
  /** The content folder holding the hand-written story (one source) and, under `actors/`, every actor it names. */
  content: string;
  /** The words an editor gives `new event` to find each event's sentence, by event id. */
  eventWords: Record<string, string>;
}

const TEXTS: Text[] = [
  {
    slug: 'khalilzad-warns-taliban',
    content: 'content',
    eventWords: {
      'abbas-stanekzai-virtual-meeting': 'while speaking at a virtual meeting last week',
      'doha-deal-signed': 'the US signed a peace deal with the Taliban in late February 2020',
      'istanbul-talks-scheduled-date': 'scheduled to take place in Istanbul, Turkey on April 24',
      'joint-statement-issued': 'In a joint statement issued by US-European Communique, on May 07',
      'khalilzad-tweet': 'said US peace envoy in a tweet posted late on Friday',
      'masoom-stanekzai-tweet': 'In a tweet posted on May 07, Mohammad Masoom Stanekzai',
      'taliban-refuse-istanbul-talks': 'In late April, the Taliban refused to attend',
    },
  },
  {
    slug: 'portugal-rail-strike',
    content: 'tests/bench/authoring/portugal-rail-strike',
    eventWords: {
      'strike-begins': 'which began on Monday',
      'strike-due-to-end': 'is due to end on May 9',
      'vasconcelos-news-conference': 'speaking at a news conference on Tuesday evening',
      'talks-next-week': 'Talks between the union and the ministry are scheduled for next week',
      'union-deadline': 'The union has given the government until mid-May to table a new offer',
      'march-stoppages': 'A first wave of stoppages, from March 10 to March 14',
      'ferrovias-statement': 'Ferrovias Nacionais said in a statement on Wednesday',
    },
  },
];

/** The commands' day: the stories' own publication day. */
const TODAY = '2026-11-28';

const root = process.cwd();
const load = async <T>(path: string) =>
  (await runnerImport<T>(join(root, path), { configFile: false, logLevel: 'silent' })).module;
const { main } = await load<Cli>('src/cli/new.ts');
const { readMarkdownFile } = await load<Frontmatter>('src/lib/content/frontmatter.ts');

const read = (path: string) => {
  const file = readMarkdownFile(path, readFileSync(path, 'utf8'));
  if ('problem' in file) throw new Error(`${path}: ${file.problem.expected}`);
  return { data: file.data, body: file.body.trim(), text: file.body };
};

/** The flags a command is run with, by the field each gives: a field given again replaces its flags. */
type Given = Map<string, Flag[]>;

interface Row extends Tally {
  file: string;
  /** Fields the tool asked for rather than guess, or the content check refused the file for (counted in `typed`). */
  asked: string[];
  /** Whether the file written with every fix equals the expected one, reasonings and body included. */
  equal: boolean;
  /** What the command printed when even the run with every field given wrote nothing. */
  refused?: string | undefined;
  /** Each typed leaf not the editor's own words, with the expected value and what the first run wrote: what is left to suggest. */
  misses: string[];
}

/** Re-creates one text's story with the commands and measures every file. */
async function benchmark(text: Text): Promise<Row[]> {
  const expectedDir = join(root, text.content, 'stories', text.slug);
  const temp = mkdtempSync(join(tmpdir(), 'authoring-'));
  const work = join(temp, 'content');
  cpSync(join(root, text.content, 'actors'), join(work, 'actors'), { recursive: true });
  const storyDir = join(work, 'stories', text.slug);
  const expected = (kind: string, id: string) => read(join(expectedDir, kind, `${id}.md`));
  const ids = (kind: string) =>
    readdirSync(join(expectedDir, kind))
      .map((f) => f.replace(/\.md$/, ''))
      .sort();
  const quoteWords = (id: string) => {
    const quote = expected('quotes', id);
    return (quote.data.passage as string | undefined) ?? quote.body;
  };

  /** Runs a command with `--yes`; what it printed. */
  async function run(command: string[], given: Given): Promise<string> {
    const lines: string[] = [];
    await main([...command, ...[...given.values()].flat(2), '--yes'], {
      contentDir: work,
      projectRoot: root,
      out: (line) => lines.push(line),
      readStdin: () => Promise.resolve(''),
      today: TODAY,
    });
    const output = lines.join('\n');
    // The folder holds the expected files of everything before: a refusal of it is the benchmark's fault.
    if (output.includes('the content check fails before')) throw new Error(`${text.slug}: ${output}`);
    return output;
  }

  /** Runs a command, dropping each flag it does not know (the field it gives stays unwritten); returns the flags it took. */
  async function attempt(command: string[], given: Given): Promise<{ output: string; given: Given }> {
    for (;;) {
      const output = await run(command, given);
      const unknown = /Unknown option '(--[^']+)'/.exec(output)?.[1];
      if (unknown === undefined || ![...given.values()].flat().some(([name]) => name === unknown))
        return { output, given };
      given = new Map([...given].map(([field, flags]) => [field, flags.filter(([name]) => name !== unknown)]));
    }
  }

  const rows: Row[] = [];
  /**
   * Writes one file with `command`, giving the `typed` fields by flag, then, while it writes nothing,
   * every field it asks for (or the check refuses it for); measures it against the expected file;
   * writes it again with every wrong or missing field given (after removing `written`, the file, or
   * the folder the command makes); then puts the expected file in its place.
   */
  async function measure(
    kind: string,
    id: string,
    command: string[],
    typed: string[],
    { ownDate, written = join(storyDir, kind, `${id}.md`) }: { ownDate?: string; written?: string } = {},
  ): Promise<void> {
    const want = expected(kind, id);
    const path = join(storyDir, kind, `${id}.md`);
    const context: Command = { ownDate, quoteWords };
    const give = (field: string) => flagsFor(field, want.data[field], context);
    let first = await attempt(command, new Map(typed.map((field) => [field, give(field)])));
    // What the tool said of each field before anything it asked for was given: how a miss came about.
    const initial = first.output.split('\n');
    const said = (field: string) =>
      initial.find((line) => line.startsWith(`  ${field}: `))?.trim() ??
      initial.find((line) => line.includes(`--${kebab(field)}`))?.trim();
    const asked: string[] = [];
    while (!existsSync(path)) {
      const more = askedFields(first.output, context).filter(
        (field) => !first.given.has(field) && give(field).length > 0,
      );
      if (more.length === 0) break;
      asked.push(...more);
      first = await attempt(command, new Map([...first.given, ...more.map((field) => [field, give(field)] as const)]));
    }
    const firstData: Fields = existsSync(path) ? read(path).data : {};
    const mine = leaves(firstData);
    const theirs = leaves(want.data);
    const fixes = new Set<string>();
    for (const leaf of new Set([...mine.keys(), ...theirs.keys()]))
      if (mine.get(leaf) !== theirs.get(leaf)) fixes.add(fieldOf(leaf));
    rmSync(written, { recursive: true, force: true });
    const final = await attempt(command, new Map([...first.given, ...[...fixes].map((f) => [f, give(f)] as const)]));
    const finalFile = existsSync(path) ? read(path) : undefined;
    const counted = tally(theirs, mine, leaves(finalFile?.data ?? {}), [...typed, ...asked]);
    rows.push({
      file: `${kind}/${id}`,
      ...counted,
      asked,
      misses: counted.typed
        .filter((leaf) => !typed.includes(fieldOf(leaf)))
        .map(
          (leaf) =>
            `${leaf}: ${asked.includes(fieldOf(leaf)) ? 'asked' : 'left out'}; expected ${theirs.get(leaf)}; the tool: ${said(fieldOf(leaf)) ?? 'nothing'}`,
        ),
      equal:
        finalFile !== undefined && isDeepStrictEqual(leaves(finalFile.data), theirs) && finalFile.body === want.body,
      refused: finalFile === undefined ? final.output : undefined,
    });
    if (finalFile === undefined && kind === 'sources')
      throw new Error(
        `${text.slug}: the story command wrote nothing, so nothing else can be measured:\n${final.output}`,
      );
    mkdirSync(dirname(path), { recursive: true });
    cpSync(join(expectedDir, kind, `${id}.md`), path);
  }

  const [sourceId, ...more] = ids('sources');
  if (sourceId === undefined || more.length > 0)
    throw new Error(`${text.slug}: the benchmark re-creates a story from one source, not ${more.length + 1}`);
  const source = expected('sources', sourceId);
  const textFile = join(temp, 'source.txt');
  writeFileSync(textFile, source.text);
  // The tool suggests nothing about a source: every field is the editor's.
  await measure(
    'sources',
    sourceId,
    ['story', text.slug, '--text', textFile, '--source-id', sourceId],
    Object.keys(source.data),
    { written: storyDir },
  );

  for (const id of ids('quotes')) {
    const quote = expected('quotes', id);
    const typed = ['passage', 'attribution'].filter((field) => field in quote.data);
    await measure('quotes', id, ['quote', text.slug, quote.body, '--id', id], typed, { ownDate: 'said' });
  }

  // A claim is found by its passage, given as the command's words (or declined by `--no-passage`); one
  // with none by its first account's.
  for (const id of ids('claims')) {
    const claim = expected('claims', id);
    const accounts = [claim.data, ...((claim.data.versions as Fields[] | undefined) ?? [])];
    await measure(
      'claims',
      id,
      ['claim', text.slug, accountWords(accounts, quoteWords), '--id', id, '--body', claim.body],
      ['passages'],
    );
  }

  for (const id of ids('events')) {
    const words = text.eventWords[id];
    if (words === undefined) throw new Error(`${text.slug}: no words declared to find the event "${id}"`);
    const event = expected('events', id);
    await measure('events', id, ['event', text.slug, words, '--id', id, '--body', event.body], ['title'], {
      ownDate: 'when',
    });
  }
  rmSync(temp, { recursive: true, force: true });
  return rows;
}

/** The figures of a set of rows. */
function figures(rows: Row[]) {
  const total = (pick: (row: Row) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const suggested = total((r) => r.suggested.length);
  const typed = total((r) => r.typed.length);
  const unwritable = total((r) => r.unwritable.length);
  // The fields of the expected files; an extra one the tool wrote is a wrong suggestion, one it cannot
  // leave out an unwritable one, neither a field.
  const fields = suggested + typed + unwritable + total((r) => r.wrong.length);
  return {
    fields,
    suggested,
    typed,
    asked: total((r) => r.asked.length),
    wrong: total((r) => r.wrong.length + r.extra.length),
    unwritable: unwritable + total((r) => r.forced.length),
    drafted: total((r) => r.drafted),
    share: fields === 0 ? 0 : Math.round((100 * suggested) / fields),
    equal: rows.every((r) => r.equal),
  };
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const summary: (string | number)[][] = [];
const all: Row[] = [];
for (const text of TEXTS) {
  const rows = await benchmark(text);
  all.push(...rows);
  const f = figures(rows);
  out(`${text.slug} (${text.content}/stories/${text.slug})`);
  out(
    formatTable(
      ['file', 'suggested', 'typed', 'asked', 'wrong', 'unwritable', 'reasoning drafted', 'fixed file = expected'],
      [
        ...rows.map((r) => [
          r.file,
          r.suggested.length,
          r.typed.length,
          r.asked.length,
          r.wrong.length + r.extra.length,
          r.unwritable.length + r.forced.length,
          r.drafted,
          r.equal ? 'yes' : 'NO',
        ]),
        ['all', f.suggested, f.typed, f.asked, f.wrong, f.unwritable, f.drafted, f.equal ? 'yes' : 'NO'],
      ],
    ),
  );
  out();
  out(
    `${f.fields} fields: ${f.suggested} suggested correctly (${f.share}%), ${f.typed} typed (${f.asked} of them asked for), ${f.wrong} wrong, ${f.unwritable} unwritable.`,
  );
  for (const row of rows) {
    for (const wrong of row.wrong) out(`  wrong in ${row.file}: ${wrong}`);
    for (const extra of row.extra) out(`  wrong in ${row.file}: ${extra} (expected: none)`);
    for (const field of row.unwritable) out(`  cannot write in ${row.file}: ${field}`);
    for (const forced of row.forced) out(`  cannot leave out in ${row.file}: ${forced} (expected: none)`);
    if (process.argv.includes('--misses'))
      for (const miss of row.misses) out(`  not suggested in ${row.file}: ${miss}`);
    if (row.refused !== undefined)
      out(`  ${row.file} not written with every field given:\n${row.refused.replace(/^/gm, '    ')}`);
  }
  out();
  summary.push([text.slug, f.fields, `${f.suggested} (${f.share}%)`, f.typed, f.asked, f.wrong, f.unwritable]);
}
const f = figures(all);
out('Summary (goals: at least 75% suggested, 0 wrong, 0 unwritable)');
out(
  formatTable(
    ['text', 'fields', 'suggested', 'typed', 'asked', 'wrong', 'unwritable'],
    [...summary, ['all', f.fields, `${f.suggested} (${f.share}%)`, f.typed, f.asked, f.wrong, f.unwritable]],
  ),
);
