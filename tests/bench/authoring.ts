/**
 * How much of the seed story the authoring commands suggest correctly (`npm run bench:authoring`):
 * prints figures, asserts nothing, never part of `npm test`.
 *
 * In a temporary content folder holding only the actors, it re-creates the seed story from its article
 * text alone: the source (`new story`), every quote (`new quote`), then every event (`new event`),
 * non-interactively with `--yes`, giving by flag only what an editor must type (the quote's words, a
 * paraphrase's passage, an attribution, an event's title, the words that find its sentence). Each
 * written field is compared with the seed's own file:
 *
 *   suggested  the tool's suggestion, accepted unchanged, equals the seed's value;
 *   typed      given by flag: the editor's own words, or asked for where the tool could not tell;
 *   wrong      a suggestion that differs from the seed (a value left out counts as typed: the tool
 *              said it had none).
 *
 * A date's `reasoning` is prose the tool drafts for the editor to confirm; it is counted apart. Then
 * every wrong or missing field is given by flag and the file written again, and must equal the
 * seed's, so that later files (events citing quotes) build on the seed's values. The claims, which
 * events cite, are written by the command with every field given: set-up, not measured.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { runnerImport } from 'vite';
import { formatTable } from '../budgets/weight.ts';

type Cli = typeof import('../../src/cli/new.ts');
type Frontmatter = typeof import('../../src/lib/content/frontmatter.ts');

const root = process.cwd();
const load = async <T>(path: string) =>
  (await runnerImport<T>(join(root, path), { configFile: false, logLevel: 'silent' })).module;
const { main } = await load<Cli>('src/cli/new.ts');
const { readMarkdownFile } = await load<Frontmatter>('src/lib/content/frontmatter.ts');

const slug = 'khalilzad-warns-taliban';
const seedDir = join(root, 'content/stories', slug);
const temp = mkdtempSync(join(tmpdir(), 'authoring-'));
const work = join(temp, 'content');
cpSync(join(root, 'content/actors'), join(work, 'actors'), { recursive: true });
const storyDir = join(work, 'stories', slug);

type Fields = Record<string, unknown>;
/** A scalar field as its flag gives it. */
const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const read = (path: string) => {
  const file = readMarkdownFile(path, readFileSync(path, 'utf8'));
  if ('problem' in file) throw new Error(`${path}: ${file.problem.expected}`);
  return { data: file.data, body: file.body.trim(), text: file.body };
};
const seedOf = (kind: string, id: string) => read(join(seedDir, kind, `${id}.md`));

async function run(args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await main(args, {
    contentDir: work,
    projectRoot: root,
    out: (line) => lines.push(line),
    readStdin: () => Promise.resolve(''),
    today: '2026-11-28',
  });
  return { code, output: lines.join('\n') };
}

/** Leaves of a file's fields: `said.on`, `actors` (a list compared as a set). */
function leaves(fields: Fields, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(fields)) {
    const path = `${prefix}${key}`;
    if (Array.isArray(value)) {
      if (value.length > 0) found.set(path, JSON.stringify(value.map(text).sort()));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of leaves(value as Fields, `${path}.`)) found.set(k, v);
    } else if (value !== undefined) found.set(path, text(value));
  }
  return found;
}

/** The flags that give a seed field. */
function flagsFor(field: string, value: unknown): string[] {
  if (field === 'said' || field === 'when') {
    const date = value as Fields;
    const names: Record<string, string> = {
      statedAs: 'stated-as',
      inferredParts: 'inferred-parts',
      relativeTo: 'relative-to',
    };
    return Object.entries(date).flatMap(([k, v]) => [`--${names[k] ?? k}`, Array.isArray(v) ? v.join(',') : String(v)]);
  }
  const flag = { disputedBy: 'disputed-by' }[field] ?? field;
  return [`--${flag}`, Array.isArray(value) ? value.join(',') : String(value)];
}

