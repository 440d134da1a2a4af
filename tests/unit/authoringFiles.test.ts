import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { entityFile } from '../../src/lib/authoring/files';
import { splitFrontmatter } from '../../src/lib/content/frontmatter';

/* Files as the authoring commands write them: the fields round-trip through YAML, the body is kept exactly. */

describe('entity files', () => {
  const fields = {
    speaker: 'zalmay-khalilzad',
    attribution: undefined,
    actors: ['taliban', 'united-nations'],
    passage:
      'A senior Afghan peace delegate lambasted the Taliban for breaking a commitment to sustainable peace, and more.',
    said: { on: '2021-05-07', statedAs: 'late on Friday', provenance: 'inferred' },
  };
  const text = entityFile(fields, '“Quoted,”  as written\n');

  it('writes the fields given, in order, lists inline and long texts folded', () => {
    const split = splitFrontmatter(text);
    if ('unclosed' in split) throw new Error('unclosed');
    const { attribution: _, ...present } = fields;
    expect(parse(split.yaml)).toEqual(present);
    expect(split.yaml).toContain('actors: [taliban, united-nations]');
    expect(split.yaml).toContain('passage: >-');
    expect(split.yaml.indexOf('speaker')).toBeLessThan(split.yaml.indexOf('said'));
    expect(split.body).toBe('“Quoted,”  as written\n');
  });

  it('writes an empty frontmatter for no fields', () => {
    expect(entityFile({}, 'x')).toBe('---\n---\nx');
  });
});
