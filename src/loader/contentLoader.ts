import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { draftStories, type Corpus, type Entry, type Story } from '../lib/model/corpus.ts';
import { readContentSteps, type ReadCache } from '../lib/content/read.ts';
import { runStepsPausing } from '../lib/model/steps.ts';
import {
  ContentError,
  LAST_GOOD_VERSION,
  problemDetail,
  problemPlace,
  type ContentProblem,
} from '../lib/content/problems.ts';
import { ROOT_FILES, type ListingReuse } from '../lib/content/tree.ts';
import { formatWarnings, sourceWarnings } from '../lib/content/warnings.ts';
import { assembleCorpusSteps, newAssemblyMemo, type AssemblyMemo } from '../lib/assemble/corpus.ts';
import { draftRedirectProblems, publishedDraftProblems } from '../lib/outputs/drafts.ts';
import {
  compareUrls,
  deadEndRedirects,
  hijackingRedirects,
  liveUrls,
  missingUrlProblems,
  parseManifest,
  urlOfFile,
} from '../lib/outputs/manifest.ts';
import { crossCheckProblems, parseRecord, recordProblems, restoreHint } from '../lib/outputs/record.ts';
import {
  codePointsIn,
  planFonts,
  shownTexts,
  uncoveredProblems,
  type Face,
  type SiteFonts,
  type SourceFile,
} from '../lib/outputs/fonts.ts';
import { fontCoverage, readSources } from './fontSources.ts';
import { storeStory } from './stored.ts';
import {
  removeStoryFiles,
  storyFileName,
  storyFilesIn,
  supersededFiles,
  writeStoryFile,
  type StoryEntry,
} from './storyFiles.ts';

/**
 * The content loader, on Astro's documented Loader API (store, logger, watcher, generateDigest,
 * config) and nothing else. One read of the content folder serves every collection: every file
 * read and validated (src/lib/content/read.ts), the corpus assembled once (src/lib/assemble/), the
 * published URLs compared with the manifest, and only then the results stored:
 *
 * - `stories`: each assembled story, references as ids (src/loader/stored.ts), in a file of its own
 *   beside the store, which names it (src/loader/storyFiles.ts);
 * - `actors`: every actor;
 * - `authors`: every author (bylines and author pages);
 * - `redirects`: every old URL and where it leads;
 * - `contentProblems`: while the dev server keeps the last good content, the problems that stop the
 *   new one, so every page can show them (src/components/ContentProblems.astro); empty otherwise;
 * - `fonts`: the site's fonts planned from what the other collections hold, one entry (`planFonts`,
 *   src/lib/outputs/fonts.ts), which every page's layout reads and the font route cuts.
 *
 * A process reads every file once. While the dev server runs, a change re-reads only the files the
 * watcher reported (and any it has not seen), reassembles only the stories whose files were read
 * again (every story when an actor changed: each depends on them all), and runs the cross-story
 * checks (actors, bylines, `sameAs`, URLs, the published record) on the whole corpus again, which
 * costs little; what was made from an unchanged file or story is reused as it was (`Reuse`), so the
 * store's digests find it unchanged and only what changed is written. Nothing outlives the process:
 * a change to the schemas or the assembly code restarts it, and takes effect with no cache to clear.
 * With any problem, `astro sync` and `astro build` fail before a page is written; the dev server
 * instead logs the problems, stores them, and keeps serving the last good content.
 *
 * Why the problems and the fonts go into the store: it is the only documented way from a loader to
 * a page (a loader's `meta` is for the loader itself, a module variable shared with pages would rely
 * on how Astro loads the content config, which it does not document, and the integration's virtual
 * module is written before any content is read), and a change to it makes the dev server reload open
 * pages, so the banner appears and goes, and new characters get their fonts, without anyone reloading.
 */

type Collection = 'stories' | 'actors' | 'authors' | 'redirects' | 'contentProblems' | 'fonts';

/** The one entry of `contentProblems`: each problem as the terminal shows it, where and what. */
export interface StoredProblems {
  problems: { place: string; detail: string }[];
}

