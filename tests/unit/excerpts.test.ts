import { describe, expect, it } from 'vitest';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { readContent } from '../../src/lib/content/read';
import {
  excerptsOf,
  markExcerpts,
  quotedStretches,
  sentencesOf,
  sentencesOutside,
} from '../../src/lib/present/excerpts';
import type { Piece, Range } from '../../src/lib/present/passages';
import { TODAY } from './fixtures/corpus';

/*
 * What an excerpts-only source's page publishes: the passages with a sentence either side, and nothing
 * else. Not covered here: that nothing else reaches the built site (tests/budgets/excerpts.ts reads dist/).
 */

const TEXT = [
  'One sentence starts. Two said “stand firm” today. Three follows. Four is far away.',
  'Five opens the next paragraph. Six ends it.',
  'Seven is alone.',
].join('\n');

const at = (words: string): Range => {
  const start = TEXT.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { start, end: start + words.length };
};
const shown = (ranges: Range[]) => ranges.map(({ start, end }) => TEXT.slice(start, end));

describe('sentencesOf', () => {
  it('finds each sentence of each paragraph, without the spaces around it', () => {
    expect(shown(sentencesOf(TEXT, 'en'))).toEqual([
      'One sentence starts.',
      'Two said “stand firm” today.',
      'Three follows.',
      'Four is far away.',
      'Five opens the next paragraph.',
      'Six ends it.',
      'Seven is alone.',
    ]);
  });

  it('ends a sentence at the Arabic question mark of a Dari text', () => {
    const dari = 'آیا آماده‌اید؟ ما آماده‌ایم.';
    expect(sentencesOf(dari, 'fa-AF').map(({ start, end }) => dari.slice(start, end))).toEqual([
      'آیا آماده‌اید؟',
      'ما آماده‌ایم.',
    ]);
  });
});

describe('excerptsOf', () => {
  it('gives a passage with a sentence either side', () => {
    expect(shown(excerptsOf(TEXT, 'en', [at('stand firm')]))).toEqual([
      'One sentence starts. Two said “stand firm” today. Three follows.',
    ]);
  });

  it('takes context from the next paragraph when the passage ends one', () => {
    expect(shown(excerptsOf(TEXT, 'en', [at('Six ends it.')]))).toEqual([
      'Five opens the next paragraph. Six ends it.\nSeven is alone.',
    ]);
  });

  it('stops at the start and the end of the text', () => {
    expect(shown(excerptsOf(TEXT, 'en', [at('One sentence')]))).toEqual([
      'One sentence starts. Two said “stand firm” today.',
    ]);
    expect(shown(excerptsOf(TEXT, 'en', [at('alone')]))).toEqual(['Six ends it.\nSeven is alone.']);
  });

  it('merges excerpts that overlap or touch, and keeps apart those that do not', () => {
    expect(shown(excerptsOf(TEXT, 'en', [at('Seven'), at('stand firm')]))).toEqual([
      'One sentence starts. Two said “stand firm” today. Three follows.',
      'Six ends it.\nSeven is alone.',
    ]);
    expect(shown(excerptsOf(TEXT, 'en', [at('Two said'), at('Four is')]))).toEqual([
      'One sentence starts. Two said “stand firm” today. Three follows. Four is far away.\nFive opens the next paragraph.',
    ]);
  });

  it('covers a passage across sentences whole', () => {
    expect(shown(excerptsOf(TEXT, 'en', [at('today. Three')]))).toEqual([
      'One sentence starts. Two said “stand firm” today. Three follows. Four is far away.',
    ]);
  });

  it('gives nothing for nothing quoted', () => {
    expect(excerptsOf(TEXT, 'en', [])).toEqual([]);
  });
});

describe('sentencesOutside', () => {
  it('is every sentence no excerpt holds', () => {
    const excerpts = excerptsOf(TEXT, 'en', [at('stand firm')]);
    expect(shown(sentencesOutside(TEXT, 'en', excerpts))).toEqual([
      'Four is far away.',
      'Five opens the next paragraph.',
      'Six ends it.',
      'Seven is alone.',
    ]);
  });
});

describe('markExcerpts', () => {
  interface Mark extends Range {
    id: string;
  }
  const show = (pieces: Piece<Mark>[]): string =>
    pieces.map((p) => ('text' in p ? p.text : `[${p.mark.id}: ${show(p.pieces)}]`)).join('');

  it('lays out each excerpt alone, its paragraphs apart, with the marks inside it at the source offsets', () => {
    const marks = [
      { ...at('stand firm'), id: 'q-one' },
      { ...at('Seven'), id: 'q-two' },
    ];
    const laid = markExcerpts(TEXT, excerptsOf(TEXT, 'en', marks), marks);
    expect(laid.map(({ paragraphs }) => paragraphs.map(show))).toEqual([
      ['One sentence starts. Two said “[q-one: stand firm]” today. Three follows.'],
      ['Six ends it.', '[q-two: Seven] is alone.'],
    ]);
  });
});

describe('the repository stories', () => {
  const { files } = readContent('content', process.cwd());
  const { stories } = assembleCorpus(files, TODAY);

  it('every excerpt of every source holds the passages the story takes from it, whole', () => {
    let count = 0;
    for (const story of stories) {
      for (const source of story.sources) {
        const stretches = quotedStretches(story, source.id);
        const excerpts = excerptsOf(source.text, source.lang, stretches);
        for (const stretch of stretches) {
          count++;
          expect(excerpts.some((e) => e.start <= stretch.start && stretch.end <= e.end)).toBe(true);
        }
      }
    }
    expect(count).toBeGreaterThan(10);
  });

  it('publishes the seed article (a news article) in excerpts, the demonstration wire report in full', () => {
    const publish = (id: string) => stories.flatMap((story) => story.sources).find((s) => s.id === id)?.publish;
    expect(publish('seed-article')).toBe('excerpts');
    expect(publish('wire-report')).toBe('full');
  });
});

describe('the excerpts fixture (tests/fixtures/content/languages, harbour-reopens-in-excerpts)', () => {
  const { files } = readContent('tests/fixtures/content/languages', process.cwd());
  const story = assembleCorpus(files, TODAY).stories.find((s) => s.slug === 'harbour-reopens-in-excerpts')!;
  const source = story.sources.find((s) => s.id === 'agency-report')!;

  it('shows the quote and the claim passage with a sentence either side, and withholds the rest', () => {
    const excerpts = excerptsOf(source.text, source.lang, quotedStretches(story, source.id));
    const slice = ({ start, end }: Range) => source.text.slice(start, end);
    expect(excerpts.map(slice)).toEqual([
      [
        'Ships queued at the mouth of the bay from dawn.',
        '“The harbour is open,” the harbourmaster, Ines Example, told reporters at the quay. Crews cheered as the first ferry docked.',
        'The repairs cost more than planned. The council will meet next month to agree the budget.',
      ].join('\n'),
    ]);
    expect(sentencesOutside(source.text, source.lang, excerpts).map(slice)).toContain(
      'Asked whether more closures would follow, she repeated: “The harbour is open.”',
    );
  });
});
