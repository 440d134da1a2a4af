import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'astro/zod';
import type { StoredStory } from './stored.ts';

/**
 * Each assembled story is kept in a file of its own beside Astro's content store, and the store's
 * `stories` entry only names it (docs/decisions/0004-story-bodies-beside-the-store.md): Astro
 * serialises its whole store on every change, so a save at N = 1,000 would otherwise write 13 MB.
 * The files are content-addressed, `<slug>.<digest>.json`: a story that did not change keeps its file,
 * and a file once written never changes, so a page reading it never sees half of two versions.
 */

/** A `stories` entry: where the loader put the story's stored form (`StoredStory`, src/loader/stored.ts). */
export const storyEntrySchema = z.object({
  /** The story's slug, its id in the collection. */
  slug: z.string(),
  /** The digest of the story's stored form (the loader's `generateDigest`): it changes exactly when the story does. */
  digest: z.string(),
  /** The absolute path of the JSON file holding the story's stored form, named by `slug` and `digest`. */
  file: z.string(),
});

export type StoryEntry = z.infer<typeof storyEntrySchema>;

/** The name of the file for a story's stored form with this digest. */
export const storyFileName = (slug: string, digest: string) => `${slug}.${digest}.json`;

/**
 * The files of the folder (`present`, names) that no entry of the store names (`named`, paths or
 * names): superseded stories, and any temporary file a stopped process left behind.
 */
export function supersededFiles(present: readonly string[], named: Iterable<string>): string[] {
  const kept = new Set([...named].map((file) => basename(file)));
  return present.filter((name) => !kept.has(name));
}

/** The file names in `dir`, which is made if missing. */
export function storyFilesIn(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return readdirSync(dir);
}

/** Removes `names` from `dir`. */
export function removeStoryFiles(dir: string, names: readonly string[]) {
  for (const name of names) rmSync(join(dir, name), { force: true });
}

/**
 * Writes `stored` to `file` whole or not at all (a temporary file renamed), so that neither a page
 * reading it nor a process stopped mid-write leaves half a story under its name.
 */
export function writeStoryFile(file: string, stored: unknown) {
  const temporary = `${file}.${String(process.pid)}.tmp`;
  writeFileSync(temporary, JSON.stringify(stored));
  renameSync(temporary, file);
}

/** The stored form of the story `entry` names; a missing or unreadable file fails, naming both. */
export function readStoryFile({ slug, file }: StoryEntry): StoredStory {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StoredStory;
  } catch (error) {
    throw new Error(
      `The stored form of story "${slug}" cannot be read from ${file} (${error instanceof Error ? error.message : String(error)}); the content loader writes it on its next read: restart the dev server or build again`,
      { cause: error },
    );
  }
}

/** `value` and everything in it made read-only: a change to it anywhere throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/**
 * Reads stories' files, each once while it is named: a file never changes once written (its name is
 * its digest), so what was read from it holds. On the dev server the pages' modules are evaluated
 * again after every save, but not this one, which reads no collection: a save reads only the file it
 * wrote, where it would read every story's (17 MB at N = 1,000). What it keeps is frozen, since every
 * corpus made after shares it, and a file no longer named is forgotten.
 */
export class StoryFileReader {
  private readonly read = new Map<string, StoredStory>();

  /** The stored forms of the stories `entries` name, in their order. */
  stories(entries: readonly StoryEntry[]): StoredStory[] {
    const named = new Set(entries.map(({ file }) => file));
    for (const file of this.read.keys()) if (!named.has(file)) this.read.delete(file);
    return entries.map((entry) => {
      let stored = this.read.get(entry.file);
      if (stored === undefined) {
        stored = deepFreeze(readStoryFile(entry));
        this.read.set(entry.file, stored);
      }
      return stored;
    });
  }

  /** How many files it holds what it read from. */
  get size(): number {
    return this.read.size;
  }
}

/** The pages' reader, kept while the server runs (`StoryFileReader`). */
export const storyFiles = new StoryFileReader();
