import { describe, expect, it } from 'vitest';
import {
  correctedItemLink,
  correctionBefore,
  correctionsAcrossStories,
  describeBefore,
} from '../../src/lib/present/corrections';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { recordedDate } from '../../src/lib/model/date';
import { correctOlder, corpusFiles, TODAY } from './fixtures/corpus';

/* What a reader is told a correction changed (src/lib/present/corrections.ts). The pages that show it
   are tested in tests/e2e/corrections.spec.ts. */

const files = correctOlder(
  corpusFiles(),
  {
    date: '2021-06-01',
    quote: 'talks-failed',
    was: { words: 'Talks are off.', speaker: 'sam-khan-2' },
    note: 'We had the wrong Sam Khan.',
  },
  { date: '2021-05-20', kind: 'update', claim: 'talks', was: { status: 'reported' }, note: 'n' },
);
const corpus = assembleCorpus(files, TODAY);
const story = corpus.stories.find((s) => s.slug === 'older')!;
const [quoteFix, claimUpdate] = story.corrections;
const options = { actors: corpus.actors, quotedForm: 'direct' as const };

describe('what a correction changed, in words', () => {
  it('names an actor in full, told apart from a namesake, and an unnamed speaker by the source’s description', () => {
    expect(describeBefore({ field: 'speaker', was: 'sam-khan-2' }, options)).toBe(
      'It gave the speaker as Sam Khan (The spokesman).',
    );
    expect(describeBefore({ field: 'speaker', was: 'ann-lee' }, options)).toBe('It gave the speaker as Ann Lee.');
    expect(describeBefore({ field: 'speaker', was: 'unnamed: a diplomat' }, options)).toBe(
      'It gave the speaker as one the source does not name, “a diplomat”.',
    );
  });

  it('keeps "the" before a name that takes it, and never pastes the unnamed mark into a sentence', () => {
    const actors = new Map(corpus.actors);
    actors.set('taliban', { ...actors.get('council')!, id: 'taliban', name: 'Taliban', withThe: true });
    expect(describeBefore({ field: 'speaker', was: 'taliban' }, { ...options, actors })).toBe(
      'It gave the speaker as the Taliban.',
    );
    expect(describeBefore({ field: 'name', was: 'a senior official (unnamed)' }, options)).toBe(
      'It described the speaker, without a name, as “a senior official”.',
    );
    expect(describeBefore({ field: 'name', was: 'Ann Lee' }, options)).toBe('It named the speaker Ann Lee.');
  });

  it('says a medium we inferred was our inference, with the words it rested on', () => {
    expect(describeBefore({ field: 'medium', was: 'interview (inferred from “told Harbour FM”)' }, options)).toBe(
      'It gave how the words were said as in an interview, which we inferred from “told Harbour FM”.',
    );
    expect(describeBefore({ field: 'medium', was: 'tweet' }, options)).toBe(
      'It gave how the words were said as in a tweet.',
    );
  });

  it('never puts a paraphrase’s words in quotation marks', () => {
    expect(describeBefore({ field: 'words', was: 'We go.' }, options)).toBe('It read “We go.”.');
    expect(describeBefore({ field: 'words', was: 'They go.' }, { ...options, quotedForm: 'paraphrase' })).toBe(
      'It read: They go.',
    );
    expect(correctionBefore(quoteFix!, story, corpus.actors)[0]).toBe('It read: Talks are off.');
  });

  it('gives dates as pages do, saying when one was ours', () => {
    expect(describeBefore({ field: 'said', was: recordedDate.parse('2021-05-07, inferred year') }, options)).toBe(
      'It dated them 7 May 2021 (our inference).',
    );
    expect(describeBefore({ field: 'said', was: recordedDate.parse('undated') }, options)).toBe('It gave no date.');
    expect(describeBefore({ field: 'said', was: recordedDate.parse('the week before') }, options)).toBe(
      'It dated them the week before.',
    );
    expect(describeBefore({ field: 'form', was: 'quoted' }, options)).toBe('It presented the words as quoted.');
    expect(describeBefore({ field: 'form', was: 'reported' }, options)).toBe(
      "It presented the words as reported speech, in the source's words.",
    );
    expect(describeBefore({ field: 'status', was: 'reported' }, options)).toBe(
      "It gave the claim's status as “Reported”.",
    );
  });

  it('links a quote to its own page and a claim to its place in the story', () => {
    expect(correctedItemLink(quoteFix!, story)).toEqual({
      text: `Quote ${story.quotes.find((quote) => quote.id === 'talks-failed')!.number}, Sam Khan`,
      href: '/stories/older/quotes/talks-failed/',
    });
    expect(correctedItemLink(claimUpdate!, story)).toEqual({
      text: 'Claim: Talks failed.',
      href: '/stories/older/#c-talks',
    });
  });
});

