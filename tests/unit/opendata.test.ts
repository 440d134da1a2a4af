import { describe, expect, it } from 'vitest';
import { toOpenData } from '../../src/lib/outputs/opendata';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { corpus } from './corpus';
import { corpus as fixture } from './fixtures/corpus';

/*
 * The open data of a story: ids, anchors, references as ids, dates as content, words and machine
 * values. Not covered: the route serving it (the e2e suite fetches /data/stories/<slug>.json).
 */

describe('toOpenData', () => {
  it('gives the quotes, claims and events with ids, anchors and dates in words and machine values', () => {
    const [story] = assembleCorpus(corpus()).stories;
    const data = toOpenData(story!, new URL('https://example.org'), new Map());
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

describe('toOpenData for unnamed speakers, members, contested claims and shared events', () => {
  const { stories, actors } = fixture();
  const site = new URL('https://example.org');
  const older = toOpenData(
    stories.find((s) => s.slug === 'older')!,
    site,
    actors,
  );
  const newer = toOpenData(
    stories.find((s) => s.slug === 'newer')!,
    site,
    actors,
  );
  const quote = (data: typeof older, id: string) => data.quotes.find((q) => q.id === id)!;

  it('gives an unnamed speaker as `{ unnamed, description, affiliation }`, never an actor id', () => {
    expect(quote(older, 'talks-over').speaker).toEqual({
      unnamed: true,
      description: 'a senior Council official',
      affiliation: 'council',
    });
    expect(quote(newer, 'hopeful').speaker).toEqual({ unnamed: true, description: 'a diplomat', affiliation: null });
    expect(quote(older, 'talks-over').role).toBeNull();
    expect(quote(older, 'stand-firm').speaker).toBe('ann-lee');
  });

  it('gives a member’s role with its organisation named, and lists that organisation among the actors', () => {
    expect(quote(newer, 'listening')).toMatchObject({ role: 'Spokesman, The Council', roleOf: 'council' });
    expect(newer.actors.map((a) => a.id)).toContain('council');
  });

  it('lists a contested claim’s competing accounts, each with who gives it and its evidence', () => {
    const claim = older.claims.find((c) => c.id === 'talks-ended')!;
    expect(claim.status).toBe('contested');
    expect(claim.versions).toEqual([
      {
        text: 'The talks ended in May.',
        claimants: [],
        sourceVoice: true,
        quotes: ['talks-over'],
        passages: ['The talks ended in May.'],
      },
      {
        text: 'The talks were only paused.',
        claimants: ['council'],
        sourceVoice: false,
        quotes: [],
        passages: ['The Council says they were only paused.'],
      },
    ]);
  });

  it('names the same event in another story, with its address there', () => {
    const event = older.events.find((e) => e.id === 'talks-end')!;
    expect(event.sameAs).toEqual([
      { id: 'newer/talks-ended', url: 'https://example.org/stories/newer/#e-talks-ended' },
    ]);
    expect(event.status).toBe('happened');
  });
});
