/** Writing a command's files only when the content check passes with them, and naming the flag for each problem it reports. */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { formatProblem, type ContentProblem } from '../../lib/content/problems.ts';
import { checkContent } from '../../lib/authoring/check.ts';
import type { Prompter } from '../decide.ts';
import { Stop } from './flags.ts';

/** What a command needs from the world: where the content is, and how to talk to the editor. */
export interface Io {
  /** The content folder. */
  contentDir: string;
  /** The project root; file names in messages are relative to it. */
  projectRoot: string;
  /** Prints one line. */
  out: (line: string) => void;
  /** Standard input, read whole, for a source's text. */
  readStdin: () => Promise<string>;
  /** Present in a terminal: the questions. */
  prompter?: Prompter | undefined;
  /** Today, `YYYY-MM-DD`: a new story's publication day. */
  today: string;
}

/** A file a command is to write: where, and its text. */
export interface Pending {
  path: string;
  text: string;
}

/** The flag that gives a field the check names, by the field's last name; a source's date takes `--published-…`. */
const FLAG_OF: Record<string, string> = {
  on: '--on (or --earliest/--latest, --from/--to)',
  reasoning: '--reasoning',
  statedAs: '--stated-as',
  inferredParts: '--inferred-parts',
  relativeTo: '--relative-to',
  speaker: '--speaker <actor id> or --unnamed "<description>"',
  affiliation: '--affiliation <organisation id>',
  medium: '--medium',
  form: '--form',
  passage: '--passage',
  text: '--version-text (after its --version)',
  lang: '--lang',
  translation: '--translation "<words in English>" (with --translation-source <id> for a source\'s)',
  claimants: '--claimants (or --version-claimants, --version-source-voice)',
  disputedBy: '--disputed-by',
  versions: '--version (with --version-text, --version-claimants)',
  status: '--status',
  quotes: '--quotes',
  claims: '--claims',
  actors: '--actors',
  sameAs: '--same-as',
  movedTo: '--moved-to "<words of the source giving the new date>"',
  until: '--until "<words of the source giving the day it is set to end>" (with --status under-way)',
  expectation:
    '--status expected with --expected-by <ids>, --expected-by-unnamed "<description>" or --expected-by-source-voice',
  holders: '--expected-by <ids>, --expected-by-unnamed "<description>" or --expected-by-source-voice',
  timing: '--expected-timing by|on',
};

/** The flags that give a claim's holder the source does not name, by the field a problem names. */
const HOLDER_FLAG_OF: Record<string, string> = {
  description: '--unnamed-claimant "<description>"',
  affiliation: '--unnamed-affiliation <organisation id>',
};

function flagFor(problem: ContentProblem): string | undefined {
  // `versions[0].claimants`, `sameAs[0]`, `said.reasoning`: the names, without the indexes.
  const names = problem.field
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((name) => name !== '' && !/^\d+$/.test(name));
  const last = names.at(-1) ?? '';
  if (problem.file.includes('/sources/') && names[0] === 'published' && last !== 'published')
    return `--published-${last.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  if (problem.file.includes('/sources/') && names[0] === 'corrections')
    return last === 'notice' ? '--correction' : `--correction-${last === 'statedAs' ? 'date-stated-as' : last}`;
  if (names[0] === 'mediumBasis') return '--medium-inferred-from "<words of the source>"';
  // A holder the source does not name (`claimants[0].unnamed.affiliation`) has flags of its own.
  if (names.includes('claimants') && names.includes('unnamed'))
    return names[0] === 'versions' ? '--version-unnamed' : HOLDER_FLAG_OF[last];
  return FLAG_OF[last];
}

/** The folder of `path` that does not exist yet and is nearest the root, if any: what writing `path` creates. */
function firstMissing(path: string): string | undefined {
  let missing: string | undefined;
  for (let dir = dirname(path); !existsSync(dir); dir = dirname(dir)) missing = dir;
  return missing;
}

/**
 * Writes a command's files only if the content check passes with them: they are written, the check
 * runs, and on a problem they are taken out again (with the folders made for them) and the message
 * says what to give. A folder the check refuses before is refused with its problems, writing nothing.
 * Then prints what is still to write: the story fields the check names, and `extra`, the prose it
 * cannot ask for. 0 when written.
 */
export function commit(io: Io, files: Pending[], extra: string[] = []): number {
  const shown = (path: string) => relative(io.projectRoot, path);
  for (const file of files)
    if (existsSync(file.path)) throw new Stop(`${shown(file.path)} exists already; choose another id with --id`);
  // A folder the check refuses already cannot tell whether these files pass (it stops before the
  // stories are assembled): it must be fixed first.
  const before = checkContent(io.contentDir, io.projectRoot, io.today).problems;
  if (before.length > 0)
    throw new Stop(
      `Not written: the content check fails before ${files.map((f) => shown(f.path)).join(' and ')} is added, so it cannot be checked; fix these first:\n${before.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
    );
  const made: string[] = [];
  for (const file of files) {
    const folder = firstMissing(file.path);
    if (folder !== undefined) made.push(folder);
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.text);
  }
  const { problems, toWrite } = checkContent(io.contentDir, io.projectRoot, io.today);
  if (problems.length > 0) {
    for (const file of files) rmSync(file.path, { force: true });
    for (const folder of made) rmSync(folder, { recursive: true, force: true });
    io.out(
      `Not written: the content check refuses ${files.map((f) => shown(f.path)).join(' with ')}:\n` +
        problems
          .map((p) => {
            const flag = flagFor(p);
            return `  - ${formatProblem(p)}${flag ? `\n    give: ${flag}` : ''}`;
          })
          .join('\n'),
    );
    return 1;
  }
  for (const file of files) io.out(`Wrote ${shown(file.path)}`);
  const still = [...toWrite.map((p) => `${p.file}: \`${p.field}\``), ...extra];
  if (still.length > 0)
    io.out(
      `Still to write (the check names each field until it is written):\n${still.map((s) => `  - ${s}`).join('\n')}`,
    );
  io.out(toWrite.length > 0 ? 'Content check: no other problem.' : 'Content check: passed.');
  return 0;
}