/** The one entry of `fonts`: the site's fonts as the content loader planned them. */
export type StoredFonts = SiteFonts;

/**
 * What each collection but `contentProblems` stores, by id: made once a read, from a valid corpus.
 * For `stories`, each story's stored form, which goes to its file (`storyEntries`).
 */
type Stored = Record<Exclude<Collection, 'contentProblems'>, [string, Record<string, unknown>][]>;

/** A valid corpus comes with its warnings (src/lib/content/warnings.ts): said in the log, never stopping the build. */
type Outcome = ({ stored: Stored; warnings: ContentProblem[] } | { problems: ContentProblem[] }) & { timings: Timings };

/**
 * How many files a read found, which it read again and how many stories it assembled, and how many
 * milliseconds each step took, for the log (tests/bench/figures.ts reads it).
 */
interface Timings {
  files: number;
  reread: string[];
  stories: number;
  assembled: number;
  read: number;
  assemble: number;
  urls: number;
  /** Making what the collections store; reported with storing them. */
  store: number;
  fonts: number;
}

/** What each font face can draw, and each face's source font by name (src/loader/fontSources.ts). */
interface Fonts {
  coverage: ReadonlyMap<Face, ReadonlySet<number>>;
  sources: ReadonlyMap<string, SourceFile>;
}

/**
 * What one run of the loader keeps for the next while its process lives, so a save costs what it
 * changed: the folders as listed, the files as read, the stories as assembled, and, by the object they were made from, each
 * file's unshowable characters, each story's stored form, each stored entry's digest and characters.
 * `changed` collects the paths the watcher reports until the next read.
 */
interface Reuse {
  read: ReadCache;
  /** Each folder's entries as last listed (src/lib/content/tree.ts). */
  listings: ListingReuse['listings'];
  changed: Set<string>;
  assembly: AssemblyMemo;
  unshowable: WeakMap<Entry<unknown>, ContentProblem[]>;
  stored: WeakMap<Story, Record<string, unknown>>;
  digests: WeakMap<Record<string, unknown>, string>;
  /** Each story's store entry, by its stored form: made when its file was written. */
  entries: WeakMap<Record<string, unknown>, StoryEntry>;
  /** Each stored entry's code points, and the fonts last planned with the code points they were planned for. */
  points: WeakMap<Record<string, unknown>, number[]>;
  fonts: { points: readonly number[]; entries: [string, Record<string, unknown>][] } | undefined;
}

const newReuse = (): Reuse => ({
  read: new Map(),
  listings: new Map(),
  changed: new Set(),
  assembly: newAssemblyMemo(),
  unshowable: new WeakMap(),
  stored: new WeakMap(),
  digests: new WeakMap(),
  entries: new WeakMap(),
  points: new WeakMap(),
  fonts: undefined,
});

const sameNumbers = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** `make(key)`, made once per key while the key lives. */
function reused<K extends object, V>(memo: WeakMap<K, V>, key: K, make: (key: K) => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    value = make(key);
    memo.set(key, value);
  }
  return value;
}

/** The lists of files a read fills, counted for the build's log. */
const KINDS_READ = ['actors', 'authors', 'stories', 'sources', 'quotes', 'claims', 'events', 'redirects'] as const;

/**
 * Lets the server's other work run between the steps of a read, and within its reading and assembling
 * every few milliseconds (src/lib/model/steps.ts): the first read of a large folder takes tens of
 * seconds, and Vite, starting the dev server meanwhile, gives up on a request that waits a minute
 * ("transport invoke timed out after 60000ms", seen at N = 1,000 on a busy machine, and at N = 5,000,
 * where the server then never served a page).
 */
const yieldToServer = () => new Promise<void>((done) => setImmediate(done));

