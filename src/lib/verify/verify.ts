/**
 * The verifier anyone can run (`node verify.mjs <site or folder> [--originals]`, README "Check it
 * yourself"): it reads a site's open data and checks, with the build's own code, what the build
 * checked, so a reader need not take our word for it:
 *
 * - every direct or reported quote is verbatim in the text its source's page publishes (the whole text,
 *   or the excerpts), by the build's rules (findVerbatim, src/lib/content/verbatim.ts); a paraphrase is
 *   our words, so only its annotation, the passage it restates, is checked;
 * - every annotation anchors exactly once there (./anchor.ts), and a quote's annotation holds its words;
 * - every text published in full matches the SHA-256 the data gives for the text the build checked;
 * - with `originals`, every passage is also in the original web page (or its archived copy, when the
 *   original fails or no longer has it), and a source's hash is checked where that page's text is our copy.
 *
 * It prints one line per quote, annotation and source, then a summary; the exit code is 1 when
 * anything failed. Reading files and the network is the caller's (src/verify/main.ts), through `Io`.
 */

import { explainMiss, findVerbatim, textSha256 } from '../content/verbatim.ts';
import { anchorTarget, describePieces, findInPieces, publishedPieces, type Found, type Place } from './anchor.ts';
import { htmlText, isHtml } from './html.ts';
import {
  DataError,
  readIndex,
  readStory,
  type PublishedAnnotation,
  type PublishedSource,
  type PublishedStory,
} from './published.ts';

export type Status = 'ok' | 'FAIL' | 'skip';

/** One line of the report: what was checked, and how it went. */
export interface Line {
  status: Status;
  what: 'quote' | 'annotation' | 'source' | 'data';
  id: string;
  story: string;
  reason: string;
}

/** A page as fetched: its Content-Type and its body, decoded. */
export interface Page {
  contentType: string;
  body: string;
}

/** What the verifier reads and writes through: the caller's files or network, and its output. */
export interface Io {
  /** The JSON at an address the data gives, read from the site or folder being checked. */
  readData: (url: string) => Promise<unknown>;
  /** A page on the web: an original or its archived copy. Throws when it cannot be had. */
  fetchPage: (url: string) => Promise<Page>;
  out: (line: string) => void;
}

/** A line as printed: `ok   quote khalilzad-warning (khalilzad-warns-taliban): …`. */
export const formatLine = (line: Line) =>
  `${line.status.padEnd(4)} ${line.what} ${line.id} (${line.story}): ${line.reason}`;

/** The source an annotation's target names, by its original's address or our page of it. */
const targetSource = (story: PublishedStory, url: string) =>
  story.sources.find((source) => source.page === url || (source.url !== null && source.url === url));

/**
 * Where an annotation anchors: each of its targets (the original, our source page) in the text our
 * page of that source publishes, all at one place.
 */
function anchorAnnotation(
  story: PublishedStory,
  annotation: PublishedAnnotation,
): Found<Place & { source: PublishedSource; exact: string }> {
  if (annotation.target.length === 0) return { ok: false, reason: `annotation ${annotation.id} has no target` };
  let anchored: (Place & { source: PublishedSource; exact: string }) | undefined;
  for (const target of annotation.target) {
    const source = targetSource(story, target.source);
    if (!source)
      return {
        ok: false,
        reason: `annotation ${annotation.id} targets ${target.source}, which is no source of the story`,
      };
    const pieces = publishedPieces(source);
    if (!pieces.ok) return pieces;
    const place = anchorTarget(target, pieces.pieces);
    if (!place.ok) return { ok: false, reason: `annotation ${annotation.id}, on ${target.source}: ${place.reason}` };
    if (anchored && (anchored.source !== source || anchored.start !== place.start || anchored.end !== place.end)) {
      return { ok: false, reason: `annotation ${annotation.id}'s targets anchor at different places` };
    }
    anchored = { source, start: place.start, end: place.end, exact: target.quote.exact };
  }
  return { ok: true, ...anchored! };
}

