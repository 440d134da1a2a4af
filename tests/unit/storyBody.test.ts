import { readFileSync } from 'node:fs';
import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { checkStoryBody, type Citation } from '../../src/lib/content/body';
import { ALLOWED_SCHEMES, linkProblem } from '../../src/lib/model/links';
import { citeClaimElement, citeQuoteElement, HEADING_PREFIX, renderStoryBody } from '../../src/lib/present/body';

/*
 * The story text checked on its MDX syntax tree (src/lib/content/body.ts), the link rule it applies
 * (src/lib/model/links.ts) and the HTML it renders (src/lib/present/body.ts); then a few hundred known
 * filter-evasion vectors, each of which must be refused with a place and a sentence, or come out of
 * the renderer as harmless HTML. Not covered: Astro's own MDX compile (the build; tests/content), the
 * page around the text (tests/e2e/security.spec.ts, tests/quality/markup-safety.spec.ts), and what a
 * browser does with CSS.
 */

const SITE = 'https://explainers.example.org';

/** A citation as the story page makes it, from made-up page data. */
const cite = (citation: Citation) =>
  citation.kind === 'quote'
    ? citeQuoteElement({ anchor: `q-${citation.id}`, number: 1, speaker: 'Ann Example' })
    : citeClaimElement({ anchor: `c-${citation.id}`, status: 'disputed', statusLabel: 'disputed', text: 'A claim.' });

const render = (mdx: string) => {
  const { tree, problems } = checkStoryBody(mdx, 'story.mdx');
  expect(problems).toEqual([]);
  return renderStoryBody(tree, cite, { site: SITE });
};

describe('linkProblem', () => {
  it('allows http, https and mailto, and paths, queries and fragments on this site', () => {
    expect(ALLOWED_SCHEMES).toEqual(['http', 'https', 'mailto']);
    for (const url of [
      'https://example.org/a/b?c=1&d=2#e',
      'HTTP://EXAMPLE.ORG/',
      'http://example.org/100%25',
      'mailto:desk@example.org?subject=A%20story',
      '/stories/x/',
      'foo/',
      './foo',
      '../sources/x/',
      '#q-envoy-warning',
      '?page=2',
      'https://example.org/?q=a:b',
      '/stories/x/#q-a:b',
    ]) {
      expect([url, linkProblem(url)]).toEqual([url, undefined]);
    }
  });

  it('names what it refuses', () => {
    const cases: [string, string][] = [
      ['javascript:alert(1)', 'a javascript: link'],
      ['JaVaScRiPt:alert(1)', 'a javascript: link'],
      ['JaVaScRiPt&#58;alert(1)', 'a javascript: link'],
      ['javascript&colon;alert(1)', 'a javascript: link'],
      ['javascript&colonalert(1)', 'a javascript: link'],
      ['&#x6A&#x61vascript:alert(1)', 'a javascript: link'],
      ['&#0000106avascript:alert(1)', 'a javascript: link'],
      ['java\tscript:alert(1)', 'a javascript: link'],
      ['java&Tab;script:alert(1)', 'a javascript: link'],
      ['java%0Ascript:alert(1)', 'a javascript: link'],
      ['javascript%253Aalert(1)', 'a javascript: link'],
      ['\u0001 javascript:alert(1)', 'a javascript: link'],
      ['&#1;javascript:alert(1)', 'a javascript: link'],
      ['vbscript:msgbox(1)', 'a vbscript: link'],
      ['data:text/html,<script>alert(1)</script>', 'a data: link'],
      ['file:///etc/passwd', 'a file: link'],
      ['tel:+100', 'a tel: link'],
      ['about:blank', 'an about: link'],
      ['//evil.example/', 'a protocol-relative address (//host), which leads to another site'],
      ['\\\\evil.example', 'a protocol-relative address (//host), which leads to another site'],
      ['/\\evil.example', 'a protocol-relative address (//host), which leads to another site'],
      ['/\t/evil.example', 'a protocol-relative address (//host), which leads to another site'],
      ['', 'an empty address'],
      ['ｊavascript:alert(1)', 'an address whose scheme cannot be read (a colon before the first slash)'],
      ['http://[::1', 'an address a browser cannot read'],
      [
        'https://user:pass@news.example.org@other.example/',
        'an address with a user name or password before its host (user:password@host), which hides where it leads and publishes the password',
      ],
      [
        'https://news.example.org@other.example/',
        'an address with a user name or password before its host (user:password@host), which hides where it leads and publishes the password',
      ],
      [
        `javascript${'%25'.repeat(1)}${'25'.repeat(12)}3Aalert(1)`,
        'an address still encoded after 8 rounds of decoding',
      ],
    ];
    for (const [url, reason] of cases) expect([url, linkProblem(url)]).toEqual([url, reason]);
  });
});

