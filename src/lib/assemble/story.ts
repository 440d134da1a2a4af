import type {
  AccountMeta,
  ClaimMeta,
  EventMeta,
  ExpectationMeta,
  HolderMeta,
  OrderBoundMeta,
  QuoteMeta,
  SourceMeta,
  StoryMeta,
  UnnamedSpeakerMeta,
} from '../model/entities.ts';
import { placeByOrder } from '../model/order.ts';
import type { DateValue } from '../model/date.ts';
import { compareDated, dateBounds, placedAt, roleAt } from '../model/chronology.ts';
import { notAfterToday } from '../model/calendar.ts';
import type {
  Account,
  ActorRecord,
  Claim,
  ClaimVersion,
  Entry,
  EventVersion,
  Expectation,
  Holder,
  OrderBound,
  Quote,
  Source,
  Span,
  Speaker,
  Story,
  TimelineEvent,
  Translation,
  UnnamedSpeaker,
} from '../model/corpus.ts';
import { inSiteLanguage, languageName, SITE_LANGUAGE, wordInOtherScript } from '../model/language.ts';
import { describeCharacter } from '../content/characters.ts';
import { checkStoryBody, type CheckedBody, type Citation } from '../content/body.ts';
import { ContentError, ProblemList } from '../content/problems.ts';
import { explainMiss, findStated, findVerbatim, STATED_PARAGRAPHS } from '../content/verbatim.ts';
import { assembleCorrections } from './corrections.ts';
import { findSourceCorrections } from './sourceCorrections.ts';

/**
 * Story assembly: the one place where one story's files become the model pages render. Every
 * reference is resolved here and every quote verified against its source; anything that does not
 * hold is reported with its file and field, and the build stops. Nothing is dropped. One step per
 * kind of entity, in the order their references need: sources, quotes, claims, events, then the
 * story's own text and orders.
 */

/** One story's files, as read and validated one by one. */
export interface StoryFiles {
  story: Entry<StoryMeta>;
  sources: Entry<SourceMeta>[];
  quotes: Entry<QuoteMeta>[];
  claims: Entry<ClaimMeta>[];
  events: Entry<EventMeta>[];
}

/** What every step reads: the story, the problems found so far, the actors, and the entities assembled before it. */
interface Assembly {
  slug: string;
  /** The day of the build, `YYYY-MM-DD`: nothing published or said is dated after it. */
  today: string;
  problems: ProblemList;
  actors: ReadonlyMap<string, ActorRecord>;
  sources: Map<string, Source>;
  quotes: Map<string, Quote>;
  /** Ids of every quote file, valid or not: a reference to a quote that failed on its own is not a second problem. */
  declaredQuotes: Set<string>;
  claims: Map<string, Claim>;
}

const localId = (entry: Entry<unknown>) => entry.id.slice(entry.id.lastIndexOf('/') + 1);
export const fileOf = (entry: Entry<unknown>) => entry.filePath ?? entry.id;
const plainText = (body: string | undefined) => (body ?? '').trim();
const known = (ids: Iterable<string>) => [...ids].join(', ') || 'none';

function checkUniqueIds(problems: ProblemList, kind: string, entries: Entry<unknown>[]) {
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const id = localId(entry);
    const other = seen.get(id);
    if (other !== undefined)
      problems.add(fileOf(entry), 'id', id, `an id not already used by ${other} (two ${kind} share it)`);
    seen.set(id, fileOf(entry));
  }
}

function actorRef(a: Assembly, file: string, field: string, id: string): ActorRecord | undefined {
  const actor = a.actors.get(id);
  if (!actor)
    a.problems.add(file, field, id, `an actor id: a file content/actors/${id}.md (known: ${known(a.actors.keys())})`);
  return actor;
}

const actorRefs = (a: Assembly, file: string, field: string, ids: string[]) =>
  ids.flatMap((id, i) => actorRef(a, file, `${field}[${i}]`, id) ?? []);

function sourceRef(a: Assembly, file: string, field: string, id: string): Source | undefined {
  const source = a.sources.get(id);
  if (!source) a.problems.add(file, field, id, `a source id of story "${a.slug}" (known: ${known(a.sources.keys())})`);
  return source;
}

const quoteRefs = (a: Assembly, file: string, field: string, ids: string[]): Quote[] =>
  ids.flatMap((id, i) => {
    if (!a.declaredQuotes.has(id)) {
      a.problems.add(file, `${field}[${i}]`, id, `a quote id of story "${a.slug}" (known: ${known(a.declaredQuotes)})`);
    }
    return a.quotes.get(id) ?? [];
  });