/** The checks of one story's data against the text its source pages publish. */
export function verifyStory(story: PublishedStory): Line[] {
  const lines: Line[] = [];
  const line = (status: Status, what: Line['what'], id: string, reason: string) =>
    lines.push({ status, what, id, story: story.slug, reason });
  const sources = new Map(story.sources.map((source) => [source.id, source]));
  const annotations = new Map(story.annotations.map((annotation) => [annotation.id, annotation]));

  /** Where `words` stand in the text the source's page publishes, or why not. */
  const verbatim = (words: string, sourceId: string): Found<Place & { source: PublishedSource }> => {
    const source = sources.get(sourceId);
    if (!source) return { ok: false, reason: `its source "${sourceId}" is not among the story's sources` };
    const pieces = publishedPieces(source);
    if (!pieces.ok) return pieces;
    const found = findInPieces(words, pieces.pieces);
    return found.ok
      ? { ...found, source }
      : { ok: false, reason: `not verbatim in ${describePieces(source)} of source "${source.id}": ${found.reason}` };
  };

  /** The quote's annotation, anchored, holding `words` (a paraphrase's passage is whatever it annotates). */
  const annotated = (
    id: string | null,
    words: string | undefined,
  ): Found<Place & { source: PublishedSource }> | undefined => {
    if (id === null) return undefined;
    const annotation = annotations.get(id);
    if (!annotation) return { ok: false, reason: `its annotation ${id} is not in the data` };
    const anchored = anchorAnnotation(story, annotation);
    if (!anchored.ok) return anchored;
    if (words !== undefined && !findVerbatim(words, anchored.exact).found) {
      return {
        ok: false,
        reason: `its annotation ${id} marks a passage that does not hold its words: "${anchored.exact}"`,
      };
    }
    return anchored;
  };

  for (const quote of story.quotes) {
    const problems: string[] = [];
    const found: string[] = [];
    if (quote.form === 'paraphrase') {
      const passage = annotated(quote.annotation, undefined);
      if (passage === undefined) {
        line(
          'skip',
          'quote',
          quote.id,
          "a paraphrase: our words, not the source's, so there is nothing to find verbatim",
        );
      } else if (passage.ok) {
        line(
          'ok',
          'quote',
          quote.id,
          `a paraphrase (our words); the passage it restates, annotation ${quote.annotation!}, anchors once in source "${passage.source.id}" at ${passage.start}–${passage.end}`,
        );
      } else {
        line('FAIL', 'quote', quote.id, `a paraphrase; ${passage.reason}`);
      }
      continue;
    }
    const words = verbatim(quote.words, quote.source);
    if (words.ok)
      found.push(
        `verbatim in ${describePieces(words.source)} of source "${words.source.id}" at ${words.start}–${words.end}`,
      );
    else problems.push(words.reason);
    const passage = annotated(quote.annotation, quote.words);
    if (passage?.ok) found.push(`annotation ${quote.annotation!} anchors once there`);
    else if (passage) problems.push(passage.reason);
    if (quote.translation?.by === 'source' && quote.translation.source !== null) {
      const translation = verbatim(quote.translation.words, quote.translation.source);
      if (translation.ok) found.push(`its translation verbatim in source "${translation.source.id}"`);
      else problems.push(`its translation is ${translation.reason}`);
    }
    line(
      problems.length === 0 ? 'ok' : 'FAIL',
      'quote',
      quote.id,
      `a ${quote.form} quote: ${(problems.length === 0 ? found : problems).join('; ')}`,
    );
  }

  for (const entry of story.annotated) {
    for (const id of entry.annotations.filter((id) => !annotations.has(id))) {
      line('FAIL', 'annotation', id, `the annotation of a passage of ${entry.kind} ${entry.id} is not in the data`);
    }
  }
  const ofQuotes = new Set(story.quotes.flatMap((quote) => (quote.annotation === null ? [] : [quote.annotation])));
  for (const annotation of story.annotations) {
    if (ofQuotes.has(annotation.id)) continue;
    const anchored = anchorAnnotation(story, annotation);
    if (anchored.ok)
      line(
        'ok',
        'annotation',
        annotation.id,
        `anchors once in source "${anchored.source.id}" at ${anchored.start}–${anchored.end}`,
      );
    else line('FAIL', 'annotation', annotation.id, anchored.reason);
  }

  for (const source of story.sources) {
    const pieces = publishedPieces(source);
    if (!pieces.ok) line('FAIL', 'source', source.id, pieces.reason);
    else if (source.publish === 'excerpts') {
      if (source.text !== null)
        line('FAIL', 'source', source.id, 'published in excerpts only, yet its data carries its whole text');
      else
        line(
          'skip',
          'source',
          source.id,
          `published in excerpts only (${source.excerpts.length}): its SHA-256 can be checked only against the whole text, the original's (--originals)`,
        );
    } else if (textSha256(source.text!) === source.textSha256) {
      line('ok', 'source', source.id, `its full text matches its SHA-256, ${source.textSha256}`);
    } else {
      line(
        'FAIL',
        'source',
        source.id,
        `its full text's SHA-256 is ${textSha256(source.text!)}, not ${source.textSha256} as its data says`,
      );
    }
  }
  return lines;
}

