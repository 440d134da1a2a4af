/**
 * The authoring commands' flags as the content reads them (src/cli/new/): how a list of ids is
 * typed, and which flag gives the field a content problem names, for the message that refuses a file.
 */
import type { ContentProblem } from '../content/problems.ts';

/** A comma-separated list of ids; `""` or `none` is the empty list (ids are never `none`). */
export function idList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === 'none') return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
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

export function flagFor(problem: Pick<ContentProblem, 'file' | 'field'>): string | undefined {
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
