import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/problems';
import { TODAY_VARIABLE } from '../../src/lib/model/calendar';

/*
 * Bad content, one case a folder: each folder under tests/fixtures/bad-content/ is laid over the
 * valid corpus tests/fixtures/content/minimal and checked by `astro sync`, the command behind
 * `npm run check:content`: Astro's own loaders, our strict wrappers, the schemas, the layout audit
 * and the corpus assembly, nothing mocked. Each case must fail with exactly one problem naming the
 * file, field, value and what was expected (or, for `builds: true`, pass).
 *
 * Why a few processes for all cases (tests/content/sync-folders.ts): `astro sync` as a command costs
 * ~2.5 s a case, mostly starting Node and loading Astro; Astro's programmatic `sync()`, run once per
 * case in one process, re-reads the config and the content folder each time and costs ~0.5-1 s. One
 * such process a core: a sync uses one, and the cases ran 96 s in one process on a two-core machine.
 * They can run side by side because each content folder has its own content store (astro.config.mjs).
 *
 * Not covered here: that `astro build` stops on the same problems (it runs the same sync before it
 * renders a page; tests/content/published-urls.test.ts builds), and Astro's printing of the error.
 */

const cases = 'tests/fixtures/bad-content';
const base = 'tests/fixtures/content/minimal';
const work = 'node_modules/.cache/bad-content';

interface Case {
  builds?: boolean;
  problem?: { file: string; field: string; value?: unknown; expected: string; line?: number; column?: number };
}

/** The case's content folder: the valid corpus with the case's files laid over it. */
function materialise(name: string): string {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(base, dir, { recursive: true });
  // A case's symbolic links are copied as links, leading where they lead from the case folder.
  cpSync(join(cases, name, 'content'), dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

const names = readdirSync(cases).sort();
const outcome = new Map<string, string | null>();

/** Checks the folders in one process, resolving to each folder's failure message, or null where it passed. */
async function syncFolders(dirs: string[]): Promise<{ dir: string; error: string | null }[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['tests/content/sync-folders.ts', ...dirs], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // The build's day is fixed, so a case dated "in the future" is so on any day the suite runs.
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', [TODAY_VARIABLE]: '2025-06-01' },
  });
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { dir: string; error: string | null });
}

beforeAll(async () => {
  const dirs = names.map(materialise);
  const processes = Math.min(availableParallelism(), dirs.length);
  // Dealt round-robin, so slow cases (symbolic links, large files) spread over the processes.
  const shares = Array.from({ length: processes }, (_, i) => dirs.filter((_, j) => j % processes === i));
  for (const { dir, error } of (await Promise.all(shares.map(syncFolders))).flat()) outcome.set(dir, error);
  // Every case under one time limit, so it grows with them: a sync takes 0.5-1 s, a busy machine more.
}, 30_000 + names.length * 5_000);

describe('bad content fails with one clear message', () => {
  it('has a case for every kind the issue lists', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of names) {
    const text = readFileSync(join(cases, name, 'case.yaml'), 'utf8');
    const spec = parse(text) as Case;
    const kind = text.split('\n')[0]!.replace(/^#\s*/, '');

    it(`${name}: ${kind}`, () => {
      const dir = join(work, name);
      const message = outcome.get(dir);
      if (spec.builds) {
        expect(message).toBeNull();
        return;
      }
      const { file, field, value, expected, line, column } = spec.problem!;
      expect(message, 'the content was accepted').toEqual(expect.any(String));
      const problems = message!.split('\n').filter((line) => line.startsWith('  - '));
      expect(problems, message!).toHaveLength(1);
      expect(problems[0]).toContain(formatProblem({ file: join(dir, file), field, value, expected: '', line, column }).trim());
      expect(problems[0]).toContain(expected);
    });
  }
});
