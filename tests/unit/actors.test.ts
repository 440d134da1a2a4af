import { describe, expect, it } from 'vitest';
import { ambiguousNames, nameKey } from '../../src/lib/assemble/actors';
import { roleAt } from '../../src/lib/model/chronology';
import {
  describeAffiliation,
  describeRole,
  gatherEvents,
  holderInText,
  indexAppearances,
  morePrecise,
  nameInText,
  roleParts,
  speakerName,
  UNNAMED_MARK,
  unnamedInStory,
  whatSaid,
} from '../../src/lib/present/actors';
import { inSentence, listSeparator } from '../../src/lib/present/text';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { isUnnamed, type ActorRecord, type UnnamedSpeaker } from '../../src/lib/model/corpus';
import type { DateValue } from '../../src/lib/model/date';
import { corpus } from './fixtures/corpus';

/*
 * Roles at a moment, namesakes, speakers' names, and what an actor page lists across stories: an
 * organisation's members, unnamed speakers tied to it, one event told by several stories. Not covered
 * here: how pages print names and link them (tests/e2e/story.spec.ts, tests/e2e/quotes.spec.ts).
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
    expect(describeRole({ title: 'Chief negotiator', organisation: 'Afghan peace delegation' }, new Map())).toBe(
      'Chief negotiator, Afghan peace delegation',
    );
    expect(describeRole({ title: 'Envoy' }, new Map())).toBe('Envoy');
  });

  it('names a role’s organisation by the content’s words, else by its actor’s name, and keeps the actor for a link', () => {
    const council = actor('council', 'The Council', { kind: 'organisation' });
    const actors = new Map([['council', council]]);
    expect(describeRole({ title: 'Spokesman', of: 'council' }, actors)).toBe('Spokesman, The Council');
    expect(describeRole({ title: 'Spokesman', organisation: 'Council press office', of: 'council' }, actors)).toBe(
      'Spokesman, Council press office',
    );
    expect(roleParts({ title: 'Spokesman', organisation: 'Council press office', of: 'council' }, actors)).toEqual({
      title: 'Spokesman',
      organisation: 'Council press office',
      of: council,
    });
    // Words that are just the actor's name are not said twice.
    expect(roleParts({ title: 'Spokesman', organisation: 'The Council', of: 'council' }, actors).organisation).toBe(
      undefined,
    );
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

  it('reads names as a page shows them: accents however encoded, runs of spaces, full-width letters', () => {
    const groups = ambiguousNames([
      actor('a', 'Zo\u00EB Example'),
      actor('b', 'Zoe\u0308 Example'),
      actor('c', 'Ann  Example'),
      actor('d', 'Ann Example '),
      actor('e', '\uFF22o Example'),
      actor('f', 'Bo Example'),
    ]);
    expect(groups.map((g) => g.map((a) => a.id))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(nameKey('Zoe\u0308  EXAMPLE')).toBe('zo\u00EB example');
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
const allQuotes = stories.flatMap((story) => story.quotes);
const quote = (id: string) => allQuotes.find((q) => q.id === id)!;

describe('speakerName', () => {
  it('gives an actor’s full name as is', () => {
    expect(speakerName(quote('stand-firm').speaker)).toBe('Ann Lee');
    expect(speakerName(actor('x', 'al-Qaeda'), { capitalised: true })).toBe('al-Qaeda');
  });

  it('gives an unnamed speaker as the source describes them, marked unnamed, capitalised only at a start', () => {
    const speaker = quote('talks-over').speaker;
    expect(speakerName(speaker)).toBe('a senior Council official (unnamed)');
    expect(speakerName(speaker, { capitalised: true })).toBe('A senior Council official (unnamed)');
    expect(speakerName(speaker).endsWith(UNNAMED_MARK)).toBe(true);
    expect(describeAffiliation(speaker as UnnamedSpeaker)).toBe('affiliated with The Council');
    expect(describeAffiliation(quote('hopeful').speaker as UnnamedSpeaker)).toBeUndefined();
  });

  it('gives an unnamed speaker no role', () => {
    expect(quote('talks-over').role).toBeUndefined();
    expect(isUnnamed(quote('nothing-changed').speaker)).toBe(true);
  });
});

describe('names in running text', () => {
  const taliban = actor('taliban', 'Taliban', { kind: 'organisation', withThe: true });
  const unnamed: UnnamedSpeaker = {
    kind: 'unnamed',
    description: 'a senior official, speaking on condition of anonymity',
  };

  it('puts "the" before a name that takes it, "The" at a start, and nothing before any other', () => {
    expect(nameInText(taliban)).toBe('the Taliban');
    expect(nameInText(taliban, { capitalised: true })).toBe('The Taliban');
    expect(nameInText(actor('ann-lee', 'Ann Lee'))).toBe('Ann Lee');
  });

  it('says what a speaker said as an editor would, an unnamed description as the noun phrase it is', () => {
    expect(whatSaid(taliban)).toBe('what the Taliban said');
    expect(whatSaid(actor('ann-lee', 'Ann Lee'), 'paraphrase')).toBe('what Ann Lee said, paraphrased');
    expect(whatSaid({ kind: 'unnamed', description: 'a senior official' })).toBe('what a senior official said');
    // An aside the description opens with a comma is closed before the verb.
    expect(whatSaid(unnamed)).toBe('what a senior official, speaking on condition of anonymity, said');
    expect(whatSaid(unnamed, 'paraphrase')).toBe(
      'what a senior official, speaking on condition of anonymity, said, paraphrased',
    );
    expect(whatSaid(unnamed)).not.toContain(UNNAMED_MARK);
  });

  it('names a holder in a sentence: "the" kept, a description as a noun phrase, an aside closed only when words follow', () => {
    expect(holderInText(taliban)).toBe('the Taliban');
    expect(holderInText(taliban, { capitalised: true, followed: true })).toBe('The Taliban');
    expect(holderInText(unnamed)).toBe('a senior official, speaking on condition of anonymity');
    expect(holderInText(unnamed, { followed: true })).toBe('a senior official, speaking on condition of anonymity,');
    expect(holderInText(unnamed, { capitalised: true })).toBe('A senior official, speaking on condition of anonymity');
    const plain: UnnamedSpeaker = { kind: 'unnamed', description: 'an official at the harbour office' };
    expect(holderInText(plain, { followed: true })).toBe('an official at the harbour office');
  });

  it('ties an unnamed speaker to "the" organisation in text, and keeps the bare name for the published record', () => {
    const tied = { ...unnamed, affiliation: taliban } as UnnamedSpeaker;
    expect(describeAffiliation(tied)).toBe('affiliated with the Taliban');
    expect(describeAffiliation(tied, { inText: false })).toBe('affiliated with Taliban');
  });

  it('joins names as a sentence does', () => {
    expect(inSentence(['A'])).toBe('A');
    expect(inSentence(['A', 'B'])).toBe('A and B');
    expect(inSentence(['A', 'B', 'C'], 'or')).toBe('A, B or C');
    expect([0, 1, 2].map((i) => listSeparator(i, 3))).toEqual(['', ', ', ' and ']);
  });

  it('links each name alone, the article before the link, in a sentence of names', async () => {
    const components = import.meta.glob<Parameters<AstroContainer['renderToString']>[0]>(
      '../../src/components/ActorNames.astro',
      { eager: true, import: 'default' },
    );
    const container = await AstroContainer.create();
    const html = await container.renderToString(components['../../src/components/ActorNames.astro']!, {
      props: { actors: [actor('us', 'United States', { withThe: true }), taliban], source: 'the source' },
    });
    const text = html
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    expect(text).toBe('the United States, the Taliban and the source');
    expect(html).toMatch(/the <a [^>]*href="\/actors\/taliban\/"[^>]*>\s*Taliban\s*<\/a>/);
  });
});

describe('indexAppearances', () => {
  const ids = (items: { story: { slug: string }; quote: { id: string } }[]) =>
    items.map(({ story, quote }) => `${story.slug}/${quote.id}`);

  it('lists an event on the page of each actor who expects it, apart from what they took part in, newest first', () => {
    const [first, second] = stories;
    const lee = index.get('ann-lee')!;
    const ann = lee.quotes[0]!.quote.speaker as ActorRecord;
    const base = first!.events[0]!;
    const expectedEvent = (id: string, when: DateValue) => ({
      ...base,
      id,
      when,
      actors: [],
      status: 'expected' as const,
      expectation: { holders: [ann], sourceVoice: false, timing: 'by' as const },
    });
    const withExpectations = [
      { ...first!, events: [...first!.events, expectedEvent('older-bound', on('2021-05-20'))] },
      { ...second!, events: [...second!.events, expectedEvent('newer-bound', on('2021-06-30'))] },
    ];
    const expecting = indexAppearances(withExpectations).get('ann-lee')!;
    expect(expecting.expectations.map(({ event }) => event.id)).toEqual(['newer-bound', 'older-bound']);
    // Expecting an event is not taking part in it, and no one else's page lists it.
    expect(expecting.events.map(({ best }) => best.event.id)).toEqual(lee.events.map(({ best }) => best.event.id));
    expect(lee.expectations).toEqual([]);
    expect(indexAppearances(withExpectations).get('sam-khan')!.expectations).toEqual([]);
  });

  it('gathers an actor’s quotes from every story, dated newest first, undated after', () => {
    expect(ids(index.get('ann-lee')!.quotes)).toEqual(['newer/door-open', 'older/stand-firm', 'newer/ready']);
  });

  it('gathers events newest first, across stories', () => {
    expect(index.get('ann-lee')!.events.map(({ best }) => best.event.id)).toEqual(['speech', 'tweet']);
  });

  it('keeps namesakes apart: each Sam Khan has only what is theirs', () => {
    expect(index.get('sam-khan')!.quotes.map(({ quote }) => quote.id)).toEqual(['talks-failed']);
    expect(index.get('sam-khan')!.events).toEqual([]);
    expect(index.get('sam-khan-2')!.quotes.map(({ quote }) => quote.id)).toEqual(['listening']);
    expect(index.get('sam-khan-2')!.events.map(({ best }) => best.event.id)).toEqual(['speech', 'talks-ended']);
  });

  it('records claims made, claims disputed, and accounts given of a contested claim', () => {
    expect(index.get('sam-khan')!.claims.map(({ claim, as }) => [claim.id, as])).toEqual([['talks', 'claimant']]);
    expect(index.get('council')!.claims.map(({ claim, as }) => [claim.id, as])).toEqual([
      ['unchanged', 'unnamed'],
      ['talks', 'disputer'],
      ['talks-ended', 'account'],
    ]);
  });

  it('lists a claim held by someone the source does not name on the page of the actor it ties them to, as they are described', () => {
    const [held] = index.get('council')!.claims;
    expect(held!.holders!.map((holder) => [holder.kind, holder.description])).toEqual([
      ['unnamed', 'a senior Council official'],
    ]);
  });

  it('lists everyone a story does not name, each in its own place, alike descriptions never merged', () => {
    const newer = corpus().stories.find((s) => s.slug === 'newer')!;
    expect(unnamedInStory(newer).map(({ holder, anchor, what }) => [holder.description, anchor, what])).toEqual([
      ...newer.quotes
        .filter((q) => q.speaker.kind === 'unnamed')
        .map((q) => [(q.speaker as UnnamedSpeaker).description, q.anchor, `quote ${q.number}`]),
      ['a senior Council official', 'c-unchanged', 'a claim'],
    ]);
    expect(unnamedInStory(newer).filter(({ what }) => what.startsWith('quote'))).toHaveLength(2);
  });

  it('gives an unnamed speaker no entry, and lists what they said on the page of the actor they are tied to', () => {
    const named = new Set(index.keys());
    expect([...named].sort()).toEqual(['ann-lee', 'council', 'sam-khan', 'sam-khan-2']);
    // Same description, same affiliation, two stories: two speakers, never merged into one.
    expect(ids(index.get('council')!.unnamedQuotes)).toEqual(['newer/nothing-changed', 'older/talks-over']);
    expect(index.get('council')!.quotes).toEqual([]);
    // Tied to no one: on no actor's page at all.
    const everywhere = [...index.values()].flatMap((a) => [...a.quotes, ...a.unnamedQuotes, ...a.memberQuotes]);
    expect(everywhere.map(({ quote }) => quote.id)).not.toContain('hopeful');
  });

  it('lists on an organisation’s page what its members said, with the member and the role they held then', () => {
    const [said, ...rest] = index.get('council')!.memberQuotes;
    expect(rest).toEqual([]);
    expect(said!.quote.id).toBe('listening');
    expect(said!.member.id).toBe('sam-khan-2');
    expect(describeRole(said!.role, corpus().actors)).toBe('Spokesman, The Council');
  });

  it('lists the events its members took part in while members, not before', () => {
    const events = index.get('council')!.memberEvents;
    expect(events.map(({ best }) => best.event.id)).toEqual(['speech']);
    expect(events[0]!.members.map(({ member, role }) => [member.id, role.title])).toEqual([
      ['sam-khan-2', 'Spokesman'],
    ]);
  });

  it('shows an event several stories tell once, at the most precise date, with every story and source', () => {
    const council = index.get('council')!.events;
    expect(council).toHaveLength(1);
    const [event] = council;
    expect(`${event!.best.story.slug}/${event!.best.event.id}`).toBe('newer/talks-ended');
    expect(event!.best.event.when?.on).toBe('2021-05-07');
    expect(event!.tellings.map(({ story, event }) => `${story.slug}/${event.id} from ${event.source.id}`)).toEqual([
      'newer/talks-ended from article',
      'older/talks-end from article',
    ]);
    // Sam Khan the spokesman is only in the newer telling: the event is still one, with both stories.
    const his = index.get('sam-khan-2')!.events.find(({ best }) => best.event.id === 'talks-ended')!;
    expect(his.tellings).toHaveLength(2);
  });
});

describe('gatherEvents', () => {
  it('joins tellings declared the same on either side, and through one another', () => {
    const groups = gatherEvents(stories).map((g) => g.tellings.map(({ story, event }) => `${story.slug}/${event.id}`));
    expect(groups).toContainEqual(['newer/talks-ended', 'older/talks-end']);
    expect(groups.flat().sort()).toEqual(
      ['newer/speech', 'newer/talks-ended', 'older/talks-end', 'older/tweet'].sort(),
    );
  });

  it('prefers the date that leaves fewer days open, and an agreed date to competing accounts', () => {
    const [older, newer] = [stories.find((s) => s.slug === 'older')!, stories.find((s) => s.slug === 'newer')!];
    const month = { story: older, event: older.events.find((e) => e.id === 'talks-end')! };
    const day = { story: newer, event: newer.events.find((e) => e.id === 'talks-ended')! };
    expect(morePrecise(day, month)).toBeLessThan(0);
    expect(morePrecise(month, day)).toBeGreaterThan(0);
    const span = {
      ...day,
      event: { ...day.event, when: { from: '2021-05-03', to: '2021-05-21', provenance: 'stated' as const } },
    };
    expect(morePrecise(span, month)).toBeLessThan(0);
    const contested = {
      ...day,
      event: { ...day.event, versions: [{ when: day.event.when!, claimants: [], sourceVoice: true, passages: [] }] },
    };
    expect(morePrecise(month, contested)).toBeLessThan(0);
  });
});
