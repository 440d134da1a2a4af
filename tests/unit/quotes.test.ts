import { describe, expect, it } from 'vitest';
import { describeSaid, displayWords, quoteDescription, quoteTitle } from '../../src/lib/present/quotes';
import { corpus } from './fixtures/corpus';

/*
 * Quotes in words, for titles and previews. Not covered here: the quote's page itself
 * (tests/e2e/quotes.spec.ts).
 */

const quotes = corpus().stories.flatMap((s) => s.quotes);
const quote = (id: string) => quotes.find((q) => q.id === id)!;

describe('displayWords', () => {
  it('puts quotation marks around direct words only', () => {
    expect(displayWords('direct', 'We will')).toBe('“We will”');
    expect(displayWords('reported', 'We will')).toBe('We will');
    expect(displayWords('paraphrase', 'They will')).toBe('They will');
  });
});

describe('describeSaid', () => {
  it('says how we know the date', () => {
    expect(describeSaid({ on: '2021-05-07', statedAs: '7 May 2021', provenance: 'stated' })).toBe('7 May 2021');
    expect(describeSaid({ on: '2021-05-07', statedAs: 'on Friday', provenance: 'stated' })).toBe(
      '7 May 2021 (the source says “on Friday”)',
    );
    expect(describeSaid({ on: '2021-05-07', statedAs: 'late on Friday', provenance: 'inferred', reasoning: 'r' })).toBe(
      '7 May 2021, inferred from “late on Friday”',
    );
    expect(describeSaid({ on: '2021', provenance: 'inferred', reasoning: 'r' })).toBe('2021, inferred');
    expect(describeSaid(undefined)).toBe('date not given in the source');
  });
});

describe('titles and descriptions', () => {
  it('names the speaker and tells the forms apart', () => {
    expect(quoteTitle(quote('stand-firm'))).toBe('Ann Lee: “We will stand firm”');
    expect(quoteTitle(quote('talks-failed'))).toBe('Sam Khan (paraphrase): Talks have failed.');
  });

  it('gives every quote of the corpus its own title', () => {
    expect(new Set(quotes.map(quoteTitle)).size).toBe(quotes.length);
  });

  it('describes who, in what role, how and when, and never quotes a paraphrase', () => {
    expect(quoteDescription(quote('stand-firm'))).toBe(
      'Ann Lee, Envoy, State Department, in a tweet, 7 May 2021: “We will stand firm”',
    );
    expect(quoteDescription(quote('talks-failed'))).toBe(
      'Sam Khan, medium not stated, date not given in the source (paraphrase, not their words): Talks have failed.',
    );
  });
});
