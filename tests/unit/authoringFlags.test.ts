import { describe, expect, it } from 'vitest';
import { flagFor, idList } from '../../src/lib/authoring/flags';

/* How the authoring commands read a list of ids, and which flag they name for a field the content check refuses. */

const problem = (file: string, field: string) => ({ file, field });
const quote = 'content/stories/s/quotes/q.md';
const claim = 'content/stories/s/claims/c.md';
const source = 'content/stories/s/sources/wire.md';

describe('idList', () => {
  it('reads comma-separated ids, trimmed, and "" or none as the empty list', () => {
    expect(idList('a, b ,c')).toEqual(['a', 'b', 'c']);
    expect(idList('a,,b,')).toEqual(['a', 'b']);
    expect(idList('')).toEqual([]);
    expect(idList(' none ')).toEqual([]);
    expect(idList(undefined)).toBeUndefined();
  });
});

describe('flagFor', () => {
  it("names the flag by the field's last name, without indexes", () => {
    expect(flagFor(problem(quote, 'said.reasoning'))).toBe('--reasoning');
    expect(flagFor(problem(quote, 'translation'))).toContain('--translation "<words in English>"');
    expect(flagFor(problem(claim, 'versions[1].claimants'))).toContain('--version-claimants');
    expect(flagFor(problem(claim, 'sameAs[0]'))).toBe('--same-as');
  });

  it("gives a source's publication date and its correction their own flags", () => {
    expect(flagFor(problem(source, 'published.inferredParts'))).toBe('--published-inferred-parts');
    expect(flagFor(problem(source, 'published.statedAs'))).toBe('--published-stated-as');
    expect(flagFor(problem(source, 'corrections[0].notice'))).toBe('--correction');
    expect(flagFor(problem(source, 'corrections[0].statedAs'))).toBe('--correction-date-stated-as');
    expect(flagFor(problem(source, 'corrections[0].to'))).toBe('--correction-to');
  });

  it('names the flags of a holder the source does not name, and of a medium we infer', () => {
    expect(flagFor(problem(claim, 'claimants[0].unnamed.affiliation'))).toBe('--unnamed-affiliation <organisation id>');
    expect(flagFor(problem(claim, 'claimants[0].unnamed.description'))).toBe('--unnamed-claimant "<description>"');
    expect(flagFor(problem(claim, 'versions[0].claimants[1].unnamed.description'))).toBe('--version-unnamed');
    expect(flagFor(problem(quote, 'unnamed.affiliation'))).toBe('--affiliation <organisation id>');
    expect(flagFor(problem(quote, 'mediumBasis.words'))).toBe('--medium-inferred-from "<words of the source>"');
  });

  it('names no flag for a field no flag gives', () => {
    expect(flagFor(problem(claim, 'title'))).toBeUndefined();
  });
});
