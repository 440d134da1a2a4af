import { describe, expect, it } from 'vitest';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { readContent } from '../../src/lib/content/read';
import type { Source, Span } from '../../src/lib/model/corpus';
import {
  CONTEXT_WORDS,
  encodeTerm,
  everyTextDirectiveMatch,
  findTextDirective,
  FIRST_TERM_WORDS,
  formatTextDirective,
  parseTextDirective,
  renderSource,
  textDirectivesOf,
  textFragment,
  WHOLE_MATCH_CHARACTERS,
  withTextFragment,
  type RenderedText,
  type Stretch,
  type TextDirective,
} from '../../src/lib/present/textFragment';
import { TODAY } from './fixtures/corpus';

/*
 * Text directives (URL text fragments): the examples of the WICG report "URL Fragment Text Directives"
 * (each quoted with the section it is in), the site's cases, and every passage of the sources in
 * content/. Each directive the builder makes is checked against an oracle written from the report's
 * definitions, not from the module's matching: the terms compared at the "primary level" of the Unicode
 * collation (Intl.Collator, sensitivity "base"), word boundaries as UAX #29 gives them, and a match
 * defined declaratively (a start whose prefix ends just before it, an end the first after it). That the
 * browser lands there is tests/e2e/text-fragments.spec.ts.
 */

const collator = new Intl.Collator('en', { sensitivity: 'base', usage: 'search' });

const boundaries = new Map<string, Set<number>>();
/** Where the word boundaries of a text are (UAX #29), with its end: the same texts come back often. */
function wordBoundaries(text: string, lang: string): Set<number> {
  const key = `${lang}\n${text}`;
  if (!boundaries.has(key)) {
    const found = new Set([...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].map((s) => s.index));
    boundaries.set(key, found.add(text.length));
  }
  return boundaries.get(key)!;
}

/** Every range of the rendered text the directive matches, by the report's definitions (see above). */
function oracle(text: string, d: TextDirective, lang = 'en'): { start: number; end: number }[] {
  const bounds = wordBoundaries(text, lang);
  const skipSpaces = (at: number) => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    return at;
  };
  const isAt = (term: string, at: number, startBounded: boolean, endBounded: boolean) => {
    const found = text.slice(at, at + term.length);
    return (
      found.length === term.length &&
      !found.includes('\n') &&
      collator.compare(found, term) === 0 &&
      (!startBounded || bounds.has(at)) &&
      (!endBounded || bounds.has(at + term.length))
    );
  };
  // Where a word-bounded term may begin: the word boundaries, not every unit.
  const everywhere = (term: string, endBounded: boolean) =>
    [...bounds].filter((at) => isAt(term, at, true, endBounded));
  const followedBySuffix = (end: number) => d.suffix === undefined || isAt(d.suffix, skipSpaces(end), false, true);
  const startEndBounded = d.end !== undefined || d.suffix === undefined;
  const starts =
    d.prefix === undefined
      ? everywhere(d.start, startEndBounded)
      : everywhere(d.prefix, false)
          .map((at) => skipSpaces(at + d.prefix!.length))
          .filter((at) => isAt(d.start, at, false, startEndBounded));
  const ends = d.end === undefined ? [] : everywhere(d.end, d.suffix === undefined).sort((a, b) => a - b);
  const found: { start: number; end: number }[] = [];
  for (const start of new Set(starts)) {
    const startEnd = start + d.start.length;
    if (d.end === undefined) {
      if (followedBySuffix(startEnd)) found.push({ start, end: startEnd });
      continue;
    }
    const end = ends.find((at) => at >= startEnd && followedBySuffix(at + d.end!.length));
    if (end !== undefined) found.push({ start, end: end + d.end.length });
  }
  return found;
}

/** The stretch of `source` a text holds, by its `n`th occurrence (from 0). */
function stretchOf(source: string, text: string, n = 0): Stretch {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = source.indexOf(text, at + 1);
    if (at < 0) throw new Error(`"${text}" is not in the source ${i + 1} times`);
  }
  return { start: at, end: at + text.length };
}

/** Each source text rendered once: the tests below make hundreds of directives for the same few. */
const rendered = new Map<string, RenderedText>();

/**
 * The directive for a stretch of `source`: made, written in a URL and read back as a browser reads it,
 * and found by the oracle exactly once, at the stretch, and by the module's matching there too.
 */
