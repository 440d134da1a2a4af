import { ID_PATTERN } from '../model/entities.ts';
import { readdirSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { ContentProblem } from './problems.ts';

/**
 * The shape of the content folder. The loaders only read files that match their patterns, so a file
 * anywhere else (a typo'd folder, `story.md` for `story.mdx`, a `.txt`) would be silently ignored:
 * this walk refuses every file and folder the model does not know instead.
 */

/** The folders of a story, one per kind of entity, each holding `<id>.md` files. */
export const STORY_FOLDERS = ['sources', 'quotes', 'claims', 'events'] as const;

/** Files at the top of the content folder that are not entities. */
export const ROOT_FILES = {
  /** Old URL paths and where they now lead (redirect pages are generated from it). */
  redirects: 'redirects.yaml',
  /** Every URL the site has published, written by `npm run urls:update`. */
  publishedUrls: 'published-urls.txt',
  /** What each published quote and claim says, and the published corrections, written by `npm run urls:update`. */
  publishedRecord: 'published-record.json',
  /** The site's configuration: its name, origin, language, logo, contacts, licences (src/lib/model/site.ts). */
  site: 'site.yaml',
} as const;

/** Names the operating system or version control leave behind; they are not content. */
const BOOKKEEPING = new Set(['.DS_Store', '.gitkeep', 'Thumbs.db']);

const isStoryFolder = (name: string): name is (typeof STORY_FOLDERS)[number] =>
  (STORY_FOLDERS as readonly string[]).includes(name);


/** The kinds of entity file, each a collection of the model. */
export type EntityKind = 'actors' | 'authors' | 'stories' | (typeof STORY_FOLDERS)[number];

/** An entity file the layout allows: its kind, its path, and its id (`<slug>/<name>` for a story's entities). */
export interface EntityFile {
  kind: EntityKind;
  path: string;
  id: string;
}

/** What the walk found: the entity files, the root files (`ROOT_FILES`) present, and a problem for everything else. */
export interface ContentTree {
  files: EntityFile[];
  /** The names of the root files that are there, as files of their own. */
  rootFiles: Set<string>;
  problems: ContentProblem[];
}

/**
 * Each folder's entries as a walk listed them, by path: the dev server keeps them between reads, and
 * lists again only the folders a change was reported in (`changed`, absolute paths of files and
 * folders added, changed or removed), so a save does not list every folder of a large archive.
 */
export interface ListingReuse {
  listings: Map<string, Dirent[]>;
  changed: ReadonlySet<string>;
}

/**
 * Walks `root`: every entity file where the model's layout puts one, and a problem for every file or
 * folder outside it. A symbolic link is refused by its name and never followed: the build reads the
 * content folder and nothing else, and a link can lead anywhere on the disk (a link to a folder inside
 * the content folder is refused too: the same files would be read twice, under two ids). With
 * `reuse`, a folder listed before and not among the changed paths is not listed again.
 */
export function scanContentTree(root: string, displayRoot = root, reuse?: ListingReuse): ContentTree {
  const problems: ContentProblem[] = [];
  const files: EntityFile[] = [];
  const rootFiles = new Set<string>();
  const shown = (path: string) => join(displayRoot, relative(root, path));
  const add = (path: string, field: string, value: unknown, expected: string) =>
    problems.push({ file: shown(path), field, value, expected });

  const listings = reuse?.listings;
  // A changed path changes the listing of its folder, and is itself a folder to list again when it is one.
  for (const path of reuse?.changed ?? []) {
    listings?.delete(path);
    listings?.delete(dirname(path));
  }
  const listed = new Set<string>();
  const entriesOf = (dir: string): Dirent[] => {
    listed.add(dir);
    let entries = listings?.get(dir);
    if (entries === undefined) {
      entries = readdirSync(dir, { withFileTypes: true });
      listings?.set(dir, entries);
    }
    return entries;
  };
  // Directory entries describe the entry itself, not what a link leads to: a link is neither a file nor a folder here.
  const list = (dir: string): Dirent[] =>
    entriesOf(dir)
      .filter((entry) => !BOOKKEEPING.has(entry.name))
      .filter((entry) => {
        if (!entry.isSymbolicLink()) return true;
        add(
          join(dir, entry.name),
          'file name',
          entry.name,
          'a file or folder of its own, not a symbolic link: the build reads only what is inside the content folder, and never follows a link (copy what it leads to here instead)',
        );
        return false;
      })
      .sort((a, b) => (a.name < b.name ? -1 : 1));

  /** A folder of `<id>.md` entity files: anything else in it is refused, and so are ids that differ only in case. */
  const entityFolder = (dir: string, kind: EntityKind, idPrefix = '') => {
    const entries = list(dir);
    for (const entry of entries.filter((e) => !e.isFile())) {
      add(
        join(dir, entry.name),
        'folder',
        entry.name,
        `no sub-folder here: ${kind} are files ${relative(root, dir)}/<id>.md`,
      );
    }
    const idOf = (name: string) => name.replace(/\.md$/i, '');
    // Two names that differ only in case are one file on macOS and Windows disks, and one id to a reader.
    const byId = Map.groupBy(
      entries.filter((e) => e.isFile()),
      (e) => idOf(e.name).toLowerCase(),
    );
    for (const group of byId.values()) {
      const keeper = group.find((e) => e.name.endsWith('.md') && ID_PATTERN.test(idOf(e.name))) ?? group[0]!;
      for (const entry of group) {
        if (entry !== keeper) {
          add(
            join(dir, entry.name),
            'id',
            idOf(entry.name),
            `an id not already used by ${shown(join(dir, keeper.name))}: two ${kind} share it`,
          );
        } else if (entry.name.endsWith('.md') && ID_PATTERN.test(idOf(entry.name))) {
          files.push({ kind, path: join(dir, entry.name), id: `${idPrefix}${idOf(entry.name)}` });
        } else {
          add(
            join(dir, entry.name),
            'file name',
            entry.name,
            `<id>.md with an id in lower-case-with-hyphens (${kind} are Markdown files named by their id)`,
          );
        }
      }
    }
  };

  const storyFolder = (dir: string) => {
    let hasStory = false;
    const before = problems.length;
    for (const entry of list(dir)) {
      const path = join(dir, entry.name);
      if (entry.isFile() && entry.name === 'story.mdx') {
        hasStory = true;
        files.push({ kind: 'stories', path, id: basename(dir) });
      } else if (entry.isDirectory() && isStoryFolder(entry.name)) entityFolder(path, entry.name, `${basename(dir)}/`);
      else if (entry.isDirectory()) {
        add(path, 'folder', entry.name, `a folder the model knows: ${STORY_FOLDERS.join(', ')}`);
      } else {
        add(
          path,
          'file name',
          entry.name,
          `story.mdx, or a file inside one of the folders ${STORY_FOLDERS.join(', ')}`,
        );
      }
    }
    // A misnamed story file (`story.md`) was reported above, with the name it should have.
    if (!hasStory && problems.length === before)
      add(
        join(dir, 'story.mdx'),
        'file',
        undefined,
        'a story.mdx in every story folder: the headline, dek, bottom line and text',
      );
  };

  for (const entry of list(root)) {
    const path = join(root, entry.name);
    if (entry.isDirectory() && (entry.name === 'actors' || entry.name === 'authors')) entityFolder(path, entry.name);
    else if (entry.isDirectory() && entry.name === 'stories') {
      for (const story of list(path)) {
        const storyPath = join(path, story.name);
        if (!story.isDirectory())
          add(storyPath, 'file name', story.name, 'only story folders here: stories/<slug>/story.mdx');
        else if (!ID_PATTERN.test(story.name))
          add(
            storyPath,
            'folder',
            story.name,
            'a story slug in lower-case-with-hyphens: it becomes the URL /stories/<slug>/',
          );
        else storyFolder(storyPath);
      }
    } else if (entry.isFile() && (Object.values(ROOT_FILES) as string[]).includes(entry.name)) rootFiles.add(entry.name);
    else {
      add(
        path,
        entry.isDirectory() ? 'folder' : 'file name',
        entry.name,
        `one of: actors/, authors/, stories/, ${Object.values(ROOT_FILES).join(', ')}`,
      );
    }
  }
  // A folder the walk no longer reached (deleted, or under a renamed one) is forgotten.
  for (const dir of listings?.keys() ?? []) if (!listed.has(dir)) listings?.delete(dir);
  return { files, rootFiles, problems };
}
