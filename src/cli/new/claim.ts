/** `npm run new -- claim`: a claim's holders, status, quotes and passages, or its competing accounts. */
import { join } from 'node:path';
import { claimStatuses } from '../../lib/model/entities.ts';
import { aroundParagraph } from '../../lib/authoring/context.ts';
import { passageAsTyped } from '../../lib/authoring/passage.ts';
import {
  attributionOf,
  competingFigures,
  disputersOf,
  statusCue,
  type FigureAccount,
} from '../../lib/authoring/accounts.ts';
import { sameOccasion } from '../../lib/authoring/occasion.ts';
import { unnamedSpeaker } from '../../lib/authoring/unnamed.ts';
import { suggestId } from '../../lib/authoring/ids.ts';
import { entityFile } from '../../lib/authoring/files.ts';
import { Decider, type Prompter, type Suggested } from '../decide.ts';
import { nonEmpty, oneOf, Stop, type Flags, type VersionFlags } from './flags.ts';
import { idList } from '../../lib/authoring/flags.ts';
import { decideIds, foundIn, quotesWithin, type StoryFolder } from './folder.ts';
import { accountsOf, askHolders, holdersSuggested, unnamedHolders, type Holder } from './accounts.ts';
import { commit, type Io } from './write.ts';

/**
 * A claim's quotes: those in its sentence and their speakers' words of the same stated occasion
 * (src/lib/authoring/occasion.ts); where the source states no occasion for either, the editor says.
 */
async function claimQuotes(
  decider: Decider,
  given: string | undefined,
  story: StoryFolder,
  slug: string,
  inSentence: string[],
): Promise<string[] | undefined> {
  const all = story.quotes.map((q) => ({
    id: q.id.slice(slug.length + 1),
    speaker: q.data.speaker,
    medium: q.data.medium,
    said: q.data.said,
  }));
  const { ids, unsure } = sameOccasion(all, inSentence);
  if (unsure.length === 0)
    return decideIds(decider, 'quotes', given, ids, "quotes in the sentence, and their speakers' of the same occasion");
  const choices = [ids, ...unsure.map((id) => [...ids, id]), ...(unsure.length > 1 ? [[...ids, ...unsure]] : [])];
  return decider.decide<string[]>(
    'quotes',
    '--quotes',
    idList(given),
    {
      kind: 'choose',
      why: `the speaker's words ${unsure.join(', ')} may be of the same occasion as ${inSentence.join(', ')}: the source says for none of them when or how they were said`,
      options: choices.map((value) => ({ value, label: value.join(',') })),
    },
    { parse: (s) => idList(s) ?? [], show: (v) => v.join(',') },
  );
}

/** In a terminal: whether competing figures are competing accounts, and if so the words of the source that give each. */
async function askAccounts(prompter: Prompter, found: FigureAccount[]): Promise<VersionFlags[]> {
  const competing = await prompter.select(
    `The paragraph gives different figures from different holders (${found.map((a) => `"${a.figure}", ${a.holder.words}`).join('; ')}): competing accounts?`,
    [
      { value: true, label: 'yes: a version each (status contested)' },
      { value: false, label: 'no: one account' },
    ],
  );
  if (!competing) return [];
  const accounts: VersionFlags[] = [];
  for (const [i, account] of found.entries())
    accounts.push({
      words: await prompter.text(`Account ${i + 1}: the words of the source that give it`, account.sentence.text),
    });
  return accounts;
}