/** Reads, checks and assembles the content folder; every problem found, or the corpus. */
async function check(
  contentDir: string,
  projectRoot: string,
  publicDir: string,
  { checkUrls, today, drafts, fonts }: { checkUrls: boolean; today: string; drafts: boolean; fonts: Fonts },
  reuse: Reuse,
): Promise<Outcome> {
  let lap = performance.now();
  /** Milliseconds since the last call. */
  const since = () => {
    const now = performance.now();
    const ms = now - lap;
    lap = now;
    return ms;
  };
  // Taken before the read: a path reported while it runs is read again next time.
  const changed = new Set(reuse.changed);
  reuse.changed.clear();
  const { files, problems, reread } = await runStepsPausing(
    readContentSteps(contentDir, projectRoot, undefined, { cache: reuse.read, changed, listings: reuse.listings }),
    yieldToServer,
  );
  const timings: Timings = {
    files: reuse.read.size,
    reread,
    stories: files.stories.length,
    assembled: 0,
    read: since(),
    assemble: 0,
    urls: 0,
    store: 0,
    fonts: 0,
  };
  if (problems.length > 0) return { problems, timings };
  await yieldToServer();
  since();
  let corpus: Corpus;
  try {
    // Drafts are left out here, the one place, but on the dev server and in a preview build.
    corpus = await runStepsPausing(assembleCorpusSteps(files, today, { drafts, memo: reuse.assembly }), yieldToServer);
  } catch (error) {
    if (error instanceof ContentError) return { problems: error.problems, timings };
    throw error;
  } finally {
    timings.assemble = since();
    timings.assembled = reuse.assembly.assembled;
  }
  await yieldToServer();
  since();
  // A character no face can show would fail the build while its pages render: found here instead.
  const unshowable = KINDS_READ.flatMap((kind) =>
    (files[kind] as Entry<unknown>[]).flatMap((entry) =>
      reused(reuse.unshowable, entry, ({ filePath, data, body }) =>
        uncoveredProblems([{ file: filePath ?? '', data, body }], fonts.coverage),
      ),
    ),
  );
  timings.assemble += since();
  if (unshowable.length > 0) return { problems: unshowable, timings };
  const live = new Set(liveUrls(corpus, staticFiles(publicDir)));
  const hijacks = hijackingRedirects(corpus, live);
  if (hijacks.length > 0) return { problems: hijacks, timings };
  const urls = new Set([...live, ...corpus.redirects.map((redirect) => redirect.from)]);
  // Before the dead ends: in a production build, a redirect to a draft is one, for this reason.
  const draftFiles = draftStories(files.stories);
  const toDrafts = draftRedirectProblems(corpus.redirects, draftFiles);
  if (toDrafts.length > 0) return { problems: toDrafts, timings };
  const deadEnds = deadEndRedirects(corpus, urls);
  if (deadEnds.length > 0) return { problems: deadEnds, timings };
  const published = publishedProblems(corpus, draftFiles, contentDir, projectRoot, urls, checkUrls);
  if (published.length > 0) return { problems: published, timings };
  timings.urls = since();
  const stored = storedEntries(corpus, reuse);
  timings.store = since();
  // The pages' fonts, from what the pages will read: planned here, so no page does build work; planned
  // again only when the characters the pages show changed.
  const entries = (['stories', 'actors', 'authors', 'redirects'] as const).flatMap((collection) =>
    stored[collection].map(([id, data]) => ({ collection, id, data })),
  );
  const points = [...new Set(entries.flatMap(({ data }) => reused(reuse.points, data, () => codePointsIn(data))))].sort(
    (a, b) => a - b,
  );
  if (reuse.fonts === undefined || !sameNumbers(reuse.fonts.points, points)) {
    const planned = planFonts(points, fonts.sources, () =>
      entries.flatMap(({ collection, id, data }) => shownTexts(`${collection}/${id}`, data)),
    );
    reuse.fonts = { points, entries: fontEntries(planned) };
  }
  stored.fonts = reuse.fonts.entries;
  timings.fonts = since();
  return { stored, warnings: sourceWarnings(files.sources), timings };
}

