import { describe, expect, it } from 'vitest';
import { ambiguousNames, roleAt } from '../../src/lib/assemble/actors';
import { describeRole, indexAppearances } from '../../src/lib/present/actors';
import { type ActorRecord } from '../../src/lib/model/corpus';
import type { DateValue } from '../../src/lib/model/date';
import { corpus } from './fixtures/corpus';

/*
 * Roles at a moment, namesakes, and what an actor page lists across stories. Not covered here: how
 * pages print names and link them (tests/e2e/story.spec.ts, tests/e2e/quotes.spec.ts).
 */

const on = (day: string): DateValue => ({ on: day, statedAs: day, provenance: 'stated' });
const actor = (id: string, name: string, extra: Partial<ActorRecord> = {}): ActorRecord => ({
  id,
  name,
  file: `content/actors/${id}.md`,
  kind: 'person',
  roles: [],
  aliases: [],
  ...extra,
});

describe('roleAt', () => {
  const envoy = actor('envoy', 'Zalmay Khalilzad', {
    roles: [
      { title: 'Ambassador to Iraq', from: '2005-06', to: '2007-03' },
      { title: 'Special Representative', organisation: 'US Department of State', from: '2018-09', to: '2021-10' },
      { title: 'Envoy (as the source gives it)' },
    ],
  });

  it('picks the role whose dates cover the moment', () => {
    expect(roleAt(envoy, on('2021-05-07'))?.title).toBe('Special Representative');
    expect(roleAt(envoy, on('2006'))?.title).toBe('Ambassador to Iraq');
  });

  it('falls back to the undated role the source gives, and to none', () => {
    expect(roleAt(envoy, on('2015-01-01'))?.title).toBe('Envoy (as the source gives it)');
    expect(roleAt(envoy, undefined)?.title).toBe('Envoy (as the source gives it)');
    expect(roleAt(actor('x', 'X'), on('2021-05-07'))).toBeUndefined();
  });

  it('describes a role with its organisation', () => {
    expect(describeRole({ title: 'Chief negotiator', organisation: 'Afghan peace delegation' })).toBe(
      'Chief negotiator, Afghan peace delegation',
    );
    expect(describeRole({ title: 'Envoy' })).toBe('Envoy');
  });
});

describe('ambiguousNames', () => {
  it('accepts namesakes that say what tells them apart, and people who share only a surname', () => {
    expect(
      ambiguousNames([
        actor('a', 'Mohammad Masoom Stanekzai'),
        actor('b', 'Sher Mohammad Abbas Stanekzai'),
        actor('c', 'John Smith', { disambiguation: 'the reporter' }),
        actor('d', 'John Smith', { disambiguation: 'the senator' }),
      ]),
    ).toEqual([]);
  });

  it('flags namesakes with no, or the same, disambiguation', () => {
    const groups = ambiguousNames([
      actor('a', 'John Smith'),
      actor('b', 'john smith', { disambiguation: 'the senator' }),
      actor('c', 'Ann Lee', { disambiguation: 'x' }),
      actor('d', 'Ann Lee', { disambiguation: 'X' }),
    ]);
    expect(groups.map((g) => g.map((a) => a.id))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

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