/** Finds `words` in the source, or records a problem that names the closest passage and the difference. */
function verbatimSpan(a: Assembly, file: string, field: string, words: string, source: Source, what: string) {
  const result = findVerbatim(words, source.text);
  if (result.found) return { start: result.start, end: result.end, text: result.text } satisfies Span;
  a.problems.add(
    file,
    field,
    words,
    `${what}the words verbatim in source "${source.id}" (${source.file}); ${explainMiss(words, source.text)}`,
  );
  return undefined;
}

/**
 * A date's `statedAs`, the source's own words for it, which pages show as "the source says …": found
 * in the source, within STATED_PARAGRAPHS of the passages it dates when there are any
 * (`near`, and `what` they are), or a problem. Nothing to find for a date the source's page gives
 * outside its text (`statedIn: metadata`), or in a source without text (reported on the source).
 */
function checkStated(
  a: Assembly,
  file: string,
  field: string,
  date: Pick<DateValue, 'statedAs' | 'statedIn'> | undefined,
  source: Source | undefined,
  near: { spans: Span[]; what: string } | undefined,
) {
  if (date?.statedAs === undefined || date.statedIn === 'metadata' || !source || source.text === '') return;
  const { statedAs } = date;
  const spans = near?.spans ?? [];
  const results =
    spans.length > 0
      ? spans.map((span) => findStated(statedAs, source.text, span))
      : [findStated(statedAs, source.text)];
  if (results.some((result) => result.found)) return;
  const where = `source "${source.id}" (${source.file})`;
  const { before, after } = STATED_PARAGRAPHS;
  const expected =
    near && spans.length > 0
      ? `the source's own words for the date, as they stand in ${where} from ${before} paragraphs before the ${near.what} it dates to ${after} after; ${
          results.some((result) => !result.found && result.elsewhere)
            ? 'they stand only further off in the source, where they date something else'
            : 'they are not in the source (case, quotation marks, dashes and spacing aside)'
        }`
      : `the source's own words for the date, as they stand in ${where}; they are not in it (case, quotation marks, dashes and spacing aside): write them as the source does, or say \`statedIn: metadata\` for a date its page gives outside its text`;
  a.problems.add(file, `${field}.statedAs`, statedAs, expected);
}

function assembleSources(a: Assembly, files: StoryFiles) {
  for (const entry of files.sources) {
    const { corrections, ...meta } = entry.data;
    const read = { ...meta, id: localId(entry), file: fileOf(entry), text: plainText(entry.body) };
    const source: Source = { ...read, corrections: findSourceCorrections(a.problems, read, corrections) };
    if (dateBounds(source.published).earliest > a.today) {
      const [key, value] = firstDayField(source.published);
      a.problems.add(source.file, `published.${key}`, value, notAfterToday(a.today));
    }
    if (source.text === '') {
      // One message for the empty source, naming the quotes that cannot be verified against it.
      const unverifiable = files.quotes
        .filter((q) => q.data.source === source.id && q.data.form !== 'paraphrase')
        .map(localId);
      const needed =
        unverifiable.length > 0
          ? `: the ${unverifiable.length === 1 ? 'quote' : 'quotes'} ${unverifiable.join(', ')} must be found in it word for word`
          : '';
      a.problems.add(source.file, 'body', '', `the source text, verbatim, after the frontmatter${needed}`);
    }
    checkStated(a, source.file, 'published', source.published, source, undefined);
    checkCopyDay(a, source, 'archived.on', source.archived?.on);
    checkCopyDay(a, source, 'retrieved', source.retrieved);
    source.corrections.forEach((correction, i) => {
      if (correction.date !== undefined) checkCorrectionDate(a, source, `corrections[${i}].date`, correction.date);
      checkStated(a, source.file, `corrections[${i}].date`, correction.date, source, {
        spans: [correction.notice],
        what: 'correction',
      });
    });
    a.sources.set(source.id, source);
  }
}

/** A speaker or holder the source does not name, with its affiliation resolved; `field` is where it stands. */
function unnamedOf(a: Assembly, file: string, field: string, unnamed: UnnamedSpeakerMeta): UnnamedSpeaker | undefined {
  const { affiliation, ...described } = unnamed;
  if (affiliation === undefined) return { ...described, kind: 'unnamed' };
  const actor = actorRef(a, file, `${field}.affiliation`, affiliation);
  return actor && { ...described, kind: 'unnamed', affiliation: actor };
}

