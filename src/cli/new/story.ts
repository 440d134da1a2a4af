/** `npm run new -- story`: a story folder with its first source, its publication date and any correction the source makes to itself. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DateValue } from '../../lib/model/date.ts';
import { publishModes, ID_PATTERN } from '../../lib/model/entities.ts';
import { readTextFile } from '../../lib/content/read.ts';
import { formatProblem } from '../../lib/content/problems.ts';
import { idOf } from '../../lib/authoring/ids.ts';
import { entityFile } from '../../lib/authoring/files.ts';
import { findNotices, readNotice } from '../../lib/authoring/sourceCorrections.ts';
import { Decider } from '../decide.ts';
import { oneOf, Stop, type Flags } from './flags.ts';
import { idList } from '../../lib/authoring/flags.ts';
import { commit, type Io } from './write.ts';

/** The source text in the file `--text` names, read as the check reads content (UTF-8, any line endings). */
function sourceText(path: string): string {
  const read = readTextFile(path, path);
  if ('problem' in read) throw new Stop(formatProblem(read.problem));
  return read.text;
}

export async function newStory(io: Io, flags: Flags, [slug]: string[]): Promise<number> {
  if (slug === undefined || !ID_PATTERN.test(slug))
    throw new Stop('story needs a slug in lower-case-with-hyphens: npm run new -- story <slug>');
  const dir = join(io.contentDir, 'stories', slug);
  if (existsSync(dir)) throw new Stop(`${relative(io.projectRoot, dir)} exists already`);
  const text = flags.text === undefined ? await io.readStdin() : sourceText(flags.text);
  if (text.trim() === '') throw new Stop('No source text: give --text <file> or pipe the text to standard input');
  const decider = new Decider(io.prompter, flags.yes ?? false, io.out);
  const ask = async (field: string, given: string | undefined, why: string) =>
    (await decider.decide(field, `--${field}`, given, { kind: 'none', why }, { parse: (s) => s.trim() })) || undefined;
  const title = await ask('title', flags.title, 'the headline as published; one we supply goes in [square brackets]');
  const publisher = await ask('publisher', flags.publisher, 'who published it, if known');
  const url = await ask('url', flags.url, 'where it was published, if known');
  const archivedUrl = await ask('archived-url', flags['archived-url'], 'a copy in a web archive, if one was made');
  const archived =
    archivedUrl === undefined
      ? undefined
      : {
          url: archivedUrl,
          on: await ask('archived-on', flags['archived-on'], 'the day the archive took the copy, YYYY-MM-DD'),
        };
  const retrieved = await ask('retrieved', flags.retrieved, 'the day we retrieved the text, YYYY-MM-DD, if known');
  // How much of the text its page may publish is the editor's call, never guessed: left out, the
  // model's safe default (excerpts) applies.
  const publish =
    (await decider.decide(
      'publish',
      '--publish',
      oneOf('publish', publishModes, flags.publish),
      {
        kind: 'none',
        why: 'excerpts (the default) for third-party journalism; full for our own documents, public statements, public-domain or demonstration texts',
      },
      { parse: (s) => oneOf('publish', publishModes, s.trim()) },
    )) || undefined;
  const day = await ask(
    'published',
    flags.published,
    'the day it was published, YYYY-MM-DD (or YYYY-MM, YYYY; a range FIRST..LAST when only bounds are known)',
  );
  const published = day === undefined ? undefined : await publicationOf(io, flags, decider, day);
  const corrections = await sourceCorrectionsOf(flags, decider, text);
  const sourceId = flags['source-id'] ?? (publisher ? idOf(publisher) : 'article');
  decider.settle();
  for (const note of decider.notes) io.out(`  to check: ${note}`);
  return commit(
    io,
    [
      {
        path: join(dir, 'story.mdx'),
        // --draft: a story only the dev server and a preview build show until `draft: true` is removed.
        text: entityFile(
          { title: flags['story-title'], published: io.today, updated: io.today, draft: flags.draft || undefined },
          '\n',
        ),
      },
      {
        path: join(dir, 'sources', `${sourceId}.md`),
        text: entityFile(
          {
            title,
            publisher,
            url,
            archived,
            retrieved,
            published,
            note: flags.note,
            lang: flags.lang,
            publish,
            corrections,
          },
          text,
        ),
      },
    ],
    ['the explainer text, the body of story.mdx'],
  );
}

/**
 * The correction a source makes to itself, if its text has one: the line (`--correction`), suggested
 * from a "Corrects … to …, from …" or "An earlier version … misstated …" sentence, then what it
 * corrected and the words now and before, suggested from the line where it gives them. The corrected
 * words the line does not give are the editor's to say: a terminal asks, a script must give
 * `--correction-to`. Two correction lines are a choice, never both read as one. One correction a
 * command; the content check finds each part in the text before the file is kept.
 */
