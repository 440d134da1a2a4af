/** The authoring commands' flags (src/cli/new.ts), and the parsing every command shares: id lists, choices, `--version` groups. */
import { parseArgs } from 'node:util';
import { idList } from '../../lib/authoring/flags.ts';

export const OPTIONS = {
  yes: { type: 'boolean' },
  help: { type: 'boolean' },
  draft: { type: 'boolean' },
  text: { type: 'string' },
  title: { type: 'string' },
  publisher: { type: 'string' },
  url: { type: 'string' },
  'archived-url': { type: 'string' },
  'archived-on': { type: 'string' },
  retrieved: { type: 'string' },
  publish: { type: 'string' },
  published: { type: 'string' },
  'published-stated-as': { type: 'string' },
  'published-in': { type: 'string' },
  'published-reasoning': { type: 'string' },
  'published-inferred-parts': { type: 'string' },
  note: { type: 'string' },
  lang: { type: 'string' },
  'source-id': { type: 'string' },
  'story-title': { type: 'string' },
  correction: { type: 'string' },
  'correction-corrects': { type: 'string' },
  'correction-to': { type: 'string' },
  'correction-from': { type: 'string' },
  'correction-passage': { type: 'string' },
  'correction-date': { type: 'string' },
  'correction-date-stated-as': { type: 'string' },
  'no-correction': { type: 'boolean' },
  passage: { type: 'string' },
  source: { type: 'string' },
  speaker: { type: 'string' },
  'new-actor': { type: 'string' },
  unnamed: { type: 'string' },
  affiliation: { type: 'string' },
  translation: { type: 'string' },
  'translation-source': { type: 'string' },
  'same-as': { type: 'string' },
  'moved-to': { type: 'string' },
  until: { type: 'string' },
  'expected-by': { type: 'string' },
  'expected-by-unnamed': { type: 'string' },
  'expected-by-source-voice': { type: 'boolean' },
  'expected-timing': { type: 'string' },
  'moved-not-before': { type: 'string' },
  'moved-not-after': { type: 'string' },
  'moved-reasoning': { type: 'string' },
  before: { type: 'string' },
  after: { type: 'string' },
  'order-stated-as': { type: 'string' },
  'role-organisation': { type: 'string' },
  'role-from': { type: 'string' },
  'role-to': { type: 'string' },
  version: { type: 'string', multiple: true },
  'version-text': { type: 'string', multiple: true },
  'version-claimants': { type: 'string', multiple: true },
  'version-source-voice': { type: 'boolean', multiple: true },
  'version-quotes': { type: 'string', multiple: true },
  'version-unnamed': { type: 'string', multiple: true },
  'unnamed-claimant': { type: 'string', multiple: true },
  'unnamed-affiliation': { type: 'string' },
  'medium-inferred-from': { type: 'string' },
  'version-no-passage': { type: 'boolean', multiple: true },
  form: { type: 'string' },
  medium: { type: 'string' },
  attribution: { type: 'string' },
  id: { type: 'string' },
  body: { type: 'string' },
  status: { type: 'string' },
  actors: { type: 'string' },
  quotes: { type: 'string' },
  claims: { type: 'string' },
  claimants: { type: 'string' },
  'disputed-by': { type: 'string' },
  'no-passage': { type: 'boolean' },
  kind: { type: 'string' },
  role: { type: 'string' },
  of: { type: 'string' },
  alias: { type: 'string', multiple: true },
  disambiguation: { type: 'string' },
  about: { type: 'string' },
  on: { type: 'string' },
  earliest: { type: 'string' },
  latest: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  either: { type: 'string' },
  part: { type: 'string' },
  'stated-as': { type: 'string' },
  provenance: { type: 'string' },
  'inferred-parts': { type: 'string' },
  'relative-to': { type: 'string' },
  reasoning: { type: 'string' },
  'no-date': { type: 'boolean' },
} as const;

export type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** A mistake in the command line or the content that stops the command, with the message to print. */
export class Stop extends Error {}

export function oneOf<T extends string>(what: string, allowed: readonly T[], value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new Stop(`--${what} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

export const nonEmpty = <T>(items: T[] | undefined) => (items && items.length > 0 ? items : undefined);

/** One competing account given by flags: `--version "<words of the source>"` and the `--version-…` flags after it. */
export interface VersionFlags {
  words: string;
  text?: string | undefined;
  claimants?: string[] | undefined;
  sourceVoice?: boolean;
  quotes?: string[] | undefined;
  /** Holders the source does not name, each as it describes them (`--version-unnamed`). */
  unnamed?: string[] | undefined;
  /** `--version-no-passage`: the account rests on its quotes alone; its words only find its sentence. */
  noPassage?: boolean;
}

/** The `--version` groups of a command line, in order: each `--version-…` flag belongs to the `--version` before it. */
export function versionsOf(tokens: { kind: string; name?: string; value?: string | undefined }[]): VersionFlags[] {
  const found: VersionFlags[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || !token.name?.startsWith('version')) continue;
    if (token.name === 'version') {
      found.push({ words: token.value ?? '' });
      continue;
    }
    const current = found.at(-1);
    if (current === undefined)
      throw new Stop(
        `--${token.name} belongs to a competing account: give --version "<words of the source>" before it`,
      );
    if (token.name === 'version-text') current.text = token.value;
    if (token.name === 'version-claimants') current.claimants = idList(token.value);
    if (token.name === 'version-source-voice') current.sourceVoice = true;
    if (token.name === 'version-quotes') current.quotes = idList(token.value);
    if (token.name === 'version-unnamed') current.unnamed = [...(current.unnamed ?? []), token.value ?? ''];
    if (token.name === 'version-no-passage') current.noPassage = true;
  }
  return found;
}
