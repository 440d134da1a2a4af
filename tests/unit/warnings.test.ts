import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/model/corpus';
import { sourceSchema, type SourceMeta } from '../../src/lib/model/entities';
import { formatWarnings, sourceWarnings } from '../../src/lib/content/warnings';

/*
 * What `npm run check:content` and the build warn about without stopping. Not covered here: that the
 * loader logs them (src/loader/contentLoader.ts; a build of tests/fixtures/long-story shows one).
 */

const source = (id: string, fields: Record<string, unknown>): Entry<SourceMeta> => ({
  id,
  filePath: `content/stories/s/sources/${id}.md`,
  data: sourceSchema.parse({
    title: 'T',
    published: { on: '2021-05-08', provenance: 'stated', statedIn: 'metadata' },
    ...fields,
  }),
});

describe('sourceWarnings', () => {
  it('warns of a web source with no archived copy, naming its file and the field', () => {
    const warnings = sourceWarnings([source('web', { url: 'https://news.example/a' })]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: 'content/stories/s/sources/web.md', field: 'archived' });
    expect(formatWarnings(warnings)).toMatch(
      /^Content warnings \(1; the build goes on\):\n {2}- content\/stories\/s\/sources\/web\.md: field `archived` is missing; expected an archived copy/,
    );
  });

  it('says nothing of a web source with its archived copy, or of a print or private source (no url)', () => {
    const archived = { url: 'https://web.archive.org/web/20210508000000/https://news.example/a', on: '2021-05-08' };
    expect(sourceWarnings([source('kept', { url: 'https://news.example/a', archived }), source('print', {})])).toEqual(
      [],
    );
    expect(formatWarnings([])).toBeUndefined();
  });
});

describe('sourceSchema: the original, the archived copy, what may be published', () => {
  it('defaults to publishing excerpts, the safe choice for third-party journalism', () => {
    expect(source('a', {}).data.publish).toBe('excerpts');
    expect(source('b', { publish: 'full' }).data.publish).toBe('full');
    expect(
      sourceSchema.safeParse({
        title: 'T',
        published: { on: '2021', provenance: 'stated', statedIn: 'metadata' },
        publish: 'all',
      }).success,
    ).toBe(false);
  });

  it('takes an archived copy as a web address and a real day, and the day retrieved', () => {
    const parse = (fields: Record<string, unknown>) =>
      sourceSchema.safeParse({
        title: 'T',
        published: { on: '2021', provenance: 'stated', statedIn: 'metadata' },
        ...fields,
      }).success;
    expect(parse({ archived: { url: 'https://archive.example/a', on: '2021-05-08' }, retrieved: '2021-05-09' })).toBe(
      true,
    );
    expect(parse({ archived: { url: 'javascript:alert(1)', on: '2021-05-08' } })).toBe(false);
    expect(parse({ archived: { url: 'https://archive.example/a', on: '2021-02-30' } })).toBe(false);
    expect(parse({ archived: { url: 'https://archive.example/a' } })).toBe(false);
    expect(parse({ retrieved: '2021-05' })).toBe(false);
  });
});
