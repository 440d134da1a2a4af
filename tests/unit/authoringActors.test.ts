import { describe, expect, it } from 'vitest';
import { contextOf } from '../../src/lib/authoring/context';
import {
  describedActors,
  organisationIn,
  mentions,
  namedActors,
  namedWithin,
  suggestSpeaker,
  type ActorNames,
} from '../../src/lib/authoring/actors';
import { seedActors, seedText, spanOf } from './authoringSeed';

/* Actors named near a passage, and the speaker suggested, on the seed article with its actors. */

const speakerOf = (words: string, quoted = false) => {
  const span = spanOf(words);
  return suggestSpeaker(contextOf(seedText, span.start, span.end), seedActors, quoted ? span : undefined);
};

describe('mentions', () => {
  it('finds names and aliases as whole words, the longer of two that overlap', () => {
    const found = mentions('said US peace envoy, as the US and the Taliban militants met', seedActors);
    expect(found.map((m) => [m.text, m.ids])).toEqual([
      ['US peace envoy', ['zalmay-khalilzad']],
      ['US', ['united-states']],
      ['Taliban militants', ['taliban']],
    ]);
  });

  it('reads an alias at the start of a sentence in capitals, and a shared surname as both actors', () => {
    expect(mentions('The Republic', seedActors)[0]!.ids).toEqual(['islamic-republic-of-afghanistan']);
    expect(mentions('Stanekzai complained', seedActors)[0]!.ids).toEqual([
      'mohammad-masoom-stanekzai',
      'sher-mohammad-abbas-stanekzai',
    ]);
  });
});

describe('speaker', () => {
  it('suggests the person the sentence names by alias, outside the quoted words', () => {
    const found = speakerOf('If the Taliban do not choose peace', true);
    expect(found).toMatchObject({ kind: 'actor', id: 'zalmay-khalilzad', where: 'sentence' });
  });

  it('suggests a person named in full before the organisations around them', () => {
    expect(speakerOf('vowed that the Taliban will protect foreign diplomats')).toMatchObject({
      id: 'sher-mohammad-abbas-stanekzai',
    });
    expect(speakerOf('A senior Afghan peace delegate lambasted the Taliban')).toMatchObject({
      id: 'mohammad-masoom-stanekzai',
    });
  });

  it('suggests a surname that only one actor has', () => {
    expect(speakerOf('There is a unique international consensus for peace', true)).toMatchObject({
      kind: 'actor',
      id: 'zalmay-khalilzad',
    });
  });

  it('calls a surname two actors share ambiguous, naming both, and never guesses', () => {
    const found = speakerOf('the Taliban have no excuse to continue bloodshed');
    expect(found).toEqual(
      expect.objectContaining({
        kind: 'ambiguous',
        candidates: ['mohammad-masoom-stanekzai', 'sher-mohammad-abbas-stanekzai'],
      }),
    );
  });

  it('takes the issuer of a statement of two organisations, and suggests nothing where no actor is named', () => {
    expect(speakerOf('they condemned the Taliban attacks')).toMatchObject({
      kind: 'actor',
      id: 'us-european-communique',
    });
    expect(
      speakerOf('The Taliban should immediately end their campaigns of targeting civil society activists', true),
    ).toEqual({ kind: 'none' });
  });
});

describe('actors named', () => {
  it('lists the actors in order, and a shared surname apart', () => {
    expect(namedActors('since the US signed a peace deal with the Taliban in late February 2020', seedActors)).toEqual({
      ids: ['united-states', 'taliban'],
      ambiguous: [],
    });
    expect(namedActors('Stanekzai said', seedActors).ambiguous).toHaveLength(1);
  });
});

describe('actors named within another’s mention', () => {
  const actors: ActorNames[] = [
    { id: 'france', name: 'France', kind: 'organisation', aliases: [] },
    { id: 'anne-roux', name: 'Anne Roux', kind: 'person', aliases: ['France’s trade envoy'] },
  ];

  it('finds the organisation inside a person’s alias, for the editor to say whether it took part', () => {
    const found = namedWithin('France’s trade envoy signed the deal.', actors);
    expect(found.map((w) => [w.id, w.within.text])).toEqual([['france', 'France’s trade envoy']]);
  });

  it('finds none when the organisation is named on its own as well', () => {
    expect(namedWithin('France’s trade envoy signed the deal for France.', actors)).toEqual([]);
  });
});