/**
 * What the published files say against this corpus. Once anything is published both files exist
 * (`npm run urls:update` writes them together), so one without the other was deleted by hand; they
 * are checked against each other, then that no draft (`drafts`, slug to file) was published, then
 * the record against the corpus (checked in every build,
 * `npm run urls:update` too: recording a change must not be a way around its correction), then, but
 * while `urls:update` records new URLs, the manifest against the URLs the corpus publishes. A folder
 * with neither file has published nothing (a new site, a test fixture).
 */
function publishedProblems(
  corpus: Corpus,
  drafts: ReadonlyMap<string, string>,
  contentDir: string,
  projectRoot: string,
  urls: ReadonlySet<string>,
  checkUrls: boolean,
): ContentProblem[] {
  const manifestPath = join(contentDir, ROOT_FILES.publishedUrls);
  const recordPath = join(contentDir, ROOT_FILES.publishedRecord);
  const files = { urls: relative(projectRoot, manifestPath), record: relative(projectRoot, recordPath) };
  const [hasManifest, hasRecord] = [existsSync(manifestPath), existsSync(recordPath)];
  if (!hasManifest && !hasRecord) return [];
  if (hasManifest !== hasRecord) {
    const [missing, other] = hasManifest ? [files.record, files.urls] : [files.urls, files.record];
    return [
      {
        file: missing,
        field: 'file',
        value: 'missing',
        expected: `the file beside ${other}: the two are written together once anything is published; ${restoreHint(missing)}`,
      },
    ];
  }
  const read = parseRecord(readFileSync(recordPath, 'utf8'), files.record);
  if ('problems' in read) return read.problems;
  const manifest = parseManifest(readFileSync(manifestPath, 'utf8'));
  const crossed = crossCheckProblems(read.record, manifest, corpus.redirects, files);
  if (crossed.length > 0) return crossed;
  // Said before the published pages it would remove are: the cause, not its consequences.
  const unpublished = publishedDraftProblems(drafts, manifest, files.urls);
  if (unpublished.length > 0) return unpublished;
  const changed = recordProblems(corpus, read.record, files.record);
  if (changed.length > 0 || !checkUrls) return changed;
  const redirectsFile = relative(projectRoot, join(contentDir, ROOT_FILES.redirects));
  return missingUrlProblems(compareUrls(manifest, [...urls]).missing, urls, files.urls, redirectsFile);
}

/** How many files read again the log names; the rest it counts. */
const NAMED_FILES = 5;

/**
 * The line the stories loader logs after each read: the benchmark's content phases (tests/bench/figures.ts).
 * "content: 17127 files read and checked in 2400 ms, assembled in 900 ms, URLs checked in 80 ms, fonts planned in 300 ms, stories stored in 1500 ms"
 * After a save, which files were read again and how many stories assembled:
 * "content: 17128 files read and checked in 12 ms (1 read again: content/stories/khalilzad-warns-taliban/quotes/abbas-stanekzai-protect-diplomats.md), assembled in 40 ms (1 of 1000 stories), …"
 */
export function describeTimings(timings: Timings, storedMs: number): string {
  const ms = (x: number) => `${Math.round(x)} ms`;
  const { reread, files, assembled, stories } = timings;
  const named = reread.slice(0, NAMED_FILES).join(', ') + (reread.length > NAMED_FILES ? ', …' : '');
  const readAgain = reread.length === files ? '' : ` (${reread.length} read again${named && `: ${named}`})`;
  const assembledOf = assembled === stories ? '' : ` (${assembled} of ${stories} stories)`;
  return `content: ${files} files read and checked in ${ms(timings.read)}${readAgain}, assembled in ${ms(timings.assemble)}${assembledOf}, URLs checked in ${ms(timings.urls)}, fonts planned in ${ms(timings.fonts)}, stories stored in ${ms(timings.store + storedMs)}`;
}

