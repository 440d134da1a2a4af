import { parseArgs } from 'node:util';
import { CONTENT_DIR_VARIABLE, DEFAULT_CONTENT_DIR } from '../lib/content/folder.ts';
import { NeedsDecision } from './decide.ts';
import { OPTIONS, Stop, versionsOf } from './new/flags.ts';
import type { Io } from './new/write.ts';
import { newStory } from './new/story.ts';
import { newQuote } from './new/quote.ts';
import { newEvent } from './new/event.ts';
import { newClaim } from './new/claim.ts';
import { newActor } from './new/actor.ts';

export type { Io } from './new/write.ts';

/**
 * `npm run new -- <kind> …`: the authoring commands. Each finds what it can in the story's sources
 * (src/lib/authoring/), settles every field by flag, suggestion or question (./decide.ts), writes one
 * file and runs the content check on the folder. Usage: see USAGE below, or the README's "Authoring".
 * One module a command under ./new/, with the flags, the story folder, dates, competing accounts and
 * the check-before-write they share.
 */

const USAGE = `Usage: npm run new -- <command> [options]

  story <slug> [--text <file>] [--title <source title>] [--publisher <name>] [--url <url>]
        [--archived-url <url> --archived-on YYYY-MM-DD] [--retrieved YYYY-MM-DD] [--publish excerpts|full]
        [--published YYYY[-MM[-DD]] | --published FIRST..LAST] [--published-in metadata]
        [--published-stated-as <words>] [--published-inferred-parts year,month] [--published-reasoning <why>]
        [--note <text>] [--lang <tag>] [--source-id <id>] [--story-title <headline>] [--draft]
        [--correction "<the source's correction line>" --correction-corrects "<what>" --correction-to "<words now>"
        [--correction-from "<words before>"] [--correction-passage "<sentence>"]
        [--correction-date YYYY-MM-DD --correction-date-stated-as "<words>"] | --no-correction]
        The source text comes from --text or standard input, kept verbatim. Say where the publication
        date comes from: the page's metadata, the text's words (with the parts that are ours), or our reasoning.
        A correction the source makes to itself ("Corrects … to 14, from 40") is suggested from its text.
  quote <slug> "<words>" [--passage "<source sentence>"] [--source <id>]
        [--speaker <actor id> | --unnamed "<description>" [--affiliation <organisation id>] | --new-actor "<Name>"]
        [--form direct|reported|paraphrase] [--medium <medium> [--medium-inferred-from "<words of the source>"]] [--attribution <why>]
        [--lang <tag>] [--translation "<the words in English>" [--translation-source <source id>]] [--id <id>] [date options]
        --unnamed: a speaker the source does not name, in its words ("a senior official"); never --new-actor.
        --medium-inferred-from: the medium is ours, read from these words ("told the broadcaster Harbour FM" is an interview).
        --translation without --translation-source is ours (by: us); with it, that source's, checked there.
  event <slug> "<words of its passage>" [--title <headline>] [--body <what happened>] [--status <status>]
        [--actors a,b] [--quotes a,b] [--claims a,b] [--same-as <story>/<event>,…] [--source <id>] [--id <id>]
        [--moved-to "<words of the source giving the new date>"] (with --status postponed)
        [--until "<words of the source giving the day it is set to end>"] (with --status under-way: when = the day it began)
        [--expected-by <actor ids>] [--expected-by-unnamed "<description>" [--affiliation <id>]]
        [--expected-by-source-voice] [--expected-timing by|on] (with --status expected: who expects it, and
        whether the date is a bound it is expected by, "by the end of the month", or the date itself)
        [--moved-not-before <date>] [--moved-not-after <date>] [--moved-reasoning <why>] (new date in words, "after Ramadan":
        the words with our bound)
        [date options | --version "<words giving one account's date>" [--version-claimants a,b | --version-source-voice]
        [--version-unnamed "<description>"]…
        | --before <event id or date> [--after <event id or date>] --order-stated-as "<the source's words>"]
        --before/--after: an event the source gives no date for, only an order ("before the vote"); no date is written.
  claim <slug> "<words of its passage>" [--body <the claim>] [--status <status>] [--claimants a,b]
        [--unnamed-claimant "<description>" [--unnamed-affiliation <organisation id>]]…
        [--disputed-by a,b] [--quotes a,b] [--no-passage] [--source <id>] [--id <id>]
        [--version "<words giving one account>" --version-text "<the account>" [--version-claimants a,b |
        --version-source-voice] [--version-unnamed "<description>"]… [--version-quotes a,b] [--version-no-passage]]…
        (competing accounts: two or more, with --status contested; --version-no-passage: the account rests
        on its quotes alone, its words only find its sentence)
        --unnamed-claimant, --version-unnamed: a holder the source does not name, in its words ("an official at the harbour office").
  actor "<Name>" [--kind person|organisation] [--role <title> [--of <organisation id>] [--role-organisation <words>]
        [--role-from YYYY[-MM[-DD]]] [--role-to YYYY[-MM[-DD]]]]
        [--alias <name>]... [--disambiguation <text>] [--about <one line>] [--id <id>]

  date options (quote: said, event: when): --on, --earliest, --latest, --from, --to, --part,
        --either YYYY-MM-DD,YYYY-MM-DD (words that can mean either day: both kept, as readings),
        --stated-as, --provenance, --inferred-parts year,month, --relative-to, --reasoning, --no-date
        Where the tool offers readings to choose from, their flags choose one (--on 2026-03-10), or both
        (--either 2026-03-03,2026-03-10), and keep its words and reasoning.
  Lists (--actors, --quotes, --claims, --claimants, …) are comma-separated ids; "" or none is the empty list.
  --yes accepts every suggestion; where the tool cannot tell, it still asks for a flag.
  A file is written only when the content check passes with it; otherwise nothing is written and the
  message names each problem and the flag that gives the field.
  ${CONTENT_DIR_VARIABLE} chooses the content folder (default: ${DEFAULT_CONTENT_DIR}).`;

const COMMANDS = { story: newStory, quote: newQuote, event: newEvent, claim: newClaim, actor: newActor };

/** Runs one authoring command; returns the exit code. */
export async function main(args: string[], io: Io): Promise<number> {
  try {
    const {
      values: flags,
      positionals,
      tokens,
    } = parseArgs({
      args,
      options: OPTIONS,
      allowPositionals: true,
      tokens: true,
    });
    const [command, ...rest] = positionals;
    if (flags.help || command === undefined || !(command in COMMANDS)) {
      io.out(USAGE);
      return flags.help ? 0 : 2;
    }
    const versions = versionsOf(tokens);
    if (versions.length > 0 && command !== 'claim' && command !== 'event')
      throw new Stop('--version gives a competing account of a claim or an event: use it with `claim` or `event`');
    return await COMMANDS[command as keyof typeof COMMANDS](io, flags, rest, versions);
  } catch (error) {
    if (
      error instanceof Stop ||
      error instanceof NeedsDecision ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.out((error as Error).message);
      return 1;
    }
    throw error;
  }
}
