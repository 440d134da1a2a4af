import { describe, expect, it } from 'vitest';
import type { DateValue } from '../../src/lib/model/date';
import { actorSchema, eventSchema, sourceSchema, storySchema } from '../../src/lib/model/entities';
import type {
  ActorRecord,
  CorpusFiles,
  EventVersion,
  Expectation,
  Source,
  TimelineEvent,
} from '../../src/lib/model/corpus';
import { placedAt } from '../../src/lib/model/chronology';
import type { EventStatus } from '../../src/lib/model/entities';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import {
  accordingTo,
  accountsTogether,
  datedThere,
  accountsByDate,
  describeEventDate,
  eventStanding,
  expectationHolders,
  expectsInWords,
  movedToInWords,
  orderInWords,
  hadHappened,
  storyNow,
  timelineGap,
  versionsLead,
} from '../../src/lib/present/timeline';
import { TODAY } from './fixtures/corpus';
import type { Telling } from '../../src/lib/present/actors';

/*
 * How the timeline tells events: where each stood as of the story's "now", competing accounts of a
 * date, and gaps that never tell time toward what had not happened as elapsed; the order the real
 * assembly gives events with versions and statuses; and the markup of dates and of both timelines,
 * rendered with Astro's container API. Not covered here: layout, print and whole pages
 * (tests/e2e/story.spec.ts and briefing.spec.ts read the built site).
 */

const day = (on: string, extra: Partial<DateValue> = {}): DateValue => ({
  on,
  statedAs: on,
  provenance: 'stated',
  ...extra,
});
const ann = { name: 'Ann Lee' };
const sam = { name: 'Sam Khan' };

type Told = Pick<TimelineEvent, 'when' | 'versions' | 'status' | 'movedTo' | 'until' | 'expectation' | 'order'> & {
  source: Pick<Source, 'published'>;
};
const reporting = { published: day('2021-05-08') };
const event = (when: DateValue, status: EventStatus = 'happened', extra: Partial<Told> = {}): Told => ({
  when,
  versions: [],
  status,
  source: reporting,
  ...extra,
});
const version = (when: DateValue, claimants: { name: string }[], sourceVoice = false) =>
  ({ when, claimants, sourceVoice, passages: [] }) as unknown as EventVersion;

const NOW = '2021-05-08';

describe('where an event stood', () => {
  it('had happened only with that status and a date not after "now"', () => {
    expect(hadHappened(event(day('2021-05-07')), NOW)).toBe(true);
    expect(hadHappened(event(day('2021-05-08')), NOW)).toBe(true);
    expect(hadHappened(event(day('2021-05-09')), NOW)).toBe(false);
    expect(hadHappened(event(day('2021-05')), NOW)).toBe(true);
    for (const status of ['scheduled', 'deadline', 'postponed', 'cancelled'] as const) {
      expect(hadHappened(event(day('2021-04-24'), status), NOW)).toBe(false);
    }
  });

  it('labels what had not happened in words', () => {
    expect(eventStanding(event(day('2021-05-07')), NOW)).toBeUndefined();
    expect(eventStanding(event(day('2021-09-11'), 'scheduled'), NOW)).toMatchObject({ label: 'Planned', lead: '' });
    expect(eventStanding(event(day('2021-05-01'), 'deadline'), NOW)).toMatchObject({ label: 'Deadline', lead: '' });
    expect(eventStanding(event(day('2021-04-24'), 'postponed'), NOW)).toMatchObject({
      label: 'Postponed',
      lead: 'had been set for',
    });
    expect(eventStanding(event(day('2021-04-24'), 'cancelled'), NOW)).toMatchObject({
      label: 'Cancelled',
      lead: 'had been set for',
    });
    // A date after "now" had not happened, whatever the status says (assembly reports the status).
    expect(eventStanding(event(day('2021-06-01')), NOW)).toMatchObject({ status: 'scheduled', label: 'Planned' });
  });

  it('says the date with the status, a postponed event with the date it was set for and the new one', () => {
    expect(describeEventDate(event(day('2021-05-07')), NOW)).toBe('7 May 2021');
    expect(describeEventDate(event(day('2021-09-11'), 'scheduled'), NOW)).toBe('Planned: 11 September 2021');
    expect(describeEventDate(event(day('2021-05-01'), 'deadline'), NOW)).toBe('Deadline: 1 May 2021');
    expect(describeEventDate(event(day('2021-04-24'), 'cancelled'), NOW)).toBe(
      'Cancelled: had been set for 24 April 2021',
    );
    expect(describeEventDate(event(day('2021-04-24'), 'postponed'), NOW)).toBe(
      'Postponed: had been set for 24 April 2021; no new date given',
    );
    expect(describeEventDate(event(day('2021-04-24'), 'postponed', { movedTo: day('2021-05') }), NOW)).toBe(
      'Postponed: had been set for 24 April 2021; moved to May 2021',
    );
  });
});