async function sourceCorrectionsOf(flags: Flags, decider: Decider, text: string) {
  if (flags['no-correction']) return undefined;
  const found = findNotices(text);
  const parse = (typed: string) => typed.trim();
  const notice = await decider.decide(
    'correction',
    '--correction',
    flags.correction,
    found.length === 0
      ? { kind: 'none', why: 'no "Corrects … to …" or "An earlier version … misstated …" line in the text' }
      : found.length === 1
        ? { kind: 'value', value: found[0]!.notice, note: "the source's correction line" }
        : {
            kind: 'choose',
            why: `${found.length} correction lines; one a command (--no-correction for none)`,
            options: found.map((reading) => ({ value: reading.notice, label: reading.notice })),
          },
    { parse },
  );
  if (notice === undefined) return undefined;
  const reading = readNotice(notice);
  const part = async (name: 'corrects' | 'to' | 'from', value: string | undefined, why: string, required?: string) =>
    decider.decide(
      `correction-${name}`,
      `--correction-${name}`,
      flags[`correction-${name}`],
      value === undefined ? { kind: 'none', why } : { kind: 'value', value, note: 'from the correction line' },
      { parse, ...(required !== undefined && { required }) },
    );
  const corrects = await part('corrects', reading?.corrects, 'what the source corrected, in a few words', '"<what>"');
  const to = await part(
    'to',
    reading?.to,
    'the correction line does not give the corrected words: give them as the text now has them',
    '"<the corrected words>"',
  );
  const from = await part('from', reading?.from, 'the correction line does not give the words before');
  const day = flags['correction-date'];
  const statedAs = flags['correction-date-stated-as'];
  if (day === undefined)
    decider.notes.push('correction date: give --correction-date if the source dates its correction');
  else if (statedAs === undefined)
    decider.undecided.push(
      '--correction-date-stated-as "<the words>"  (the words the source dates its correction in; the tool does not guess)',
    );
  const date = day === undefined ? undefined : { on: day, statedAs, provenance: 'stated' };
  const fields = { corrects, to, from, notice, passage: flags['correction-passage'], date };
  // The file leaves out what is not given, as it leaves out a source's absent fields.
  return [Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))];
}

/**
 * A source's publication date from `--published` (one date, or `FIRST..LAST` for a date known only
 * between two bounds) and where it comes from: the page's metadata, the text's words, our inference,
 * or words of the text with parts of ours (`--published-inferred-parts`). Nothing is assumed: a
 * terminal is asked, a script must say.
 */
async function publicationOf(io: Io, flags: Flags, decider: Decider, given: string): Promise<Partial<DateValue>> {
  const [first, last] = given.split('..').map((v) => v.trim());
  const published: Partial<DateValue> = last === undefined ? { on: first } : { earliest: first, latest: last };
  const inferredParts = idList(flags['published-inferred-parts']) as DateValue['inferredParts'];
  const how = {
    ...(flags['published-in'] !== undefined && {
      statedIn: oneOf('published-in', ['text', 'metadata'] as const, flags['published-in']),
    }),
    ...(flags['published-stated-as'] !== undefined && { statedAs: flags['published-stated-as'] }),
    ...(flags['published-reasoning'] !== undefined && { reasoning: flags['published-reasoning'] }),
    ...(inferredParts !== undefined && inferredParts.length > 0 && { inferredParts }),
  };
  if (Object.keys(how).length > 0) {
    const inferred = how.reasoning !== undefined || how.inferredParts !== undefined;
    return { ...published, provenance: inferred ? 'inferred' : 'stated', ...how };
  }
  if (io.prompter) {
    const where = await io.prompter.select('Where does the publication date come from?', [
      { value: 'metadata', label: "the page's metadata (a dateline, a published-at field)" },
      { value: 'text', label: 'the text, in words' },
      { value: 'partly', label: 'the text, in words, with a part of ours (the year)' },
      { value: 'inferred', label: 'we inferred it' },
    ]);
    if (where === 'metadata') return { ...published, provenance: 'stated', statedIn: 'metadata' };
    const statedAs = where === 'inferred' ? undefined : await io.prompter.text('The words the text gives it in');
    if (where === 'text') return { ...published, provenance: 'stated', statedAs };
    return {
      ...published,
      ...(statedAs !== undefined && { statedAs, inferredParts: ['year'] as DateValue['inferredParts'] }),
      provenance: 'inferred',
      reasoning: await io.prompter.text('How it was inferred'),
    };
  }
  decider.undecided.push(
    '--published-in metadata | --published-stated-as "<the words>" | --published-reasoning "<how it was inferred>" ' +
      '(with --published-inferred-parts year when the words give the rest)  (where the publication date comes from; the tool does not guess)',
  );
  return published;
}
