import { describe, expect, it } from 'vitest';
import { contextOf } from '../../src/lib/authoring/context';
import { datedByDocument, referredDocument } from '../../src/lib/authoring/document';
import { suggestDate } from '../../src/lib/authoring/dates';

const source = [
  'Ministers met in Geneva on Monday.',
  'In a communiqué released by the G7 on March 3, they urged an immediate ceasefire.',
  'The nine-page declaration calls on both sides to free hostages.',
  'Aid must reach civilians without delay, the statement said.',
].join('\n');

const sentenceOf = (words: string) => {
  const start = source.indexOf(words);
  return contextOf(source, start, start + words.length).sentence;
};

describe('a document a sentence refers back to', () => {
  it('is the one document of its kind the source introduced before, opening the sentence or telling after a comma', () => {
    const declaration = referredDocument(source, sentenceOf('The nine-page declaration calls'));
    expect(declaration).toMatchObject({ words: 'The nine-page declaration' });
    expect(declaration?.introduced.text).toContain('In a communiqué released by the G7');
    const words = 'Aid must reach civilians without delay';
    const start = source.indexOf(words);
    const said = referredDocument(source, sentenceOf(words), { start, end: start + words.length, text: words });
    expect(said?.introduced.text).toContain('In a communiqué released by the G7');
  });

  it('is none with two documents of the kind introduced before, none at all, or no document telling', () => {
    const two = `A statement by the union came first.\n${source}`;
    const start = two.indexOf('Aid must');
    expect(referredDocument(two, contextOf(two, start, start + 8).sentence)).toBeUndefined();
    const alone = 'The statement calls for calm.';
    expect(referredDocument(alone, contextOf(alone, 0, alone.length).sentence)).toBeUndefined();
    expect(referredDocument(source, sentenceOf('Ministers met in Geneva'))).toBeUndefined();
    const byline = 'The statement by the G7 calls for calm.';
    expect(
      referredDocument(
        `${source}\n${byline}`,
        contextOf(`${source}\n${byline}`, source.length + 1, source.length + 10).sentence,
      ),
    ).toBeUndefined();
  });

  it('dates the words by the introducing sentence, the reasoning saying so', () => {
    const document = referredDocument(source, sentenceOf('The nine-page declaration calls'))!;
    const reference = { day: '2026-03-05', inferred: false };
    const dated = datedByDocument(document, suggestDate([document.introduced], reference, 'said'));
    expect(dated).toMatchObject({
      kind: 'date',
      value: { on: '2026-03-03', statedAs: 'March 3', provenance: 'inferred', inferredParts: ['year'] },
    });
    if (dated.kind === 'date')
      expect(dated.value.reasoning).toMatch(
        /^The words are from the nine-page declaration, which the source introduces and dates in "In a communiqué/,
      );
  });
});