describe('competing accounts of a date', () => {
  it('names who gives each account as a sentence would: actors in full, "the" where a name takes it, then the source', () => {
    const taliban = { name: 'Taliban', withThe: true };
    const us = { name: 'United States', withThe: true };
    expect(accordingTo({ claimants: [taliban, us], sourceVoice: false })).toBe(
      'according to the Taliban and the United States',
    );
    expect(accordingTo({ claimants: [ann], sourceVoice: false })).toBe('according to Ann Lee');
    expect(accordingTo({ claimants: [ann, sam], sourceVoice: false })).toBe('according to Ann Lee and Sam Khan');
    expect(accordingTo({ claimants: [ann, sam], sourceVoice: true })).toBe(
      'according to Ann Lee, Sam Khan and the source',
    );
    expect(accordingTo({ claimants: [], sourceVoice: true })).toBe('according to the source');
    expect(accordingTo({ claimants: [ann], sourceVoice: true }, 'the source, “The article”')).toBe(
      'according to Ann Lee and the source, “The article”',
    );
  });

  it('names a holder the source does not name by its description, never as "the source", its aside closed before more names', () => {
    const official = { kind: 'unnamed' as const, description: 'an official, speaking on condition of anonymity' };
    const taliban = { name: 'Taliban', withThe: true };
    expect(accordingTo({ claimants: [official], sourceVoice: false })).toBe(
      'according to an official, speaking on condition of anonymity',
    );
    expect(accordingTo({ claimants: [official, taliban], sourceVoice: false })).toBe(
      'according to an official, speaking on condition of anonymity, and the Taliban',
    );
    expect(accordingTo({ claimants: [taliban, official], sourceVoice: true })).toBe(
      'according to the Taliban, an official, speaking on condition of anonymity, and the source',
    );
  });

  it('orders accounts by their earliest day, then precision; ties keep the order the file gives', () => {
    const late = version(day('2021-04-26'), [ann]);
    const early = version(day('2021-04', { part: 'late' }), [sam]);
    const exact = version(day('2021-04-21'), [], true);
    const spanned = version({ from: '2021-04-21', to: '2021-04-23', provenance: 'stated', statedAs: 's' }, [ann]);
    expect(accountsByDate([late, early, exact, spanned])).toEqual([exact, spanned, early, late]);
    const twin = version(day('2021-04-26'), [sam]);
    expect(accountsByDate([twin, late])).toEqual([twin, late]);
    expect(accountsByDate([late, twin])).toEqual([late, twin]);
  });

  it('says every account, the earliest first, each attributed', () => {
    const told = event(day('2021-04-24'), 'happened', {
      versions: [version(day('2021-04-26'), [ann]), version(day('2021-04-24'), [], true)],
    });
    expect(describeEventDate(told, NOW)).toBe(
      '24 April 2021 (according to the source) or 26 April 2021 (according to Ann Lee)',
    );
    const planned = {
      ...told,
      status: 'scheduled' as const,
      versions: [...told.versions, version(day('2021-05'), [sam])],
    };
    expect(describeEventDate(planned, NOW)).toBe(
      'Planned: 24 April 2021 (according to the source), 26 April 2021 (according to Ann Lee) or May 2021 (according to Sam Khan)',
    );
    expect(versionsLead(undefined)).toBe('Accounts of the date differ:');
    const partly = day('2021-04-25', {
      statedAs: 'April 25',
      provenance: 'inferred',
      inferredParts: ['year'],
      reasoning: 'r',
    });
    expect(describeEventDate(event(day('2021-04-24'), 'happened', { versions: [version(partly, [ann])] }), NOW)).toBe(
      '25 April 2021 (year inferred; according to Ann Lee)',
    );
    expect(versionsLead(eventStanding(planned, NOW))).toBe('a date the accounts differ on:');
  });
});

describe('how an event the accounts date differently stands where one date must', () => {
  const spanOf = (from: string, to: string) => ({ from, to, statedAs: 's', provenance: 'stated' }) as DateValue;
  const versions = [
    version(spanOf('2021-04-22', '2021-04-29'), [sam]),
    version(spanOf('2021-04-20', '2021-04-29'), [ann]),
  ];

  it('is the stretch every account allows, inferred, its reasoning giving each account', () => {
    expect(accountsTogether(versions)).toEqual({
      earliest: '2021-04-20',
      latest: '2021-04-29',
      provenance: 'inferred',
      reasoning:
        'The accounts of the date differ: 20 to 29 April 2021 (according to Ann Lee) or 22 to 29 April 2021 (according to Sam Khan). This is the stretch they allow together.',
    });
  });

  it("gives another story's dating of a shared event with every account, never its earliest alone", () => {
    const telling = (when: DateValue, accounts: EventVersion[] = []) =>
      ({ story: {}, event: { when, versions: accounts, source: { title: 'The wire' } } }) as unknown as Telling;
    const shown = telling(spanOf('2021-04-20', '2021-04-29'));
    const contested = telling(spanOf('2021-04-20', '2021-04-29'), versions);
    expect(datedThere(contested, shown)).toBe(
      '20 to 29 April 2021 (according to Ann Lee) or 22 to 29 April 2021 (according to Sam Khan)',
    );
    expect(datedThere(telling(spanOf('2021-04-20', '2021-04-29')), shown)).toBeUndefined();
    expect(datedThere(shown, shown)).toBeUndefined();
    const inferred = telling(day('2021-04-20', { provenance: 'inferred', reasoning: 'r' }));
    expect(datedThere(inferred, shown)).toBe('20 April 2021 (inferred)');
  });
});

