import { describe, expect, it } from 'vitest';
import {
  describeMedium,
  describeSaid,
  describeSpeaker,
  displayWords,
  passageInFull,
  quoteDescription,
  quoteTitle,
} from '../../src/lib/present/quotes';
import { corpus } from './fixtures/corpus';

/*
 * Quotes in words, for titles and previews. Not covered here: the quote's page itself
 * (tests/e2e/quotes.spec.ts).
 */

const { stories, actors } = corpus();
const quotes = stories.flatMap((s) => s.quotes);
const quote = (id: string) => quotes.find((q) => q.id === id)!;

describe('displayWords', () => {
  it('puts quotation marks around direct words only', () => {
    expect(displayWords('direct', 'We will')).toBe('“We will”');
    expect(displayWords('reported', 'We will')).toBe('We will');
    expect(displayWords('paraphrase', 'They will')).toBe('They will');
  });
});

describe('describeSaid', () => {
  it('says how we know the date', () => {
    expect(describeSaid({ on: '2021-05-07', statedAs: '7 May 2021', provenance: 'stated' })).toBe('7 May 2021');
    expect(describeSaid({ on: '2021-05-07', statedAs: 'on Friday', provenance: 'stated' })).toBe(
      '7 May 2021 (the source says “on Friday”)',
    );
    expect(describeSaid({ on: '2021-05-07', statedAs: 'late on Friday', provenance: 'inferred', reasoning: 'r' })).toBe(
      '7 May 2021, inferred from “late on Friday”',
    );
    expect(describeSaid({ on: '2021', provenance: 'inferred', reasoning: 'r' })).toBe('2021, inferred');
    expect(describeSaid(undefined)).toBe('date not given in the source');
  });
});

describe('titles and descriptions', () => {
  it('names the speaker and tells the forms apart', () => {
    expect(quoteTitle(quote('stand-firm'))).toBe('Ann Lee: “We will stand firm”');
    expect(quoteTitle(quote('talks-failed'))).toBe('Sam Khan (paraphrase): Talks have failed.');
  });

  it('describes a speaker the source does not name as it does, marked unnamed, and never invents a name', () => {
    expect(quoteTitle(quote('talks-over'))).toBe('A senior Council official (unnamed): “The talks are over”');
    expect(quoteTitle(quote('hopeful'))).toBe('A diplomat (unnamed): “we are hopeful”');
    expect(describeSpeaker(quote('nothing-changed'), actors)).toBe(
      'a senior Council official (unnamed), affiliated with The Council',
    );
    expect(describeSpeaker(quote('hopeful'), actors)).toBe('a diplomat (unnamed)');
  });

  it('names the organisation of a member’s role by its actor', () => {
    expect(describeSpeaker(quote('listening'), actors)).toBe('Sam Khan, Spokesman, The Council');
  });

  it('gives every quote of the corpus its own title', () => {
    expect(new Set(quotes.map(quoteTitle)).size).toBe(quotes.length);
  });

  it('describes who, in what role, how and when, and never quotes a paraphrase', () => {
    expect(quoteDescription(quote('stand-firm'), actors)).toBe(
      'Ann Lee, Envoy, State Department, in a tweet, 7 May 2021: “We will stand firm”',
    );
    expect(quoteDescription(quote('talks-failed'), actors)).toBe(
      'Sam Khan, medium not stated, date not given in the source (paraphrase, not their words): Talks have failed.',
    );
    expect(quoteDescription(quote('talks-over'), actors)).toBe(
      'A senior Council official (unnamed), affiliated with The Council, medium not stated, date not given in the source: “The talks are over”',
    );
  });
});

describe('describeMedium', () => {
  it('says a medium the source states as is, and one we infer with the words it rests on', () => {
    expect(describeMedium(quote('stand-firm'))).toBe('in a tweet');
    expect(
      describeMedium({ medium: 'interview', mediumBasis: { provenance: 'stated', words: 'in an interview' } }),
    ).toBe('in an interview');
    expect(describeMedium(quote('listening'))).toBe('in a statement (inferred from “the Council’s spokesman”)');
    expect(describeMedium({ medium: 'remarks to reporters' })).toBe('in remarks to reporters');
    expect(quoteDescription(quote('listening'), actors)).toContain(
      'in a statement (inferred from “the Council’s spokesman”), 4 January 2022',
    );
  });
});

describe('passageInFull', () => {
  it('puts back the full stop and closing quotation mark the verbatim check set aside', () => {
    const text = 'It says prisoners “will be released by March 10.” Then it ends';
    const end = text.indexOf('.”');
    expect(passageInFull({ end, text: text.slice(0, end) }, text)).toBe(
      'It says prisoners “will be released by March 10.”',
    );
    expect(passageInFull({ end: text.length, text }, text)).toBe(text);
  });

  it('puts back a full stop that follows the closing quotation mark', () => {
    const text = 'The talks had “failed”. Then it ends';
    const end = text.indexOf('”');
    expect(passageInFull({ end, text: text.slice(0, end) }, text)).toBe('The talks had “failed”.');
  });

  it('puts back no comma after a closing quotation mark: the sentence goes on', () => {
    const text = 'It called it “a step”, officials said.';
    const end = text.indexOf('”');
    expect(passageInFull({ end, text: text.slice(0, end) }, text)).toBe('It called it “a step”');
  });
});
