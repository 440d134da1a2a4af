import type { DateValue } from '../model/date';
import type {
  Actor,
  ClaimMeta,
  ClaimStatus,
  EventMeta,
  QuoteForm,
  QuoteMeta,
  RedirectMeta,
  Role,
  SourceMeta,
  StoryMeta,
} from '../model/entities';
import { ambiguousNames, roleAt, type ActorRecord } from './actors';
import { compareDated, describeGap } from '../present/dates';
import { ContentError, ProblemList } from '../content/problems';
import { findVerbatim, type Span } from '../content/verbatim';

/**
 * Story assembly: the one place where the files an editor wrote become the model pages render.
 * Every reference is resolved here and every quote verified against its source; anything that does
 * not hold is reported with its file and field, and the build stops. Nothing is dropped.
 */

/** A content file as the loader gives it: id, path, validated frontmatter and raw body. */
export interface Entry<T> {
  id: string;
  filePath?: string | undefined;
  data: T;
  body?: string | undefined;
}

export interface Source extends SourceMeta {
  id: string;
  file: string;
  /** The source's text, verbatim; quote offsets point into it. */
  text: string;
}

export interface Quote {
  id: string;
  /** The slug of the story the quote belongs to: with `id`, it makes the quote's permanent URL. */
  slug: string;
  /** The fragment id on every page that shows the quote: `q-<id>`. */
  anchor: string;
  file: string;
  /** The words, as the editor wrote them (edit marks included). */
  words: string;
  form: QuoteForm;
  medium: QuoteMeta['medium'];
  said?: DateValue | undefined;
  speaker: ActorRecord;
  /** The speaker's role when the words were said. */
  role?: Role | undefined;
  attribution?: string | undefined;
  source: Source;
  /** Where a direct or reported quote stands in its source. */
  span?: Span | undefined;
  /** Where the sentence a paraphrase restates stands in its source, when the content records it. */
  passage?: Span | undefined;
  /** Claim ids that cite this quote. */
  claims: string[];
  /** Event ids that cite this quote. */
  events: string[];
}

export interface Claim {
  id: string;
  /** The fragment id on the story page: `c-<id>`. */
  anchor: string;
  file: string;
  /** The claim, plainly. */
  text: string;
  status: ClaimStatus;
  claimants: ActorRecord[];
  disputedBy: ActorRecord[];
  source: Source;
  quotes: Quote[];
  passages: Span[];
}

export interface TimelineEvent {
  id: string;
  anchor: string;
  file: string;
  title: string;
  when: DateValue;
  /** What happened, in plain text paragraphs. */
  text: string;
  source: Source;
  actors: ActorRecord[];
  quotes: Quote[];
  claims: Claim[];
  /** The time since the previous event, at the precision both dates carry; none for the first. */
  gap?: string | undefined;
}

export interface Story extends StoryMeta {
  slug: string;
  file: string;
  sources: Source[];
  /** Every quote: first those the text cites, in citing order, then the rest by date. */
  quotes: Quote[];
  /** Quote ids the briefing shows. */
  keyQuotes: string[];
  claims: Claim[];
  /** Events in timeline order. */
  events: TimelineEvent[];
  /** Everyone who speaks, claims, disputes or takes part, in order of first appearance. */
  actors: ActorRecord[];
}

export interface StoryFiles {
  story: Entry<StoryMeta>;
  sources: Entry<SourceMeta>[];
  quotes: Entry<QuoteMeta>[];
  claims: Entry<ClaimMeta>[];
  events: Entry<EventMeta>[];
}

const CITE = /<Cite\s+(quote|claim)=["']([^"']+)["']/g;

/** The quote and claim ids a story's MDX cites through `<Cite quote="…">` / `<Cite claim="…">`, in order. */
export function findCitations(mdx: string): { kind: 'quote' | 'claim'; id: string }[] {
  return [...mdx.matchAll(CITE)].map((m) => ({ kind: m[1] as 'quote' | 'claim', id: m[2]! }));
}

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * The explainer's MDX may hold Markdown and `<Cite … />` markers, nothing else. MDX would otherwise
 * run whatever it holds: a `<script>`, an `{expression}`, an `import`, a `javascript:` link. Content
 * is data, so these are refused rather than escaped. Code spans and fenced code are left alone.
 * Returns each offending piece with what it is.
 */