describe('organisations found by their definite description', () => {
  const actors: ActorNames[] = [
    { id: 'teachers-union', name: 'National Teachers Union', kind: 'organisation', aliases: [] },
    { id: 'ministry-of-education', name: 'Ministry of Education', kind: 'organisation', aliases: [] },
    { id: 'dockers-union', name: 'Dockers Union', kind: 'organisation', aliases: [] },
    { id: 'united-nations', name: 'United Nations', kind: 'organisation', aliases: [] },
  ];
  const source = 'The National Teachers Union and the Ministry of Education met. The union says the ministry lied.';

  it('finds "the union" and "the ministry" for the organisations the source names', () => {
    const described = describedActors(actors, source);
    expect(namedActors('The union says the ministry lied.', described).ids).toEqual([
      'teachers-union',
      'ministry-of-education',
    ]);
  });

  it('finds none for an organisation the source never names, nor for a head two share, nor a plural', () => {
    expect(namedActors('The union struck.', describedActors(actors, 'Dockers walked out.')).ids).toEqual([]);
    const both = 'The National Teachers Union and the Dockers Union met. The union struck.';
    expect(namedActors('The union struck.', describedActors(actors, both)).ids).toEqual([]);
    expect(
      namedActors('The nations agreed.', describedActors(actors, 'The United Nations met. The nations agreed.')).ids,
    ).toEqual([]);
  });

  it('counts an organisation as named where the source names a person whose role is of it', () => {
    const minister: ActorNames = {
      id: 'amina-diallo',
      name: 'Amina Diallo',
      kind: 'person',
      aliases: [],
      organisations: ['ministry-of-education'],
    };
    const text = 'Education Minister Amina Diallo spoke. The ministry later denied it.';
    expect(namedActors('The ministry later denied it.', describedActors([...actors, minister], text)).ids).toEqual([
      'ministry-of-education',
    ]);
    // Without the person, "the ministry" is no organisation the source names.
    expect(namedActors('The ministry later denied it.', describedActors(actors, text)).ids).toEqual([]);
  });
});

describe('the organisation an unnamed speaker is tied to', () => {
  const actors: ActorNames[] = [
    { id: 'ministry-of-education', name: 'Ministry of Education', kind: 'organisation', aliases: ['the ministry'] },
    { id: 'teachers-union', name: 'National Teachers Union', kind: 'organisation', aliases: ['the union'] },
    { id: 'harbour-office', name: 'Harbour Office', kind: 'organisation', aliases: [] },
    { id: 'amina-diallo', name: 'Amina Diallo', kind: 'person', aliases: [] },
  ];

  it('finds the organisation the description names, or whose noun it uses as a common noun', () => {
    expect(organisationIn('a spokesman for the Harbour Office', actors)).toBe('harbour-office');
    expect(organisationIn('a senior ministry official', actors)).toBe('ministry-of-education');
    expect(organisationIn('a union negotiator', actors)).toBe('teachers-union');
  });

  it('finds none inside another name, for a person, or where two could be meant', () => {
    expect(organisationIn('a European Union official', actors)).toBeUndefined();
    expect(organisationIn('an aide to Amina Diallo', actors)).toBeUndefined();
    expect(organisationIn('a ministry official close to the union', actors)).toBeUndefined();
    expect(organisationIn('a senior official', actors)).toBeUndefined();
  });
});

describe('a shared surname as a second reference', () => {
  const people: ActorNames[] = [
    { id: 'maria-costa', name: 'Maria Costa', kind: 'person', aliases: [] },
    { id: 'joao-costa', name: 'João Costa', kind: 'person', aliases: [] },
  ];
  const at = (text: string, words: string) => {
    const start = text.lastIndexOf(words);
    const span = { start, end: start + words.length, text: words };
    return suggestSpeaker(contextOf(text, start, span.end), people, undefined, text);
  };

  it('is the one named in full before it, when only one has been', () => {
    const text = 'Maria Costa spoke first.\n\nThe vote was close, Costa said.\n\nJoão Costa disagreed.';
    expect(at(text, 'The vote was close')).toMatchObject({ kind: 'actor', id: 'maria-costa' });
  });

  it('stays ambiguous when both were named before, or without the source', () => {
    const both = 'Maria Costa and João Costa spoke.\n\nThe vote was close, Costa said.';
    expect(at(both, 'The vote was close')).toMatchObject({ kind: 'ambiguous' });
    const start = both.lastIndexOf('The vote');
    expect(suggestSpeaker(contextOf(both, start, start + 8), people)).toMatchObject({ kind: 'ambiguous' });
  });
});

describe('the issuer of a document among several organisations', () => {
  const organisations: ActorNames[] = [
    { id: 'g7', name: 'G7', kind: 'organisation', aliases: [] },
    { id: 'junta', name: 'Military Council', kind: 'organisation', aliases: [] },
  ];
  const speaker = (text: string) => suggestSpeaker(contextOf(text, 0, text.length), organisations);

  it('is the organisation the document is issued by', () => {
    expect(
      speaker('In a communiqué issued by the G7 on Monday, they urged the Military Council to step down.'),
    ).toMatchObject({
      kind: 'actor',
      id: 'g7',
    });
    expect(speaker('The Military Council rejected a statement by the G7 on Monday.')).toMatchObject({
      kind: 'actor',
      id: 'g7',
    });
  });

  it('stays ambiguous when no document is issued by one of them', () => {
    expect(speaker('The G7 urged the Military Council to step down.')).toMatchObject({ kind: 'ambiguous' });
  });
});