describe('a withdrawal', () => {
  const withdrawnFiles = correctOlder(
    corpusFiles(),
    {
      date: '2021-06-02',
      kind: 'withdrawn',
      quote: 'gone-quote',
      was: { words: 'We never said it.', name: 'The Council' },
      note: 'The Council says the statement was not its own.',
    },
    { date: '2021-06-02', kind: 'withdrawn', claim: 'gone-claim', was: { text: 'Talks resumed.' }, note: 'n' },
    { date: '2021-06-03', source: 'article', was: { textHash: 'sha256:0123' }, note: 'Our copy was retyped.' },
  );
  const withdrawnStory = assembleCorpus(withdrawnFiles, TODAY).stories.find((s) => s.slug === 'older')!;
  const [sourceFix, claimGone, quoteGone] = withdrawnStory.corrections;

  it('links a withdrawn quote to its old page (which says so), a withdrawn claim to the entry, a source to its page', () => {
    expect(correctedItemLink(quoteGone!, withdrawnStory)).toEqual({
      text: 'A quote of The Council',
      href: '/stories/older/quotes/gone-quote/',
    });
    expect(correctedItemLink(claimGone!, withdrawnStory)).toEqual({
      text: 'Claim: Talks resumed.',
      href: '/stories/older/#k-2021-06-02-claim-gone-claim',
    });
    expect(correctedItemLink(sourceFix!, withdrawnStory).href).toBe('/stories/older/sources/article/');
  });

  it('says what the withdrawn quote said', () => {
    expect(correctionBefore(quoteGone!, withdrawnStory, corpus.actors)).toEqual([
      'It read “We never said it.”.',
      'It named the speaker The Council.',
    ]);
  });

  it('is refused for a quote the story still has', () => {
    const still = correctOlder(corpusFiles(), {
      date: '2021-06-02',
      kind: 'withdrawn',
      quote: 'stand-firm',
      was: { words: 'We will stand firm' },
      note: 'n',
    });
    expect(() => assembleCorpus(still, TODAY)).toThrow(/a withdrawn quote is taken out of the story/);
  });
});

describe('every correction, across stories', () => {
  it('lists them newest first, whichever story they belong to, and by story then item on one day', () => {
    const newer = corpus.stories.find((s) => s.slug === 'newer')!;
    const sameDay = { ...quoteFix!, anchor: 'k-2021-06-01-claim-a' };
    const listed = correctionsAcrossStories([
      story,
      {
        ...newer,
        corrections: [
          { ...claimUpdate!, date: '2022-02-01' },
          { ...quoteFix!, date: '2021-05-25' },
        ],
      },
      { ...story, slug: 'aaa', corrections: [sameDay] },
    ]);
    expect(listed.map(({ story, correction }) => [correction.date, story.slug, correction.anchor])).toEqual([
      ['2022-02-01', 'newer', claimUpdate!.anchor],
      ['2021-06-01', 'aaa', 'k-2021-06-01-claim-a'],
      ['2021-06-01', 'older', quoteFix!.anchor],
      ['2021-05-25', 'newer', quoteFix!.anchor],
      ['2021-05-20', 'older', claimUpdate!.anchor],
    ]);
    expect(correctionsAcrossStories([newer])).toEqual([]);
  });
});
