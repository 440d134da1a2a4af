import { describe, expect, it } from 'vitest';
import {
  MAX_ALIAS_COUNT,
  MAX_FILE_BYTES,
  MAX_FRONTMATTER_BYTES,
  readMarkdownFile,
  splitFrontmatter,
} from '../../src/lib/content/frontmatter';

/*
 * Reading an editor's file: frontmatter and body apart, YAML parsed with its limits, each problem at
 * its line. Not covered: the schemas the fields then meet (tests/unit/schemas.test.ts) and the
 * folder walk (tests/unit/contentTree.test.ts).
 */

const read = (text: string) => readMarkdownFile('q.md', text);
const problemOf = (text: string) => {
  const result = read(text);
  if (!('problem' in result)) throw new Error('expected a problem');
  return result.problem;
};

describe('splitFrontmatter', () => {
  it('splits at the --- lines and says where the body starts', () => {
    expect(splitFrontmatter('---\na: 1\nb: 2\n---\nWords.\n')).toEqual({
      yaml: 'a: 1\nb: 2',
      yamlLine: 2,
      body: 'Words.\n',
      bodyLine: 5,
    });
  });

  it('reads a file without frontmatter as all body, and refuses one that never closes', () => {
    expect(splitFrontmatter('Words.')).toMatchObject({ yaml: '', body: 'Words.', bodyLine: 1 });
    expect(splitFrontmatter('---\na: 1\nWords.')).toEqual({ unclosed: true });
  });
});

describe('readMarkdownFile', () => {
  it('keeps dates as the text the editor typed (YAML 1.2 core)', () => {
    expect(read('---\non: 2021-02-30\nyes: no\n---\nx')).toMatchObject({ data: { on: '2021-02-30', yes: 'no' } });
  });

  it('names the line of a YAML error, and the line that opened an unclosed bracket', () => {
    const problem = problemOf('---\nspeaker: ann\nform: direct\nmedium: [statement\nsaid: x\n---\nWords.');
    expect(problem).toMatchObject({ file: 'q.md', field: '(frontmatter)', line: 4, value: 'medium: [statement' });
    expect(problem.expected).toMatch(/^valid YAML \(the parser says: /);
  });

  it('refuses a key given twice', () => {
    expect(problemOf('---\nform: direct\nform: reported\n---\nx')).toMatchObject({ line: 3 });
  });

  it('refuses aliases that expand too far, at the first alias', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const name of 'bcdefgh') {
      const previous = levels.length === 1 ? 'a' : String.fromCharCode(name.charCodeAt(0) - 1);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const problem = problemOf(`---\n${levels.join('\n')}\n---\nx`);
    expect(problem).toMatchObject({ line: 3, column: 8 });
    expect(problem.expected).toContain(`more than ${MAX_ALIAS_COUNT} nodes`);
  });

  it('accepts a few aliases', () => {
    expect(read('---\na: &a [x]\nb: *a\n---\nx')).toMatchObject({ data: { a: ['x'], b: ['x'] } });
  });

  it('refuses frontmatter and files over their size, unread', () => {
    const fields = `---\nnote: "${'x'.repeat(MAX_FRONTMATTER_BYTES)}"\n---\nx`;
    expect(problemOf(fields).expected).toContain('at most 64 KB of fields');
    const file = `---\n---\n${'x'.repeat(MAX_FILE_BYTES + 1)}`;
    expect(problemOf(file)).toMatchObject({ field: '(file)', expected: 'a file of at most 8 MB' });
  });

  it('refuses fields that are not a mapping', () => {
    expect(problemOf('---\n- a\n- b\n---\nx')).toMatchObject({ field: '(frontmatter)', value: ['a', 'b'] });
  });
});