describe('gaps on the timeline', () => {
  const before = event(day('2021-01-10'));

  it('tells elapsed time toward an event that had happened', () => {
    expect(timelineGap(before, event(day('2021-05-07')), NOW)).toBe('4 months later');
    expect(timelineGap(event(day('2021-05-06')), event(day('2021-05-07')), NOW)).toBe('the next day');
  });

  it('never tells elapsed time toward an event that had not happened', () => {
    expect(timelineGap(before, event(day('2021-05-10'), 'scheduled'), NOW)).toBe(
      'set for 4 months after the previous event',
    );
    expect(timelineGap(before, event(day('2021-05-01'), 'deadline'), NOW)).toBe(
      'due 4 months after the previous event',
    );
    expect(timelineGap(before, event(day('2021-04-24'), 'postponed'), NOW)).toBe(
      'had been set for 3 months after the previous event',
    );
    expect(timelineGap(event(day('2021-04-23')), event(day('2021-04-24'), 'cancelled'), NOW)).toBe(
      'had been set for the day after the previous event',
    );
    // Dated after "now": planned, whatever the status says.
    expect(timelineGap(before, event(day('2021-06-01')), NOW)).toBe('set for 5 months after the previous event');
    for (const status of ['scheduled', 'deadline', 'postponed', 'cancelled'] as const) {
      for (const next of [day('2021-01-10'), day('2021-01-11'), day('2021-01-20'), day('2021-03'), day('2023')]) {
        expect(timelineGap(before, event(next, status), NOW)).not.toMatch(/later|^the (same|next)/);
      }
    }
  });

  it('measures toward and from an event the accounts date differently no more precisely than they agree', () => {
    const contested = event(day('2021-04-24'), 'happened', {
      versions: [version(day('2021-04-24'), [], true), version(day('2021-04-30'), [ann])],
    });
    expect(timelineGap(event(day('2021-04-20')), contested, NOW)).toBe('4 to 10 days later');
    expect(timelineGap(contested, event(day('2021-05-07')), NOW)).toBe('7 to 13 days later');
  });
});

describe('"now" for a story', () => {
  const source = (published: DateValue) => ({ published });

  it('is the date of the latest source, or the last day it can date from', () => {
    const exact = { asOf: '2021-05-08', sources: [source(day('2021-05-07')), source(day('2021-05-08'))] };
    expect(storyNow(exact)).toEqual({
      date: { on: '2021-05-08', provenance: 'stated' },
      note: 'the date of the latest source',
    });
    const month = { asOf: '2021-05-31', sources: [source(day('2021-05'))] };
    expect(storyNow(month)?.note).toBe('the last day the latest source can date from');
    expect(storyNow({ asOf: '', sources: [] })).toBeUndefined();
  });

  it('keeps how we know the date it comes from: a year we inferred stays inferred', () => {
    const reasoning = 'The report gives "4 March" without a year; it is about the talks of 2026.';
    const partly = day('2026-03-04', {
      statedAs: '4 March',
      provenance: 'inferred',
      inferredParts: ['year'],
      reasoning,
    });
    expect(storyNow({ asOf: '2026-03-04', sources: [source(partly)] })?.date).toEqual({
      on: '2026-03-04',
      provenance: 'inferred',
      inferredParts: ['year'],
      reasoning,
    });
    const whole = day('2026-03', { provenance: 'inferred', reasoning });
    expect(storyNow({ asOf: '2026-03-31', sources: [source(whole)] })?.date).toEqual({
      on: '2026-03-31',
      provenance: 'inferred',
      reasoning,
    });
    const metadata = day('2026-03-04', { statedIn: 'metadata' });
    expect(storyNow({ asOf: '2026-03-04', sources: [source(metadata)] })?.date).toEqual({
      on: '2026-03-04',
      provenance: 'stated',
      statedIn: 'metadata',
    });
  });

  it('takes the surest of the sources that end on the day', () => {
    const inferred = day('2026-03-04', { provenance: 'inferred', reasoning: 'Ours.' });
    const stated = day('2026-03-04');
    expect(storyNow({ asOf: '2026-03-04', sources: [source(inferred), source(stated)] })?.date).toEqual({
      on: '2026-03-04',
      provenance: 'stated',
    });
  });
});

