import { describe, expect, it } from 'vitest';
import { passageLinks } from '../../src/lib/present/passageLinks';
import { findTextDirective, renderSource, textDirectivesOf } from '../../src/lib/present/textFragment';

/*
 * The links to a passage in a source's original and archived copy. The directives themselves, and that
 * a browser lands on the passage, are tests/unit/textFragment.test.ts and tests/e2e/text-fragments.spec.ts;
 * the links on the built pages, tests/e2e/passage-links.spec.ts.
 */

const text = '“The harbour is open,” she said.\nAsked again, she repeated: “The harbour is open.” She left.';
const at = (words: string, from = 0) => {
  const start = text.indexOf(words, from);
  return { start, end: start + words.length };
};
const original = 'https://agency.example/harbour';
const archived = { url: `https://archive.example/web/20210402/${original}`, on: '2021-04-02' };

describe('passageLinks', () => {
  it('links the original and the archived copy at the same passage, each landing on it alone', () => {
    const second = at('The harbour is open', 10);
    const links = passageLinks({ text, lang: 'en', url: original, archived }, second);
    if (!links?.ok) throw new Error('expected links');
    expect(links.original!.startsWith(`${original}#:~:text=`)).toBe(true);
    expect(links.archived!.startsWith(`${archived.url}#:~:text=`)).toBe(true);
    const rendered = renderSource(text, 'en');
    for (const link of [links.original!, links.archived!]) {
      const [directive] = textDirectivesOf(link);
      expect(findTextDirective(rendered, directive!)).toEqual(second);
    }
  });

  it('gives only the links the source has an address for, and none for a source with neither', () => {
    const span = at('she said');
    expect(passageLinks({ text, lang: 'en', url: original }, span)).toMatchObject({ ok: true, archived: undefined });
    expect(passageLinks({ text, lang: 'en', archived }, span)).toMatchObject({ ok: true, original: undefined });
    expect(passageLinks({ text, lang: 'en' }, span)).toBeUndefined();
  });

  it('says why when no link can land on the passage alone', () => {
    expect(passageLinks({ text, lang: 'en', url: original }, { start: 2, end: 6 })).toMatchObject({ ok: false });
  });
});