/** The files of `public/` that are published, as the URL paths the site serves them at (not `_headers`). */
function staticFiles(publicDir: string): string[] {
  if (!existsSync(publicDir)) return [];
  return readdirSync(publicDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .flatMap((entry) => urlOfFile(relative(publicDir, join(entry.parentPath, entry.name)).split(sep).join('/')) ?? []);
}

/** The `fonts` entry for `planned`: one entry, the site's. */
const fontEntries = (planned: SiteFonts): [string, Record<string, unknown>][] => [['site', { ...planned }]];

/** What each collection stores, by id; `fonts` is planned from the others (`check`). A story's is made once. */
function storedEntries(corpus: Corpus, reuse: Reuse): Stored {
  return {
    stories: corpus.stories.map((story) => [story.slug, reused(reuse.stored, story, () => ({ ...storeStory(story) }))]),
    actors: [...corpus.actors].map(([id, actor]) => [id, { ...actor }]),
    authors: [...corpus.authors].map(([id, author]) => [id, { ...author }]),
    redirects: corpus.redirects.map((redirect) => [redirect.from, { ...redirect }]),
    fonts: [],
  };
}

/** The `contentProblems` entry for `problems`: one entry, so their order is kept. */
function problemEntries(problems: ContentProblem[]): [string, Record<string, unknown>][] {
  const stored: StoredProblems = {
    problems: problems.map((problem) => ({ place: problemPlace(problem), detail: problemDetail(problem) })),
  };
  return [['current', { ...stored }]];
}

/**
 * Replaces the collection's entries with `entries`: unchanged ones are kept (same digest), gone ones
 * deleted. An entry made from unchanged content is the same object as last time, its digest known.
 */
function replaceEntries(
  context: LoaderContext,
  entries: [string, Record<string, unknown>][],
  digests: Reuse['digests'],
) {
  const { store } = context;
  const keep = new Set(entries.map(([id]) => id));
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  for (const [id, data] of entries)
    store.set({ id, data, digest: reused(digests, data, (made) => context.generateDigest(made)) });
  // An empty collection (most sites have no redirects) must still exist in the store, or every read of
  // it warns that it "does not exist or is empty": an entry set and deleted leaves it present and empty.
  if (entries.length === 0) {
    store.set({ id: '/', data: {} });
    store.delete('/');
  }
}

/** The folder of the stories' files, and the files it holds. */
interface StoryFiles {
  dir: string;
  present: Set<string>;
}

/**
 * The folder of the stories' files under Astro's cache folder, one for the dev server and one for
 * builds, so neither removes the other's (docs/decisions/0004-story-bodies-beside-the-store.md), with
 * every file the store does not name removed: the first read of a process, before it writes any.
 */
function openStoryFiles({ config, watcher, store }: LoaderContext): StoryFiles {
  const dir = join(fileURLToPath(config.cacheDir), 'explainer-stories', watcher ? 'dev' : 'build');
  const present = storyFilesIn(dir);
  const named = store.values().flatMap(({ data }) => (typeof data.file === 'string' ? [data.file] : []));
  const superseded = new Set(supersededFiles(present, named));
  removeStoryFiles(dir, [...superseded]);
  return { dir, present: new Set(present.filter((name) => !superseded.has(name))) };
}

/**
 * The `stories` entries for the stories' stored forms: each names its story's file, written unless
 * the folder has it (a file's name says its content). An unchanged story's entry is the one made before.
 */
function storyEntries(
  context: LoaderContext,
  stories: Stored['stories'],
  files: StoryFiles,
  reuse: Reuse,
): [string, Record<string, unknown>][] {
  return stories.map(([slug, stored]) => [
    slug,
    reused(reuse.entries, stored, () => {
      const digest = reused(reuse.digests, stored, (made) => context.generateDigest(made));
      const name = storyFileName(slug, digest);
      const file = join(files.dir, name);
      if (!files.present.has(name)) {
        writeStoryFile(file, stored);
        files.present.add(name);
      }
      return { slug, digest, file };
    }),
  ]);
}

/** How long the content folder must be quiet after a change before it is read again (dev server). */
const SETTLE_MS = 150;

/**
 * The loaders of the six collections for the content folder `contentDir`. `checkUrls` compares the
 * built URLs with the published-URL manifest (off while `npm run urls:update` records new ones);
 * `today` is the build's day, `YYYY-MM-DD`, after which nothing may be dated; `drafts` keeps draft
 * stories in the corpus (the dev server, a preview build).
 */
export function contentLoaders(
  contentDir: string,
  { checkUrls = true, today, drafts = false }: { checkUrls?: boolean; today: string; drafts?: boolean },
): Record<Collection, Loader> {
  const root = resolve(contentDir);
  const reuse = newReuse();
  let storyFiles: StoryFiles | undefined;
  /** One read serves the six loaders of a sync; a loader that has had this one asks for a new read. */
  let current: { outcome: Promise<Outcome>; used: Set<Collection> } | undefined;
  const outcomeFor = (collection: Collection, { config, watcher }: LoaderContext, fonts: Fonts): Promise<Outcome> => {
    if (!current || current.used.has(collection)) {
      const options = { checkUrls, today, drafts, fonts };
      // A build reads once: what it kept for a next read would only hold memory through the build.
      const kept = watcher ? reuse : newReuse();
      const read = () => check(root, fileURLToPath(config.root), fileURLToPath(config.publicDir), options, kept);
      // One read at a time: a read starts after the one before it, which it builds on, has ended.
      const outcome = current ? current.outcome.then(read, read) : read();
      current = { outcome, used: new Set() };
    }
    current.used.add(collection);
    return current.outcome;
  };

  const loader = (collection: Collection): Loader => ({
    name: `explainer-${collection}`,
    load: async (context) => {
      // The fonts do not change while a process runs: read once, before the first check.
      const fonts: Fonts = { coverage: await fontCoverage(), sources: await readSources() };
      const update = async () => {
        const outcome = await outcomeFor(collection, context, fonts);
        if ('stored' in outcome) {
          const started = performance.now();
          const entries =
            collection === 'contentProblems'
              ? []
              : collection === 'stories'
                ? storyEntries(context, outcome.stored.stories, (storyFiles ??= openStoryFiles(context)), reuse)
                : outcome.stored[collection];
          replaceEntries(context, entries, reuse.digests);
          if (collection === 'stories') {
            context.logger.info(describeTimings(outcome.timings, performance.now() - started));
            const warnings = formatWarnings(outcome.warnings);
            if (warnings !== undefined) context.logger.warn(warnings);
          }
          return;
        }
        if (collection === 'contentProblems') {
          replaceEntries(context, problemEntries(outcome.problems), reuse.digests);
          return;
        }
        const error = new ContentError(outcome.problems);
        // Building: stop. Writing (dev server): say why, and keep what the store holds, the last good content.
        if (!context.watcher) throw error;
        // A dev server started on invalid content has no last good fonts: the templates' own, so the
        // pages can still show the problems.
        if (collection === 'fonts' && context.store.keys().length === 0)
          replaceEntries(context, fontEntries(planFonts([], fonts.sources)), reuse.digests);
        // Each of the loaders sees the same problems: one of them says so.
        if (collection === 'stories') context.logger.error(`${error.message}\n${LAST_GOOD_VERSION}`);
      };
      await update();
      context.watcher?.add(root);
      // A save can reach the watcher as a truncation then a write, and the watcher may drop the
      // second when both carry the same modification time: reading at the first event would keep a
      // half-written file. So the folder is read once it has been quiet for a moment.
      let settling: ReturnType<typeof setTimeout> | undefined;
      context.watcher?.on('all', (_event, path) => {
        if (!resolve(path).startsWith(root + '/')) return;
        reuse.changed.add(resolve(path));
        clearTimeout(settling);
        settling = setTimeout(() => void update(), SETTLE_MS);
      });
    },
  });

  return {
    stories: loader('stories'),
    actors: loader('actors'),
    authors: loader('authors'),
    redirects: loader('redirects'),
    contentProblems: loader('contentProblems'),
    fonts: loader('fonts'),
  };
}