describe('checkStoryBody', () => {
  it('accepts the real stories, and finds their citations in order at their file lines', () => {
    for (const file of [
      'content/stories/khalilzad-warns-taliban/story.mdx',
      'tests/fixtures/long-story/content/stories/harbour-dispute/story.mdx',
      'tests/fixtures/content/unsafe/stories/unsafe-story/story.mdx',
      'tests/fixtures/content/minimal/stories/base-story/story.mdx',
    ]) {
      const text = readFileSync(file, 'utf8');
      const frontmatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text)![0];
      const firstLine = frontmatter.split('\n').length;
      const { citations, problems } = checkStoryBody(text.slice(frontmatter.length), file, firstLine);
      expect(problems).toEqual([]);
      const lines = text.split('\n');
      const written = [...text.matchAll(/<Cite (quote|claim)="([^"]+)" \/>/g)].map((m) => `${m[1]} ${m[2]}`);
      expect(citations.map((c) => `${c.kind} ${c.id}`)).toEqual(written);
      for (const c of citations) expect(lines[c.line - 1]!.slice(c.column - 1)).toMatch(`<Cite ${c.kind}="${c.id}"`);
    }
  });

  it('refuses the markup in the bad-content fixtures at the place it is written', () => {
    const { problems } = checkStoryBody(
      'Ann said so.<Cite quote="ann-direct" /> The ministry\nsaid it failed.<script>alert(1)</script><Cite claim="talks-failed" />',
      'story.mdx',
      10,
    );
    expect(problems).toEqual([
      {
        file: 'story.mdx',
        field: 'body',
        value: '<script>alert(1)</script>',
        expected:
          'no HTML or JSX: the story text may hold Markdown and <Cite quote="id" /> or <Cite claim="id" /> only, not the element <script> (write a literal < as \\<, or `<script>` in a code span)',
        line: 11,
        column: 16,
      },
    ]);
  });

  it('reports an MDX syntax error as a problem with its place, never a throw', () => {
    const { problems, citations, tree } = checkStoryBody('Fine.\n\nA <!-- note --> here.', 'story.mdx', 9);
    expect(tree.children).toEqual([]);
    expect(citations).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'story.mdx', field: 'body', line: 11, column: 4 });
    expect(problems[0]!.expected).toMatch(/^text that MDX can read, but the parser stopped at line 11, column 4: /);
    expect(problems[0]!.expected).toMatch(/HTML comment/);
    expect(problems[0]!.expected).not.toMatch(/\{\/\*/);
    expect(checkStoryBody('An unclosed <', 'story.mdx').problems[0]).toMatchObject({ line: 1, column: 14 });
  });

  it('reports one problem per offending node, not its children, with at most 80 characters of it', () => {
    const long = `<div>\n\n<script>${'x'.repeat(200)}</script>\n\n[a](javascript:alert(1))\n\n</div>`;
    const { problems } = checkStoryBody(long, 'story.mdx');
    expect(problems).toHaveLength(1);
    expect(String(problems[0]!.value)).toHaveLength(80);
    expect(problems[0]!.expected).toMatch(/not the element <div>/);
  });

  it('allows exactly <Cite quote="id" /> and <Cite claim="id" />', () => {
    const refusals: [string, RegExp, number?][] = [
      ['<Cite />', /without quote="id"/],
      ['<Cite quote="a" claim="b" />', /2 attributes \(quote, claim\)/],
      ['<Cite quote="a" onClick={alert} />', /2 attributes \(quote, onClick\)/],
      ['<Cite {...props} />', /spread/],
      ['<Cite quote={id} />', /expression/],
      ['<Cite quote />', /has no value/],
      ['<Cite source="a" />', /the attribute source/],
      ['<Cite quote="Not An Id" />', /not an id/],
      ['<Cite quote="&#x61;" />', /character references/],
      ['<Cite quote="a">words</Cite>', /content between/],
      ['<cite quote="a" />', /not the element <cite>/],
      ['<Cite.Foo quote="a" />', /not the element <Cite\.Foo>/],
      ['<CITE quote="a" />', /not the element <CITE>/],
      ['<>words</>', /a JSX fragment/],
      ['[a link <Cite quote="a" />](https://example.org/)', /outside a link's text/, 14],
    ];
    for (const [mdx, expected, column = 6] of refusals) {
      const { problems, citations } = checkStoryBody(`Text ${mdx} more.`, 'story.mdx');
      expect([mdx, problems.length, citations]).toEqual([mdx, 1, []]);
      expect(problems[0]!.expected).toMatch(expected);
      expect(problems[0]).toMatchObject({ line: 1, column });
    }
    expect(checkStoryBody('A.<Cite quote="a-1" />\n\n<Cite claim="b" />', 'story.mdx', 5).citations).toEqual([
      { kind: 'quote', id: 'a-1', line: 5, column: 3 },
      { kind: 'claim', id: 'b', line: 7, column: 1 },
    ]);
  });

  it('refuses imports, exports, expressions, comments and images, each in a sentence', () => {
    const cases: [string, RegExp][] = [
      ["import X from './x.js'", /^no import or export: /],
      ['export const a = 1', /^no import or export: /],
      ['{alert(1)}', /^no \{expression\}: .*\\\{/],
      ['Text {1 + 1} more', /^no \{expression\}: /],
      ['{/* a note */}', /^no \{\/\* comment \*\/\}: /],
      ['![a picture](https://example.org/a.png)', /^no images: /],
      ['![a picture][p]\n\n[p]: https://example.org/a.png', /^no images: /],
    ];
    for (const [mdx, expected] of cases) {
      const { problems } = checkStoryBody(mdx, 'story.mdx');
      expect([mdx, problems.length]).toEqual([mdx, 1]);
      expect(problems[0]!.expected).toMatch(expected);
    }
  });
});

