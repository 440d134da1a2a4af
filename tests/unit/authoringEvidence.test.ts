import { describe, expect, it } from 'vitest';
import { claimsResting } from '../../src/lib/authoring/evidence';

const sentence = 'The ferry sank off the harbour on Sunday, the coastguard said.';
const inSentence = (passage: string) => sentence.includes(passage);

describe('the claims an event bears on', () => {
  it("finds a claim by its own quotes and passages, and a contested claim by its accounts'", () => {
    const claims = [
      { id: 'ferry-sank', quotes: ['coastguard-sank'], passages: [] },
      { id: 'cause', quotes: [], passages: ['The ferry sank off the harbour on Sunday'] },
      {
        id: 'deaths',
        quotes: [],
        passages: [],
        versions: [
          { quotes: ['mayor-twelve-dead'], passages: [] },
          { quotes: [], passages: ['Twenty were missing, the owner said.'] },
        ],
      },
      {
        id: 'survivors',
        quotes: [],
        passages: [],
        versions: [
          { quotes: [], passages: ['the coastguard said'] },
          { quotes: [], passages: ['Forty survived, the owner said.'] },
        ],
      },
      { id: 'unrelated', quotes: ['other'], passages: ['Fares rose in May.'] },
    ];
    expect(claimsResting(claims, ['coastguard-sank', 'mayor-twelve-dead'], inSentence)).toEqual([
      'ferry-sank',
      'cause',
      'deaths',
      'survivors',
    ]);
    expect(claimsResting(claims, [], () => false)).toEqual([]);
  });
});