export async function newClaim(
  io: Io,
  flags: Flags,
  [slug, words]: string[],
  versions: VersionFlags[],
): Promise<number> {
  if (slug === undefined || words === undefined)
    throw new Stop('claim needs a story and words of its passage: npm run new -- claim <slug> "<words>"');
  const { story, source, span, body, context, actors } = foundIn(io, slug, words, flags.source);
  const decider = new Decider(io.prompter, flags.yes ?? false, io.out);
  // Different figures from different holders nearby are competing accounts, not one claim both hold.
  const found =
    versions.length === 0 ? competingFigures(aroundParagraph(body, context.paragraph), actors, context.sentence) : [];
  const asked = found.length > 0 && io.prompter ? await askAccounts(io.prompter, found) : [];
  const accounts = await accountsOf('claim', [...versions, ...asked], decider, source, actors, io.prompter, (scope) =>
    quotesWithin(story, body, scope, slug),
  );
  // Declined, in a terminal or by a status other than contested: the figures are one account after all.
  const declined = asked.length === 0 && (io.prompter !== undefined || (flags.status ?? 'contested') !== 'contested');
  const competing = accounts.length === 0 && !declined ? found : [];
  const quotes =
    accounts.length > 0 || competing.length > 0
      ? await decideIds(decider, 'quotes', flags.quotes, [], 'competing accounts give their own (--version-quotes)')
      : await claimQuotes(decider, flags.quotes, story, slug, quotesWithin(story, body, context.sentence, slug));
  const speakers = [
    ...new Set(
      story.quotes
        .filter((q) => quotes?.includes(q.id.slice(slug.length + 1)))
        .flatMap((q) => (q.data.speaker ? [q.data.speaker] : [])),
    ),
  ];
  const unnamedQuotes = story.quotes.filter(
    (q) => quotes?.includes(q.id.slice(slug.length + 1)) && q.data.unnamed !== undefined,
  );
  const competingWhy = `the paragraph gives different figures from different holders: ${competing.map((a) => `"${a.figure}" (${a.holder.words})`).join(', ')}`;
  const attribution = attributionOf(context.sentence.text, actors);
  const claimantsSuggested: Suggested<string[]> =
    accounts.length > 0
      ? { kind: 'value', value: [], note: 'the competing accounts name their own holders' }
      : competing.length > 0
        ? { kind: 'none', why: 'competing accounts each name their own holders (--version-claimants)' }
        : speakers.length > 0 && unnamedQuotes.length === 0
          ? { kind: 'value', value: speakers, note: "the quotes' speakers" }
          : unnamedQuotes.length > 0
            ? {
                kind: 'choose',
                why: `the quote ${unnamedQuotes.map((q) => q.id.slice(slug.length + 1)).join(', ')} has an unnamed speaker, whom a claim cannot name as a claimant: say who holds it (--claimants "" for the source's own voice)`,
                options: [
                  ...(speakers.length > 0 ? [{ value: speakers, label: speakers.join(',') }] : []),
                  { value: [], label: '"" (the source\'s own voice)' },
                ],
              }
            : attribution !== undefined
              ? holdersSuggested(context.sentence, context, actors)
              : {
                  kind: 'none',
                  why: 'no quote to take claimants from; without any, the source asserts it in its own voice',
                };
  const unnamedClaimants = unnamedHolders(flags['unnamed-claimant'], flags['unnamed-affiliation']);
  const givenClaimants = idList(flags.claimants) ?? (unnamedClaimants.length > 0 ? [] : undefined);
  // With no holder to suggest, a terminal asks who holds it (someone unnamed too); a script whose
  // sentence gives the words to someone who is no actor must say who, never the source's voice by default.
  const unsuggested = givenClaimants === undefined && claimantsSuggested.kind === 'none' && competing.length === 0;
  const described = unnamedSpeaker(context.sentence);
  const unsuggestedWhy = described
    ? `the sentence gives it to "${described.span.text}", whom it does not name`
    : claimantsSuggested.kind === 'none'
      ? claimantsSuggested.why
      : '';
  if (unsuggested && !io.prompter && (attribution !== undefined || described !== undefined))
    decider.undecided.push(
      `--claimants <actor ids> | --unnamed-claimant "<description>" [--unnamed-affiliation <organisation id>] | --claimants ""  (${unsuggestedWhy}; the tool does not guess)`,
    );
  const holders =
    unsuggested && io.prompter
      ? await askHolders(
          io.prompter,
          'claimants',
          `who holds it? (${unsuggestedWhy})`,
          actors,
          context.sentence.text,
          described?.description,
        )
      : undefined;
  const claimants = holders
    ? holders.ids
    : await decider.decide<string[]>('claimants', '--claimants', givenClaimants, claimantsSuggested, {
        parse: (s) => idList(s) ?? [],
        show: (v) => v.join(','),
      });
  const cue = statusCue(context.sentence.text);
  const suggestedStatus: Suggested<(typeof claimStatuses)[number]> =
    accounts.length > 0
      ? { kind: 'value', value: 'contested', note: 'competing accounts given by --version' }
      : competing.length > 0
        ? {
            kind: 'value',
            value: 'contested',
            note: `${competingWhy}: competing accounts, each given by --version; --status <status> if they are one account`,
          }
        : cue
          ? {
              kind: 'choose',
              why: `the sentence says "${cue.words}"${cue.kind === 'promise' ? ': a promise, which nothing can confirm yet (reported or unverified?)' : ''}`,
              options: claimStatuses.map((s) => ({ value: s, label: s })),
            }
          : { kind: 'value', value: 'reported', note: 'the source reports it; nothing in the sentence disputes it' };
  const status = await decider.decide(
    'status',
    '--status',
    oneOf('status', claimStatuses, flags.status),
    suggestedStatus,
    {
      parse: (s) => oneOf('status', claimStatuses, s.trim())!,
    },
  );
  // Competing accounts are the editor's to give, each with its words and text: the tool writes none of its own.
  if (status === 'contested' && accounts.length === 0 && competing.length > 0)
    decider.undecided.push(
      `--version "<its words>" --version-text "<the account>" [--version-claimants <ids>], once for each account  (${competingWhy}; the sentences: ${competing.map((a) => `"${a.sentence.text}"`).join(' ')})`,
    );
  // Who disputes or denies it: the actors named in the dispute's own clause ("—something the Taliban deny").
  const disputers = cue?.kind === 'dispute' ? disputersOf(context.sentence.text, cue, actors, claimants ?? []) : [];
  const disputedBy =
    status === 'disputed' || status === 'denied'
      ? await decider.decide<string[]>(
          'disputedBy',
          '--disputed-by',
          idList(flags['disputed-by']),
          disputers.length > 0
            ? { kind: 'value', value: disputers, note: `named where the sentence says "${cue!.words}"` }
            : { kind: 'none', why: 'no actor named where the sentence disputes it' },
          { parse: (s) => idList(s) ?? [], show: (v) => v.join(',') },
        )
      : idList(flags['disputed-by']);
  const id = flags.id ?? suggestId('', flags.body ?? words, story.taken.claims, 4);
  decider.settle();
  const fields = {
    claimants: nonEmpty<Holder>([
      ...(claimants ?? []),
      ...unnamedClaimants,
      ...(holders?.unnamed ? [{ unnamed: holders.unnamed }] : []),
    ]),
    source: source.id.slice(slug.length + 1),
    status,
    disputedBy,
    quotes: nonEmpty(quotes),
    passages: flags['no-passage'] ? undefined : [passageAsTyped(words, span, body)],
    versions: nonEmpty(
      accounts.map((a) => ({
        text: a.text,
        claimants: a.claimants,
        sourceVoice: a.sourceVoice,
        quotes: nonEmpty(a.quotes),
        passages: a.passage === undefined ? undefined : [a.passage],
      })),
    ),
  };
  for (const note of decider.notes) io.out(`  to check: ${note}`);
  return commit(
    io,
    [{ path: join(story.dir, 'claims', `${id}.md`), text: entityFile(fields, `${flags.body ?? ''}\n`) }],
    flags.body === undefined ? ['the claim, plainly: the body'] : [],
  );
}