export function findUnsafeMarkup(mdx: string): { text: string; what: string }[] {
  const found: { text: string; what: string }[] = [];
  let fenced = false;
  for (const line of mdx.split('\n')) {
    const before = found.length;
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const prose = line.replace(/`[^`]*`/g, '');
    if (/^\s*(import|export)\s/.test(prose)) found.push({ text: prose.trim(), what: 'an import or export statement' });
    for (const m of prose.matchAll(/<\/?([A-Za-z][\w.:-]*|!--)/g)) {
      if (m[1] !== 'Cite' && !/^<(https?|mailto):/i.test(prose.slice(m.index)))
        found.push({ text: m[0], what: 'HTML or a component other than <Cite>' });
    }
    for (const m of prose.matchAll(/\{/g))
      found.push({ text: prose.slice(m.index, m.index + 20), what: 'an MDX expression in { }' });
    const targets = [
      ...prose.matchAll(/\]\(\s*<?([^)\s>]*)/g),
      ...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+)/g),
      ...prose.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi),
    ];
    for (const m of targets) {
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(m[1]!.replace(/[\s\u0000-\u001f]/g, ''))?.[1]?.toLowerCase();
      if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) found.push({ text: m[1]!, what: `a ${scheme}: link` });
    }
    // `<script>…</script>` is one mistake: keep the first find of each kind on a line.
    const kinds = new Set<string>();
    found.splice(before, Infinity, ...found.slice(before).filter((f) => !kinds.has(f.what) && kinds.add(f.what)));
  }
  return found;
}

const localId = (entry: Entry<unknown>) => entry.id.slice(entry.id.lastIndexOf('/') + 1);
const fileOf = (entry: Entry<unknown>) => entry.filePath ?? entry.id;

function plainText(body: string | undefined): string {
  return (body ?? '').trim();
}

function describeMiss(words: string, source: Source): string {
  const result = findVerbatim(words, source.text);
  if (result.found) return '';
  return result.closest
    ? `the words verbatim in source "${source.id}" (${source.file}); closest passage (${Math.round(result.closest.similarity * 100)}% alike): "${result.closest.text}"`
    : `the words verbatim in source "${source.id}" (${source.file}), which has no text`;
}

/** Assembles one story from its files and the shared actors, or throws every problem found. */
export function assembleStory(files: StoryFiles, actors: ReadonlyMap<string, ActorRecord>): Story {
  const problems = new ProblemList();
  const slug = files.story.id;
  const storyFile = fileOf(files.story);

  const duplicates = (kind: string, entries: Entry<unknown>[]) => {
    const seen = new Map<string, string>();
    for (const entry of entries) {
      const id = localId(entry);
      const other = seen.get(id);
      if (other !== undefined)
        problems.add(fileOf(entry), 'id', id, `an id not already used by ${other} (two ${kind} share it)`);
      seen.set(id, fileOf(entry));
    }
  };
  duplicates('sources', files.sources);
  duplicates('quotes', files.quotes);
  duplicates('claims', files.claims);
  duplicates('events', files.events);

  const actorRef = (file: string, field: string, id: string): ActorRecord | undefined => {
    const actor = actors.get(id);
    if (!actor)
      problems.add(
        file,
        field,
        id,
        `an actor id: a file content/actors/${id}.md (known: ${[...actors.keys()].join(', ')})`,
      );
    return actor;
  };

  const sources = new Map<string, Source>();
  for (const entry of files.sources) {
    const source: Source = { ...entry.data, id: localId(entry), file: fileOf(entry), text: plainText(entry.body) };
    if (source.text === '') {
      // One message for the empty source, naming the quotes that cannot be verified against it.
      const unverifiable = files.quotes
        .filter((q) => q.data.source === source.id && q.data.form !== 'paraphrase')
        .map(localId);
      const needed =
        unverifiable.length > 0
          ? `: the ${unverifiable.length === 1 ? 'quote' : 'quotes'} ${unverifiable.join(', ')} must be found in it word for word`
          : '';
      problems.add(source.file, 'body', '', `the source text, verbatim, after the frontmatter${needed}`);
    }
    sources.set(source.id, source);
  }
  const sourceRef = (file: string, field: string, id: string): Source | undefined => {
    const source = sources.get(id);
    if (!source)
      problems.add(
        file,
        field,
        id,
        `a source id of story "${slug}" (known: ${[...sources.keys()].join(', ') || 'none'})`,
      );
    return source;
  };

  const quotes = new Map<string, Quote>();
  // Ids of every quote file, valid or not: a reference to a quote that failed on its own is not a second problem.
  const declaredQuotes = new Set(files.quotes.map(localId));
  for (const entry of files.quotes) {
    const file = fileOf(entry);
    const { data } = entry;
    const words = plainText(entry.body);
    const speaker = actorRef(file, 'speaker', data.speaker);
    const source = sourceRef(file, 'source', data.source);
    if (words === '') problems.add(file, 'body', '', 'the exact words after the frontmatter');
    if (!speaker || !source || words === '') continue;

    let span: Span | undefined;
    if (data.form !== 'paraphrase' && source.text !== '') {
      const result = findVerbatim(words, source.text);
      if (result.found) span = result;
      else problems.add(file, 'body', words, `a ${data.form} quote: ${describeMiss(words, source)}`);
    }
    let passage: Span | undefined;
    if (data.passage !== undefined) {
      const result = findVerbatim(data.passage, source.text);
      if (result.found) passage = result;
      else problems.add(file, 'passage', data.passage, describeMiss(data.passage, source));
    }
    const id = localId(entry);
    quotes.set(id, {
      id,
      slug,
      anchor: `q-${id}`,
      file,
      words,
      form: data.form,
      medium: data.medium,
      said: data.said,
      speaker,
      role: roleAt(speaker, data.said),
      attribution: data.attribution,
      source,
      span,
      passage,
      claims: [],
      events: [],
    });
  }
  const quoteRefs = (file: string, field: string, ids: string[]): Quote[] =>
    ids.flatMap((id, i) => {
      const quote = quotes.get(id);
      if (!declaredQuotes.has(id))
        problems.add(
          file,
          `${field}[${i}]`,
          id,
          `a quote id of story "${slug}" (known: ${[...declaredQuotes].join(', ') || 'none'})`,
        );
      return quote ? [quote] : [];
    });
  const actorRefs = (file: string, field: string, ids: string[]) =>
    ids.flatMap((id, i) => actorRef(file, `${field}[${i}]`, id) ?? []);

  const claims = new Map<string, Claim>();
  for (const entry of files.claims) {
    const file = fileOf(entry);
    const { data } = entry;
    const source = sourceRef(file, 'source', data.source);
    const text = plainText(entry.body);
    if (text === '') problems.add(file, 'body', '', 'the claim, plainly, after the frontmatter');
    const passages = data.passages.flatMap((passage, i) => {
      // A source without text is reported once, on the source itself.
      if (!source || source.text === '') return [];
      const result = findVerbatim(passage, source.text);
      if (!result.found) problems.add(file, `passages[${i}]`, passage, describeMiss(passage, source));
      return result.found ? [result] : [];
    });
    const claim: Claim = {
      id: localId(entry),
      anchor: `c-${localId(entry)}`,
      file,
      text,
      status: data.status,
      claimants: actorRefs(file, 'claimants', data.claimants),
      disputedBy: actorRefs(file, 'disputedBy', data.disputedBy),
      source: source!,
      quotes: quoteRefs(file, 'quotes', data.quotes),
      passages,
    };
    for (const quote of claim.quotes) quote.claims.push(claim.id);
    claims.set(claim.id, claim);
  }

  const events: TimelineEvent[] = files.events.map((entry) => {
    const file = fileOf(entry);
    const { data } = entry;
    const event: TimelineEvent = {
      id: localId(entry),
      anchor: `e-${localId(entry)}`,
      file,
      title: data.title,
      when: data.when,
      text: plainText(entry.body),
      source: sourceRef(file, 'source', data.source)!,
      actors: actorRefs(file, 'actors', data.actors),
      quotes: quoteRefs(file, 'quotes', data.quotes),
      claims: data.claims.flatMap((id, i) => {
        const claim = claims.get(id);
        if (!claim)
          problems.add(
            file,
            `claims[${i}]`,
            id,
            `a claim id of story "${slug}" (known: ${[...claims.keys()].join(', ') || 'none'})`,
          );
        return claim ? [claim] : [];
      }),
    };
    for (const quote of event.quotes) quote.events.push(event.id);
    return event;
  });
  events.sort((a, b) => compareDated({ id: a.id, date: a.when }, { id: b.id, date: b.when }));
  events.forEach((event, i) => {
    if (i > 0) event.gap = describeGap(events[i - 1]!.when, event.when);
  });

  const meta = files.story.data;
  if (meta.updated < meta.published) {
    problems.add(storyFile, 'updated', meta.updated, `a day on or after \`published\` (${meta.published})`);
  }
  for (const unsafe of findUnsafeMarkup(files.story.body ?? '')) {
    problems.add(
      storyFile,
      'body',
      unsafe.text,
      `Markdown and <Cite quote="…" /> or <Cite claim="…" /> only, not ${unsafe.what}`,
    );
  }
  const citations = findCitations(files.story.body ?? '');
  for (const citation of citations) {
    const known = citation.kind === 'quote' ? declaredQuotes : new Set(claims.keys());
    if (!known.has(citation.id)) {
      problems.add(
        storyFile,
        'body',
        `<Cite ${citation.kind}="${citation.id}">`,
        `a ${citation.kind} id of this story (known: ${[...known].join(', ') || 'none'})`,
      );
    }
  }
  const keyQuotes = meta.keyQuotes ?? [...quotes.values()].filter((q) => q.form !== 'paraphrase').map((q) => q.id);
  if (meta.keyQuotes) quoteRefs(storyFile, 'keyQuotes', meta.keyQuotes);

  problems.throwIfAny();

  const citedOrder = [...new Set(citations.filter((c) => c.kind === 'quote').map((c) => c.id))];
  const uncited = [...quotes.values()]
    .filter((q) => !citedOrder.includes(q.id))
    .sort((a, b) =>
      a.said && b.said
        ? compareDated({ id: a.id, date: a.said }, { id: b.id, date: b.said })
        : a.said
          ? -1
          : b.said
            ? 1
            : a.id.localeCompare(b.id),
    );
  const orderedQuotes = [...citedOrder.map((id) => quotes.get(id)!), ...uncited];

  const involved = new Map<string, ActorRecord>();
  const involve = (actor: ActorRecord) => involved.set(actor.id, actor);
  orderedQuotes.forEach((q) => involve(q.speaker));
  events.forEach((e) => e.actors.forEach(involve));
  claims.forEach((c) => [...c.claimants, ...c.disputedBy].forEach(involve));

  return {
    ...meta,
    slug,
    file: storyFile,
    sources: [...sources.values()],
    quotes: orderedQuotes,
    keyQuotes,
    claims: [...claims.values()],
    events,
    actors: [...involved.values()],
  };
}