describe('renderStoryBody', () => {
  it('renders citations as the story page marks them', () => {
    const { tree } = checkStoryBody('Said.<Cite quote="envoy-warning" /> Denied.<Cite claim="talks-failed" />', 's');
    const html = renderStoryBody(
      tree,
      (c) =>
        c.kind === 'quote'
          ? citeQuoteElement({ anchor: `q-${c.id}`, number: 3, speaker: 'Zalmay Khalilzad' })
          : citeClaimElement({
              anchor: `c-${c.id}`,
              status: 'denied',
              statusLabel: 'denied',
              text: 'The talks failed.',
            }),
      { site: SITE },
    );
    expect(html).toBe(
      '<p>Said.<sup class="cite"><a href="#q-envoy-warning" aria-label="Quote 3, Zalmay Khalilzad">3</a></sup>' +
        ' Denied.<a class="cite cite-claim" data-status="denied" href="#c-talks-failed" aria-label="Claim, denied: The talks failed.">denied</a></p>',
    );
  });

  it('gives the callback each citation with its file line', () => {
    const { tree } = checkStoryBody('A.\n\nB.<Cite quote="b" />', 's', 20);
    const seen: Citation[] = [];
    renderStoryBody(tree, (c) => (seen.push(c), cite(c)), { site: SITE });
    expect(seen).toEqual([{ kind: 'quote', id: 'b', line: 22, column: 3 }]);
  });

  it('escapes what the page data holds', () => {
    const speaker = '"><script>alert(1)</script>';
    const text = 'A & B said "<iframe>"';
    const html = toHtmlOf(citeQuoteElement({ anchor: 'q-a', number: 1, speaker }));
    expect(unsafeIn(html)).toEqual([]);
    expect(html).toBe(
      '<p><sup class="cite"><a href="#q-a" aria-label="Quote 1, &#x22;><script>alert(1)</script>">1</a></sup></p>',
    );
    const claim = toHtmlOf(citeClaimElement({ anchor: 'c-a', status: 'denied', statusLabel: '<b>', text }));
    expect(unsafeIn(claim)).toEqual([]);
    expect(claim).toBe(
      '<p><a class="cite cite-claim" data-status="denied" href="#c-a" aria-label="Claim, <b>: A &#x26; B said &#x22;<iframe>&#x22;">&#x3C;b></a></p>',
    );
  });

  it('marks links to other pages with data-print-url, as rehypePrintUrls did', () => {
    expect(
      render('[a](https://www.example.org/x/) [b](/stories/x/) [c](#q-x) [d](mailto:a@example.org) [e](?page=2)'),
    ).toBe(
      '<p><a href="https://www.example.org/x/" data-print-url="example.org/x/">a</a>' +
        ' <a href="/stories/x/" data-print-url="explainers.example.org/stories/x/">b</a>' +
        ' <a href="#q-x">c</a> <a href="mailto:a@example.org">d</a>' +
        ' <a href="?page=2" data-print-url="explainers.example.org/?page=2">e</a></p>',
    );
  });

  it('writes every link absolute, resolved against the story page, for text read away from it', () => {
    const { tree } = checkStoryBody(
      '[a](https://www.example.org/x/) [b](/actors/x/) [c](#q-x) [d](mailto:a@example.org)',
      's',
    );
    expect(renderStoryBody(tree, cite, { site: SITE, readAway: `${SITE}/stories/s/` })).toBe(
      '<p><a href="https://www.example.org/x/">a</a> <a href="https://explainers.example.org/actors/x/">b</a>' +
        ' <a href="https://explainers.example.org/stories/s/#q-x">c</a> <a href="mailto:a@example.org">d</a></p>',
    );
  });

  it('renders Markdown as Markdown, and text that looks like markup as text', () => {
    expect(render('## A heading\n\nA *b* **c** ~~d~~ `<e>` a < b, &lt;f&gt; \\<g>')).toBe(
      '<h2 id="s-a-heading">A heading</h2>\n<p>A <em>b</em> <strong>c</strong> <del>d</del> <code>&#x3C;e></code> a &#x3C; b, &#x3C;f> &#x3C;g></p>',
    );
  });

  it('gives headings ids of their own namespace, so a heading never takes a quote’s or claim’s id', () => {
    const html = render('## Q khalilzad warning\n\n## C talks failed\n\n## Q khalilzad warning');
    expect(html).toContain(`id="${HEADING_PREFIX}q-khalilzad-warning"`);
    expect(html).toContain(`id="${HEADING_PREFIX}c-talks-failed"`);
    expect(html).toContain(`id="${HEADING_PREFIX}q-khalilzad-warning-1"`);
    expect(html).not.toMatch(/id="[qcek]-/);
  });

  it('throws on a tree that was not checked', () => {
    const { tree } = checkStoryBody('[x](javascript:alert(1)) <iframe /> ![i](https://example.org/i.png)', 's');
    expect(() => renderStoryBody(tree, cite, { site: SITE })).toThrow(/checkStoryBody/);
  });
});

// --- Hostile input -------------------------------------------------------------------------------

interface Vector {
  name: string;
  mdx: string;
}

/** Every character of `text` as a numeric character reference. */
// eslint-disable-next-line @typescript-eslint/no-misused-spread -- only ever given an ASCII scheme, where code points are characters
const allHex = (text: string) => [...text].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('');

/** How a scheme is disguised: each turns `javascript` and its colon into what a filter might miss. */
const ENCODINGS: [string, (scheme: string) => string][] = [
  ['plain', (s) => `${s}:`],
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- schemes are ASCII letters
  ['mixed case', (s) => `${[...s].map((c, i) => (i % 2 ? c : c.toUpperCase())).join('')}:`],
  ['colon &#58;', (s) => `${s}&#58;`],
  ['colon &#0000058;', (s) => `${s}&#0000058;`],
  ['colon &#58 without ;', (s) => `${s}&#58`],
  ['colon &#x3a;', (s) => `${s}&#x3a;`],
  ['colon &#X3A without ;', (s) => `${s}&#X3A`],
  ['colon &#x00003A;', (s) => `${s}&#x00003A;`],
  ['colon &colon;', (s) => `${s}&colon;`],
  ['colon &colon without ;', (s) => `${s}&colon`],
  ['colon %3A', (s) => `${s}%3A`],
  ['colon %253A', (s) => `${s}%253A`],
  ['first letter decimal', (s) => `&#${s.charCodeAt(0)};${s.slice(1)}:`],
  ['first letter hex without ;', (s) => `&#x${s.charCodeAt(0).toString(16)}${s.slice(1)}:`],
  ['every letter hex', (s) => `${allHex(s)}&#x3A;`],
  ['tab &#9; inside', (s) => `${s.slice(0, 3)}&#9;${s.slice(3)}:`],
  ['&Tab; inside', (s) => `${s.slice(0, 3)}&Tab;${s.slice(3)}:`],
  ['newline &#10; inside', (s) => `${s.slice(0, 3)}&#10;${s.slice(3)}:`],
  ['&NewLine; inside', (s) => `${s.slice(0, 3)}&NewLine;${s.slice(3)}:`],
  ['NUL &#0; inside', (s) => `${s.slice(0, 3)}&#0;${s.slice(3)}:`],
  ['%09 inside', (s) => `${s.slice(0, 3)}%09${s.slice(3)}:`],
  ['%00 before', (s) => `%00${s}:`],
  ['control &#1; before', (s) => `&#1;${s}:`],
  ['space &#32; before', (s) => `&#32;${s}:`],
];

const SCHEMES: [string, string][] = [
  ['javascript', 'alert(1)'],
  ['vbscript', 'msgbox(1)'],
  ['data', 'text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['file', '///etc/passwd'],
];

/** Where a link address can stand in Markdown. */
const LINK_FORMS: [string, (url: string) => string][] = [
  ['inline', (u) => `Read [this](${u}) now.`],
  ['inline with title', (u) => `Read [this](${u} "a title") now.`],
  ['angle destination', (u) => `Read [this](<${u}>) now.`],
  ['reference definition', (u) => `Read [this][ref] now.\n\n[ref]: ${u} 'a title'`],
];

const generated: Vector[] = SCHEMES.flatMap(([scheme, payload]) =>
  ENCODINGS.flatMap(([encoding, encode]) =>
    LINK_FORMS.map(([form, write]) => ({
      name: `${scheme}, ${encoding}, ${form}`,
      mdx: write(`${encode(scheme)}${payload}`),
    })),
  ),
);

const FENCE = '```';

/** Vectors that must be refused: each is code, markup, or a link that is not allowed. */
const MUST_REFUSE: Vector[] = [
  { name: 'bug: a scheme written with a character reference', mdx: '[x](JaVaScRiPt&#58;alert(1))' },
  {
    name: 'bug: an iframe after a four-backtick fence holding a three-backtick line',
    mdx: `Text.\n\n${FENCE}\`\n${FENCE}\n${FENCE}\`\n\n<iframe src="https://evil.example/" />`,
  },
  { name: 'script element', mdx: '<script>alert(1)</script>' },
  { name: 'script element inline', mdx: 'Text <script>alert(1)</script> more.' },
  { name: 'iframe', mdx: '<iframe src="https://evil.example/"></iframe>' },
  { name: 'svg onload, JSX-quoted', mdx: '<svg onload="alert(1)" />' },
  { name: 'svg onload, unquoted (not JSX)', mdx: '<svg onload=alert(1)>' },
  { name: 'math', mdx: '<math><mi>x</mi></math>' },
  { name: 'img onerror, unquoted', mdx: '<img src=x onerror=alert(1)>' },
  { name: 'img onerror, JSX', mdx: '<img src="x" onerror="alert(1)" />' },
  { name: 'a href written as JSX', mdx: '<a href="javascript:alert(1)">x</a>' },
  { name: 'object', mdx: '<object data="https://evil.example/x.swf" />' },
  { name: 'embed', mdx: '<embed src="https://evil.example/x.swf" />' },
  { name: 'style', mdx: '<style>{"body{display:none}"}</style>' },
  { name: 'base', mdx: '<base href="https://evil.example/" />' },
  { name: 'meta refresh', mdx: '<meta httpEquiv="refresh" content="0;url=javascript:alert(1)" />' },
  { name: 'form action', mdx: '<form action="javascript:alert(1)"><button>x</button></form>' },
  { name: 'event attribute on a div', mdx: '<div onMouseOver="alert(1)">hover</div>' },
  { name: 'expression in an attribute', mdx: '<span title={alert(1)}>x</span>' },
  { name: 'Cite with an event handler', mdx: 'Text<Cite quote="x" onClick={() => alert(1)} />' },
  { name: 'Cite with a spread', mdx: 'Text<Cite {...window} />' },
  { name: 'Cite with an expression value', mdx: 'Text<Cite quote={alert(1)} />' },
  { name: 'lower-case cite', mdx: 'Text<cite quote="x" />' },
  { name: 'Cite.Foo member', mdx: 'Text<Cite.Foo quote="x" />' },
  { name: 'namespaced Cite', mdx: 'Text<svg:Cite quote="x" />' },
  { name: 'Cite with children', mdx: 'Text<Cite quote="x"><script>alert(1)</script></Cite>' },
  { name: 'Cite with entities in its id', mdx: 'Text<Cite quote="&#x61;" />' },
  { name: 'fragment', mdx: '<><script>alert(1)</script></>' },
  { name: 'expression', mdx: '{alert(1)}' },
  { name: 'expression inline', mdx: 'Text {globalThis.alert(1)} more.' },
  { name: 'comment expression', mdx: '{/* a hidden note */}' },
  { name: 'import', mdx: "import Evil from 'https://evil.example/x.js'" },
  { name: 'export', mdx: 'export const title = "x"' },
  { name: 'export default', mdx: 'export default function Layout() { return null }' },
  { name: 'HTML comment', mdx: '<!-- a note -->' },
  { name: 'conditional comment', mdx: '<!--[if IE]><script>alert(1)</script><![endif]-->' },
  { name: 'CDATA', mdx: '<![CDATA[<script>alert(1)</script>]]>' },
  { name: 'processing instruction', mdx: '<?xml-stylesheet href="evil.xsl"?>' },
  { name: 'doctype', mdx: '<!DOCTYPE html>' },
  { name: 'autolink with javascript:', mdx: 'See <javascript:alert(1)>.' },
  { name: 'autolink with https', mdx: 'See <https://example.org/>.' },
  { name: 'unclosed tag', mdx: 'A <b' },
  { name: 'indented "code" (MDX has none)', mdx: '    <iframe src="https://evil.example/" />' },
  { name: 'iframe after an unclosed inline code', mdx: 'A `tick <iframe />' },
  { name: 'vbscript link', mdx: '[x](vbscript:msgbox(1))' },
  { name: 'data link', mdx: '[x](data:text/html,<script>alert(1)</script>)' },
  { name: 'file link', mdx: '[x](file:///etc/passwd)' },
  { name: 'reference to a javascript: definition', mdx: '[x][a]\n\n[a]: javascript:alert(1)' },
  { name: 'unused javascript: definition', mdx: 'Text.\n\n[a]: javascript:alert(1)' },
  { name: 'protocol-relative link', mdx: '[x](//evil.example/)' },
  { name: 'backslash protocol-relative link', mdx: '[x](\\\\\\\\evil.example/)' },
  { name: 'slash-backslash link', mdx: '[x](/\\\\evil.example/)' },
  { name: 'raw tab in an angle destination', mdx: '[x](<java\tscript:alert(1)>)' },
  { name: 'escaped colon', mdx: '[x](javascript\\:alert(1))' },
  { name: 'footnote with a javascript: link', mdx: 'Text.[^1]\n\n[^1]: See [this](javascript:alert(1)).' },
  {
    name: 'table with a javascript: link',
    mdx: '| a | b |\n| - | - |\n| [x](javascript:alert(1)) | 2 |',
  },
  { name: 'image with a data: URL', mdx: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)' },
  { name: 'image with an onerror-ish title', mdx: '![x](https://example.org/x.png "onerror=alert(1)")' },
  { name: 'image reference', mdx: '![x][i]\n\n[i]: https://evil.example/track.gif' },
  { name: 'link in a blockquote', mdx: '> quoted [x](javascript:alert(1))' },
  { name: 'link in a heading', mdx: '## [x](javascript:alert(1))' },
  { name: 'link in a list', mdx: '- item\n- [x](javascript:alert(1))' },
  { name: 'iframe in a list item', mdx: '- item\n- <iframe />' },
  { name: 'iframe in a blockquote', mdx: '> <iframe />' },
];

/** Vectors the parser reads as text or code: refused or not, the rendered HTML must be harmless. */
const MAYBE: Vector[] = [
  { name: 'iframe inside a fence', mdx: `${FENCE}\n<iframe src="https://evil.example/" />\n${FENCE}` },
  { name: 'iframe inside a tilde fence', mdx: '~~~\n<iframe />\n~~~' },
  { name: 'unclosed fence', mdx: `${FENCE}\n<script>alert(1)</script>` },
  { name: 'unclosed tilde fence', mdx: '~~~~\n<script>alert(1)</script>\n~~~' },
  { name: 'three backticks closed by four', mdx: `${FENCE}\n\`\`\`\`\n<iframe />` },
  { name: 'four backticks closed by three (not closed)', mdx: `${FENCE}\`\n${FENCE}\n<iframe />` },
  { name: 'backtick fence closed by tildes (not closed)', mdx: `${FENCE}\n<iframe />\n~~~\n<script />` },
  { name: 'fence with an info string holding markup', mdx: `${FENCE}html <script>alert(1)</script>\nx\n${FENCE}` },
  { name: 'fence with a quote in its info string', mdx: `${FENCE}js" onload="alert(1)\nx\n${FENCE}` },
  { name: 'code span with a script', mdx: 'A `<script>alert(1)</script>` b' },
  { name: 'code span with an expression', mdx: 'A `{alert(1)}` b' },
  { name: 'double-backtick code span', mdx: 'A `` ` <iframe /> ` `` b' },
  { name: 'entities that decode to <', mdx: '&lt;script&gt;alert(1)&lt;/script&gt;' },
  { name: 'numeric entities that decode to <', mdx: '&#60;iframe src=x&#62; &#x3C;svg onload=alert(1)&#x3E;' },
  { name: 'escaped <', mdx: '\\<script>alert(1)\\</script>' },
  { name: 'escaped brace', mdx: 'A \\{alert(1)\\} b' },
  { name: 'less-than and space', mdx: 'a < b and c > d' },
  { name: 'javascript: as plain text', mdx: 'Type javascript:alert(1) into nothing.' },
  { name: 'GFM bare autolink', mdx: 'See https://example.org/a?b=1&c=2 now.' },
  { name: 'GFM bare autolink with a tag', mdx: 'See https://example.org/a?b=<c> now.' },
  { name: 'GFM www autolink', mdx: 'See www.example.org/javascript:alert(1) now.' },
  { name: 'GFM email autolink', mdx: 'Write to desk@example.org now.' },
  { name: 'GFM autolink is not javascript:', mdx: 'See javascript://example.org/%0aalert(1) now.' },
  { name: 'link with a markup title', mdx: '[x](https://example.org/ "\\"><script>alert(1)</script>")' },
  { name: 'link with an event-ish title', mdx: `[x](https://example.org/ 'x" onmouseover="alert(1)')` },
  { name: 'link text with markup entities', mdx: '[&lt;script&gt;](https://example.org/)' },
  { name: 'link with a quote in its address', mdx: '[x](https://example.org/"onmouseover="alert(1))' },
  { name: 'javascript: as a relative path', mdx: '[x](./javascript:alert(1))' },
  { name: 'javascript: in a query', mdx: '[x](?next=javascript:alert(1))' },
  { name: 'javascript: in a fragment', mdx: '[x](#javascript:alert(1))' },
  { name: 'link with an undefined reference', mdx: '[x][nowhere]' },
  { name: 'footnote with a web link', mdx: 'Text.[^n]\n\n[^n]: See [this](https://example.org/).' },
  { name: 'footnote label with markup', mdx: 'Text.[^<script>]\n\n[^<script>]: x' },
  { name: 'table with markup in a cell', mdx: '| a |\n| - |\n| &lt;iframe&gt; |' },
  { name: 'heading with markup entities', mdx: '# &lt;svg onload=alert(1)&gt;' },
  { name: 'strikethrough around entities', mdx: '~~&lt;script&gt;~~' },
  { name: 'hard break then markup text', mdx: 'a\\\n&lt;math&gt;' },
  { name: 'zero-width space in a scheme', mdx: '[x](java\u200bscript:alert(1))' },
  { name: 'fullwidth scheme', mdx: '[x](ｊａｖａｓｃｒｉｐｔ：alert(1))' },
  { name: 'NUL character in text', mdx: 'a\u0000b &#0; c' },
  { name: 'Cite in a heading', mdx: '## A heading<Cite quote="a" />' },
];

const VECTORS: Vector[] = [...generated, ...MUST_REFUSE, ...MAYBE];

/** A URL attribute's scheme, after the decoding a browser and a careless decoder might do. */
function decodedScheme(url: string): string {
  let text = url;
  for (let i = 0; i < 10; i++) {
    let next: string;
    try {
      next = decodeURIComponent(text);
    } catch {
      next = text.replace(/%[0-9a-f]{2}/gi, (m) => String.fromCharCode(parseInt(m.slice(1), 16)));
    }
    if (next === text) break;
    text = next;
  }
  // eslint-disable-next-line no-control-regex -- dropping C0 controls is the point, as a browser does; \p{Cc} would also drop C1 (U+0080–U+009F)
  return /^([a-z][a-z0-9+.-]*):/i.exec(text.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1]?.toLowerCase() ?? '';
}

const DANGEROUS_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'img',
  'template',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data']);

interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string; prefix?: string }[];
  childNodes?: HtmlNode[];
}

