import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanContentTree } from '../../src/lib/content/tree';

/*
 * The content folder's layout: what the walk accepts and what it refuses, with the field and value
 * it names, and the entity files it finds. Not covered: the files' contents (the loaders and schemas; tests/content runs them).
 */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function folder(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'content-tree-'));
  made.push(root);
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '---\n---\n');
  }
  return root;
}

const valid = [
  'actors/ann.md',
  'stories/a-story/story.mdx',
  'stories/a-story/sources/report.md',
  'stories/a-story/quotes/q-1.md',
  'stories/a-story/claims/c.md',
  'stories/a-story/events/e.md',
  'redirects.yaml',
  'published-urls.txt',
  '.DS_Store',
];

const audit = (files: string[]) =>
  scanContentTree(folder(files), 'content').problems.map((p) => ({ file: p.file, field: p.field, value: p.value }));

describe('scanContentTree', () => {
  it('accepts the layout the model knows, and bookkeeping files', () => {
    expect(audit(valid)).toEqual([]);
  });

  it('refuses a folder the model does not know, naming it', () => {
    expect(audit([...valid, 'stories/a-story/quote/x.md'])).toEqual([
      { file: 'content/stories/a-story/quote', field: 'folder', value: 'quote' },
    ]);
  });

  it('refuses unknown files at the top, in a story and in an entity folder', () => {
    expect(audit([...valid, 'notes.txt', 'stories/a-story/draft.md', 'stories/a-story/quotes/q-2.txt'])).toEqual([
      { file: 'content/notes.txt', field: 'file name', value: 'notes.txt' },
      { file: 'content/stories/a-story/draft.md', field: 'file name', value: 'draft.md' },
      { file: 'content/stories/a-story/quotes/q-2.txt', field: 'file name', value: 'q-2.txt' },
    ]);
  });

  it('refuses file names and slugs that are not ids', () => {
    expect(audit([...valid, 'actors/Bo Example.md', 'stories/Big_Story/story.mdx'])).toEqual([
      { file: 'content/actors/Bo Example.md', field: 'file name', value: 'Bo Example.md' },
      { file: 'content/stories/Big_Story', field: 'folder', value: 'Big_Story' },
    ]);
  });

  it('reports two files whose ids differ only in case once, on the one that breaks the rule', () => {
    expect(audit([...valid, 'stories/a-story/quotes/Q-1.md'])).toEqual([
      { file: 'content/stories/a-story/quotes/Q-1.md', field: 'id', value: 'Q-1' },
    ]);
  });

  it('reports a story folder without story.mdx, once, with the misnamed file when there is one', () => {
    expect(audit([...valid, 'stories/b-story/quotes/q.md'])).toEqual([
      { file: 'content/stories/b-story/story.mdx', field: 'file', value: undefined },
    ]);
    expect(audit([...valid, 'stories/b-story/story.md'])).toEqual([
      { file: 'content/stories/b-story/story.md', field: 'file name', value: 'story.md' },
    ]);
  });

  it('refuses a symbolic link by its name, file or folder, inside the content folder or out, and never reads it', () => {
    const root = folder(valid);
    symlinkSync('/etc/passwd', join(root, 'actors/bo.md'));
    symlinkSync('a-story', join(root, 'stories/b-story'));
    rmSync(join(root, 'redirects.yaml'));
    symlinkSync('../outside.yaml', join(root, 'redirects.yaml'));
    const tree = scanContentTree(root, 'content');
    expect(tree.problems.map((p) => ({ file: p.file, field: p.field, value: p.value }))).toEqual([
      { file: 'content/redirects.yaml', field: 'file name', value: 'redirects.yaml' },
      { file: 'content/actors/bo.md', field: 'file name', value: 'bo.md' },
      { file: 'content/stories/b-story', field: 'file name', value: 'b-story' },
    ]);
    expect(tree.problems[0]!.expected).toMatch(/^a file or folder of its own, not a symbolic link/);
    expect(tree.rootFiles).toEqual(new Set(['published-urls.txt']));
    expect(tree.files.map((f) => f.id)).not.toContain('bo');
  });

  it('lists every entity file with its kind and id', () => {
    const root = folder(['actors/ann.md', 'stories/s/story.mdx', 'stories/s/quotes/q.md', 'stories/s/events/e.md']);
    expect(
      scanContentTree(root)
        .files.map(({ kind, id }) => `${kind} ${id}`)
        .sort(),
    ).toEqual(['actors ann', 'events s/e', 'quotes s/q', 'stories s']);
  });
});
