import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import {
  anchorsIn,
  annotationSchema,
  codePointOffsets,
  CONTEXT_CODE_POINTS,
  quoteContext,
  type Annotation,
} from '../../src/lib/outputs/annotations';
import type { Range } from '../../src/lib/present/passages';

/*
 * A passage as a W3C Web Annotation: selectors that anchor it exactly once, offsets in code points (not
 * UTF-16 units), context that stops at the text's edges and, for an excerpts-only source, at its
 * excerpt. Every selector is checked here by anchoring it anew over the text's code points, as an
 * annotation client would, not by reading back what the module computed. Not covered: which passages a
 * story annotates and their ids (tests/unit/opendata.test.ts).
 */

const PAGE = 'https://example.org/stories/s/sources/src/';
const ORIGINAL = 'https://news.example.com/report';

/** The UTF-16 span of the `nth` (from 0) occurrence of `words` in `text`. */
function spanOf(text: string, words: string, nth = 0): Range {
  let start = -1;
  for (let n = 0; n <= nth; n++) {
    start = text.indexOf(words, start + 1);
    if (start < 0) throw new Error(`"${words}" does not stand ${String(nth + 1)} time(s) in the text`);
  }
  return { start, end: start + words.length };
}

/** Every code point offset where prefix + exact + suffix stands in the text, counted over its code points. */
function anchorings(text: string, annotation: Annotation): { start: number; end: number }[] {
  const [quote, position] = annotation.target[0].selector;
  const points = Array.from(text);
  const sought = Array.from(quote.prefix + quote.exact + quote.suffix);
  const prefix = Array.from(quote.prefix).length;
  const exact = Array.from(quote.exact).length;
  const found: { start: number; end: number }[] = [];
  for (let i = 0; i + sought.length <= points.length; i++) {
    if (sought.every((point, j) => points[i + j] === point)) {
      found.push({ start: i + prefix, end: i + prefix + exact });
    }
  }
  // The position selector names the same code points as the quote selector.
  expect(points.slice(position.start, position.end).join('')).toBe(quote.exact);
  return found;
}

const selectorsOf = (annotation: Annotation) => annotation.target[0].selector;