function directiveFor(source: string, stretch: Stretch, lang = 'en'): TextDirective {
  const key = `${lang}\n${source}`;
  if (!rendered.has(key)) rendered.set(key, renderSource(source, lang));
  const page = rendered.get(key)!;
  const result = textFragment(page, stretch);
  if (!result.ok) throw new Error(result.reason);
  const wanted = { start: stretch.start, end: stretch.end };
  const link = withTextFragment('https://example.org/article', result.fragment);
  expect(textDirectivesOf(link)).toEqual([result.directive]);
  const toSource = ({ start, end }: { start: number; end: number }) => ({
    start: page.offsets[start]!,
    end: page.offsets[end - 1]! + 1,
  });
  expect(oracle(page.text, result.directive, lang).map(toSource)).toEqual([wanted]);
  expect(everyTextDirectiveMatch(page, result.directive)).toEqual([wanted]);
  expect(findTextDirective(page, result.directive)).toEqual(wanted);
  return result.directive;
}

/** What a browser would indicate in `text` for a URL's first directive, as the text there. */
const indicated = (text: string, url: string, lang = 'en') => {
  const [directive] = textDirectivesOf(url);
  const found = directive && findTextDirective(renderSource(text, lang), directive);
  return found && text.slice(found.start, found.end);
};