/** What is unsafe in rendered HTML, as parse5 (a browser's parser) reads it. */
function unsafeIn(html: string): string[] {
  const found: string[] = [];
  const walk = (node: HtmlNode) => {
    if (DANGEROUS_ELEMENTS.has(node.nodeName)) found.push(`<${node.nodeName}>`);
    for (const attribute of node.attrs ?? []) {
      const name = attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name;
      if (/^on/i.test(attribute.name)) found.push(`${name} on <${node.nodeName}>`);
      if (URL_ATTRIBUTES.has(name)) {
        const scheme = decodedScheme(attribute.value);
        if (['javascript', 'vbscript', 'data'].includes(scheme) || linkProblem(attribute.value) !== undefined)
          found.push(`${name}="${attribute.value}" on <${node.nodeName}>`);
      }
    }
    node.childNodes?.forEach(walk);
  };
  walk(parseFragment(html));
  return found;
}

/** Refused (with a place and a sentence), or rendered to harmless HTML: which, and what was wrong. */
function judge(vector: Vector): { refused: boolean; wrong: string[] } {
  const { tree, problems } = checkStoryBody(vector.mdx, 'story.mdx', 7);
  if (problems.length > 0) {
    const wrong = problems.flatMap((p) => {
      const faults = [];
      if (typeof p.line !== 'number' || p.line < 7) faults.push(`no line (${p.line})`);
      if (typeof p.column !== 'number' || p.column < 1) faults.push(`no column (${p.column})`);
      if (!/^\S.*\s.*\s.*\S$/.test(p.expected) || /\n|\bat .+:\d+:\d+/.test(p.expected))
        faults.push(`not a sentence: ${p.expected}`);
      if (p.file !== 'story.mdx' || p.field !== 'body') faults.push(`file/field ${p.file} ${p.field}`);
      return faults;
    });
    return { refused: true, wrong };
  }
  return { refused: false, wrong: unsafeIn(renderStoryBody(tree, cite, { site: SITE })) };
}

