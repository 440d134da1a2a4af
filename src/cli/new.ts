import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { DateValue } from '../lib/model/date.ts';
import { media, quoteForms, eventStatuses, claimStatuses, ID_PATTERN, type Actor } from '../lib/model/entities.ts';
import type { Entry } from '../lib/model/corpus.ts';
import { readContent, readTextFile } from '../lib/content/read.ts';
import { CONTENT_DIR_VARIABLE, DEFAULT_CONTENT_DIR } from '../lib/content/folder.ts';
import { formatProblem } from '../lib/content/problems.ts';
import { explainMiss, findVerbatim, type Span } from '../lib/content/verbatim.ts';
import { contextOf, type PassageContext } from '../lib/authoring/context.ts';
import { namedActors, suggestSpeaker, type ActorNames } from '../lib/authoring/actors.ts';
import { suggestDate, type DateSuggestion, type Reference, type Scope } from '../lib/authoring/dates.ts';
import { suggestForm } from '../lib/authoring/form.ts';
import { suggestMedium, type MediumSuggestion } from '../lib/authoring/medium.ts';
import { idOf, suggestId } from '../lib/authoring/ids.ts';
import { entityFile } from '../lib/authoring/files.ts';
import { checkContent } from '../lib/authoring/check.ts';
import { Decider, NeedsDecision, type Prompter, type Suggested } from './decide.ts';

/**
 * `npm run new -- <kind> …`: the authoring commands. Each finds what it can in the story's sources
 * (src/lib/authoring/), settles every field by flag, suggestion or question (./decide.ts), writes one
 * file and runs the content check on the folder. Usage: see USAGE below, or the README's "Authoring".
 */

const USAGE = `Usage: npm run new -- <command> [options]

  story <slug> [--text <file>] [--title <source title>] [--publisher <name>] [--url <url>]
        [--published YYYY[-MM[-DD]] [--published-stated-as <words> | --published-in metadata |
        --published-reasoning <why>]] [--note <text>] [--lang <tag>] [--source-id <id>] [--story-title <headline>]
        The source text comes from --text or standard input, kept verbatim.
  quote <slug> "<words>" [--passage "<source sentence>"] [--source <id>] [--speaker <actor id> | --new-actor "<Name>"]
        [--form direct|reported|paraphrase] [--medium <medium>] [--attribution <why>] [--id <id>] [date options]
  event <slug> "<words of its passage>" [--title <headline>] [--body <what happened>] [--status <status>]
        [--actors a,b] [--quotes a,b] [--claims a,b] [--source <id>] [--id <id>] [date options]
  claim <slug> "<words of its passage>" [--body <the claim>] [--status <status>] [--claimants a,b]
        [--disputed-by a,b] [--quotes a,b] [--no-passage] [--source <id>] [--id <id>]
  actor "<Name>" [--kind person|organisation] [--role <title>] [--of <organisation id>]
        [--alias <name>]... [--disambiguation <text>] [--about <one line>] [--id <id>]

  date options (quote: said, event: when): --on, --earliest, --latest, --from, --to, --part,
        --stated-as, --provenance, --inferred-parts year,month, --relative-to, --reasoning, --no-date
  --yes accepts every suggestion; where the tool cannot tell, it still asks for a flag.
  ${CONTENT_DIR_VARIABLE} chooses the content folder (default: ${DEFAULT_CONTENT_DIR}).`;

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

