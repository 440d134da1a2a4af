import { describe, expect, it } from 'vitest';
import { toOpenData } from '../../src/lib/outputs/opendata';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { corpus } from './corpus';

/*
 * The open data of a story: ids, anchors, references as ids, dates as content, words and machine
 * values. Not covered: the route serving it (the e2e suite fetches /data/stories/<slug>.json).
 */

describe('toOpenData', () => {
  it('gives the quotes, claims and events with ids, anchors and dates in words and machine values', () => {
    const [story] = assembleCorpus(corpus()).stories;
    const data = toOpenData(story!, new URL('https://example.org'));
    expect(data.url).toBe('https://example.org/stories/s/');
    expect(data.quotes).toEqual([
      expect.objectContaining({
        id: 'q',
        url: 'https://example.org/stories/s/#q-q',
        words: 'We will return',
        speaker: 'ann',
        role: 'Minister',
        claims: ['c'],
        events: ['e'],
      }),
    ]);
    expect(data.claims[0]).toEqual(
      expect.objectContaining({ id: 'c', status: 'reported', quotes: ['q'], claimants: [] }),
    );
    expect(data.events[0]!.when).toEqual(
      expect.objectContaining({ on: '2024-01-08', inWords: '8 January 2024', datetime: ['2024-01-08'] }),
    );
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
