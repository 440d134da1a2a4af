import { describe, expect, it } from 'vitest';
import { sameOccasion, type QuoteOccasion } from '../../src/lib/authoring/occasion';

/* A speaker's other words of the same occasion rest a claim too; words of an occasion nobody states are asked about. */

const monday = { on: '2026-03-02', provenance: 'stated' as const, statedAs: 'Monday' };
const tuesday = { on: '2026-03-03', provenance: 'stated' as const, statedAs: 'Tuesday' };
const quotes: QuoteOccasion[] = [
  { id: 'mayor-budget', speaker: 'mayor', medium: 'speech', said: monday },
  { id: 'mayor-budget-paraphrase', speaker: 'mayor', medium: 'speech', said: monday },
  { id: 'mayor-radio', speaker: 'mayor', medium: 'interview', said: monday },
  { id: 'mayor-later', speaker: 'mayor', medium: 'speech', said: tuesday },
  { id: 'clerk-budget', speaker: 'clerk', medium: 'speech', said: monday },
  { id: 'mayor-undated', speaker: 'mayor', medium: 'unstated' },
  { id: 'mayor-undated-too', speaker: 'mayor', medium: 'unstated' },
  { id: 'official', medium: 'speech', said: monday },
  { id: 'official-again', medium: 'speech', said: monday },
];

describe('quotes of the same occasion', () => {
  it('adds the speaker’s words of the same medium and date, and no one else’s', () => {
    expect(sameOccasion(quotes, ['mayor-budget'])).toEqual({
      ids: ['mayor-budget', 'mayor-budget-paraphrase'],
      unsure: [],
    });
  });

  it('asks about words whose occasion the source does not state, when the sentence’s words have none either', () => {
    expect(sameOccasion(quotes, ['mayor-undated'])).toEqual({ ids: ['mayor-undated'], unsure: ['mayor-undated-too'] });
  });

  it('never matches unnamed speakers', () => {
    expect(sameOccasion(quotes, ['official'])).toEqual({ ids: ['official'], unsure: [] });
  });
});
