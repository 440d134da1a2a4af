import { describe, expect, it } from 'vitest';
import type { EventOrderMeta } from '../../src/lib/model/entities';
import { placeByOrder, type Orderable } from '../../src/lib/model/order';

/*
 * The timeline's order with events the source gives no date for: dated events in date order, each
 * undated one placed by what it came before or after, and the orders that cannot hold (a loop, an
 * order against the dates, an unknown event) reported, never dropped in silence.
 */

const dated = (id: string, on: string): Orderable => ({
  id,
  when: { on, provenance: 'stated', statedAs: on },
});
const undated = (id: string, order: Omit<EventOrderMeta, 'statedAs'>): Orderable => ({
  id,
  when: undefined,
  order: { ...order, statedAs: 'before the vote' },
});
const ids = (events: readonly Orderable[]) => placeByOrder(events).events.map((event) => event.id);

describe('placing undated events by order', () => {
  it('puts an event just before what it came before, and just after what it came after', () => {
    const events = [
      dated('vote', '2026-03-05'),
      dated('strike', '2026-02-24'),
      undated('talks', { before: { event: 'vote' } }),
      undated('walkout', { after: { event: 'strike' } }),
    ];
    expect(ids(events)).toEqual(['strike', 'walkout', 'talks', 'vote']);
    expect(placeByOrder(events).problems).toEqual([]);
  });

  it('places against a date: before the first event on or after it, after every event up to it', () => {
    const events = [
      dated('a', '2026-03-01'),
      dated('b', '2026-03-03'),
      dated('c', '2026-03-09'),
      undated('before-3', { before: { date: '2026-03-03' } }),
      undated('after-march-3', { after: { date: '2026-03-03' } }),
    ];
    expect(ids(events)).toEqual(['a', 'before-3', 'b', 'after-march-3', 'c']);
  });

  it('places a chain of undated events, each once what it is placed against is placed', () => {
    const events = [
      undated('first', { before: { event: 'second' } }),
      undated('second', { before: { event: 'vote' } }),
      dated('vote', '2026-03-05'),
      undated('after-both', { after: { event: 'vote' } }),
      undated('also-after', { after: { event: 'vote' } }),
    ];
    expect(ids(events)).toEqual(['first', 'second', 'vote', 'after-both', 'also-after']);
  });

  it('reports an order that comes back round to itself', () => {
    const { problems } = placeByOrder([
      undated('a', { before: { event: 'b' } }),
      undated('b', { before: { event: 'c' } }),
      undated('c', { before: { event: 'a' } }),
    ]);
    expect(problems).toEqual([
      {
        id: 'c',
        field: 'order.before.event',
        value: 'a',
        expected: 'an order that does not come back round to itself: "a" → "b" → "c" → "a"',
      },
    ]);
  });

  it('reports an order the dates cannot allow, through the events it names', () => {
    const events = [
      dated('vote', '2026-03-05'),
      undated('talks', { after: { date: '2026-03-10' }, before: { event: 'vote' } }),
    ];
    expect(placeByOrder(events).problems).toEqual([
      {
        id: 'talks',
        field: 'order.before.event',
        value: 'vote',
        expected:
          'an order the dates allow: coming after 2026-03-10 puts it on 2026-03-10 or later, and coming before "vote" on 2026-03-05 or earlier',
      },
    ]);
    // The same dates the other way round hold.
    const fine = [
      dated('vote', '2026-03-05'),
      undated('talks', { after: { date: '2026-03-01' }, before: { event: 'vote' } }),
    ];
    expect(placeByOrder(fine).problems).toEqual([]);
  });

  it('reports an order between two events that the timeline holds the other way round', () => {
    const events = [
      dated('early', '2026-03-01'),
      dated('late', '2026-03-09'),
      undated('between', { after: { event: 'late' }, before: { event: 'early' } }),
    ];
    expect(placeByOrder(events).problems.map((problem) => problem.field)).toEqual(['order.before.event']);
  });

  it('reports an event it does not know, or itself, and still places the event', () => {
    const events = [dated('vote', '2026-03-05'), undated('talks', { before: { event: 'talks' } })];
    const placed = placeByOrder(events);
    expect(placed.problems).toEqual([
      {
        id: 'talks',
        field: 'order.before.event',
        value: 'talks',
        expected: 'the id of another event of this story (known: vote)',
      },
    ]);
    expect(placed.events.map((event) => event.id)).toEqual(['vote', 'talks']);
  });
});