/** The quote's speaker: its actor, or the unnamed speaker it describes, with the affiliation resolved. */
function speakerOf(a: Assembly, file: string, data: QuoteMeta): Speaker | undefined {
  if (data.unnamed === undefined) return actorRef(a, file, 'speaker', data.speaker!);
  return unnamedOf(a, file, 'unnamed', data.unnamed);
}

/** Who holds a claim or gives an account, resolved: actors by id, unnamed holders as described; `field` names the list. */
const holdersOf = (a: Assembly, file: string, field: string, holders: HolderMeta[]): Holder[] =>
  holders.flatMap((holder, i) =>
    typeof holder === 'string'
      ? (actorRef(a, file, `${field}[${i}]`, holder) ?? [])
      : (unnamedOf(a, file, `${field}[${i}].unnamed`, holder.unnamed) ?? []),
  );

/** Who gives an account, resolved: `field` is where its claimants stand in the file. */
const accountOf = (a: Assembly, file: string, field: string, data: AccountMeta): Account => ({
  ...data,
  claimants: holdersOf(a, file, `${field}claimants`, data.claimants),
});

/**
 * The language of a quote's words: the quote's own `lang`, else its source's. A paraphrase is our
 * words, so it is in the site's language whatever the source's (its `passage` keeps the source's).
 */
function wordsLanguage(a: Assembly, file: string, data: QuoteMeta, source: Source): string {
  if (data.form !== 'paraphrase') return data.lang ?? source.lang;
  if (data.lang !== undefined && !inSiteLanguage(data.lang)) {
    a.problems.add(
      file,
      'lang',
      data.lang,
      `the site's language (${SITE_LANGUAGE}) for a paraphrase: a paraphrase is our words; the \`passage\` it restates keeps the source's language`,
    );
  }
  return SITE_LANGUAGE;
}

/**
 * The words in the site's language: required when the words are in another, refused when they are
 * not; a source's translation is found verbatim in that source, like a quote.
 */
function translationOf(a: Assembly, file: string, data: QuoteMeta, lang: string): Translation | undefined {
  const { translation } = data;
  if (inSiteLanguage(lang)) {
    if (translation !== undefined) {
      a.problems.add(
        file,
        'translation',
        translation.words,
        `a translation only for words not in the site's language (${SITE_LANGUAGE}); these words are in ${languageName(lang)} (${lang})`,
      );
    }
    return undefined;
  }
  if (translation === undefined) {
    if (data.form !== 'paraphrase') {
      a.problems.add(
        file,
        'translation',
        undefined,
        `a \`translation\` of these ${languageName(lang)} (${lang}) words into the site's language (${SITE_LANGUAGE}): \`by: source\` with the \`source\` that publishes it, or \`by: us\``,
      );
    }
    return undefined;
  }
  if (translation.by === 'us') return translation;
  const source = sourceRef(a, file, 'translation.source', translation.source);
  if (!source || source.text === '') return undefined;
  if (!inSiteLanguage(source.lang)) {
    a.problems.add(
      file,
      'translation.source',
      translation.source,
      `a source in the site's language (${SITE_LANGUAGE}) for the translation; "${source.id}" is in ${languageName(source.lang)} (${source.lang})`,
    );
    return undefined;
  }
  const span = verbatimSpan(a, file, 'translation.words', translation.words, source, 'a translation: ');
  return span && { ...translation, source, span };
}

/**
 * Whether words the source has, taken as the site's language (no `lang`, or the source's), hold a word
 * in another script: Persian quoted in an English report is quoted as Persian, with its translation,
 * or readers get words they cannot read, marked English. Reported as the quote's problem.
 */
function otherScript(
  a: Assembly,
  file: string,
  span: Span | undefined,
  declared: string | undefined,
  lang: string,
): boolean {
  const found = span && inSiteLanguage(lang) ? wordInOtherScript(span.text) : undefined;
  if (found === undefined) return false;
  a.problems.add(
    file,
    'lang',
    declared,
    `the language of words in another script: "${found.word}" is not ${languageName(lang)} (${describeCharacter(found.letter)}); give the words' language in \`lang\` (a BCP 47 tag, such as "fa" or "ps") and their English in \`translation\``,
  );
  return true;
}