/** A copy of a source on the web: the original or its archived copy, fetched at most once. */
interface Copy {
  label: string;
  url: string;
  page?: Promise<Found<{ text: string; html: boolean }>>;
}

/**
 * The checks of one story's passages against the originals: each source's original page (or, where
 * that fails or lacks a passage, its archived copy) fetched once and its text extracted (./html.ts),
 * then each quote's words, and each other annotation's passage, looked for in it by the build's rules.
 * A source's hash is checked where the page's text is the text the build checked (a plain-text
 * original); a web page's text carries its own layout and words, so there it says so.
 */
export async function verifyOriginals(story: PublishedStory, fetchPage: Io['fetchPage']): Promise<Line[]> {
  const lines: Line[] = [];
  const line = (status: Status, what: Line['what'], id: string, reason: string) =>
    lines.push({ status, what, id, story: story.slug, reason });
  const load = (copy: Copy) =>
    (copy.page ??= fetchPage(copy.url).then(
      (page): Found<{ text: string; html: boolean }> => {
        const html = isHtml(page.contentType);
        return { ok: true, text: html ? htmlText(page.body) : page.body, html };
      },
      (error: unknown) => ({
        ok: false,
        reason: `${copy.label} ${copy.url} could not be fetched: ${error instanceof Error ? error.message : String(error)}`,
      }),
    ));
  const quoteAnnotations = new Set(
    story.quotes.flatMap((quote) => (quote.annotation === null ? [] : [quote.annotation])),
  );

  for (const source of story.sources) {
    const copies: Copy[] = [
      ...(source.url === null ? [] : [{ label: 'the original', url: source.url }]),
      ...(source.archived === null ? [] : [{ label: 'the archived copy', url: source.archived.url }]),
    ];
    if (copies.length === 0) {
      line('skip', 'source', source.id, 'no original or archived copy on the web to fetch');
      continue;
    }
    /** The first copy whose text holds `words`, or what each copy lacked. */
    const lookFor = async (words: string): Promise<Found<{ label: string; url: string }>> => {
      const missed: string[] = [];
      for (const copy of copies) {
        const page = await load(copy);
        if (!page.ok) missed.push(page.reason);
        else if (findVerbatim(words, page.text).found) return { ok: true, label: copy.label, url: copy.url };
        else missed.push(`not verbatim in ${copy.label} ${copy.url}: ${explainMiss(words, page.text)}`);
      }
      return { ok: false, reason: missed.join('; ') };
    };
    const check = async (what: Line['what'], id: string, words: string, kind: string) => {
      const found = await lookFor(words);
      if (found.ok) line('ok', what, id, `${kind} in ${found.label}, ${found.url}`);
      else line('FAIL', what, id, `${kind}: ${found.reason}`);
    };
    for (const quote of story.quotes) {
      if (quote.source === source.id && quote.form !== 'paraphrase')
        await check('quote', quote.id, quote.words, `a ${quote.form} quote, verbatim`);
      if (quote.translation?.by === 'source' && quote.translation.source === source.id) {
        await check('quote', quote.id, quote.translation.words, 'its translation, verbatim');
      }
    }
    for (const annotation of story.annotations) {
      if (quoteAnnotations.has(annotation.id)) continue;
      const target = annotation.target.find((candidate) => targetSource(story, candidate.source) === source);
      if (target) await check('annotation', annotation.id, target.quote.exact, 'its passage, verbatim');
    }
    const first = await load(copies[0]!);
    if (!first.ok) continue;
    if (textSha256(first.text) === source.textSha256) {
      line(
        'ok',
        'source',
        source.id,
        `the text of ${copies[0]!.label} is the text the build checked: its SHA-256 matches`,
      );
    } else if (!first.html) {
      line(
        'FAIL',
        'source',
        source.id,
        `the text of ${copies[0]!.label} ${copies[0]!.url} is not the text the build checked: its SHA-256 is ${textSha256(first.text)}, not ${source.textSha256}`,
      );
    } else {
      line(
        'skip',
        'source',
        source.id,
        `${copies[0]!.label} is a web page, whose text has its own layout and words around the source's: its SHA-256 cannot be compared, its passages are checked above`,
      );
    }
  }
  return lines;
}