export interface CorpusFiles {
  actors: Entry<Actor>[];
  redirects: Entry<RedirectMeta>[];
  stories: Entry<StoryMeta>[];
  sources: Entry<SourceMeta>[];
  quotes: Entry<QuoteMeta>[];
  claims: Entry<ClaimMeta>[];
  events: Entry<EventMeta>[];
}

/** An old URL path and the page its readers are sent to instead. */
export interface Redirect extends RedirectMeta {
  /** The old path, as published: `/stories/<slug>/quotes/<id>/`. */
  from: string;
  file: string;
}

export interface Corpus {
  /** Stories, newest first. */
  stories: Story[];
  actors: Map<string, ActorRecord>;
  redirects: Redirect[];
}

const PAGE_PATH = /^\/(?:[a-z0-9][a-z0-9._-]*\/)*$/;
const FILE_PATH = /^\/(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9_-]*(\.[a-z0-9]+)$/;

/**
 * Redirects from `content/redirects.yaml`. A page redirects to a page (a redirect page is generated
 * at the old path); a file to a file of the same type (the route that builds such files serves the
 * target's contents at the old path, as a static host cannot answer with a redirect). Every target
 * is final: a redirect to another redirect would send readers round twice, or in a circle. Whether
 * the target exists is known once the site is built; the published-URL check sees to that.
 */