const OPTIONS = {
  yes: { type: 'boolean' },
  help: { type: 'boolean' },
  text: { type: 'string' },
  title: { type: 'string' },
  publisher: { type: 'string' },
  url: { type: 'string' },
  published: { type: 'string' },
  'published-stated-as': { type: 'string' },
  'published-in': { type: 'string' },
  'published-reasoning': { type: 'string' },
  note: { type: 'string' },
  lang: { type: 'string' },
  'source-id': { type: 'string' },
  'story-title': { type: 'string' },
  passage: { type: 'string' },
  source: { type: 'string' },
  speaker: { type: 'string' },
  'new-actor': { type: 'string' },
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
  part: { type: 'string' },
  'stated-as': { type: 'string' },
  provenance: { type: 'string' },
  'inferred-parts': { type: 'string' },
  'relative-to': { type: 'string' },
  reasoning: { type: 'string' },
  'no-date': { type: 'boolean' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** A mistake in the command line or the content that stops the command, with the message to print. */
class Stop extends Error {}

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');

function oneOf<T extends string>(what: string, allowed: readonly T[], value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new Stop(`--${what} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

/** The story folder's content, as the check reads it. */
function load(io: Io, slug: string) {
  const dir = join(io.contentDir, 'stories', slug);
  if (!existsSync(join(dir, 'story.mdx')))
    throw new Stop(
      `No story "${slug}": ${relative(io.projectRoot, dir)}/story.mdx does not exist (npm run new -- story ${slug})`,
    );
  const { files, problems } = readContent(io.contentDir, io.projectRoot);
  const unread = problems.filter((p) => p.file.includes(`/stories/${slug}/sources/`));
  // A source the check refuses is left out of what is read: say why, rather than that there is none.
  if (unread.length > 0)
    throw new Stop(`Finish the story's source first:\n${unread.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
  const mine = <T>(entries: Entry<T>[]) => entries.filter((e) => e.id.startsWith(`${slug}/`));
  return {
    dir,
    actors: files.actors,
    sources: mine(files.sources),
    quotes: mine(files.quotes),
    claims: mine(files.claims),
    taken: {
      quotes: idsOf(mine(files.quotes), slug),
      claims: idsOf(mine(files.claims), slug),
      events: idsOf(mine(files.events), slug),
    },
  };
}

const idsOf = (entries: Entry<unknown>[], slug: string) => new Set(entries.map((e) => e.id.slice(slug.length + 1)));

const actorNames = (actors: Entry<Actor>[]): ActorNames[] =>
  actors.map((a) => ({ id: a.id, name: a.data.name, kind: a.data.kind, aliases: a.data.aliases }));

/** The publication day of a source, to read relative dates against, if it is one day. */
function referenceOf(source: Entry<{ published: DateValue }>): Reference | undefined {
  const { on, provenance } = source.data.published;
  return on?.length === 10 ? { day: on, inferred: provenance === 'inferred' } : undefined;
}

/** Finds `words` in the story's sources (the one named, else each): the source and the span, or a refusal naming the closest passage. */
function locate(sources: Entry<{ published: DateValue }>[], words: string, only: string | undefined, slug: string) {
  const candidates = only === undefined ? sources : sources.filter((s) => s.id === `${slug}/${only}`);
  if (candidates.length === 0)
    throw new Stop(
      only === undefined ? `The story "${slug}" has no source yet.` : `No source "${only}" in the story "${slug}".`,
    );
  for (const source of candidates) {
    const found = findVerbatim(words, source.body ?? '');
    if (found.found) return { source, span: found as Span };
  }
  const misses = candidates.map((s) => `  ${s.id.slice(slug.length + 1)}: ${explainMiss(words, s.body ?? '')}`);
  throw new Stop(`Not in the source${candidates.length > 1 ? 's' : ''} verbatim:\n${misses.join('\n')}`);
}

/** The date value given by flags, laid over the suggestion (a shape flag replaces the suggestion's shape). */
function dateFromFlags(flags: Flags): Partial<DateValue> | undefined {
  const shape = { on: flags.on, earliest: flags.earliest, latest: flags.latest, from: flags.from, to: flags.to };
  const rest = {
    part: oneOf('part', ['early', 'mid', 'late'] as const, flags.part),
    statedAs: flags['stated-as'],
    provenance: oneOf('provenance', ['stated', 'inferred'] as const, flags.provenance),
    inferredParts: list(flags['inferred-parts']) as DateValue['inferredParts'],
    relativeTo: flags['relative-to'],
    reasoning: flags.reasoning,
  };
  const given = Object.fromEntries(Object.entries({ ...shape, ...rest }).filter(([, v]) => v !== undefined));
  return Object.keys(given).length === 0 ? undefined : given;
}

const SHAPE = ['on', 'earliest', 'latest', 'from', 'to', 'part'] as const;

/** A medium suggestion as a field's: named near the words; to choose, when the source names one only elsewhere; or `unstated`. */
function mediumSuggested(suggestion: MediumSuggestion): Suggested<(typeof media)[number]> {
  if (suggestion.kind === 'near')
    return { kind: 'value', value: suggestion.medium, note: `"${suggestion.words}" near the words` };
  if (suggestion.kind === 'unstated') return { kind: 'value', value: 'unstated', note: 'the source names no medium' };
  return {
    kind: 'choose',
    why: `no medium is named near the words, but the source names ${suggestion.candidates.map((c) => `"${c.words}"`).join(', ')} elsewhere`,
    options: [
      ...suggestion.candidates.map((c) => ({ value: c.medium, label: c.medium })),
      { value: 'unstated' as const, label: 'unstated' },
    ],
  };
}

/** The date suggestion as a field suggestion. */
function dateSuggested(suggestion: DateSuggestion, reference: Reference | undefined): Suggested<DateValue> {
  if (!reference)
    return {
      kind: 'none',
      why: "the source's publication date is not one day, so relative dates cannot be read against it",
    };
  if (suggestion.kind === 'none')
    return { kind: 'none', why: 'no date expression in the passage, its sentence or its paragraph' };
  if (suggestion.kind === 'ambiguous') return { kind: 'choose', why: suggestion.why, options: suggestion.options };
  return { kind: 'value', value: suggestion.value, note: `from "${suggestion.expression}"` };
}

const showDate = (date: DateValue) =>
  [
    date.on ?? (date.earliest ? `${date.earliest}..${date.latest}` : `${date.from}–${date.to}`),
    date.part,
    `(${date.provenance}${date.statedAs ? `, "${date.statedAs}"` : ''})`,
  ]
    .filter(Boolean)
    .join(' ');

/** Settles a date field: flags over the suggestion; an ambiguous suggestion settled by a shape flag. */
async function decideDate(
  field: string,
  flags: Flags,
  decider: Decider,
  suggestion: Suggested<DateValue>,
): Promise<DateValue | undefined> {
  if (flags['no-date']) return undefined;
  const given = dateFromFlags(flags);
  const hasShape = given !== undefined && SHAPE.some((k) => k in given && k !== 'part');
  const base = hasShape
    ? undefined
    : await decider.decide(field, '--on/--earliest/--latest (or --no-date)', undefined, suggestion, { show: showDate });
  if (given === undefined)
    return (
      base && {
        ...base,
        ...(base.reasoning !== undefined && { reasoning: await decider.confirm(`${field}.reasoning`, base.reasoning) }),
      }
    );
  if (!hasShape && base === undefined)
    throw new Stop(
      `No date to lay ${Object.keys(given).join(', ')} over: give the date itself (--on, or --earliest and --latest, or --from and --to)`,
    );
  const laid: Partial<DateValue> = { ...(hasShape ? {} : base), ...given };
  if (hasShape && laid.provenance === undefined) laid.provenance = laid.reasoning === undefined ? 'stated' : 'inferred';
  return laid as DateValue;
}

/** Writes a file the command made, refusing to replace one. */
function write(io: Io, path: string, text: string): void {
  if (existsSync(path)) throw new Stop(`${relative(io.projectRoot, path)} exists already; choose another id with --id`);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  io.out(`Wrote ${relative(io.projectRoot, path)}`);
}

/**
 * Runs the content check and prints what it finds: the fields still to write (missing ones the check
 * names, and `extra`, the prose the check cannot ask for), then any other problem. 0 when there is none.
 */
function report(io: Io, extra: string[] = []): number {
  const { problems, toWrite } = checkContent(io.contentDir, io.projectRoot, io.today);
  const missing = [...toWrite, ...problems.filter((p) => p.value === undefined)];
  const others = problems.filter((p) => p.value !== undefined);
  const still = [...missing.map((p) => `${p.file}: \`${p.field}\``), ...extra];
  if (still.length > 0)
    io.out(
      `Still to write (the check names each field until it is written):\n${still.map((s) => `  - ${s}`).join('\n')}`,
    );
  if (others.length === 0) {
    io.out(missing.length > 0 ? 'Content check: no other problem.' : 'Content check: passed.');
    return 0;
  }
  io.out(
    `Content check: ${others.length} problem${others.length === 1 ? '' : 's'}:\n${others.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
  );
  return 1;
}

/** The source text in the file `--text` names, read as the check reads content (UTF-8, any line endings). */
function sourceText(path: string): string {
  const read = readTextFile(path, path);
  if ('problem' in read) throw new Stop(formatProblem(read.problem));
  return read.text;
}

async function newStory(io: Io, flags: Flags, [slug]: string[]): Promise<number> {
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
  const day = await ask('published', flags.published, 'the day it was published, YYYY-MM-DD (or YYYY-MM, YYYY)');
  let published: Partial<DateValue> | undefined;
  if (day !== undefined) {
    published = { on: day };
    if (flags['published-in'] === 'metadata') Object.assign(published, { provenance: 'stated', statedIn: 'metadata' });
    else if (flags['published-stated-as'] !== undefined)
      Object.assign(published, { statedAs: flags['published-stated-as'], provenance: 'stated' });
    else if (flags['published-reasoning'] !== undefined)
      Object.assign(published, { provenance: 'inferred', reasoning: flags['published-reasoning'] });
    else if (io.prompter) {
      const how = await io.prompter.select('Where does the publication date come from?', [
        { value: 'metadata', label: "the page's metadata (a dateline, a published-at field)" },
        { value: 'text', label: 'the text, in words' },
        { value: 'inferred', label: 'we inferred it' },
      ]);
      if (how === 'metadata') Object.assign(published, { provenance: 'stated', statedIn: 'metadata' });
      if (how === 'text')
        Object.assign(published, {
          provenance: 'stated',
          statedAs: await io.prompter.text('The words the text gives it in'),
        });
      if (how === 'inferred')
        Object.assign(published, { provenance: 'inferred', reasoning: await io.prompter.text('How it was inferred') });
    } else {
      // The check then names the one field missing: how the date was inferred (or, instead, where it is stated).
      published.provenance = 'inferred';
      decider.notes.push(
        'published: inferred unless you say where it is stated (--published-in metadata, --published-stated-as "<the words>")',
      );
    }
  }
  const sourceId = flags['source-id'] ?? (publisher ? idOf(publisher) : 'article');
  decider.settle();
  write(
    io,
    join(dir, 'story.mdx'),
    entityFile({ title: flags['story-title'], published: io.today, updated: io.today }, '\n'),
  );
  write(
    io,
    join(dir, 'sources', `${sourceId}.md`),
    entityFile({ title, publisher, url, published, note: flags.note, lang: flags.lang }, text),
  );
  for (const note of decider.notes) io.out(`  to check: ${note}`);
  return report(io, ['the explainer text, the body of story.mdx']);
}

/** The speaker: a flag, a new actor, or the suggestion from the names near the words. */
async function speakerOf(
  io: Io,
  flags: Flags,
  decider: Decider,
  actors: ActorNames[],
  context: PassageContext,
  exclude: Span | undefined,
) {
  if (flags['new-actor'] !== undefined) return writeActor(io, flags, flags['new-actor']);
  const suggestion = suggestSpeaker(context, actors, exclude);
  const name = (id: string) => actors.find((a) => a.id === id)?.name ?? id;
  const suggested: Suggested<string> =
    suggestion.kind === 'actor'
      ? { kind: 'value', value: suggestion.id, note: `"${suggestion.mention.text}" in the ${suggestion.where}` }
      : suggestion.kind === 'ambiguous'
        ? {
            kind: 'choose',
            why: `${suggestion.mentions.map((m) => `"${m.text}"`).join(', ')} in the ${suggestion.where} could be ${suggestion.candidates.map(name).join(' or ')}`,
            options: suggestion.candidates.map((id) => ({ value: id, label: id })),
          }
        : { kind: 'none', why: 'no actor named in the sentence or the paragraph; --new-actor "<Name>" creates one' };
  const speaker = await decider.decide('speaker', '--speaker', flags.speaker, suggested, { parse: (s) => s.trim() });
  if (speaker !== undefined && !actors.some((a) => a.id === speaker))
    throw new Stop(`No actor "${speaker}": give an existing id, or --new-actor "<Name>"`);
  return speaker;
}

async function newQuote(io: Io, flags: Flags, [slug, words]: string[]): Promise<number> {
  if (slug === undefined || words === undefined)
    throw new Stop('quote needs a story and the words: npm run new -- quote <slug> "<words>"');
  const story = load(io, slug);
  const actors = actorNames(story.actors);
  const viaPassage = flags.passage !== undefined;
  const { source, span } = locate(story.sources, flags.passage ?? words, flags.source, slug);
  const body = source.body ?? '';
  const context = contextOf(body, span.start, span.end);
  io.out(`Found in ${source.id.slice(slug.length + 1)}: "${context.sentence.text}"`);
  const decider = new Decider(io.prompter, flags.yes ?? false, io.out);
  const detected = viaPassage
    ? { form: 'paraphrase' as const, why: 'the words are yours; the passage is the source’s' }
    : suggestForm(body, span, context);
  const form = await decider.decide(
    'form',
    '--form',
    oneOf('form', quoteForms, flags.form),
    { kind: 'value', value: detected.form, note: detected.why },
    {
      parse: (s) => oneOf('form', quoteForms, s.trim())!,
    },
  );
  const quoted = form !== 'paraphrase';
  const passage = form === 'paraphrase' ? (viaPassage ? flags.passage : context.sentence.text) : undefined;
  const speaker = await speakerOf(io, flags, decider, actors, context, quoted ? span : undefined);
  const scopes: Scope[] = quoted
    ? [
        { ...context.sentence, exclude: span },
        { ...context.paragraph, exclude: span },
      ]
    : [span, context.sentence, context.paragraph].map((s) => ({ text: s.text, start: s.start }));
  const reference = referenceOf(source);
  const said = await decideDate(
    'said',
    flags,
    decider,
    dateSuggested(reference ? suggestDate(scopes, reference) : { kind: 'none' }, reference),
  );
  const medium = await decider.decide(
    'medium',
    '--medium',
    oneOf('medium', media, flags.medium),
    mediumSuggested(suggestMedium([context.sentence.text, context.paragraph.text], body)),
    { parse: (s) => oneOf('medium', media, s.trim())! },
  );
  const speakerName = actors.find((a) => a.id === speaker)?.name ?? '';
  const id = flags.id ?? suggestId(speakerName.split(/\s+/).at(-1) ?? '', words, story.taken.quotes);
  decider.settle();
  const fields = {
    speaker,
    source: source.id.slice(slug.length + 1),
    form,
    medium,
    passage,
    attribution: flags.attribution,
    said,
  };
  write(io, join(story.dir, 'quotes', `${id}.md`), entityFile(fields, `${words}\n`));
  for (const note of decider.notes) io.out(`  to check: ${note}`);
  return report(io);
}

/** Quotes of the story whose words (or passage) stand in `scope`, by id. */
function quotesWithin(story: ReturnType<typeof load>, sourceBody: string, scope: Span, slug: string): string[] {
  return story.quotes.flatMap((q) => {
    const found = findVerbatim(q.data.passage ?? q.body ?? '', sourceBody);
    return found.found && found.start >= scope.start && found.end <= scope.end ? [q.id.slice(slug.length + 1)] : [];
  });
}

const sameDate = (a: DateValue | undefined, b: DateValue | undefined) =>
  a !== undefined &&
  b !== undefined &&
  ['on', 'earliest', 'latest', 'from', 'to', 'part'].every((k) => a[k as keyof DateValue] === b[k as keyof DateValue]);

/** Settles a list of ids: a flag (comma-separated), else the suggestion. */
async function decideIds(decider: Decider, field: string, given: string | undefined, ids: string[], note: string) {
  return decider.decide<string[]>(
    field,
    `--${field}`,
    list(given),
    { kind: 'value', value: ids, note },
    { parse: (s) => list(s) ?? [], show: (v) => v.join(',') || 'none' },
  );
}

async function newEvent(io: Io, flags: Flags, [slug, words]: string[]): Promise<number> {
  if (slug === undefined || words === undefined)
    throw new Stop('event needs a story and words of its passage: npm run new -- event <slug> "<words>"');
  const story = load(io, slug);
  const actorList = actorNames(story.actors);
  const { source, span } = locate(story.sources, words, flags.source, slug);
  const body = source.body ?? '';
  const context = contextOf(body, span.start, span.end);
  io.out(`Found in ${source.id.slice(slug.length + 1)}: "${context.sentence.text}"`);
  const decider = new Decider(io.prompter, flags.yes ?? false, io.out);
  const title = await decider.decide(
    'title',
    '--title',
    flags.title,
    { kind: 'none', why: 'a short headline is yours to write' },
    { parse: (s) => s.trim() },
  );
  const reference = referenceOf(source);
  const scopes: Scope[] = [span, context.sentence, context.paragraph].map((s) => ({ text: s.text, start: s.start }));
  const when = await decideDate(
    'when',
    flags,
    decider,
    dateSuggested(reference ? suggestDate(scopes, reference) : { kind: 'none' }, reference),
  );
  const status = oneOf('status', eventStatuses, flags.status);
  const named = namedActors(context.sentence.text, actorList);
  if (named.ambiguous.length > 0 && flags.actors === undefined) {
    decider.undecided.push(
      `--actors <ids>  (${named.ambiguous.map((m) => `"${m.text}" could be ${m.ids.join(' or ')}`).join('; ')}; the tool does not guess)`,
    );
  }
  // Actors the paragraph names beside the sentence's may have taken part too: the editor says, the tool does not guess.
  const nearby = namedActors(context.paragraph.text, actorList).ids.filter((id) => !named.ids.includes(id));
  if (nearby.length > 0 && flags.actors === undefined) {
    decider.undecided.push(
      `--actors <ids>  (the sentence names ${named.ids.join(', ') || 'no actor'}; the paragraph also names ${nearby.join(', ')}: say which took part; the tool does not guess)`,
    );
  }
  const actors = await decideIds(decider, 'actors', flags.actors, named.ids, 'the actors the sentence names');
  const sourceId = source.id.slice(slug.length + 1);
  const dated = story.quotes.filter(
    (q) => q.data.source === sourceId && sameDate(q.data.said, when) && actors?.includes(q.data.speaker ?? ''),
  );
  const quoteIds = [
    ...new Set([
      ...dated.map((q) => q.id.slice(slug.length + 1)),
      ...quotesWithin(story, body, context.sentence, slug),
    ]),
  ];
  const quotes = await decideIds(
    decider,
    'quotes',
    flags.quotes,
    quoteIds,
    "quotes in the sentence, and the actors' quotes of that date",
  );
  const claimIds = story.claims
    .filter(
      (c) =>
        c.data.quotes.some((q) => quotes?.includes(q)) ||
        c.data.passages.some((p) => {
          const f = findVerbatim(p, body);
          return f.found && f.start >= context.sentence.start && f.end <= context.sentence.end;
        }),
    )
    .map((c) => c.id.slice(slug.length + 1));
  const claims = await decideIds(
    decider,
    'claims',
    flags.claims,
    claimIds,
    'claims resting on those quotes or on the sentence',
  );
  const id = flags.id ?? suggestId('', title ?? words, story.taken.events, 5);
  decider.settle();
  const fields = {
    title,
    when,
    status,
    source: sourceId,
    actors: nonEmpty(actors),
    quotes: nonEmpty(quotes),
    claims: nonEmpty(claims),
  };
  write(io, join(story.dir, 'events', `${id}.md`), entityFile(fields, `${flags.body ?? ''}\n`));
  for (const note of decider.notes) io.out(`  to check: ${note}`);
  return report(io, flags.body === undefined ? [`the event's body: what happened, in plain text`] : []);
}

const nonEmpty = (ids: string[] | undefined) => (ids && ids.length > 0 ? ids : undefined);

async function newClaim(io: Io, flags: Flags, [slug, words]: string[]): Promise<number> {
  if (slug === undefined || words === undefined)
    throw new Stop('claim needs a story and words of its passage: npm run new -- claim <slug> "<words>"');
  const story = load(io, slug);
  const { source, span } = locate(story.sources, words, flags.source, slug);
  const body = source.body ?? '';
  const context = contextOf(body, span.start, span.end);
  io.out(`Found in ${source.id.slice(slug.length + 1)}: "${context.sentence.text}"`);
  const decider = new Decider(io.prompter, flags.yes ?? false, io.out);
  const quotes = await decideIds(
    decider,
    'quotes',
    flags.quotes,
    quotesWithin(story, body, context.sentence, slug),
    'quotes in the sentence',
  );
  const speakers = [
    ...new Set(
      story.quotes
        .filter((q) => quotes?.includes(q.id.slice(slug.length + 1)))
        .flatMap((q) => (q.data.speaker ? [q.data.speaker] : [])),
    ),
  ];
  const claimants = await decider.decide<string[]>(
    'claimants',
    '--claimants',
    list(flags.claimants),
    speakers.length > 0
      ? { kind: 'value', value: speakers, note: "the quotes' speakers" }
      : { kind: 'none', why: 'no quote to take claimants from; without any, the source asserts it in its own voice' },
    { parse: (s) => list(s) ?? [], show: (v) => v.join(',') || 'none' },
  );
  const disputes = /\b(?:den(?:y|ies|ied|ial)|disput\w*|reject\w*|refut\w*|contest\w*)\b/i.exec(context.sentence.text);
  const suggestedStatus: Suggested<(typeof claimStatuses)[number]> = disputes
    ? {
        kind: 'choose',
        why: `the sentence says "${disputes[0]}"`,
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
  const id = flags.id ?? suggestId('', flags.body ?? words, story.taken.claims, 4);
  decider.settle();
  const fields = {
    claimants: nonEmpty(claimants),
    source: source.id.slice(slug.length + 1),
    status,
    disputedBy: list(flags['disputed-by']),
    quotes: nonEmpty(quotes),
    passages: flags['no-passage'] ? undefined : [span.text],
  };
  write(io, join(story.dir, 'claims', `${id}.md`), entityFile(fields, `${flags.body ?? ''}\n`));
  return report(io, flags.body === undefined ? ['the claim, plainly: the body'] : []);
}

/** Writes a new actor and returns its id; asks (or needs flags) for its kind and role. */
async function writeActor(io: Io, flags: Flags, name: string): Promise<string> {
  const decider = new Decider(io.prompter, flags.yes ?? false, io.out);
  const kinds = ['person', 'organisation'] as const;
  const kind = await decider.decide('kind', '--kind', oneOf('kind', kinds, flags.kind), {
    kind: 'choose',
    why: 'a person or an organisation?',
    options: kinds.map((k) => ({ value: k, label: k })),
  });
  const title = await decider.decide(
    'role',
    '--role',
    flags.role,
    { kind: 'none', why: 'the title the sources give' },
    { parse: (s) => s.trim() },
  );
  const id = flags.id !== undefined && flags['new-actor'] === undefined ? flags.id : idOf(name);
  decider.settle();
  const roles = title ? [{ title, of: flags.of }] : undefined;
  write(
    io,
    join(io.contentDir, 'actors', `${id}.md`),
    entityFile(
      { name, kind, disambiguation: flags.disambiguation, roles, aliases: flags.alias },
      `${flags.about ?? ''}\n`,
    ),
  );
  return id;
}

async function newActor(io: Io, flags: Flags, [name]: string[]): Promise<number> {
  if (name === undefined) throw new Stop('actor needs a name: npm run new -- actor "<Name>"');
  await writeActor(io, flags, name);
  return report(io, flags.about === undefined ? ['the actor in one line: the body'] : []);
}

const COMMANDS = { story: newStory, quote: newQuote, event: newEvent, claim: newClaim, actor: newActor };

/** Runs one authoring command; returns the exit code. */
export async function main(args: string[], io: Io): Promise<number> {
  try {
    const { values: flags, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
    const [command, ...rest] = positionals;
    if (flags.help || command === undefined || !(command in COMMANDS)) {
      io.out(USAGE);
      return flags.help ? 0 : 2;
    }
    return await COMMANDS[command as keyof typeof COMMANDS](io, flags, rest);
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