/** How many lines of each kind have each status, in words. */
export function summarise(lines: readonly Line[]): string {
  const count = (what: Line['what'], status: Status) =>
    lines.filter((line) => line.what === what && line.status === status).length;
  const part = (what: Line['what'], plural: string) => {
    const [ok = 0, failed = 0, skipped = 0] = (['ok', 'FAIL', 'skip'] as const).map((status) => count(what, status));
    return ok + failed + skipped === 0 ? [] : [`${plural}: ${ok} ok, ${failed} failed, ${skipped} not checkable`];
  };
  const failed = lines.filter((line) => line.status === 'FAIL').length;
  const parts = [
    ...part('quote', 'quotes'),
    ...part('annotation', 'other annotations'),
    ...part('source', 'sources'),
    ...part('data', 'data files'),
  ].join('; ');
  return `${failed === 0 ? 'All checks passed' : `${failed} check${failed === 1 ? '' : 's'} FAILED`}. ${parts}.`;
}

/**
 * Checks every story the site's index (`indexUrl`, `/data/stories.json`) lists, printing a line for
 * each check as it goes and a summary; returns the exit code: 0 when nothing failed, else 1.
 */
export async function verifySite(indexUrl: string, io: Io, options: { originals: boolean }): Promise<number> {
  const all: Line[] = [];
  const report = (lines: readonly Line[]) => {
    for (const line of lines) io.out(formatLine(line));
    all.push(...lines);
  };
  const unreadable = (id: string, story: string, error: unknown): Line => ({
    status: 'FAIL',
    what: 'data',
    id,
    story,
    reason:
      error instanceof DataError
        ? `${error.field}: expected ${error.expected}`
        : `could not be read: ${error instanceof Error ? error.message : String(error)}`,
  });
  let index: ReturnType<typeof readIndex> = [];
  try {
    index = readIndex(await io.readData(indexUrl), indexUrl);
    if (index.length === 0)
      report([{ status: 'FAIL', what: 'data', id: indexUrl, story: '-', reason: 'the index lists no story' }]);
  } catch (error) {
    report([unreadable(indexUrl, '-', error)]);
  }
  for (const { slug, data } of index) {
    let story: PublishedStory;
    try {
      story = readStory(await io.readData(data), data);
    } catch (error) {
      report([unreadable(data, slug, error)]);
      continue;
    }
    report(verifyStory(story));
    if (options.originals) report(await verifyOriginals(story, io.fetchPage));
  }
  io.out(summarise(all));
  return all.some((line) => line.status === 'FAIL') ? 1 : 0;
}

/** What the command line asks for, or its usage when it asks for nothing it can do. */
export function parseArguments(args: readonly string[]): { site: string; originals: boolean } | { usage: string } {
  const usage = [
    'Usage: node verify.mjs <site address or built folder> [--originals]',
    '  node verify.mjs https://site.example/   checks the site at that address',
    '  node verify.mjs dist/                   checks a built copy of it on this machine',
    "  --originals                             also fetches every source's original (or archived) page and finds each passage there",
  ].join('\n');
  const flags = args.filter((arg) => arg.startsWith('--'));
  const sites = args.filter((arg) => !arg.startsWith('--'));
  if (sites.length !== 1 || flags.some((flag) => flag !== '--originals')) return { usage };
  return { site: sites[0]!, originals: flags.includes('--originals') };
}