/** The field of a date value that holds its first day, and that day as written: `on`, a range's `earliest` or a span's `from`. */
const firstDayField = (date: DateValue): [string, string | undefined] =>
  date.from !== undefined ? ['from', date.from] : date.on !== undefined ? ['on', date.on] : ['earliest', date.earliest];

/** A source corrects itself on or before the build's day, and not before it was published: it corrects what it published. */
function checkCorrectionDate(a: Assembly, source: Source, field: string, date: DateValue) {
  const [key, value] = firstDayField(date);
  const published = dateBounds(source.published).earliest;
  if (dateBounds(date).earliest > a.today)
    a.problems.add(source.file, `${field}.${key}`, value, notAfterToday(a.today));
  else if (dateBounds(date).latest < published)
    a.problems.add(
      source.file,
      `${field}.${key}`,
      value,
      `a date on or after the source was published (${published}): a source corrects what it has published`,
    );
}

/**
 * A day we or an archive took a copy of the source (`archived.on`, `retrieved`) is on or before the
 * build's day, and not before the source can have been published: a copy of a page that did not
 * exist yet would be a slip in the date, and the page would tell readers a copy is older than its text.
 */
function checkCopyDay(a: Assembly, source: Source, field: string, day: string | undefined) {
  if (day === undefined) return;
  const published = dateBounds(source.published).earliest;
  if (day > a.today) a.problems.add(source.file, field, day, notAfterToday(a.today));
  else if (day < published)
    a.problems.add(
      source.file,
      field,
      day,
      `a day on or after the source was published (${published}): a copy cannot be taken of a page before it exists`,
    );
}

/** A quote is said on or before the build's day, and before its source reports it. */
function checkSaid(a: Assembly, file: string, said: DateValue, source: Source) {
  const { earliest } = dateBounds(said);
  const published = dateBounds(source.published).latest;
  const [key, value] = firstDayField(said);
  if (earliest > a.today) a.problems.add(file, `said.${key}`, value, notAfterToday(a.today));
  else if (earliest > published)
    a.problems.add(
      file,
      `said.${key}`,
      value,
      `a date on or before its source reports it: source "${source.id}" (${source.file}) was published by ${published}`,
    );
}

function assembleQuotes(a: Assembly, files: StoryFiles) {
  for (const entry of files.quotes) {
    const file = fileOf(entry);
    const { data } = entry;
    const words = plainText(entry.body);
    const speaker = speakerOf(a, file, data);
    const source = sourceRef(a, file, 'source', data.source);
    if (words === '') a.problems.add(file, 'body', '', 'the exact words after the frontmatter');
    if (!speaker || !source || words === '') continue;
    if (data.said !== undefined) checkSaid(a, file, data.said, source);
    // A source without text is reported once, on the source itself.
    const checkable = source.text !== '';
    const span =
      data.form !== 'paraphrase' && checkable
        ? verbatimSpan(a, file, 'body', words, source, `a ${data.form} quote: `)
        : undefined;
    const passage =
      data.passage !== undefined && checkable ? verbatimSpan(a, file, 'passage', data.passage, source, '') : undefined;
    // Words or a passage not found are the quote's one problem: there is no place to date.
    const dated = data.form === 'paraphrase' ? passage : span;
    const lost = checkable && dated === undefined && (data.form !== 'paraphrase' || data.passage !== undefined);
    if (!lost) {
      const what = data.form === 'paraphrase' ? 'passage' : 'words';
      checkStated(a, file, 'said', data.said, source, { spans: dated ? [dated] : [], what });
    }
    if (data.mediumBasis !== undefined && checkable) {
      verbatimSpan(a, file, 'mediumBasis.words', data.mediumBasis.words, source, 'the words the medium rests on: ');
    }
    const lang = wordsLanguage(a, file, data, source);
    // Words found in the source but written in another script need their language first: the one problem.
    const translation = otherScript(a, file, span, data.lang, lang) ? undefined : translationOf(a, file, data, lang);
    const id = localId(entry);
    // The file's own fields as parsed, the references resolved in their place; `unnamed` is the speaker now.
    const { unnamed, ...stated } = data;
    a.quotes.set(id, {
      ...stated,
      id,
      slug: a.slug,
      anchor: `q-${id}`,
      number: 0, // numbered once the text's citations have ordered the quotes
      file,
      words,
      lang,
      translation,
      speaker,
      role: speaker.kind === 'unnamed' ? undefined : roleAt(speaker, data.said),
      source,
      span,
      passage,
      claims: [],
      events: [],
    });
  }
}