describe('codePointOffsets', () => {
  it('counts an astral character (a surrogate pair) as one code point', () => {
    const text = 'a𝐀b😀c';
    const toCodePoint = codePointOffsets(text);
    expect([0, 1, 3, 4, 6, 7].map(toCodePoint)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(toCodePoint(text.length)).toBe(Array.from(text).length);
  });

  it('leaves a text of the Basic Multilingual Plane as it is, and a lone surrogate one code point', () => {
    expect(codePointOffsets('café “ok”')(9)).toBe(9);
    expect(codePointOffsets('a\uD835b')(3)).toBe(3);
  });
});

describe('anchorsIn for a source published in full', () => {
  const text = [
    'The minister spoke at dawn.',
    '𝐀 note: “We will return,” said Ann Lee on Monday, and she left for the airport soon after.',
    'Nobody else spoke.',
  ].join('\n');
  const { annotate, excerpts } = anchorsIn({ text, file: 'src.md', url: ORIGINAL, page: PAGE });
  const annotation = annotate(`${PAGE}q#annotation`, 'https://example.org/q/', spanOf(text, 'We will return'));

  it('targets the original, then our page, with the same selectors, and has nothing to say of excerpts', () => {
    expect(annotation).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `${PAGE}q#annotation`,
      type: 'Annotation',
      motivation: 'highlighting',
      body: { type: 'SpecificResource', source: 'https://example.org/q/', purpose: 'describing' },
    });
    expect(annotation.target.map((target) => target.source)).toEqual([ORIGINAL, PAGE]);
    expect(annotation.target[1]?.selector).toEqual(annotation.target[0].selector);
    expect(excerpts).toEqual([]);
  });

  it('gives positions in code points: the astral character before the passage counts once', () => {
    const [, position] = selectorsOf(annotation);
    const utf16 = text.indexOf('We will return');
    expect(position).toEqual({ type: 'TextPositionSelector', start: utf16 - 1, end: utf16 - 1 + 14 });
    expect(anchorings(text, annotation)).toEqual([{ start: position.start, end: position.end }]);
  });

  it('gives 32 code points of context either side, counted in code points', () => {
    const [quote] = selectorsOf(annotation);
    expect(quote.exact).toBe('We will return');
    expect(Array.from(quote.prefix)).toHaveLength(CONTEXT_CODE_POINTS);
    expect(quote.prefix).toBe('inister spoke at dawn.\n𝐀 note: “');
    expect(quote.suffix).toBe(',” said Ann Lee on Monday, and s');
  });

  it('gives shorter context at the text’s edges, and none at an edge', () => {
    const first = annotate('https://example.org/a', 'https://example.org/b', spanOf(text, 'The minister'));
    expect(selectorsOf(first)[0].prefix).toBe('');
    expect(selectorsOf(first)[1]).toMatchObject({ start: 0, end: 12 });
    const last = annotate('https://example.org/a', 'https://example.org/b', spanOf(text, 'else spoke.'));
    expect(selectorsOf(last)[0].suffix).toBe('');
    expect(selectorsOf(last)[0].prefix).toBe(' the airport soon after.\nNobody ');
    expect(selectorsOf(last)[1].end).toBe(Array.from(text).length);
    for (const each of [first, last]) expect(anchorings(text, each)).toHaveLength(1);
  });

  it('never splits an astral character at the edge of the context', () => {
    const emoji = 'x'.repeat(40) + '😀'.repeat(40) + 'passage' + '😀'.repeat(40);
    const { annotate: on } = anchorsIn({ text: emoji, file: 'e.md', page: PAGE });
    const [quote, position] = selectorsOf(
      on('https://example.org/a', 'https://example.org/b', spanOf(emoji, 'passage')),
    );
    expect(quote.prefix).toBe('😀'.repeat(32));
    expect(quote.suffix).toBe('😀'.repeat(32));
    expect(position).toMatchObject({ start: 80, end: 87 });
  });

  it('targets only our page when the source has no original', () => {
    const { annotate: on } = anchorsIn({ text, file: 'src.md', page: PAGE });
    const only = on('https://example.org/a', 'https://example.org/b', spanOf(text, 'Nobody'));
    expect(only.target.map((target) => target.source)).toEqual([PAGE]);
  });
});

describe('a passage that stands twice in its source', () => {
  const text = 'Ann said the vote will be held. Later, Bob said the vote will be held. Then they left.';

  it('gives each occurrence context that anchors it, and only it', () => {
    const { annotate } = anchorsIn({ text, file: 'src.md', page: PAGE });
    const first = annotate('https://example.org/1', 'https://example.org/b', spanOf(text, 'the vote will be held', 0));
    const second = annotate('https://example.org/2', 'https://example.org/b', spanOf(text, 'the vote will be held', 1));
    expect(anchorings(text, first)).toEqual([{ start: 9, end: 30 }]);
    expect(anchorings(text, second)).toEqual([{ start: 48, end: 69 }]);
  });

  it('takes more than 32 code points of context only where 32 still stand twice (a repeated paragraph)', () => {
    const paragraph =
      'A long paragraph that the source repeats word for word, where the passage stands in the middle of it all.';
    const repeated = `First: ${paragraph}\n${paragraph}\nEnd.`;
    const { annotate } = anchorsIn({ text: repeated, file: 'src.md', page: PAGE });
    for (const nth of [0, 1]) {
      const annotation = annotate(
        'https://example.org/a',
        'https://example.org/b',
        spanOf(repeated, 'the passage', nth),
      );
      const [quote] = selectorsOf(annotation);
      expect(anchorings(repeated, annotation)).toHaveLength(1);
      expect(Math.max(Array.from(quote.prefix).length, Array.from(quote.suffix).length)).toBeGreaterThan(
        CONTEXT_CODE_POINTS,
      );
    }
  });

  it('finds no context where the whole text around it stands twice', () => {
    const twice = 'same words. same words.';
    expect(quoteContext(twice, { start: 0, end: 4 }, { start: 0, end: 11 })).toBeUndefined();
    expect(quoteContext(twice, { start: 0, end: 4 }, { start: 0, end: twice.length })).toEqual({
      from: 0,
      to: 23,
    });
  });
});

