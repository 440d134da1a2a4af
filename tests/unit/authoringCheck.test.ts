import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/authoring/check';
import { TODAY } from './fixtures/corpus';

/*
 * The check the authoring commands run: a story's fields not yet written are listed apart and stood
 * in for, so a new quote is still checked against its source.
 */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function folder(quote: string): string {
  const root = mkdtempSync(join(tmpdir(), 'authoring-check-'));
  made.push(root);
  const dir = join(root, 'content');
  const story = join(dir, 'stories', 'new-story');
  cpSync('content/actors', join(dir, 'actors'), { recursive: true });
  mkdirSync(join(story, 'sources'), { recursive: true });
  mkdirSync(join(story, 'quotes'));
  writeFileSync(join(story, 'story.mdx'), '---\npublished: 2026-11-28\nupdated: 2026-11-28\n---\n');
  writeFileSync(
    join(story, 'sources', 'article.md'),
    '---\ntitle: "[Article]"\npublished: { on: 2021-05-08, provenance: stated, statedIn: metadata }\n---\n“Peace is possible,” Khalilzad said.\n',
  );
  writeFileSync(
    join(story, 'quotes', 'q.md'),
    `---\nspeaker: zalmay-khalilzad\nsource: article\nform: direct\nmedium: unstated\n---\n${quote}\n`,
  );
  return dir;
}

describe('the authoring check', () => {
  it("lists the story's unwritten fields apart and passes the rest", () => {
    const { problems, toWrite } = checkContent(folder('Peace is possible'), process.cwd(), TODAY);
    expect(problems).toEqual([]);
    expect(toWrite.map((p) => p.field)).toEqual(['title', 'dek', 'bottomLine']);
  });

  it('still checks a quote against its source', () => {
    const { problems } = checkContent(folder('Peace is impossible'), process.cwd(), TODAY);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toMatch(/quotes\/q\.md$/);
    expect(problems[0]!.expected).toContain('closest passage');
  });
});
