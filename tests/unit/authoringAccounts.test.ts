import { describe, expect, it } from 'vitest';
import {
  attributionOf,
  competingFigures,
  disputersOf,
  speaksFor,
  statusCue,
  tellerOf,
} from '../../src/lib/authoring/accounts';
import type { ActorNames } from '../../src/lib/authoring/actors';

/* Who a sentence attributes its content to, and competing figures from different holders. */

const actors: ActorNames[] = [
  { id: 'port-authority', name: 'Port Authority', kind: 'organisation', aliases: ['the port authority'] },
  { id: 'harbour-office', name: 'Harbour Office', kind: 'organisation', aliases: ['the harbour office'] },
];

describe('attribution', () => {
  it('reads "according to" and the subject of a reporting verb, naming the actor when one fits', () => {
    expect(attributionOf('Ships are waiting outside the port, according to the harbour office.', actors)).toEqual({
      words: 'the harbour office',
      by: 'according to',
      id: 'harbour-office',
    });
    expect(attributionOf('The union says more than 4,000 workers joined.', actors)).toEqual({
      words: 'The union',
      by: 'says',
    });
  });

  it('does not take a document for a holder, nor find one where the sentence names none', () => {
    expect(attributionOf('Ships are waiting, according to a statement.', actors)).toBeUndefined();
    expect(attributionOf('Ships are waiting outside the port.', actors)).toBeUndefined();
    expect(attributionOf('It says that up to 5,000 prisoners will be released.', actors)).toBeUndefined();
  });
});

describe('competing figures', () => {
  const paragraph = (text: string) => ({ text, start: 0, end: text.length });

  it('finds two holders giving different figures, a year not counted as one', () => {
    const found = competingFigures(
      [
        paragraph(
          'The union says more than 4,000 workers have joined the strike. The port authority put the number at 1,200. The strike began in 2026.',
        ),
      ],
      actors,
    );
    expect(found.map((a) => [a.figure, a.holder.id ?? a.holder.words])).toEqual([
      ['4,000', 'The union'],
      ['1,200', 'port-authority'],
    ]);
  });

  it('finds none when one holder gives the figures, or all give the same', () => {
    expect(
      competingFigures([paragraph('The union says 4,000 joined. The union says 1,200 stayed home.')], actors),
    ).toEqual([]);
    expect(
      competingFigures([paragraph('The union says 4,000 joined. The port authority put the number at 4,000.')], actors),
    ).toEqual([]);
  });

  it('compares shares with shares: percentages and proportions, across neighbouring paragraphs', () => {
    const first = paragraph('About one in three ferries sailed, the harbour office said.');
    const second = {
      text: 'The port authority put the figure at 60 percent, and counted 1,200 passengers.',
      start: first.end + 1,
      end: first.end + 1 + 78,
    };
    const found = competingFigures([first, second], actors, first);
    expect(found.map((a) => [a.kind, a.figure, a.holder.id])).toEqual([
      ['share', 'one in three', 'harbour-office'],
      ['share', '60 percent', 'port-authority'],
    ]);
    // A count does not compete with a share.
    const count = { text: 'The port authority counted 1,200 passengers.', start: first.end + 1, end: first.end + 45 };
    expect(competingFigures([first, count], actors, count)).toEqual([]);
    expect(competingFigures([first, count], actors)).toEqual([]);
  });
});

describe('what leaves a claim’s status to the editor', () => {
  it('finds a denial, and a promise nothing can confirm yet', () => {
    expect(statusCue('The ministry denied that any ferry had been cancelled.')).toEqual({
      words: 'denied',
      kind: 'dispute',
    });
    expect(statusCue('The mayor pledged that every school would reopen by autumn.')).toEqual({
      words: 'pledged',
      kind: 'promise',
    });
    expect(statusCue('The mayor said 40 schools had reopened.')).toBeUndefined();
  });

  it('reads a dispute inside the quoted words as what the speaker says, and a promise there as a promise', () => {
    expect(statusCue('“We reject any delay to the vote,” the mayor said.')).toBeUndefined();
    expect(statusCue('“The schools will reopen,” the mayor said, which the union denied.')).toMatchObject({
      words: 'denied',
    });
    expect(statusCue('“I promise the schools will reopen,” the mayor said.')).toMatchObject({ kind: 'promise' });
  });
});

describe('who disputes a claim', () => {
  const parties: ActorNames[] = [
    ...actors,
    { id: 'dock-union', name: 'Dock Union', kind: 'organisation', aliases: ['the union'] },
  ];

  it('is the actors named in the clause of the dispute, not the holders', () => {
    const sentence = 'The port authority keeps blaming the union for the delays—something the union denies.';
    expect(disputersOf(sentence, { words: 'denies' }, parties, ['port-authority'])).toEqual(['dock-union']);
    const which = 'The harbour office said the port authority lost the cargo, which the port authority denied.';
    expect(disputersOf(which, { words: 'denied' }, parties, ['harbour-office'])).toEqual(['port-authority']);
  });

  it('is none where the clause names no actor but the holders', () => {
    const sentence = 'The port authority says the ferries ran, a claim that was later disputed.';
    expect(disputersOf(sentence, { words: 'disputed' }, parties, ['port-authority'])).toEqual([]);
  });

  it('takes whom an accusation names first as the holder', () => {
    expect(attributionOf('The port authority keeps blaming the union for the delays.', parties)).toMatchObject({
      id: 'port-authority',
      words: 'The port authority',
    });
    expect(attributionOf('The harbour office accused the union of blocking the quay.', parties)).toMatchObject({
      id: 'harbour-office',
    });
  });
});

describe('who tells of an event', () => {
  const sentence = 'Ferries will resume on Friday, the harbour office said.';
  const span = (words: string) => {
    const start = sentence.indexOf(words);
    return { start, end: start + words.length, text: words };
  };
  const whole = { start: 0, end: sentence.length, text: sentence };

  it('is the holder of an attribution the event’s words leave out', () => {
    expect(tellerOf(whole, span('Ferries will resume on Friday'), actors)).toMatchObject({ id: 'harbour-office' });
  });

  it('is none when the words hold the attribution: the event is the saying', () => {
    expect(tellerOf(whole, span('the harbour office said'), actors)).toBeUndefined();
  });
});

describe('whom a teller speaks for', () => {
  const people: ActorNames[] = [
    ...actors,
    { id: 'dock-union', name: 'Dock Union', kind: 'organisation', aliases: ['the union'] },
    { id: 'ana-lima', name: 'Ana Lima', kind: 'person', aliases: [], organisations: ['dock-union'] },
  ];
  const talks = 'Talks between the union and the port authority resume on Monday, Lima said.';

  it('is the organisation of a person’s role that the sentence names as taking part', () => {
    expect(speaksFor('ana-lima', talks, ['dock-union', 'port-authority', 'ana-lima'], people)).toBe('dock-union');
  });

  it('is none when the person is named again, the organisation is not a party, or the teller is an organisation', () => {
    const again = 'Lima will lead the talks between the union and the port authority on Monday, Lima said.';
    expect(speaksFor('ana-lima', again, ['dock-union', 'port-authority', 'ana-lima'], people)).toBeUndefined();
    const other = 'Ferries resume on Monday at the port authority, Lima said.';
    expect(speaksFor('ana-lima', other, ['port-authority', 'ana-lima'], people)).toBeUndefined();
    const organisation = 'Talks with the port authority resume on Monday, the union said.';
    expect(speaksFor('dock-union', organisation, ['port-authority', 'dock-union'], people)).toBeUndefined();
  });
});