describe('timeline order through assembly', () => {
  const files = (events: { id: string; data: Record<string, unknown> }[]): CorpusFiles => ({
    actors: [{ id: 'ann-lee', data: actorSchema.parse({ name: 'Ann Lee', kind: 'person' }), body: '' }],
    authors: [],
    stories: [
      {
        id: 's',
        filePath: 'content/stories/s/story.mdx',
        data: storySchema.parse({
          title: 'T',
          dek: 'D',
          bottomLine: ['B'],
          published: '2021-05-09',
          updated: '2021-05-09',
        }),
        body: '',
      },
    ],
    sources: [
      {
        id: 's/src',
        filePath: 'content/stories/s/sources/src.md',
        data: sourceSchema.parse({ title: 'Src', published: day('2021-05-08') }),
        // Every date's words, as the events below state them.
        body: 'The text, of 2021-05-08, tells of 2021-04-25, 2021-04-30, 2021-04-24, 2021-06-01 and x, before the vote.',
      },
    ],
    quotes: [],
    claims: [],
    events: events.map(({ id, data }) => ({
      id: `s/${id}`,
      filePath: `content/stories/s/events/${id}.md`,
      data: eventSchema.parse({ title: id, source: 'src', ...data }),
      body: id,
    })),
    redirects: [],
  });

  it('places an event the accounts date differently at its earliest account, whatever its status', () => {
    const { stories } = assembleCorpus(
      files([
        { id: 'a-day', data: { when: day('2021-04-25') } },
        {
          id: 'b-contested',
          data: {
            versions: [
              { when: day('2021-04-30'), claimants: ['ann-lee'] },
              { when: day('2021-04-24'), sourceVoice: true },
            ],
          },
        },
        { id: 'c-postponed', data: { when: day('2021-04-24'), status: 'postponed', movedTo: day('2021-06-01') } },
        { id: 'd-planned', data: { when: day('2021-06-01'), status: 'scheduled' } },
        { id: 'e-span', data: { when: { from: '2021-04-24', to: '2021-04-28', statedAs: 'x', provenance: 'stated' } } },
      ]),
      TODAY,
    );
    const [story] = stories;
    expect(story!.asOf).toBe('2021-05-08');
    // 24 April: two days tie on start and precision, so by id; then the span; then 25 April; then 1 June.
    expect(story!.events.map((e) => e.id)).toEqual(['b-contested', 'c-postponed', 'e-span', 'a-day', 'd-planned']);
    const contested = story!.events[0]!;
    expect(contested.when?.on).toBe('2021-04-24');
    expect(accountsByDate(contested.versions).map((v) => v.when.on)).toEqual(['2021-04-24', '2021-04-30']);
    expect(story!.events.map((e, i, all) => (i === 0 ? '' : timelineGap(all[i - 1]!, e, story!.asOf)))).toEqual([
      '',
      'had been set for around the same time as the previous event',
      'the same day',
      'the day after the previous event began',
      'set for about 5 weeks after the previous event',
    ]);
  });

  it('places an undated event by its order, resolved to the event it names, with no gap', () => {
    const { stories } = assembleCorpus(
      files([
        { id: 'a-day', data: { when: day('2021-04-25') } },
        { id: 'b-day', data: { when: day('2021-04-30') } },
        { id: 'c-undated', data: { order: { before: { event: 'b-day' }, statedAs: 'before the vote' } } },
      ]),
      TODAY,
    );
    const [story] = stories;
    expect(story!.events.map((e) => e.id)).toEqual(['a-day', 'c-undated', 'b-day']);
    const undated = story!.events[1]!;
    expect(undated.when).toBeUndefined();
    expect(undated.order?.before).toEqual({ event: { id: 'b-day', title: 'b-day', anchor: 'e-b-day' } });
    expect(story!.events.map((e, i, all) => (i === 0 ? '' : timelineGap(all[i - 1]!, e, story!.asOf)))).toEqual([
      '',
      undefined,
      undefined,
    ]);
  });
});

describe('an event the source gives no date for', () => {
  const vote = { id: 'vote', title: 'Union members vote', anchor: 'e-vote' };
  const undated = (extra: Partial<TimelineEvent> = {}) => ({
    when: undefined,
    versions: [],
    status: 'happened' as const,
    order: { before: { event: vote }, statedAs: 'before the vote' },
    source: reporting,
    ...extra,
  });

  it('says "date not given" and what it came before or after, never a date', () => {
    expect(describeEventDate(undated(), NOW)).toBe('date not given; before “Union members vote”');
    expect(
      describeEventDate(
        undated({ order: { after: { date: '2021-04-24' }, before: { event: vote }, statedAs: 'x' } }),
        NOW,
      ),
    ).toBe('date not given; after 24 April 2021 and before “Union members vote”');
    expect(describeEventDate(undated({ status: 'scheduled' }), NOW)).toBe(
      'Planned: date not given; before “Union members vote”',
    );
    expect(orderInWords({ after: { date: '2021-04' }, statedAs: 'after April' })).toBe(
      'date not given; after April 2021',
    );
  });

  it('had happened when its status says so, with no date to weigh against "now"', () => {
    expect(hadHappened(undated(), NOW)).toBe(true);
    expect(hadHappened(undated({ status: 'scheduled' }), NOW)).toBe(false);
  });

  it('has no gap to or from it', () => {
    expect(timelineGap(event(day('2021-04-24')), undated(), NOW)).toBeUndefined();
    expect(timelineGap(undated(), event(day('2021-05-07')), NOW)).toBeUndefined();
    expect(timelineGap(event(day('2021-04-24')), event(day('2021-05-07')), NOW)).toBe('13 days later');
  });

  it("tells a new date in words as the source's words, with our bound as ours", () => {
    const words = { statedAs: 'after Ramadan', notBefore: '2026-03-20', reasoning: 'Ramadan 2026 ends on 19 March.' };
    expect(movedToInWords(words)).toBe("“after Ramadan” (the source's words; our reading: not before 20 March 2026)");
    expect(movedToInWords({ ...words, notAfter: '2026-04' })).toBe(
      "“after Ramadan” (the source's words; our reading: not before 20 March 2026 and not after April 2026)",
    );
    expect(
      describeEventDate(
        {
          when: day('2026-03-03'),
          versions: [],
          status: 'postponed',
          movedTo: words,
          order: undefined,
          source: reporting,
        },
        '2026-03-02',
      ),
    ).toBe(
      "Postponed: had been set for 3 March 2026; moved to “after Ramadan” (the source's words; our reading: not before 20 March 2026)",
    );
  });
});