describe('the examples of "URL Fragment Text Directives"', () => {
  it('§ Syntax: an exact match, "#:~:text=an%20example%20text%20fragment"', () => {
    // "indicates that the exact text "an example text fragment" is the target text."
    const text = 'This is an example text fragment, and more text.';
    expect(indicated(text, 'https://example.org/#:~:text=an%20example%20text%20fragment')).toBe(
      'an example text fragment',
    );
    expect(directiveFor(text, stretchOf(text, 'an example text fragment'))).toEqual({
      start: 'an example text fragment',
    });
  });

  it('§ Syntax: a range, "#:~:text=an%20example,text%20fragment"', () => {
    // "indicates that the first instance of "an example" until the following first instance of "text fragment" is the target text."
    const text = 'A text fragment; an example of a long text fragment, another text fragment.';
    expect(indicated(text, 'https://example.org/#:~:text=an%20example,text%20fragment')).toBe(
      'an example of a long text fragment',
    );
  });

  it('§ Context Terms: "#:~:text=this%20is-,an%20example,-text%20fragment"', () => {
    // "would match to "an example" in "this is an example text fragment", but not match to "an example" in "here is an example text"."
    const url = 'https://example.org/#:~:text=this%20is-,an%20example,-text%20fragment';
    expect(indicated('this is an example text fragment', url)).toBe('an example');
    expect(indicated('here is an example text', url)).toBeUndefined();
  });

  it('§ Finding Ranges in a Document: a term matches within one block only', () => {
    // ":~:text=The quick,lazy dog will fail to match in <div>The<div> </div>quick brown fox</div>
    // <div>jumped over the lazy dog</div> [...] It does, however, match in [...]
    // <div>The quick brown fox</div> <div>jumped over the lazy dog</div>" (a block a line here).
    const url = 'https://example.org/#:~:text=The%20quick,lazy%20dog';
    expect(indicated('The\n \nquick brown fox\njumped over the lazy dog', url)).toBeUndefined();
    expect(indicated('The quick brown fox\njumped over the lazy dog', url)).toBe(
      'The quick brown fox\njumped over the lazy dog',
    );
  });

  it('§ Finding Ranges in a Document: word boundaries at the start and the end of a match', () => {
    // "The query string "range" will always match in "mountain range", but 1. When requiring a word
    // boundary at the beginning, it will not match in "color orange". 2. When requiring a word boundary
    // at the end, it will not match in "forest ranger"."
    const url = 'https://example.org/#:~:text=range';
    expect(indicated('mountain range', url)).toBe('range');
    expect(indicated('color orange', url)).toBeUndefined();
    expect(indicated('forest ranger', url)).toBeUndefined();
    // § Word Boundaries: "in an exact search like prefix,start,suffix, "prefix+start+suffix" will
    // match only if the entire result is word bounded": a suffix lifts the bound at the start's end,
    // a prefix the one at its beginning.
    expect(indicated('forest ranger', 'https://example.org/#:~:text=range,-r')).toBe('range');
    expect(indicated('color orange', 'https://example.org/#:~:text=o-,range')).toBe('range');
    expect(indicated('color orange', 'https://example.org/#:~:text=col-,range')).toBeUndefined();
  });

  it('§ Word Boundaries: "mountain range" and the Japanese example', () => {
    // "The substring "mountain range" is word bounded within the string "An impressive mountain range"
    // but not within "An impressive mountain ranger"."
    const url = 'https://example.org/#:~:text=mountain%20range';
    expect(indicated('An impressive mountain range', url)).toBe('mountain range');
    expect(indicated('An impressive mountain ranger', url)).toBeUndefined();
    // "In the Japanese string "ウィキペディアへようこそ" (Welcome to Wikipedia), "ようこそ" (Welcome) is
    // considered word-bounded but "ようこ" is not."
    const japanese = 'ウィキペディアへようこそ';
    expect(indicated(japanese, `https://example.org/#:~:text=${encodeTerm('ようこそ')}`, 'ja')).toBe('ようこそ');
    expect(indicated(japanese, `https://example.org/#:~:text=${encodeTerm('ようこ')}`, 'ja')).toBeUndefined();
    expect(directiveFor(japanese, stretchOf(japanese, 'ようこそ'), 'ja')).toEqual({ start: 'ようこそ' });
  });

  it('§ BiDi Considerations: terms are percent-encoded UTF-8 in logical order, and compared at the primary level', () => {
    // "مِصر‎ becomes "%D9%85%D8%B5%D8%B1" [...] البحرين‎ becomes "%D8%A7%D9%84%D8%A8%D8%AD%D8%B1%D9%8A%D9%86"
    // [...] The text fragment would then become: :~:text=%D8%A7%D9%84%D8%A8%D8%AD%D8%B1%D9%8A%D9%86-,%D9%85%D8%B5%D8%B1"
    // The report's encoding is of the letters without the kasra (U+0650) its Arabic shows: at the
    // primary level a mark does not count, so the directive still finds the word written with it.
    expect(encodeTerm('مصر')).toBe('%D9%85%D8%B5%D8%B1');
    expect(encodeTerm('البحرين')).toBe('%D8%A7%D9%84%D8%A8%D8%AD%D8%B1%D9%8A%D9%86');
    const url = 'https://example.org/#:~:text=%D8%A7%D9%84%D8%A8%D8%AD%D8%B1%D9%8A%D9%86-,%D9%85%D8%B5%D8%B1';
    expect(indicated('مِصر و البحرين مِصر', url, 'ar')).toBe('مِصر');
    const found = findTextDirective(renderSource('مِصر و البحرين مِصر', 'ar'), textDirectivesOf(url)[0]!);
    expect(found).toEqual({ start: 15, end: 19 });
  });

  it('§ Fragment directive grammar: "-", "," and "&" in a term are percent-encoded', () => {
    // "A TextDirectiveExplicitChar is any URL code point that is not explicitly used in the
    // FragmentDirective or ValidTextDirective syntax, that is "&", "-", and ",". If a text fragment
    // refers to a "&", "-", or "," character in the document, it will be percent-encoded in the fragment."
    expect(encodeTerm("U.S.-Taliban, 5,000 & more: (it's) 100%!")).toBe(
      "U.S.%2DTaliban%2C%205%2C000%20%26%20more:%20(it's)%20100%25!",
    );
    expect(formatTextDirective({ prefix: 'a-b', start: 'c,d', end: 'e&f', suffix: 'g h' })).toBe(
      'text=a%2Db-,c%2Cd,e%26f,-g%20h',
    );
    expect(parseTextDirective('a%2Db-,c%2Cd,e%26f,-g%20h')).toEqual({
      prefix: 'a-b',
      start: 'c,d',
      end: 'e&f',
      suffix: 'g h',
    });
  });

  it('§ Parse a text directive: what a browser ignores', () => {
    // "If tokens has size less than 1 or greater than 4, return null. [...] If prefix is the empty
    // string or contains any instances of U+002D (-), return null. If tokens is empty, return null."
    expect(parseTextDirective('prefix-')).toBeUndefined();
    expect(parseTextDirective('-suffix')).toBeUndefined();
    expect(parseTextDirective('a,b,c')).toBeUndefined();
    expect(parseTextDirective('a-,b,c,-d,e')).toBeUndefined();
    expect(parseTextDirective('a-b')).toBeUndefined();
    expect(parseTextDirective('%FF')).toBeUndefined();
    expect(parseTextDirective('a-,b,c,-d')).toEqual({ prefix: 'a', start: 'b', end: 'c', suffix: 'd' });
    expect(parseTextDirective('100%')).toEqual({ start: '100%' });
    // § Parse the fragment directive: directives after ":~:", split on "&", those not "text=" ignored.
    expect(textDirectivesOf('https://example.org/#top:~:text=a&unknown&text=b,c')).toEqual([
      { start: 'a' },
      { start: 'b', end: 'c' },
    ]);
  });

  it('§ Prefer Exact Matching To Range-based: the Wikipedia sentence, whole, and as a range', () => {
    // "The first recorded idea of using digital electronics for computing was the 1931 paper "The Use of
    // Thyratrons for High Speed Automatic Counting of Physical Phenomena" by C. E. Wynn-Williams."
    // "...#:~:text=The%20first%20recorded,Williams" and "...#:~:text=The%20first%20recorded%20idea[...]%20by%20C.%20E.%20Wynn-Williams".
    const sentence =
      'The first recorded idea of using digital electronics for computing was the 1931 paper "The Use of Thyratrons for High Speed Automatic Counting of Physical Phenomena" by C. E. Wynn-Williams';
    const page = `History of computing. ${sentence}. Later work followed.`;
    expect(
      indicated(page, 'https://en.wikipedia.org/wiki/History_of_computing#:~:text=The%20first%20recorded,Williams'),
    ).toBe(sentence);
    const whole =
      'The%20first%20recorded%20idea%20of%20using%20digital%20electronics%20for%20computing%20was%20the%201931%20paper%20%22The%20Use%20of%20Thyratrons%20for%20High%20Speed%20Automatic%20Counting%20of%20Physical%20Phenomena%22%20by%20C.%20E.%20Wynn-Williams';
    // The report's own link leaves the hyphen of "Wynn-Williams" as it is, which its parsing then
    // refuses ("If start [...] contains any instances of U+002D (-), return null"): encoded, it is the
    // directive made here.
    expect(textDirectivesOf(`https://en.wikipedia.org/wiki/History_of_computing#:~:text=${whole}`)).toEqual([]);
    const result = textFragment(renderSource(page), stretchOf(page, sentence));
    expect(result.ok && result.fragment).toBe(`:~:text=${whole.replace('-', '%2D')}`);
    // "Text snippets shorter than 300 characters are encouraged to be encoded using an exact match.
    // Above this limit, the UA can encode the string as a range-based match."
    expect(WHOLE_MATCH_CHARACTERS).toBe(300);
  });

  it('§ Use Context Only When Necessary: context across a block boundary, and what breaks it', () => {
    // "<div class="section">HEADER</div> <div class="content">Text to quote</div> [...] text=HEADER-,Text%20to%20quote
    // [...] suppose the page changes to add a "[edit]" link beside all section headers. This would now break the URL."
    const url = 'https://example.org/#:~:text=HEADER-,Text%20to%20quote';
    expect(indicated('HEADER\nText to quote', url)).toBe('Text to quote');
    expect(indicated('HEADER [edit]\nText to quote', url)).toBeUndefined();
    // And the builder adds none where the words are the only ones.
    expect(directiveFor('HEADER\nText to quote', stretchOf('HEADER\nText to quote', 'Text to quote'))).toEqual({
      start: 'Text to quote',
    });
  });
});