describe('hostile story text', () => {
  it('has at least 200 vectors, each with its own name and text', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(VECTORS.map((v) => v.name)).size).toBe(VECTORS.length);
    expect(new Set(VECTORS.map((v) => v.mdx)).size).toBe(VECTORS.length);
  });

  it('refuses each vector with a place and a sentence, or renders it harmless', () => {
    const failures = VECTORS.flatMap((vector) => judge(vector).wrong.map((w) => `${vector.name}: ${w}`));
    expect(failures).toEqual([]);
  });

  it('refuses every vector that must be refused, and every disguised scheme', () => {
    const passed = [...MUST_REFUSE, ...generated].filter((v) => !judge(v).refused).map((v) => v.name);
    // `javascript&#X3Aalert(1)` is no colon: without `;` the reference runs on through the hex digit
    // `a`, so it is U+03AA and the address is a harmless relative path (for a browser too).
    expect(passed).toEqual(LINK_FORMS.map(([form]) => `javascript, colon &#X3A without ;, ${form}`));
  });

  it('renders some hostile-looking text, so the renderer is tested too', () => {
    expect(MAYBE.filter((v) => !judge(v).refused).length).toBeGreaterThan(20);
  });
});

/** A hast element as HTML, through the same renderer. */
function toHtmlOf(element: ReturnType<typeof citeQuoteElement>): string {
  return renderStoryBody(
    { type: 'root', children: [{ type: 'paragraph', children: [citeNode('a')] }] },
    () => element,
    { site: SITE },
  );
}

/** A `<Cite quote="id" />` node, as the parser makes it. */
function citeNode(id: string) {
  return {
    type: 'mdxJsxTextElement' as const,
    name: 'Cite',
    attributes: [{ type: 'mdxJsxAttribute' as const, name: 'quote', value: id }],
    children: [],
  };
}