type Component = Parameters<AstroContainer['renderToString']>[0];
// Through Vite's glob import, which type-checks where an `.astro` import would not (plain `tsc`).
const components = import.meta.glob<Component>('../../src/components/*.astro', { eager: true, import: 'default' });
const component = (name: string): Component => components[`../../src/components/${name}.astro`]!;
const [DateText, DateNote, InferredMark, Timeline, BriefingTimeline, BriefingSources] = [
  'DateText',
  'DateNote',
  'InferredMark',
  'Timeline',
  'BriefingTimeline',
  'BriefingSources',
].map(component);

describe('the markup', () => {
  const render = async (component: Component | undefined, props: Record<string, unknown>) => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(component!, { props });
    return html.replace(/ data-astro-cid-\w+/g, '').replace(/<style>.*?<\/style>/gs, '');
  };
  /** The text as a screen reader meets it: blocks apart, inline tags dropped, white space collapsed. */
  const text = (html: string) =>
    html
      .replace(/<\/?(?:div|p|details|summary|h\d|li|ol|section)\b[^>]*>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, ' ')
      .trim();
  /** Each list item's text. */
  const itemsOf = (html: string) =>
    html
      .split(/<li\b[^>]*>/)
      .slice(1)
      .map(text);
  const spanned: DateValue = {
    from: '2021-04-24',
    to: '2021-05-04',
    statedAs: 'April 24 to May 4',
    provenance: 'stated',
  };
  const lastWeek: DateValue = {
    earliest: '2021-04-26',
    latest: '2021-05-02',
    statedAs: 'last week',
    provenance: 'inferred',
    reasoning: 'read against 8 May 2021',
  };
  const noYear: DateValue = {
    on: '2021-05-01',
    statedAs: 'May 1',
    provenance: 'inferred',
    inferredParts: ['year'],
    reasoning: 'no year given',
  };
  const metadata: DateValue = { on: '2021-04-21', provenance: 'stated', statedIn: 'metadata' };

  it('marks a span and a range up as a start and an end <time>, spoken naturally', async () => {
    const span = await render(DateText, { date: spanned });
    expect(span).toContain(
      '<time datetime="2021-04-24">24 April</time> to <time datetime="2021-05-04">4 May 2021</time>',
    );
    expect(span).toMatch(/<span class="visually-hidden">from <\/span>/);
    expect(text(span)).toBe('from 24 April to 4 May 2021');
    // After words that lead into the date, no "from": "had been set for 24 April to 4 May 2021".
    expect(text(await render(DateText, { date: spanned, lead: 'had been set for' }))).toBe('24 April to 4 May 2021');
    expect(text(await render(DateText, { date: spanned, lead: '' }))).toBe('from 24 April to 4 May 2021');
    const range = await render(DateText, { date: lastWeek });
    expect(text(range)).toBe('some day between 26 April and 2 May 2021');
    expect(range).toContain('<time datetime="2021-04-26">26 April</time>');
    expect(await render(DateText, { date: day('2021-04', { part: 'late' }) })).toBe(
      '<time datetime="2021-04">late April 2021</time>',
    );
  });

  it('notes parts we inferred in words, the ≈ marker only for a date inferred whole, and metadata as such', async () => {
    const partNote = await render(DateNote, { date: noYear, sourceLang: 'en' });
    expect(text(partNote)).toBe('the source says “May 1” year inferred no year given');
    expect(partNote).not.toContain('≈');
    expect(text(await render(DateNote, { date: lastWeek, sourceLang: 'en' }))).toBe(
      'the source says “last week” ≈ inferred date read against 8 May 2021',
    );
    expect(text(await render(DateNote, { date: metadata, sourceLang: 'en' }))).toBe("(from the page's metadata)");
    expect(
      text(await render(DateNote, { date: { ...metadata, statedAs: 'Wed, 21 Apr 2021' }, sourceLang: 'en' })),
    ).toBe("(from the page's metadata: “Wed, 21 Apr 2021”)");
    expect(text(await render(InferredMark, { date: noYear }))).toBe('(year inferred)');
    expect(text(await render(InferredMark, { date: metadata }))).toBe("(from the page's metadata)");
    expect(await render(InferredMark, { date: lastWeek })).toContain('≈');
    expect(text(await render(InferredMark, { date: day('2021-05-07') }))).toBe('');
  });

  it("says a source's published date from metadata on the briefing", async () => {
    const html = await render(BriefingSources, {
      sources: [{ id: 'src', title: 'The article', published: metadata, text: '', lang: 'en' }],
    });
    expect(text(html)).toContain("Published 21 April 2021 (from the page's metadata).");
  });

  const source = { id: 'src', title: 'The article', published: day('2021-05-08'), text: '', lang: 'en' };
  const ann = { id: 'ann-lee', name: 'Ann Lee', kind: 'person', roles: [], aliases: [], file: '' };
  const timelineEvent = (id: string, extra: Partial<Told>) => ({
    ...event(day('2021-01-10')),
    id,
    anchor: `e-${id}`,
    file: '',
    title: `Event ${id}`,
    text: 'What happened.',
    sameAs: [],
    source,
    actors: [],
    quotes: [],
    claims: [],
    ...extra,
  });
  const events = [
    timelineEvent('doha', { when: day('2021-01-10') }),
    timelineEvent('talks', { when: day('2021-04-24'), status: 'postponed', movedTo: day('2021-06-01') }),
    timelineEvent('meeting', {
      when: day('2021-04-26'),
      versions: [version(day('2021-04-28'), [ann]), version(day('2021-04-26'), [], true)],
    }),
    timelineEvent('conference', { when: spanned }),
    timelineEvent('summit', { when: day('2021-09-11'), status: 'scheduled' }),
  ];

  it('marks what had not happened in words, and every account of a date, attributed', async () => {
    const html = await render(Timeline, { story: { slug: 's', asOf: NOW, events, sources: [source] } });
    const items = itemsOf(html);
    expect(items[1]).toContain('had been set for 3 months after the previous event');
    expect(items[1]).toContain('Postponed: had been set for 24 April 2021');
    expect(items[1]).toContain('Moved to 1 June 2021');
    expect(items[2]).toContain('2 to 4 days later');
    expect(items[2]).toContain(
      'Accounts of the date differ: According to the source, “The article”: 26 April 2021 the source says “2021-04-26” According to Ann Lee: 28 April 2021',
    );
    expect(items[3]).toContain('from 24 April to 4 May 2021');
    expect(items[4]).toContain('set for 4 months after the previous event ended');
    expect(items[4]).toContain('Planned: 11 September 2021');
    expect(html).toContain('data-status="scheduled"');
  });

  it('keeps the briefing to one line an event, with the same words', async () => {
    const html = await render(BriefingTimeline, { events, asOf: NOW });
    const items = itemsOf(html);
    expect(items).toEqual([
      '10 January 2021 Event doha',
      'Postponed: had been set for 24 April 2021; moved to 1 June 2021 Event talks',
      '26 April 2021 (according to the source) or 28 April 2021 (according to Ann Lee) Event meeting',
      'from 24 April to 4 May 2021 Event conference',
      'Planned: 11 September 2021 Event summit',
    ]);
    expect(items.map((item, i) => item.replace(` Event ${events[i]!.id}`, ''))).toEqual(
      events.map((e) => describeEventDate(e, NOW).replace(/^24 April to/, 'from 24 April to')),
    );
    expect(html).not.toContain('inferred date: not given in full');
  });

  const undatedEvents = [
    timelineEvent('strike', { when: day('2021-04-24') }),
    timelineEvent('talks', {
      when: undefined,
      order: { before: { event: { id: 'vote', title: 'Event vote', anchor: 'e-vote' } }, statedAs: 'before the vote' },
    }),
    timelineEvent('vote', { when: day('2021-05-07') }),
    timelineEvent('rally', {
      when: day('2021-05-08'),
      status: 'postponed',
      movedTo: { statedAs: 'after Ramadan', notBefore: '2021-05-13', reasoning: 'Ramadan 2021 ended on 12 May.' },
    }),
  ];

  it('shows an undated event by its order, linked, with no gap to or from it', async () => {
    const html = await render(Timeline, { story: { slug: 's', asOf: NOW, events: undatedEvents, sources: [source] } });
    const items = itemsOf(html);
    expect(items[1]).toBe(
      'Event talks Date not given; before Event vote (the source says “before the vote”) What happened.',
    );
    expect(items[2]).not.toMatch(/later/);
    expect(html).toContain('<a href="#e-vote">Event vote</a>');
    expect(items[3]).toContain(
      'Moved to “after Ramadan” (the source’s words; our reading: not before 13 May 2021) why we read it so Ramadan 2021 ended on 12 May.',
    );
    const briefing = itemsOf(await render(BriefingTimeline, { events: undatedEvents, asOf: NOW }));
    expect(briefing[1]).toBe('Date not given; before “Event vote” (the source says “before the vote”) Event talks');
    expect(briefing[3]).toBe(
      "Postponed: had been set for 8 May 2021; moved to “after Ramadan” (the source's words; our reading: not before 13 May 2021) Event rally",
    );
  });

  it('marks each reading of a date the words leave open, never the days between', async () => {
    const nextTuesday: DateValue = {
      earliest: '2026-03-03',
      latest: '2026-03-10',
      readings: ['2026-03-03', '2026-03-10'],
      statedAs: 'next Tuesday',
      provenance: 'inferred',
      reasoning: 'Read against Monday 2 March 2026: the next day, or the Tuesday of the week after.',
    };
    const html = await render(DateText, { date: nextTuesday });
    expect(text(html)).toBe('either 3 or 10 March 2026');
    expect(html).toContain('<time datetime="2026-03-03">3</time> or <time datetime="2026-03-10">10 March 2026</time>');
    expect(text(await render(DateNote, { date: nextTuesday, sourceLang: 'en' }))).toContain(
      'the source says “next Tuesday”',
    );
  });
});