describe('directives for the site’s passages', () => {
  const wire =
    'DOHA/KABUL — The United States signed an agreement with the Taliban in Doha on Saturday.\n' +
    'Under the agreement, the Taliban “will start intra-Afghan negotiations with Afghan sides on March 10, 2020.”\n' +
    '“Intra-Afghan negotiations will start soon thereafter,” he said.\n' +
    'The release of 5,000 prisoners “will be released by March 10, 2020, the first day of intra-Afghan negotiations.”';

  it('matches a passage whole, its curly quotes and dashes as the source has them', () => {
    const passage = 'DOHA/KABUL — The United States signed';
    expect(directiveFor(wire, stretchOf(wire, passage))).toEqual({ start: passage });
    const quoted = '“will start intra-Afghan negotiations with Afghan sides on March 10, 2020.”';
    const result = textFragment(renderSource(wire), stretchOf(wire, quoted));
    expect(result.ok && result.fragment).toBe(
      ':~:text=%E2%80%9Cwill%20start%20intra%2DAfghan%20negotiations%20with%20Afghan%20sides%20on%20March%2010%2C%202020.%E2%80%9D',
    );
  });

  it('encodes "-", "," and "&" and finds the passage they are in', () => {
    const text = 'Ministers met. Rock & roll, U.S.-Taliban talks — and 5,000 prisoners — went on.';
    for (const passage of ['Rock & roll, U.S.-Taliban talks', 'U.S.-Taliban', '5,000 prisoners — went on.']) {
      const directive = directiveFor(text, stretchOf(text, passage));
      expect(directive.start).toBe(passage);
      expect(formatTextDirective(directive)).not.toMatch(/[&,-].*[&,-]|[ ]/u);
    }
  });

  it('adds the fewest words of context when the passage’s words stand elsewhere (case aside)', () => {
    // "intra-Afghan negotiations" three times, once capitalised: the first needs no context for a
    // browser, but a link is made the only match, so each gets a word or two.
    const directives = [0, 1].map((n) => directiveFor(wire, stretchOf(wire, 'intra-Afghan negotiations', n)));
    expect(directives).toEqual([
      { prefix: undefined, start: 'intra-Afghan negotiations', suffix: 'with' },
      { prefix: 'of', start: 'intra-Afghan negotiations', suffix: undefined },
    ]);
    // A curly quotation mark as a prefix is nine characters encoded; "will" after is four.
    expect(directiveFor(wire, stretchOf(wire, 'Intra-Afghan negotiations'))).toEqual({
      prefix: undefined,
      start: 'Intra-Afghan negotiations',
      suffix: 'will',
    });
  });

  it('takes context from the paragraph next to it when the passage is all of its own', () => {
    const text = 'He said it.\nWe will return.\nShe left.\nWe will return.\nThe end';
    expect(directiveFor(text, stretchOf(text, 'We will return.', 0))).toEqual({
      prefix: undefined,
      start: 'We will return.',
      suffix: 'She',
    });
    expect(directiveFor(text, stretchOf(text, 'We will return.', 1))).toEqual({
      prefix: undefined,
      start: 'We will return.',
      suffix: 'The',
    });
  });

  it('prefers context from the passage’s own paragraph to the one next to it', () => {
    const text = 'Intro.\nTalks began. Talks ended.\nTalks began later.';
    // "Talks began" at the start of the second paragraph: "Intro." before it, across a block boundary, is
    // as short as ". Talks" after it in its own paragraph; the own paragraph's is taken.
    expect(directiveFor(text, stretchOf(text, 'Talks began'))).toEqual({
      prefix: undefined,
      start: 'Talks began',
      suffix: '. Talks',
    });
  });

  it('links a passage at the very start and at the very end of the text', () => {
    const text = 'The Taliban said. Then the Taliban said';
    expect(directiveFor(text, stretchOf(text, 'The Taliban said', 0))).toEqual({
      prefix: undefined,
      start: 'The Taliban said',
      suffix: '. Then',
    });
    expect(directiveFor(text, stretchOf(text, 'the Taliban said'))).toEqual({
      prefix: 'Then',
      start: 'the Taliban said',
      suffix: undefined,
    });
  });

  it('matches a long passage by its first and last words, enough of them to be the only range', () => {
    const sentence = (topic: string) =>
      `We have said from the first day that the ${topic} cannot be decided behind closed doors, and we will keep saying it, in the council and outside it, until the council publishes every contract, every letter and every minute of the meetings it held with the companies, the port authority and the unions about it.`;
    const text = [sentence('cranes'), sentence('night shifts'), sentence('berth fees'), 'That is all.'].join(' ');
    const second = sentence('night shifts');
    expect(second.length).toBeGreaterThan(WHOLE_MATCH_CHARACTERS);
    const directive = directiveFor(text, stretchOf(text, second));
    expect(directive.end).toBeDefined();
    // The start term must reach the topic, the only words that differ; the end term is the fewest words.
    expect(directive.start).toBe('We have said from the first day that the night');
    expect(directive.end!.split(' ').length).toBe(FIRST_TERM_WORDS);
  });

  it('matches a passage across paragraphs by its first and last words, each within one', () => {
    const text = 'First paragraph here. The talks will resume\nin Doha, the spokesman said on Friday.\nOther news.';
    const passage = 'The talks will resume\nin Doha, the spokesman said';
    expect(directiveFor(text, stretchOf(text, passage))).toEqual({
      prefix: undefined,
      start: 'The talks will',
      end: 'the spokesman said',
      suffix: undefined,
    });
  });

  it('collapses white space as a page renders it, offsets still into the source', () => {
    const text = 'Said  the\tenvoy:   “We will\u00A0stand”.';
    expect(directiveFor(text, stretchOf(text, 'the\tenvoy:   “We'))).toEqual({ start: 'the envoy: “We' });
    expect(directiveFor(text, stretchOf(text, 'We will\u00A0stand'))).toEqual({ start: 'We will\u00A0stand' });
  });

  it('refuses a span that is not whole words, or that no context tells apart, saying why', () => {
    const text = 'The remark comes. The remark comes.';
    const within = textFragment(renderSource(text), { start: 5, end: 10 });
    expect(within).toEqual({
      ok: false,
      reason: 'the passage "emark" starts inside a word: a text directive matches whole words',
    });
    // "The" before and "comes." after stand around the first one too: two words before, then.
    expect(directiveFor(text, stretchOf(text, 'remark', 1))).toEqual({
      prefix: 'comes. The',
      start: 'remark',
      suffix: undefined,
    });
    // Twelve words the same before and after each "six": more than CONTEXT_WORDS.
    const numbered = (letter: string) => Array.from({ length: 12 }, (_, i) => `${letter}${i}`).join(' ');
    const copies = `${numbered('a')} six ${numbered('b')}. ${numbered('a')} six ${numbered('b')}.`;
    const none = textFragment(renderSource(copies), stretchOf(copies, 'six', 1));
    expect(none).toEqual({
      ok: false,
      reason: `the passage "six" stands elsewhere in the source with the same ${CONTEXT_WORDS} words around it: no text directive finds it alone`,
    });
    expect(textFragment(renderSource(text), { start: 30, end: 40 }).ok).toBe(false);
    expect(textFragment(renderSource('a  b'), { start: 1, end: 3 })).toEqual({
      ok: false,
      reason: 'the span 1–3 holds no text',
    });
  });

  it('puts the directive after the address’s own fragment, or as its fragment', () => {
    expect(withTextFragment('https://example.org/a', ':~:text=b')).toBe('https://example.org/a#:~:text=b');
    expect(withTextFragment('https://example.org/a#top', ':~:text=b')).toBe('https://example.org/a#top:~:text=b');
  });
});

