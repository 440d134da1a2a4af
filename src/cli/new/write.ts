/** Writing a command's files only when the content check passes with them, and naming the flag for each problem it reports. */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { formatProblem } from '../../lib/content/problems.ts';
import { flagFor } from '../../lib/authoring/flags.ts';
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
