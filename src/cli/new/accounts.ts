/** Competing accounts (`--version`) of a claim or an event, and who holds them: actors, the source's voice, or holders it does not name. */
import type { DateValue } from '../../lib/model/date.ts';
import type { Entry } from '../../lib/model/corpus.ts';
import { explainMiss, findVerbatim, type Span } from '../../lib/content/verbatim.ts';
import { contextOf, type PassageContext } from '../../lib/authoring/context.ts';
import { passageAsTyped } from '../../lib/authoring/passage.ts';
import { namedActors, suggestSpeaker, type ActorNames } from '../../lib/authoring/actors.ts';
import { attributionOf } from '../../lib/authoring/accounts.ts';
import type { Decider, Prompter, Suggested } from '../decide.ts';
import { Stop, type VersionFlags } from './flags.ts';
import { idList } from '../../lib/authoring/flags.ts';
import { dateOfWords } from './dates.ts';
import { decideIds } from './folder.ts';

/** Who holds an account, suggested from its sentence: the subject of a reporting verb or "according to …", else the speaker the sentence names. */
export function holdersSuggested(sentence: Span, context: PassageContext, actors: ActorNames[]): Suggested<string[]> {
  const attribution = attributionOf(sentence.text, actors);
  if (attribution?.id !== undefined)
    return { kind: 'value', value: [attribution.id], note: `"${attribution.words}" in the sentence` };
  if (attribution !== undefined)
    return {
      kind: 'none',
      why: `the sentence attributes it to "${attribution.words}", which is no actor yet (npm run new -- actor "<its name>" writes one)`,
    };
  const speaker = suggestSpeaker(context, actors);
  if (speaker.kind === 'actor')
    return { kind: 'value', value: [speaker.id], note: `"${speaker.mention.text}" in the ${speaker.where}` };
  return { kind: 'none', why: 'the sentence names no holder' };
}

/** What one competing account holds, settled: its passage in the source, its holders, and its date (an event's) or text (a claim's). */
interface Account {
  passage: string | undefined;
  claimants: Holder[] | undefined;
  sourceVoice: true | undefined;
  when?: DateValue | undefined;
  text?: string | undefined;
  quotes?: string[] | undefined;
}

/**
 * The competing accounts given by `--version`: each found in the source verbatim, its holders
 * suggested from its sentence (or given by `--version-claimants`, `--version-source-voice`), and for
 * an event its date read from its words, for a claim its text (`--version-text`, the editor's words).
 */
export async function accountsOf(
  kind: 'claim' | 'event',
  versions: VersionFlags[],
  decider: Decider,
  source: Entry<{ published: DateValue }>,
  actors: ActorNames[],
  prompter: Prompter | undefined,
  quotesIn: (scope: Span) => string[] = () => [],
): Promise<Account[]> {
  const body = source.body ?? '';
  const accounts: Account[] = [];
  for (const [i, version] of versions.entries()) {
    const found = findVerbatim(version.words, body);
    if (!found.found)
      throw new Stop(`--version ${i + 1} is not in the source verbatim: ${explainMiss(version.words, body)}`);
    const span = found as Span;
    const context = contextOf(body, span.start, span.end);
    const field = `versions[${i}]`;
    const unnamed = unnamedHolders(version.unnamed);
    const given = version.claimants ?? (unnamed.length > 0 ? [] : undefined);
    const suggested = holdersSuggested(context.sentence, context, actors);
    // An account has a holder: with none to suggest, a terminal asks who (someone unnamed too), a script must say.
    const asked =
      !version.sourceVoice && given === undefined && suggested.kind === 'none' && prompter
        ? await askHolders(
            prompter,
            `${field}.claimants`,
            `who gives this account? (${suggested.why})`,
            actors,
            context.sentence.text,
          )
        : undefined;
    const claimants =
      version.sourceVoice || asked
        ? asked?.ids
        : await decider.decide<string[]>(
            `${field}.claimants`,
            '--version-claimants (after its --version)',
            given,
            suggested,
            {
              parse: (s) => idList(s) ?? [],
              show: (v) => v.join(','),
              required: '<actor ids> | --version-unnamed "<description>" | --version-source-voice',
            },
          );
    const holders = [...(claimants ?? []), ...unnamed, ...(asked?.unnamed ? [{ unnamed: asked.unnamed }] : [])];
    const account: Account = {
      passage: version.noPassage ? undefined : passageAsTyped(version.words, span, body),
      claimants: holders.length > 0 ? holders : undefined,
      sourceVoice: version.sourceVoice || asked?.sourceVoice ? true : undefined,
    };
    if (kind === 'event') {
      account.when = await dateOfWords(`--version ${i + 1}`, `${field}.when`, version.words, decider, source);
    } else {
      account.text = await decider.decide(
        `${field}.text`,
        '--version-text (after its --version)',
        version.text,
        { kind: 'none', why: 'the account, plainly, is yours to write' },
        { parse: (s) => s.trim() },
      );
      account.quotes = await decideIds(
        decider,
        `${field}.quotes`,
        version.quotes === undefined ? undefined : version.quotes.join(','),
        quotesIn(context.sentence),
        "quotes in the account's sentence",
      );
    }
    accounts.push(account);
  }
  return accounts;
}