describe('directives for the sources in content/', () => {
  const { files, problems } = readContent('content', process.cwd());
  const corpus = assembleCorpus(files, TODAY);
  const spans: { what: string; source: Source; span: Span }[] = [];
  for (const story of corpus.stories) {
    for (const quote of story.quotes) {
      if (quote.span) spans.push({ what: `quote ${quote.id}`, source: quote.source, span: quote.span });
      if (quote.passage) spans.push({ what: `quote ${quote.id}'s passage`, source: quote.source, span: quote.passage });
      if (quote.translation?.by === 'source') {
        spans.push({
          what: `quote ${quote.id}'s translation`,
          source: quote.translation.source,
          span: quote.translation.span,
        });
      }
    }
    for (const claim of story.claims) {
      for (const span of [...claim.passages, ...claim.versions.flatMap((version) => version.passages)]) {
        spans.push({ what: `claim ${claim.id}`, source: claim.source, span });
      }
    }
    for (const event of story.events) {
      for (const span of event.versions.flatMap((version) => version.passages)) {
        spans.push({ what: `event ${event.id}`, source: event.source, span });
      }
    }
  }

  it('link every quote, claim and event passage to exactly its words', () => {
    expect(problems).toEqual([]);
    expect(spans.length).toBeGreaterThan(20);
    for (const { what, source, span } of spans) {
      const directive = directiveFor(source.text, span, source.lang);
      expect(directive.start, what).toBe(source.text.slice(span.start, span.end).replace(/\s+/g, ' '));
    }
  });

  it('link every run of one, two or five words of each source, however often its words stand there', () => {
    const sources = new Map(spans.map(({ source }) => [source.id, source]));
    let withContext = 0;
    for (const source of sources.values()) {
      const words = [...new Intl.Segmenter(source.lang, { granularity: 'word' }).segment(source.text)].filter(
        (segment) => segment.isWordLike && !source.text.slice(segment.index).startsWith('\n'),
      );
      for (const length of [1, 2, 5]) {
        for (let i = 0; i + length <= words.length; i += length) {
          const first = words[i]!;
          const last = words[i + length - 1]!;
          const stretch = { start: first.index, end: last.index + last.segment.length };
          // A run of words across a paragraph break is two passages.
          if (source.text.slice(stretch.start, stretch.end).includes('\n')) continue;
          const directive = directiveFor(source.text, stretch, source.lang);
          if (directive.prefix !== undefined || directive.suffix !== undefined) withContext++;
        }
      }
    }
    // "the", "Taliban", "Feb. 21": many runs stand more than once, and their links carry context.
    expect(withContext).toBeGreaterThan(100);
  });
});