function assembleRedirects(entries: Entry<RedirectMeta>[], problems: ProblemList): Redirect[] {
  const redirects = entries.map((entry) => ({ ...entry.data, from: entry.id, file: fileOf(entry) }));
  const froms = new Set(redirects.map((r) => r.from));
  for (const redirect of redirects) {
    const field = `[${JSON.stringify(redirect.from)}]`;
    const target = redirect.to.replace(/#.*$/, '');
    const fromType = FILE_PATH.exec(redirect.from)?.[1];
    if (!PAGE_PATH.test(redirect.from) && fromType === undefined) {
      problems.add(
        redirect.file,
        field,
        redirect.from,
        'an old URL path of this site without `#`: a page `/stories/<slug>/` or a file `/data/stories/<slug>.json`',
      );
    } else if (fromType !== undefined && FILE_PATH.exec(redirect.to)?.[1] !== fromType) {
      problems.add(
        redirect.file,
        `${field}.to`,
        redirect.to,
        `a file of the same type (${fromType}): a file's readers are programs that expect one`,
      );
    } else if (fromType === undefined && !PAGE_PATH.test(target)) {
      problems.add(
        redirect.file,
        `${field}.to`,
        redirect.to,
        'a page path ending in `/` (optionally with `#<anchor>`): a page redirects to a page',
      );
    } else if (target === redirect.from) {
      problems.add(redirect.file, `${field}.to`, redirect.to, 'a different URL than the old path itself');
    } else if (froms.has(target)) {
      problems.add(
        redirect.file,
        `${field}.to`,
        redirect.to,
        `a URL that is not itself redirected: send it straight to where ${target} leads`,
      );
    }
  }
  return redirects.sort((a, b) => a.from.localeCompare(b.from));
}

/** Assembles every story; problems from all stories are reported together. */
export function assembleCorpus(files: CorpusFiles): Corpus {
  const problems = new ProblemList();
  const actors = new Map<string, ActorRecord>(
    files.actors.map((entry) => [
      entry.id,
      { ...entry.data, id: entry.id, file: fileOf(entry), about: plainText(entry.body) },
    ]),
  );
  for (const group of ambiguousNames([...actors.values()])) {
    // One message per name: the fix is one decision about all of them.
    const last = group.toSorted((a, b) => a.file.localeCompare(b.file)).at(-1)!;
    problems.add(
      last.file,
      'disambiguation',
      last.disambiguation,
      `a distinct \`disambiguation\` on each of the ${group.length} actors named "${last.name}" (${group.map((a) => a.file).join(', ')}), saying what tells them apart`,
    );
  }
  const slugOf = (entry: Entry<unknown>) => entry.id.slice(0, entry.id.indexOf('/'));
  const bySlug = <T>(entries: Entry<T>[]) => Map.groupBy(entries, slugOf);
  const grouped = {
    sources: bySlug(files.sources),
    quotes: bySlug(files.quotes),
    claims: bySlug(files.claims),
    events: bySlug(files.events),
  };
  const slugs = new Set(files.stories.map((story) => story.id));
  for (const entries of Object.values(grouped)) {
    for (const [slug, orphans] of entries) {
      if (slugs.has(slug)) continue;
      for (const orphan of orphans) {
        problems.add(
          fileOf(orphan),
          'story',
          slug,
          `a story folder with a story.mdx: content/stories/${slug}/story.mdx does not exist`,
        );
      }
    }
  }
  const stories: Story[] = [];
  for (const story of files.stories) {
    try {
      stories.push(
        assembleStory(
          {
            story,
            sources: grouped.sources.get(story.id) ?? [],
            quotes: grouped.quotes.get(story.id) ?? [],
            claims: grouped.claims.get(story.id) ?? [],
            events: grouped.events.get(story.id) ?? [],
          },
          actors,
        ),
      );
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.problems.push(...error.problems);
    }
  }
  const redirects = assembleRedirects(files.redirects, problems);
  problems.throwIfAny();
  stories.sort((a, b) => b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug));
  return { stories, actors, redirects };
}