describe('anchorsIn for a source published only in excerpts', () => {
  const text = [
    'Withheld sentence one is long enough to be context. Before the quote. Ann said “we stay” here. After it.',
    'Withheld paragraph two.',
    'Before 😀 again. Bob said “we go”. After again, and a long sentence that runs on well past thirty-two code points.',
  ].join('\n');
  const excerptOf = (from: string, to: string): Range => ({
    start: text.indexOf(from),
    end: text.indexOf(to) + to.length,
  });
  const published = [excerptOf('Before the quote.', 'After it.'), excerptOf('Before 😀', 'code points.')];
  const { annotate, excerpts } = anchorsIn({ text, file: 'src.md', url: ORIGINAL, page: PAGE, excerpts: published });

  it('publishes each excerpt with its code points and its text', () => {
    expect(excerpts.map((excerpt) => excerpt.text)).toEqual(published.map(({ start, end }) => text.slice(start, end)));
    const points = Array.from(text);
    for (const excerpt of excerpts) expect(points.slice(excerpt.start, excerpt.end).join('')).toBe(excerpt.text);
    // The emoji in the second excerpt comes after its start: its end is one less in code points than in units.
    expect(excerpts[1]!.end).toBe(published[1]!.end - 1);
  });

  it('clips the context to the excerpt that shows the passage, and still anchors once', () => {
    const annotation = annotate('https://example.org/a', 'https://example.org/b', spanOf(text, 'we stay'));
    const [quote] = selectorsOf(annotation);
    expect(quote.prefix).toBe('Before the quote. Ann said “');
    expect(quote.suffix).toBe('” here. After it.');
    expect(anchorings(text, annotation)).toHaveLength(1);
    const later = annotate('https://example.org/a', 'https://example.org/b', spanOf(text, 'we go'));
    expect(selectorsOf(later)[0].prefix).toBe('Before 😀 again. Bob said “');
    expect(anchorings(text, later)).toEqual([{ start: selectorsOf(later)[1].start, end: selectorsOf(later)[1].end }]);
  });

  it('refuses a passage outside every excerpt, naming the file', () => {
    expect(() => annotate('https://example.org/a', 'https://example.org/b', spanOf(text, 'paragraph two'))).toThrow(
      /src\.md: the passage .*"paragraph two".* in none of the excerpts/,
    );
  });

  it('refuses a passage whose excerpt stands twice in the text: no selector could anchor it once', () => {
    const repeated = 'Same sentence here. Same sentence here.';
    const { annotate: on } = anchorsIn({
      text: repeated,
      file: 'twice.md',
      page: PAGE,
      excerpts: [{ start: 20, end: repeated.length }],
    });
    expect(() => on('https://example.org/a', 'https://example.org/b', { start: 25, end: 33 })).toThrow(
      /twice\.md: .*stands more than once/,
    );
  });
});

describe('annotationSchema', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(z.toJSONSchema(annotationSchema, { io: 'output' }));
  const text = 'Ann said “we stay” here.';
  const annotation = anchorsIn({ text, file: 'src.md', url: ORIGINAL, page: PAGE }).annotate(
    'https://example.org/stories/s/quotes/q/#annotation',
    'https://example.org/stories/s/quotes/q/',
    spanOf(text, 'we stay'),
  );

  it('accepts an annotation as built, through its JSON Schema', () => {
    expect(validate(JSON.parse(JSON.stringify(annotation))), JSON.stringify(validate.errors)).toBe(true);
    expect(annotationSchema.parse(annotation)).toEqual(annotation);
  });

  it('rejects one without the Web Annotation context, with another motivation, or with three targets', () => {
    expect(validate({ ...annotation, '@context': 'https://schema.org' })).toBe(false);
    expect(validate({ ...annotation, motivation: 'quoting' })).toBe(false);
    expect(validate({ ...annotation, target: [...annotation.target, annotation.target[0]] })).toBe(false);
  });
});