describe('an event under way, and an expectation someone holds', () => {
  const reported = { published: day('2026-03-04', { statedAs: 'March 4, 2026' }) };
  const began = day('2026-02-24', { statedAs: 'February 24' });
  const setEnd = day('2026-03-10', { statedAs: 'March 10' });
  const strike = event(began, 'under-way', { until: setEnd, source: reported });
  const officials = { kind: 'unnamed' as const, description: 'officials at the transport ministry' };
  const government = { id: 'gov', name: 'Government of Exampleland', withThe: true } as ActorRecord;
  const endOfMonth: DateValue = {
    on: '2026-03',
    statedAs: 'by the end of the month',
    provenance: 'inferred',
    reasoning: 'read against 4 March 2026',
  };
  const expected = (expectation: Partial<Expectation>, when: DateValue = endOfMonth) =>
    event(when, 'expected', {
      source: reported,
      expectation: { holders: [], sourceVoice: false, timing: 'by', ...expectation },
    });
  const NOW_2026 = '2026-03-04';

  it('is never told as having happened, nor as a set date', () => {
    expect(hadHappened(strike, NOW_2026)).toBe(false);
    expect(eventStanding(strike, NOW_2026)).toMatchObject({ label: 'Under way', lead: 'since', plannedAs: undefined });
    expect(eventStanding(expected({ unnamed: officials }), NOW_2026)).toMatchObject({
      label: 'Expected',
      lead: 'by the end of',
      plannedAs: 'expected no later than',
    });
    // A bound that is a day is "by" that day; an expectation `on` a date leads with nothing.
    expect(eventStanding(expected({ unnamed: officials }, setEnd), NOW_2026)?.lead).toBe('by');
    expect(eventStanding(expected({ unnamed: officials, timing: 'on' }), NOW_2026)).toMatchObject({
      lead: '',
      plannedAs: 'expected',
    });
  });

  it('says since when, until when, and as of which day', () => {
    expect(describeEventDate(strike, NOW_2026)).toBe(
      'Under way: since 24 February 2026; set to last until 10 March 2026; as of 4 March 2026',
    );
    expect(describeEventDate({ ...strike, until: undefined }, NOW_2026)).toBe(
      'Under way: since 24 February 2026; as of 4 March 2026',
    );
    // The source's date keeps how we know it.
    const inferredYear = {
      published: {
        ...reported.published,
        provenance: 'inferred' as const,
        inferredParts: ['year' as const],
        reasoning: 'r',
      },
    };
    expect(describeEventDate({ ...strike, source: inferredYear }, NOW_2026)).toBe(
      'Under way: since 24 February 2026; set to last until 10 March 2026; as of 4 March 2026, year inferred',
    );
  });

  it('says who expects it and the bound they give, never a day of it', () => {
    expect(describeEventDate(expected({ unnamed: officials }), NOW_2026)).toBe(
      'Expected by officials at the transport ministry: by the end of March 2026 (inferred); as of 4 March 2026',
    );
    expect(describeEventDate(expected({ holders: [government], sourceVoice: true }), NOW_2026, 'the report')).toBe(
      'Expected by the Government of Exampleland and the report: by the end of March 2026 (inferred); as of 4 March 2026',
    );
    expect(expectationHolders({ holders: [government], unnamed: officials, sourceVoice: false, timing: 'on' })).toBe(
      'the Government of Exampleland and officials at the transport ministry',
    );
    expect(describeEventDate(expected({ unnamed: officials, timing: 'on' }, setEnd), NOW_2026)).toBe(
      'Expected by officials at the transport ministry: 10 March 2026; as of 4 March 2026',
    );
  });

  it("tells a holder's own page what they expect, by when, with whoever else holds it, as of the source", () => {
    const union = { id: 'union', name: 'Example Union', withThe: true } as ActorRecord;
    expect(expectsInWords('union', expected({ holders: [union] }), 'the report')).toBe(
      'Expects it by the end of March 2026 (inferred); as of 4 March 2026',
    );
    expect(expectsInWords('union', expected({ holders: [union, government], unnamed: officials }))).toBe(
      'Expects it with the Government of Exampleland and officials at the transport ministry by the end of March 2026 (inferred); as of 4 March 2026',
    );
    // A description with an aside closes it before the date; the source's own voice is named as the page names it.
    const aside = { kind: 'unnamed' as const, description: 'an official, speaking on condition of anonymity' };
    expect(
      expectsInWords('union', expected({ holders: [union], unnamed: aside, sourceVoice: true }), 'the report'),
    ).toBe(
      'Expects it with an official, speaking on condition of anonymity, and the report by the end of March 2026 (inferred); as of 4 March 2026',
    );
    // Expected on a date: on a day, within a longer date; a stated day has no note.
    expect(expectsInWords('union', expected({ holders: [union], timing: 'on' }, setEnd))).toBe(
      'Expects it on 10 March 2026; as of 4 March 2026',
    );
    expect(expectsInWords('union', expected({ holders: [union], timing: 'on' }))).toBe(
      'Expects it within March 2026 (inferred); as of 4 March 2026',
    );
  });

  it('measures gaps from the start of what is under way, and never from an expectation', () => {
    const tuesday = event(day('2026-03-03'));
    expect(timelineGap(event(day('2026-02-20')), strike, NOW_2026)).toBe('4 days later');
    expect(timelineGap(strike, tuesday, NOW_2026)).toBe('7 days after the previous event began');
    // Toward an expectation `by` a bound: to the bound's last day, as an expectation.
    expect(timelineGap(tuesday, expected({ unnamed: officials }), NOW_2026)).toBe(
      'expected no later than 4 weeks after the previous event',
    );
    expect(timelineGap(tuesday, expected({ unnamed: officials, timing: 'on' }, setEnd), NOW_2026)).toBe(
      'expected 7 days after the previous event',
    );
    expect(timelineGap(expected({ unnamed: officials }), event(day('2026-04-02'), 'scheduled'), NOW_2026)).toBe(
      undefined,
    );
  });

  it('is placed at the last day of the bound it is expected by, through assembly', () => {
    const dated = (on: string, statedAs: string): DateValue => ({ on, statedAs, provenance: 'stated' });
    const { stories } = assembleCorpus(
      {
        actors: [{ id: 'gov', data: actorSchema.parse({ name: 'Gov', kind: 'organisation' }), body: '' }],
        authors: [],
        stories: [
          {
            id: 's',
            filePath: 'content/stories/s/story.mdx',
            data: storySchema.parse({
              title: 'T',
              dek: 'D',
              bottomLine: ['B'],
              published: '2026-03-05',
              updated: '2026-03-05',
            }),
            body: '',
          },
        ],
        sources: [
          {
            id: 's/src',
            filePath: 'content/stories/s/sources/src.md',
            data: sourceSchema.parse({ title: 'Src', published: dated('2026-03-04', 'March 4') }),
            body: 'March 4: it began on February 24, is set to end on March 10; March 20 is set; by March.',
          },
        ],
        quotes: [],
        claims: [],
        events: [
          {
            id: 'a-strike',
            status: 'under-way',
            when: dated('2026-02-24', 'February 24'),
            until: dated('2026-03-10', 'March 10'),
          },
          {
            id: 'b-expected',
            status: 'expected',
            when: dated('2026-03', 'by March'),
            expectation: { holders: ['gov'], timing: 'by' },
          },
          { id: 'c-planned', status: 'scheduled', when: dated('2026-03-20', 'March 20') },
        ].map(({ id, ...data }) => ({
          id: `s/${id}`,
          filePath: `content/stories/s/events/${id}.md`,
          data: eventSchema.parse({ title: id, source: 'src', ...data }),
          body: id,
        })),
        redirects: [],
      },
      TODAY,
    );
    const [story] = stories;
    expect(story!.events.map((e) => e.id)).toEqual(['a-strike', 'c-planned', 'b-expected']);
    expect(story!.events[2]!.expectation?.holders.map((actor) => actor.id)).toEqual(['gov']);
    // Who expects it is among the story's actors.
    expect(story!.actors.map((actor) => actor.id)).toContain('gov');
    expect(placedAt(story!.events[2]!)).toMatchObject({ on: '2026-03-31' });
    expect(placedAt(story!.events[0]!)).toBe(story!.events[0]!.when);
  });

  const source = { id: 'src', title: 'The wire', published: reported.published, text: '', lang: 'en' };
  const told = (id: string, extra: Partial<Told>) => ({
    ...strike,
    id,
    anchor: `e-${id}`,
    file: '',
    title: `Event ${id}`,
    text: 'What happened.',
    sameAs: [],
    actors: [],
    quotes: [],
    claims: [],
    ...extra,
    source,
  });
  const events = [
    told('strike', {}),
    told('tuesday', { when: day('2026-03-03'), status: 'happened', until: undefined }),
    told('steps-in', { ...expected({ unnamed: officials }), until: undefined }),
  ];

  it('marks both up with a <time> for each date, as of the source', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(
      import.meta.glob<Component>('../../src/components/Timeline.astro', { eager: true, import: 'default' })[
        '../../src/components/Timeline.astro'
      ]!,
      { props: { story: { slug: 's', asOf: NOW_2026, events, sources: [source] } } },
    );
    const plain = html
      .replace(/<style>.*?<\/style>/gs, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, ' ')
      .replace(/“ | ”| (?=[,:])/g, (m) => m.trim());
    expect(plain).toContain('Under way: since 24 February 2026 the source says “February 24”');
    expect(plain).toContain('Set to last until 10 March 2026');
    expect(plain).toContain('As of 4 March 2026, the date of its source.');
    expect(plain).toContain('7 days after the previous event began');
    expect(plain).toContain(
      'Expected by officials at the transport ministry: by the end of March 2026 the source says “by the end of the month”',
    );
    expect(html).toContain('<time datetime="2026-02-24">');
    expect(html).toContain('<time datetime="2026-03-10">');
    expect(html).toContain('<time datetime="2026-03">March 2026</time>');
    expect(html).toContain('data-status="under-way"');
    expect(html).toContain('data-status="expected"');
    // No gap is measured from the expectation: it is the last event, and none follows it.
    expect(plain).toContain('expected no later than 4 weeks after the previous event');
  });

  it('keeps the briefing to one line each, in the same words', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(
      import.meta.glob<Component>('../../src/components/BriefingTimeline.astro', { eager: true, import: 'default' })[
        '../../src/components/BriefingTimeline.astro'
      ]!,
      { props: { events, asOf: NOW_2026 } },
    );
    const items = html
      .replace(/<style>.*?<\/style>/gs, '')
      .replace(/<p class="legend"[^>]*>.*?<\/p>/s, '')
      .split(/<li\b[^>]*>/)
      .slice(1)
      .map((item) =>
        item
          .replace(/<[^>]+>/g, '')
          .replace(/\s+/g, ' ')
          .replace(/ ([;:,])/g, '$1')
          .trim(),
      );
    expect(items).toEqual([
      'Under way: since 24 February 2026; set to last until 10 March 2026; as of 4 March 2026 Event strike',
      '3 March 2026 Event tuesday',
      'Expected by officials at the transport ministry: by the end of March 2026≈(inferred date); as of 4 March 2026 Event steps-in',
    ]);
  });
});