interface Row {
  file: string;
  suggested: string[];
  typed: string[];
  asked: string[];
  wrong: string[];
  drafted: number;
  equal: boolean;
}
const rows: Row[] = [];

/**
 * Writes one entity with the command, measures it against the seed, then writes it again with every
 * wrong or missing field given, which must give the seed's file.
 */
async function measure(kind: 'quotes' | 'events', id: string, command: string[], typedFields: string[]): Promise<void> {
  const seed = seedOf(kind, id);
  const path = join(storyDir, kind, `${id}.md`);
  const asked: string[] = [];
  let args = [...command, '--id', id, '--yes'];
  let result = await run(args);
  for (const line of result.output.split('\n')) {
    const flag = /^\s+--([a-z-]+) </.exec(line)?.[1];
    if (!flag || result.code === 0) continue;
    const field = { 'on/--earliest/--latest': kind === 'quotes' ? 'said' : 'when' }[flag] ?? flag;
    asked.push(field);
    args = [...args, ...flagsFor(field, seed.data[field])];
  }
  if (asked.length > 0) result = await run(args);
  if (result.code !== 0) throw new Error(`${kind}/${id}: ${result.output}`);
  const written = read(path).data;
  const mine = leaves(written);
  const theirs = leaves(seed.data);
  const row: Row = { file: `${kind}/${id}`, suggested: [], typed: [], asked, wrong: [], drafted: 0, equal: false };
  const fix = new Set<string>();
  for (const leaf of new Set([...mine.keys(), ...theirs.keys()])) {
    const top = leaf.split('.')[0]!;
    if (leaf.endsWith('.reasoning')) {
      if (mine.has(leaf)) row.drafted++;
      if (theirs.has(leaf)) fix.add(top);
      continue;
    }
    if (typedFields.includes(top) || asked.includes(top)) row.typed.push(leaf);
    else if (mine.get(leaf) === theirs.get(leaf)) row.suggested.push(leaf);
    else if (!mine.has(leaf)) {
      row.typed.push(leaf);
      fix.add(top);
    } else {
      row.wrong.push(`${leaf}: ${mine.get(leaf)} (seed: ${theirs.get(leaf) ?? 'none'})`);
      fix.add(top);
    }
  }
  rmSync(path);
  const fixes = [...fix].flatMap((field) =>
    field in seed.data ? flagsFor(field, seed.data[field]) : field === 'said' || field === 'when' ? ['--no-date'] : [],
  );
  const again = await run([...args, ...fixes]);
  if (again.code !== 0) throw new Error(`${kind}/${id} (fixed): ${again.output}`);
  const final = read(path);
  row.equal = isDeepStrictEqual(leaves(final.data), leaves(seed.data)) && final.body === seed.body;
  rows.push(row);
}

// The source: the article text alone, and what the editor knows about it.
const source = seedOf('sources', 'seed-article');
const published = source.data.published as Fields;
const textFile = join(temp, 'seed.txt');
writeFileSync(textFile, source.text);
const storyRun = await run([
  'story',
  slug,
  '--text',
  textFile,
  '--source-id',
  'seed-article',
  '--title',
  String(source.data.title),
  '--published',
  String(published.on),
  '--published-reasoning',
  String(published.reasoning),
  '--note',
  String(source.data.note),
  '--yes',
]);
const writtenSource = read(join(storyDir, 'sources/seed-article.md'));
rows.push({
  file: 'sources/seed-article',
  suggested: [],
  typed: [...leaves(writtenSource.data).keys()],
  asked: [],
  wrong: [],
  drafted: 0,
  equal:
    storyRun.output.includes('no other problem') &&
    isDeepStrictEqual(leaves(writtenSource.data), leaves(source.data)) &&
    writtenSource.body === source.body,
});