function assembleClaims(a: Assembly, files: StoryFiles) {
  for (const entry of files.claims) {
    const file = fileOf(entry);
    const { data } = entry;
    const source = sourceRef(a, file, 'source', data.source);
    const text = plainText(entry.body);
    if (text === '') a.problems.add(file, 'body', '', 'the claim, plainly, after the frontmatter');
    const passages = data.passages.flatMap((passage, i) =>
      source && source.text !== '' ? (verbatimSpan(a, file, `passages[${i}]`, passage, source, '') ?? []) : [],
    );
    const claim: Claim = {
      ...data,
      id: localId(entry),
      anchor: `c-${localId(entry)}`,
      file,
      text,
      claimants: holdersOf(a, file, 'claimants', data.claimants),
      disputedBy: actorRefs(a, file, 'disputedBy', data.disputedBy),
      source: source!,
      quotes: quoteRefs(a, file, 'quotes', data.quotes),
      passages,
      versions: data.versions.map((version, i): ClaimVersion => ({
        ...version,
        ...accountOf(a, file, `versions[${i}].`, version),
        quotes: quoteRefs(a, file, `versions[${i}].quotes`, version.quotes),
        passages: version.passages.flatMap((passage, j) =>
          source && source.text !== ''
            ? (verbatimSpan(a, file, `versions[${i}].passages[${j}]`, passage, source, '') ?? [])
            : [],
        ),
      })),
    };
    for (const quote of [...claim.quotes, ...claim.versions.flatMap((v) => v.quotes)]) {
      if (!quote.claims.includes(claim.id)) quote.claims.push(claim.id);
    }
    a.claims.set(claim.id, claim);
  }
}

function assembleEvents(a: Assembly, files: StoryFiles): TimelineEvent[] {
  const events = files.events.map((entry) => {
    const file = fileOf(entry);
    const { data } = entry;
    const source = sourceRef(a, file, 'source', data.source);
    const versions = data.versions.map((version, i): EventVersion => ({
      ...version,
      ...accountOf(a, file, `versions[${i}].`, version),
      passages: version.passages.flatMap((passage, j) =>
        source && source.text !== ''
          ? (verbatimSpan(a, file, `versions[${i}].passages[${j}]`, passage, source, '') ?? [])
          : [],
      ),
    }));
    checkStated(a, file, 'when', data.when, source, undefined);
    checkStated(a, file, 'order', data.order, source, undefined);
    checkStated(a, file, 'movedTo', data.movedTo, source, undefined);
    checkStated(a, file, 'until', data.until, source, undefined);
    if (data.status === 'under-way' && data.when !== undefined && source) checkUnderWay(a, file, data, source);
    data.versions.forEach((version, i) => {
      // A version's passages that were not found are their own problem.
      if (versions[i]!.passages.length === version.passages.length) {
        checkStated(a, file, `versions[${i}].when`, version.when, source, {
          spans: versions[i]!.passages,
          what: 'passages',
        });
      }
    });
    const event: TimelineEvent = {
      ...data,
      order: undefined,
      id: localId(entry),
      anchor: `e-${localId(entry)}`,
      file,
      // The schema gives `when`, two or more versions (the timeline places the event at the earliest), or an order.
      when: data.when ?? (versions.length > 0 ? earliestOf(versions.map((version) => version.when)) : undefined),
      versions,
      expectation: data.expectation && expectationOf(a, file, data.expectation),
      text: plainText(entry.body),
      source: source!,
      actors: actorRefs(a, file, 'actors', data.actors),
      quotes: quoteRefs(a, file, 'quotes', data.quotes),
      claims: data.claims.flatMap((id, i) => {
        const claim = a.claims.get(id);
        if (!claim) {
          a.problems.add(
            file,
            `claims[${i}]`,
            id,
            `a claim id of story "${a.slug}" (known: ${known(a.claims.keys())})`,
          );
        }
        return claim ?? [];
      }),
    };
    for (const quote of event.quotes) quote.events.push(event.id);
    return event;
  });
  const orders = new Map(files.events.map((entry) => [localId(entry), entry.data.order]));
  const placed = placeByOrder(
    // An expectation by a bound sits at the bound's last day (placedAt).
    events.map((event) => ({ id: event.id, when: placedAt(event), order: orders.get(event.id) })),
  );
  const byId = new Map(events.map((event) => [event.id, event]));
  for (const problem of placed.problems)
    a.problems.add(byId.get(problem.id)!.file, problem.field, problem.value, problem.expected);
  const boundOf = (bound: OrderBoundMeta | undefined): OrderBound | undefined => {
    const other = bound?.event === undefined ? undefined : byId.get(bound.event);
    if (other) return { event: { id: other.id, title: other.title, anchor: other.anchor } };
    return bound?.date === undefined ? undefined : { date: bound.date };
  };
  for (const event of events) {
    const order = orders.get(event.id);
    if (order) event.order = { ...order, before: boundOf(order.before), after: boundOf(order.after) };
  }
  return placed.events.map(({ id }) => byId.get(id)!);
}

