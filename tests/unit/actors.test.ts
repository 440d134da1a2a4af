import { describe, expect, it } from 'vitest';
import { ambiguousNames, describeRole, roleAt, type ActorRecord } from '../../src/lib/actors';
import type { DateValue } from '../../src/schemas/date';

/* Roles at a moment and namesakes. Not covered here: how pages print names (tests/e2e). */

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
    expect(describeRole({ title: 'Chief negotiator', organisation: 'Afghan peace delegation' })).toBe('Chief negotiator, Afghan peace delegation');
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