for (const id of readdirSync(join(seedDir, 'quotes'))
  .map((f) => f.replace(/\.md$/, ''))
  .sort()) {
  const seed = seedOf('quotes', id);
  const command = ['quote', slug, seed.body];
  const typed: string[] = [];
  if (seed.data.passage !== undefined) {
    command.push('--passage', text(seed.data.passage));
    typed.push('passage');
  }
  if (seed.data.attribution !== undefined) {
    command.push('--attribution', text(seed.data.attribution));
    typed.push('attribution');
  }
  await measure('quotes', id, command, typed);
}

// Set-up: the claims events cite, every field given.
for (const id of readdirSync(join(seedDir, 'claims'))
  .map((f) => f.replace(/\.md$/, ''))
  .sort()) {
  const seed = seedOf('claims', id);
  const passages = (seed.data.passages as string[] | undefined) ?? [];
  const quotes = (seed.data.quotes as string[] | undefined) ?? [];
  const firstQuote = quotes.length > 0 ? seedOf('quotes', quotes[0]!) : undefined;
  const words = passages[0] ?? text(firstQuote?.data.passage ?? firstQuote?.body);
  const args = [
    'claim',
    slug,
    words,
    '--id',
    id,
    '--body',
    seed.body,
    '--yes',
    ...(passages.length === 0 ? ['--no-passage'] : []),
  ];
  for (const field of ['claimants', 'status', 'disputedBy', 'quotes'])
    args.push(...flagsFor(field, seed.data[field] ?? []));
  const result = await run(args);
  if (result.code !== 0) throw new Error(`claims/${id}: ${result.output}`);
}

/** The words an editor gives to find each event's sentence. */
const EVENT_WORDS: Record<string, string> = {
  'abbas-stanekzai-virtual-meeting': 'while speaking at a virtual meeting last week',
  'doha-deal-signed': 'the US signed a peace deal with the Taliban in late February 2020',
  'istanbul-talks-scheduled-date': 'scheduled to take place in Istanbul, Turkey on April 24',
  'joint-statement-issued': 'In a joint statement issued by US-European Communique, on May 07',
  'khalilzad-tweet': 'said US peace envoy in a tweet posted late on Friday',
  'masoom-stanekzai-tweet': 'In a tweet posted on May 07, Mohammad Masoom Stanekzai',
  'taliban-refuse-istanbul-talks': 'In late April, the Taliban refused to attend',
};
for (const [id, words] of Object.entries(EVENT_WORDS)) {
  const seed = seedOf('events', id);
  await measure(
    'events',
    id,
    ['event', slug, words, '--title', String(seed.data.title), '--body', seed.body],
    ['title'],
  );
}

const total = (pick: (row: Row) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
const suggested = total((r) => r.suggested.length);
const typed = total((r) => r.typed.length);
const asked = total((r) => r.asked.length);
const wrong = total((r) => r.wrong.length);
const fields = suggested + typed + wrong;
const table = formatTable(
  ['file', 'suggested', 'typed', 'asked', 'wrong', 'reasoning drafted', 'fixed file = seed'],
  [
    ...rows.map((r) => [
      r.file,
      String(r.suggested.length),
      String(r.typed.length),
      String(r.asked.length),
      String(r.wrong.length),
      String(r.drafted),
      r.equal ? 'yes' : 'NO',
    ]),
    [
      'all',
      String(suggested),
      String(typed),
      String(asked),
      String(wrong),
      String(total((r) => r.drafted)),
      rows.every((r) => r.equal) ? 'yes' : 'NO',
    ],
  ],
);
process.stdout.write(`${table}\n\n`);
process.stdout.write(
  `${fields} fields: ${suggested} suggested correctly (${Math.round((100 * suggested) / fields)}%), ${typed} typed (${asked} of them asked for), ${wrong} wrong.\n`,
);
for (const row of rows.filter((r) => r.wrong.length > 0))
  process.stdout.write(`wrong in ${row.file}: ${row.wrong.join('; ')}\n`);
rmSync(temp, { recursive: true, force: true });