/** Who expects an expected event, each actor resolved. */
function expectationOf(a: Assembly, file: string, data: ExpectationMeta): Expectation {
  const { unnamed, ...rest } = data;
  const holders = actorRefs(a, file, 'expectation.holders', data.holders);
  if (unnamed === undefined) return { ...rest, holders };
  const { affiliation, ...described } = unnamed;
  const actor =
    affiliation === undefined ? undefined : actorRef(a, file, 'expectation.unnamed.affiliation', affiliation);
  return { ...rest, holders, unnamed: { ...described, kind: 'unnamed', ...(actor && { affiliation: actor }) } };
}

/**
 * An event under way on its source's date began on or before that date (its `when`), and is set to
 * end (`until`) no earlier than it began: otherwise the page would tell as under way what the source
 * could not have seen begin, or an end before the start.
 */
function checkUnderWay(a: Assembly, file: string, data: EventMeta, source: Source) {
  const began = dateBounds(data.when!);
  const published = dateBounds(source.published).latest;
  const [key, value] = firstDayField(data.when!);
  if (began.earliest > published) {
    a.problems.add(
      file,
      `when.${key}`,
      value,
      `the day an event under way began, on or before its source reports it under way: source "${source.id}" (${source.file}) was published by ${published}`,
    );
  }
  if (data.until !== undefined && dateBounds(data.until).latest < began.earliest) {
    const [untilKey, untilValue] = firstDayField(data.until);
    a.problems.add(
      file,
      `until.${untilKey}`,
      untilValue,
      `the day the event is set to end, not before it began (${began.earliest})`,
    );
  }
}

/** The date that comes first in timeline order. */
const earliestOf = (dates: DateValue[]): DateValue =>
  dates.toSorted((x, y) => compareDated({ id: '', date: x }, { id: '', date: y }))[0]!;

/**
 * "Now" for the story: the last day its latest source can date from. An event after it had not
 * happened when the story's sources were written, so it cannot be told as one that had.
 */
function storyNow(a: Assembly, events: TimelineEvent[]): string {
  const latest = [...a.sources.values()]
    .map((source) => ({ source, last: dateBounds(source.published).latest }))
    .sort((x, y) => x.last.localeCompare(y.last))
    .at(-1);
  if (latest === undefined) return '';
  for (const event of events) {
    if (event.status === 'happened' && event.when !== undefined && dateBounds(event.when).earliest > latest.last) {
      a.problems.add(
        event.file,
        'status',
        event.status,
        `a status for an event after the story's latest source, ${latest.source.file} (published by ${latest.last}): \`scheduled\`, \`deadline\`, \`postponed\` or \`cancelled\`, since on that day it had not happened (\`happened\` is the default)`,
      );
    }
  }
  return latest.last;
}

/** The story's text: checked on its syntax tree, every citation resolved. */
function checkText(a: Assembly, story: Entry<StoryMeta>): CheckedBody {
  const file = fileOf(story);
  const body = checkStoryBody(story.body ?? '', file, story.bodyLine);
  a.problems.problems.push(...body.problems);
  for (const citation of body.citations) {
    const ids = citation.kind === 'quote' ? a.declaredQuotes : new Set(a.claims.keys());
    if (!ids.has(citation.id)) {
      a.problems.problems.push({
        file,
        field: 'body',
        value: `<Cite ${citation.kind}="${citation.id}" />`,
        expected: `a ${citation.kind} id of this story (known: ${known(ids)})`,
        line: citation.line,
        column: citation.column,
      });
    }
  }
  return body;
}

