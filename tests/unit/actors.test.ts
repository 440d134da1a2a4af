import { describe, expect, it } from 'vitest';
import { indexAppearances } from '../../src/lib/actors';
import { corpus } from './fixtures/corpus';

/*
 * What an actor page lists, across stories. Not covered here: the page's markup and links
 * (tests/e2e/quotes.spec.ts).
 */

const { stories } = corpus();
const index = indexAppearances(stories);

describe('indexAppearances', () => {
  it('gathers an actor’s quotes from every story, dated newest first, undated after', () => {
    expect(index.get('ann-lee')!.quotes.map(({ story, quote }) => `${story.slug}/${quote.id}`)).toEqual([
      'newer/door-open',
      'older/stand-firm',
      'newer/ready',
    ]);
  });

  it('gathers events newest first, across stories', () => {
    expect(index.get('ann-lee')!.events.map(({ event }) => event.id)).toEqual(['speech', 'tweet']);
  });

  it('keeps namesakes apart: each Sam Khan has only what is theirs', () => {
    expect(index.get('sam-khan')!.quotes.map(({ quote }) => quote.id)).toEqual(['talks-failed']);
    expect(index.get('sam-khan')!.events).toEqual([]);
    expect(index.get('sam-khan-2')!.quotes).toEqual([]);
    expect(index.get('sam-khan-2')!.events.map(({ event }) => event.id)).toEqual(['speech']);
  });

  it('records claims made and claims disputed', () => {
    expect(index.get('sam-khan')!.claims.map(({ claim, as }) => [claim.id, as])).toEqual([['talks', 'claimant']]);
    expect(index.get('council')!.claims.map(({ claim, as }) => [claim.id, as])).toEqual([['talks', 'disputer']]);
  });
});
