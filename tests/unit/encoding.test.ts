import { describe, expect, it } from 'vitest';
import { decodeContentFile } from '../../src/lib/content/encoding';

/*
 * Reading a content file's bytes (src/lib/content/encoding.ts): what editors' tools save is read as
 * the same text, and what is not UTF-8 is refused with a message of its own. Not covered: the walk
 * that reads the files (tests/content/bad-content.test.ts runs it on real files).
 */

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (input: Uint8Array) => {
  const read = decodeContentFile(input, 'f.md');
  if ('problem' in read) throw new Error(read.problem.expected);
  return read.text;
};
const problem = (input: Uint8Array) => {
  const read = decodeContentFile(input, 'f.md');
  return 'problem' in read ? read.problem : undefined;
};

describe('decodeContentFile', () => {
  const file = '---\nname: Zoë\n---\nText.\n';

  it('reads UTF-8 as it is', () => {
    expect(text(bytes(file))).toBe(file);
  });

  it('drops a byte order mark, and only the first', () => {
    expect(text(bytes(`\uFEFF${file}`))).toBe(file);
    expect(text(bytes(`\uFEFF\uFEFF${file}`))).toBe(`\uFEFF${file}`);
  });

  it('reads Windows and old Mac line endings as line feeds, and a mixture too', () => {
    expect(text(bytes(file.replaceAll('\n', '\r\n')))).toBe(file);
    expect(text(bytes(file.replaceAll('\n', '\r')))).toBe(file);
    expect(text(bytes('a\r\nb\rc\nd'))).toBe('a\nb\nc\nd');
  });

  it('refuses UTF-16, with its byte order mark or without', () => {
    const utf16 = (bom: number[]) => Uint8Array.from([...bom, ...Buffer.from(file, 'utf16le')]);
    expect(problem(utf16([0xff, 0xfe]))).toMatchObject({ field: '(file)', value: 'UTF-16 text' });
    expect(problem(utf16([0xfe, 0xff]))?.expected).toMatch(/^a file in UTF-8: this one is in UTF-16/);
    expect(problem(utf16([]))).toMatchObject({ value: 'a zero byte', line: 1 });
  });

  it('refuses bytes that are not UTF-8, on the line they stand', () => {
    const latin1 = Uint8Array.from(Buffer.from(file, 'latin1'));
    expect(problem(latin1)).toMatchObject({ field: '(file)', value: 'bytes that are not UTF-8', line: 2 });
    expect(problem(latin1)?.expected).toMatch(/another encoding/);
  });
});
