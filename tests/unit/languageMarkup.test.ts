import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { Quote, Source } from '../../src/lib/model/corpus';
import {
  languageAttributes,
  passageLanguage,
  sourceTitleLanguage,
  wordsLanguageNote,
} from '../../src/lib/present/language';
import { describeTranslation } from '../../src/lib/present/quotes';

/*
 * Words in other languages, as pages mark them up: the components rendered with Astro's container
 * API and read back with an HTML parser. Not covered here: how a browser lays the text out (the
 * languages fixture's end-to-end tests, tests/e2e/languages.spec.ts).
 */

type Component = Parameters<AstroContainer['renderToString']>[0];
type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['childNode'];
const components = import.meta.glob<Component>('../../src/components/*.astro', { eager: true, import: 'default' });
const component = (name: string): Component => components[`../../src/components/${name}.astro`]!;

async function render(name: string, props: Record<string, unknown>): Promise<Node[]> {
  const container = await AstroContainer.create();
  return parseFragment(await container.renderToString(component(name), { props })).childNodes;
}

const isElement = (node: Node): node is Element => 'tagName' in node;
const children = (node: Node): Node[] => ('childNodes' in node ? node.childNodes : []);
const all = (nodes: Node[]): Element[] =>
  nodes.flatMap((node) => (isElement(node) ? [node, ...all(children(node))] : all(children(node))));
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const textOf = (node: Node): string => ('value' in node ? node.value : children(node).map(textOf).join(''));
const byClass = (nodes: Node[], name: string) =>
  all(nodes).filter((element) => attr(element, 'class')?.split(' ').includes(name));

const wire: Source = {
  id: 'wire',
  file: 'wire.md',
  title: 'Commission calls for talks',
  published: { on: '2021-03-06', provenance: 'stated', statedIn: 'metadata' },
  lang: 'en',
  publish: 'full',
  text: '“We invite all sides to continue the peace talks,” she said.',
  corrections: [],
};
const pashto = 'موږ ټولو لورو ته بلنه ورکوو چې د سولې خبرو ته دوام ورکړي.';
const translated = (translation: Quote['translation']) => ({
  form: 'direct' as const,
  words: pashto,
  lang: 'ps',
  translation,
});

describe('words in another language', () => {
  it('come first, marked with their language and direction, inside our quotation marks', async () => {
    const html = await render('QuoteWords', {
      quote: translated({ by: 'us', words: 'We invite all sides to continue the peace talks.' }),
    });
    expect(textOf(byClass(html, 'language')[0]!)).toBe('In Pashto');
    const [blockquote] = all(html).filter((element) => element.tagName === 'blockquote');
    const paragraph = children(blockquote!).find(isElement)!;
    // Our marks are outside the isolate, in the page's direction; the words inside it, in theirs.
    expect(children(paragraph).map((node) => (isElement(node) ? node.tagName : textOf(node)))).toEqual([
      '“',
      'bdi',
      '”',
    ]);
    const bdi = children(paragraph).find(isElement)!;
    expect([attr(bdi, 'lang'), attr(bdi, 'dir'), textOf(bdi)]).toEqual(['ps', 'rtl', pashto]);
  });

  it('give our translation as ours, never in quotation marks', async () => {
    const html = await render('QuoteWords', {
      quote: translated({ by: 'us', words: 'We invite all sides to continue the peace talks.' }),
    });
    const [translation] = byClass(html, 'translation');
    expect(textOf(translation!).replace(/\s+/g, ' ')).toBe(
      'Our translation, not the speaker’s words: We invite all sides to continue the peace talks.',
    );
    expect(attr(translation!, 'lang')).toBeUndefined();
  });

  it("quote a source's translation as that source gives it, and name the source", async () => {
    const html = await render('QuoteWords', {
      quote: translated({
        by: 'source',
        words: 'We invite all sides to continue the peace talks',
        source: wire,
        span: { start: 1, end: 49, text: 'We invite all sides to continue the peace talks' },
      }),
    });
    expect(textOf(byClass(html, 'translation')[0]!).replace(/\s+/g, ' ')).toBe(
      'Translation published in Commission calls for talks: “We invite all sides to continue the peace talks”',
    );
  });

  it('leave words in the site language as they were: no language note, no translation', async () => {
    const html = await render('QuoteWords', {
      quote: { form: 'direct', words: 'We will return.', lang: 'en-GB', translation: undefined },
    });
    expect(byClass(html, 'language')).toEqual([]);
    expect(all(html).filter((element) => attr(element, 'lang') !== undefined)).toEqual([]);
  });

  it("mark a date's words in the source's language", async () => {
    const html = await render('DateNote', {
      date: {
        on: '2021-03-05',
        statedAs: 'د جمعې په ورځ',
        provenance: 'inferred',
        relativeTo: '2021-03-05',
        reasoning: 'Dated that Friday.',
      },
      sourceLang: 'ps',
    });
    const [bdi] = all(html).filter((element) => element.tagName === 'bdi');
    expect([attr(bdi!, 'lang'), attr(bdi!, 'dir'), textOf(bdi!)]).toEqual(['ps', 'rtl', 'د جمعې په ورځ']);
  });
});

describe('language helpers', () => {
  it('give attributes only for another language', () => {
    expect(languageAttributes('en')).toEqual({});
    expect(languageAttributes('fa-AF')).toEqual({ lang: 'fa-AF', dir: 'rtl' });
    expect(languageAttributes('fr')).toEqual({ lang: 'fr', dir: 'ltr' });
  });

  it("mark a quote's words in its source's text with their language only where it is not the source's", () => {
    expect(passageLanguage({ form: 'direct', lang: 'fa-AF' }, 'en')).toEqual({ lang: 'fa-AF', dir: 'rtl' });
    expect(passageLanguage({ form: 'reported', lang: 'en' }, 'ps')).toEqual({ lang: 'en', dir: 'ltr' });
    expect(passageLanguage({ form: 'direct', lang: 'ps' }, 'ps')).toEqual({});
    // A paraphrase is our English; the sentence it restates is the source's, in the source's language.
    expect(passageLanguage({ form: 'paraphrase', lang: 'en' }, 'ps')).toEqual({});
  });

  it("read a title in [square brackets] as ours, in the site's language", () => {
    expect(sourceTitleLanguage({ title: '[A statement in Pashto]', lang: 'ps' })).toBe('en');
    expect(sourceTitleLanguage({ title: 'د کمیسیون اعلامیه', lang: 'ps' })).toBe('ps');
  });

  it('describe a translation in text, ours never in quotation marks', () => {
    expect(wordsLanguageNote({ lang: 'ps' })).toBe('In Pashto');
    expect(describeTranslation(translated({ by: 'us', words: 'We invite all sides.' }))).toBe(
      ' (in Pashto; our translation, not the speaker’s words: We invite all sides.)',
    );
    expect(
      describeTranslation(
        translated({ by: 'source', words: 'We invite', source: wire, span: { start: 1, end: 10, text: 'We invite' } }),
      ),
    ).toBe(' (in Pashto; translation published in Commission calls for talks: “We invite”)');
  });
});