/** Quotes in the order the text cites them, then the rest by date (undated last, by id), numbered from 1. */
function orderQuotes(quotes: Map<string, Quote>, citations: Citation[]): Quote[] {
  const cited = [...new Set(citations.filter((c) => c.kind === 'quote').map((c) => c.id))];
  const uncited = [...quotes.values()]
    .filter((q) => !cited.includes(q.id))
    .sort((x, y) => {
      if (x.said && y.said) return compareDated({ id: x.id, date: x.said }, { id: y.id, date: y.said });
      if (x.said || y.said) return x.said ? -1 : 1;
      return x.id.localeCompare(y.id);
    });
  const ordered = [...cited.map((id) => quotes.get(id)!), ...uncited];
  ordered.forEach((quote, i) => (quote.number = i + 1));
  return ordered;
}

/** Everyone who speaks, takes part, claims or disputes, in order of first appearance; for one the source does not name, the actor it is tied to. */
function involvedActors(quotes: Quote[], events: TimelineEvent[], claims: Iterable<Claim>): ActorRecord[] {
  const involved = new Map<string, ActorRecord>();
  const involve = (holder: Holder) => {
    if (holder.kind !== 'unnamed') involved.set(holder.id, holder);
    else if (holder.affiliation) involved.set(holder.affiliation.id, holder.affiliation);
  };
  for (const { speaker } of quotes) involve(speaker);
  for (const e of events) {
    const expecting = [...(e.expectation?.holders ?? []), ...(e.expectation?.unnamed ? [e.expectation.unnamed] : [])];
    [...e.actors, ...e.versions.flatMap((v) => v.claimants), ...expecting].forEach(involve);
  }
  for (const c of claims) [...c.claimants, ...c.disputedBy, ...c.versions.flatMap((v) => v.claimants)].forEach(involve);
  return [...involved.values()];
}

/**
 * Assembles one story from its files and the shared actors, on the build's day `today`
 * (`YYYY-MM-DD`), or throws every problem found.
 */
export function assembleStory(files: StoryFiles, actors: ReadonlyMap<string, ActorRecord>, today: string): Story {
  const slug = files.story.id;
  const a: Assembly = {
    slug,
    today,
    problems: new ProblemList(),
    actors,
    sources: new Map(),
    quotes: new Map(),
    declaredQuotes: new Set(files.quotes.map(localId)),
    claims: new Map(),
  };
  const storyFile = fileOf(files.story);
  checkUniqueIds(a.problems, 'sources', files.sources);
  checkUniqueIds(a.problems, 'quotes', files.quotes);
  checkUniqueIds(a.problems, 'claims', files.claims);
  checkUniqueIds(a.problems, 'events', files.events);

  assembleSources(a, files);
  assembleQuotes(a, files);
  assembleClaims(a, files);
  const events = assembleEvents(a, files);
  const asOf = storyNow(a, events);
  const text = checkText(a, files.story);

  const meta = files.story.data;
  if (meta.updated < meta.published) {
    a.problems.add(storyFile, 'updated', meta.updated, `a day on or after \`published\` (${meta.published})`);
  } else if (meta.updated > a.today) {
    a.problems.add(storyFile, 'updated', meta.updated, notAfterToday(a.today));
  }
  if (meta.keyQuotes) quoteRefs(a, storyFile, 'keyQuotes', meta.keyQuotes);
  const corrections = assembleCorrections(a.problems, storyFile, meta, a.today, {
    quote: (id) => a.declaredQuotes.has(id),
    claim: (id) => files.claims.some((claim) => localId(claim) === id),
    source: (id) => a.sources.has(id),
  });
  a.problems.throwIfAny();

  const quotes = orderQuotes(a.quotes, text.citations);
  return {
    ...meta,
    slug,
    file: storyFile,
    body: text.tree,
    sources: [...a.sources.values()],
    quotes,
    keyQuotes: meta.keyQuotes ?? quotes.filter((q) => q.form !== 'paraphrase').map((q) => q.id),
    claims: [...a.claims.values()],
    events,
    actors: involvedActors(quotes, events, a.claims.values()),
    asOf,
    corrections,
  };
}

/** Runs `assemble`, moving the problems it throws into `problems`; anything else is a bug and is rethrown. */
export function collectProblems<T>(problems: ProblemList, assemble: () => T): T | undefined {
  try {
    return assemble();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.problems.push(...error.problems);
    return undefined;
  }
}