/** Who holds a claim or gives an account, as the file writes them: an actor id, or one the source does not name. */
export type Holder = string | { unnamed: { description: string; affiliation?: string | undefined } };

/** Holders the source does not name, from their descriptions (`--unnamed-claimant`, `--version-unnamed`), tied to `affiliation` if given. */
export const unnamedHolders = (descriptions: string[] | undefined, affiliation?: string): Holder[] =>
  (descriptions ?? []).map((description) => ({
    unnamed: { description: description.trim(), ...(affiliation !== undefined && { affiliation: affiliation.trim() }) },
  }));

/** One the source does not name, as it describes them, and the organisation it ties them to, if any. */
export interface UnnamedHolder {
  description: string;
  affiliation?: string | undefined;
}

/** Who holds a claim, an account or an expectation, as a terminal answers. */
export interface HoldersAnswer {
  /** Actor ids. */
  ids: string[];
  /** Someone the source does not name. */
  unnamed?: UnnamedHolder | undefined;
  /** The source itself, in its own voice. */
  sourceVoice: boolean;
}

/**
 * Who holds it, asked in a terminal where the tool has nothing to suggest: actors by id (those the
 * sentence names offered), someone the source does not name (its description, and the organisation
 * it ties them to; `described`, the sentence's description, offered), or the source's own voice.
 * `field` names the answers' fields.
 */
export async function askHolders(
  prompter: Prompter,
  field: string,
  question: string,
  actors: ActorNames[],
  sentence: string,
  described?: string,
): Promise<HoldersAnswer> {
  const named = namedActors(sentence, actors).ids;
  const who = await prompter.select<'actors' | 'unnamed' | 'source'>(`${field}: ${question}`, [
    { value: 'unnamed', label: 'someone the source does not name (you give its description)' },
    { value: 'actors', label: `actors, by id${named.length > 0 ? ` (the sentence names ${named.join(', ')})` : ''}` },
    { value: 'source', label: 'the source itself, in its own voice' },
  ]);
  if (who === 'actors')
    return { ids: idList(await prompter.text(`${field} (actor ids)`, named.join(','))) ?? [], sourceVoice: false };
  if (who === 'source') return { ids: [], sourceVoice: true };
  const description = (await prompter.text(`${field}.unnamed.description`, described)).trim();
  const affiliation = (
    await prompter.text(
      `${field}.unnamed.affiliation (the organisation's actor id the source ties them to; empty for none)`,
    )
  ).trim();
  return {
    ids: [],
    unnamed: description === '' ? undefined : { description, ...(affiliation !== '' && { affiliation }) },
    sourceVoice: false,
  };
}
