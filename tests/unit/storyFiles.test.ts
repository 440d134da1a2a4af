import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  readStoryFile,
  StoryFileReader,
  removeStoryFiles,
  storyFileName,
  storyFilesIn,
  supersededFiles,
  writeStoryFile,
} from '../../src/loader/storyFiles';
import { linkStory, storeStory } from '../../src/loader/stored';
import { corpus } from './fixtures/corpus';

/*
 * The files beside Astro's content store that hold each story's stored form (src/loader/storyFiles.ts):
 * their names, which of them a new process removes, and a story written and read back. Not covered:
 * the loader writing them and pages reading them (tests/content/dev-incremental.test.ts, the build).
 */

const dir = mkdtempSync(join(tmpdir(), 'story-files-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('storyFileName', () => {
  it('names a story’s file by its slug and digest, so another version of it is another file', () => {
    expect(storyFileName('talks-end', 'abc123')).toBe('talks-end.abc123.json');
    expect(storyFileName('talks-end', 'def456')).not.toBe(storyFileName('talks-end', 'abc123'));
  });
});

describe('supersededFiles', () => {
  it('is every file the store does not name, by path or by name, temporary files too', () => {
    const present = ['a.1.json', 'a.2.json', 'b.1.json', 'c.1.json.123.tmp'];
    expect(supersededFiles(present, ['/cache/explainer-stories/a.2.json', 'b.1.json'])).toEqual([
      'a.1.json',
      'c.1.json.123.tmp',
    ]);
  });

  it('is every file when the store names none (a store from before, or another folder’s)', () => {
    expect(supersededFiles(['a.1.json'], [])).toEqual(['a.1.json']);
  });
});

describe('writeStoryFile and readStoryFile', () => {
  const { stories, actors } = corpus();

  it('write a story’s stored form that reads back and links into the assembled story, leaving no temporary file', () => {
    for (const story of stories) {
      const file = join(dir, storyFileName(story.slug, 'd1'));
      writeStoryFile(file, storeStory(story));
      expect(linkStory(readStoryFile({ slug: story.slug, digest: 'd1', file }), actors)).toEqual(story);
    }
    expect(readdirSync(dir).sort()).toEqual(stories.map((s) => storyFileName(s.slug, 'd1')).sort());
  });

  it('remove superseded files and keep the ones named', () => {
    const files = storyFilesIn(dir);
    const [kept, ...gone] = files;
    removeStoryFiles(dir, supersededFiles(files, [kept!]));
    expect(storyFilesIn(dir)).toEqual([kept]);
    expect(gone.length).toBeGreaterThan(0);
  });

  it('fail on a missing or unreadable file, naming the story and the file', () => {
    const missing = join(dir, 'gone.x.json');
    expect(() => readStoryFile({ slug: 'gone', digest: 'x', file: missing })).toThrow(
      new RegExp(`story "gone" cannot be read from ${missing}`),
    );
    const broken = join(dir, 'broken.x.json');
    writeFileSync(broken, '{"slug": "bro');
    expect(() => readStoryFile({ slug: 'broken', digest: 'x', file: broken })).toThrow(/story "broken"/);
  });
});

describe('StoryFileReader', () => {
  const { stories, actors } = corpus();
  const [story] = stories;

  it('reads a file once while it is named, frozen, and forgets it once it is not', () => {
    const reader = new StoryFileReader();
    const file = join(dir, storyFileName(story!.slug, 'd2'));
    writeStoryFile(file, storeStory(story!));
    const entry = { slug: story!.slug, digest: 'd2', file };
    const [first] = reader.stories([entry]);
    expect(linkStory(first!, actors)).toEqual(story);
    // The file is not read again: removed, it is still served from what was read.
    rmSync(file);
    const [again] = reader.stories([entry]);
    expect(again).toBe(first);
    // Shared by every corpus made after, so no page may change it.
    expect(Object.isFrozen(first!.quotes[0])).toBe(true);
    expect(() => {
      (first!.quotes as unknown[]).push('x');
    }).toThrow(TypeError);
    // Named no more, it is forgotten; named again, it is read again, and its absence is loud.
    expect(reader.stories([])).toEqual([]);
    expect(reader.size).toBe(0);
    expect(() => reader.stories([entry])).toThrow(/story "/);
  });
});
