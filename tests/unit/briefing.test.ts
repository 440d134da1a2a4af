import { describe, expect, it } from 'vitest';
import type { ActorRecord } from '../../src/lib/model/corpus';
import { describeActors, findNamesakes, selectDisputes, selectKeyQuotes } from '../../src/lib/present/briefing';
import type { Claim, Quote } from '../../src/lib/model/corpus';
import { STATUS_LABELS, sourceVoiceName } from '../../src/lib/present/labels';
import { corpus } from './fixtures/corpus';

/*
 * What the briefing selects and how it words who is who. Not covered here: the layout and whether it
 * fits one sheet (tests/e2e/briefing.spec.ts), nor the default `keyQuotes` (story assembly).
 */

const actor = (id: string, name: string, extra: Partial<ActorRecord> = {}): ActorRecord => ({
  id,
  file: `content/actors/${id}.md`,
  name,
  kind: 'person',
  roles: [],
  aliases: [],
  ...extra,
});

const quote = (id: string) => ({ id }) as Quote;
const claim = (id: string, status: Claim['status']) => ({ id, status }) as Claim;

describe('selectKeyQuotes', () => {
  it('keeps the chosen quotes in the order the explainer numbers them', () => {
    const quotes = ['a', 'b', 'c', 'd'].map(quote);
    expect(selectKeyQuotes({ quotes, keyQuotes: ['d', 'b'] }).map((q) => q.id)).toEqual(['b', 'd']);
  });

  it('selects nothing when no quote is key', () => {
    expect(selectKeyQuotes({ quotes: [quote('a')], keyQuotes: [] })).toEqual([]);
  });
});

describe('selectDisputes', () => {
  it('keeps disputed, denied and contested claims only, in the story’s order', () => {
    const claims = [
      claim('a', 'reported'),
      claim('b', 'disputed'),
      claim('c', 'confirmed'),
      claim('d', 'denied'),
      claim('e', 'unverified'),
      claim('f', 'contested'),
    ];
    expect(selectDisputes({ claims }).map((c) => c.id)).toEqual(['b', 'd', 'f']);
  });

  it('keeps a contested claim with its accounts, the source’s own among them', () => {
    const older = corpus().stories.find((s) => s.slug === 'older')!;
    const [, contested] = selectDisputes(older);
    expect(contested!.id).toBe('talks-ended');
    expect(
      contested!.versions.map((v) => [
        v.text,
        v.sourceVoice,
        v.claimants.map((a) => ('id' in a ? a.id : a.description)),
        v.passages.length,
      ]),
    ).toEqual([
      ['The talks ended in May.', true, [], 1],
      ['The talks were only paused.', false, ['council'], 1],
    ]);
    expect(sourceVoiceName(contested!.source)).toBe('the source, “The article”');
    expect(STATUS_LABELS.contested).toBe('Contested');
  });
});

describe('findNamesakes', () => {
  it('finds people who share a surname, not organisations or people who merely share a first name', () => {
    const actors = [
      actor('masoom', 'Mohammad Masoom Stanekzai'),
      actor('abbas', 'Sher Mohammad Abbas Stanekzai'),
      actor('other', 'Mohammad Other'),
      actor('org', 'Stanekzai', { kind: 'organisation' }),
    ];
    expect([...findNamesakes(actors)].sort()).toEqual(['abbas', 'masoom']);
  });

  it('compares surnames without regard to case or spacing', () => {
    expect(findNamesakes([actor('a', 'Ann  SMITH '), actor('b', 'Bob Smith')]).size).toBe(2);
  });
});

describe('describeActors', () => {
  const masoom = actor('masoom', 'Mohammad Masoom Stanekzai', {
    disambiguation: "Chief negotiator for the Afghan Republic; not the Taliban's Sher Mohammad Abbas Stanekzai",
    roles: [{ title: 'Chief negotiator', organisation: 'Afghan peace delegation' }],
  });
  const abbas = actor('abbas', 'Sher Mohammad Abbas Stanekzai', {
    disambiguation: "Member of the Taliban's office in Qatar; not the Republic's Mohammad Masoom Stanekzai",
    roles: [{ title: "Member of the Taliban's political office", organisation: 'Taliban office in Qatar' }],
  });

  it('gives namesakes their role and what tells them apart', () => {
    const [first, second] = describeActors([masoom, abbas], new Map());
    expect(first).toMatchObject({
      description: 'Chief negotiator, Afghan peace delegation',
      distinction: masoom.disambiguation,
    });
    expect(second).toMatchObject({
      description: "Member of the Taliban's political office, Taliban office in Qatar",
      distinction: abbas.disambiguation,
    });
  });

  it('uses the latest role, or the distinguishing note for an actor without one', () => {
    const envoy = actor('envoy', 'Zalmay Khalilzad', {
      roles: [
        { title: 'Ambassador to Iraq', from: '2005', to: '2007' },
        { title: 'Special Representative', organisation: 'US Department of State' },
      ],
    });
    const officials = actor('officials', 'Afghan security officials', {
      kind: 'organisation',
      disambiguation: 'Not named individually',
    });
    const taliban = actor('taliban', 'Taliban', { kind: 'organisation' });
    expect(describeActors([envoy, officials, taliban], new Map())).toEqual([
      { actor: envoy, description: 'Special Representative, US Department of State', distinction: undefined },
      { actor: officials, description: 'Not named individually', distinction: undefined },
      { actor: taliban, description: undefined, distinction: undefined },
    ]);
  });
});

describe('describeActors with roles of organisation actors', () => {
  it('names the organisation a role is `of` by its actor', () => {
    const { actors } = corpus();
    const [line] = describeActors([actors.get('sam-khan-2')!], actors);
    expect(line!.description).toBe('Spokesman, The Council');
  });
});
