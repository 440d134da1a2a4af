import type { Entry } from '../model/corpus.ts';
import type { SourceMeta } from '../model/entities.ts';
import { formatProblem, type ContentProblem } from './problems.ts';

/**
 * Content that builds but that an editor should see to: said in `npm run check:content` and in every
 * build, never stopping either. A warning has a problem's shape (the file, the field, what it holds,
 * what would be better), so it reads like one and can be acted on the same way.
 */

/** What a web source without an archived copy is told: the original can change or vanish, and the evidence with it. */
export const UNARCHIVED_SOURCE =
  'an archived copy of the original, `archived: { url, on }`: a web page can change or vanish, taking the evidence with it (README, "Archiving a source"); print and private sources have no `url` and need none';

/** Every web source (one with a `url`) with no `archived` copy, in file order. */
export function sourceWarnings(sources: readonly Entry<SourceMeta>[]): ContentProblem[] {
  return sources
    .filter(({ data }) => data.url !== undefined && data.archived === undefined)
    .map(({ id, filePath }) => ({
      file: filePath ?? id,
      field: 'archived',
      value: undefined,
      expected: UNARCHIVED_SOURCE,
    }));
}

/** The warnings as the log shows them: a title and one line each, or nothing when there are none. */
export function formatWarnings(warnings: readonly ContentProblem[]): string | undefined {
  if (warnings.length === 0) return undefined;
  const title = `Content warnings (${warnings.length}; the build goes on)`;
  return `${title}:\n${warnings.map((warning) => `  - ${formatProblem(warning)}`).join('\n')}`;
}
