import type { Element, Root as HtmlRoot, RootContent as HtmlContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import type { Citation, Story } from '../model/corpus.ts';
import { speakerName } from './actors.ts';
import { STATUS_LABELS } from './labels.ts';
import { linkProblem } from '../model/links.ts';
import { shortenUrl } from './urls.ts';

/**
 * A checked story text (`checkStoryBody`) as HTML: Markdown as Markdown renders, each `<Cite … />`
 * replaced by the element the page makes for it, and every link to another page marked with
 * `data-print-url`, its address as the print stylesheet writes it after the link. No raw HTML ever
 * reaches the output (there is none in a checked tree, and mdast-util-to-hast drops it anyway).
 *
 * The tree must be one `checkStoryBody` returned without problems: a node it would have refused
 * (JSX other than `<Cite>`, an expression, an image, a link it refuses) is a bug here, and throws.
 */

type JsxElement = Extract<Nodes, { type: 'mdxJsxTextElement' | 'mdxJsxFlowElement' }>;

/** The citation `checkStoryBody` left on a `<Cite>` node, or one read from the node itself. */
function citationOf(node: JsxElement): Citation {
  const stored = (node.data as { citation?: Citation } | undefined)?.citation;
  if (stored !== undefined) return stored;
  const [attribute] = node.attributes;
  if (
    node.name !== 'Cite' ||
    node.attributes.length !== 1 ||
    attribute?.type !== 'mdxJsxAttribute' ||
    (attribute.name !== 'quote' && attribute.name !== 'claim') ||
    typeof attribute.value !== 'string'
  )
    throw new Error(`renderStoryBody: <${node.name ?? ''}> is not a <Cite> that checkStoryBody allows`);
  return {
    kind: attribute.name,
    id: attribute.value,
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
  };
}

/**
 * The prefix of a heading's id: headings have their own namespace, so a heading can never take the
 * id a quote (`q-`), claim (`c-`), event (`e-`) or correction (`k-`) has on the page ("## Q khalilzad
 * warning" would otherwise be `q-khalilzad-warning`, and the quote's promised link would land on it).
 */
export const HEADING_PREFIX = 's-';

/** Gives every heading an id from its words, as Astro's Markdown does, in its own namespace ("s-what-the-envoy-said"), so a section can be linked to. */
function addHeadingIds(tree: Root): void {
  const slugger = new GithubSlugger();
  const visit = (node: Nodes) => {
    if (node.type === 'heading') {
      node.data = {
        ...node.data,
        hProperties: { ...node.data?.hProperties, id: HEADING_PREFIX + slugger.slug(toString(node)) },
      };
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
}

const refused = (what: string) => () => {
  throw new Error(`renderStoryBody: the tree holds ${what}, which checkStoryBody refuses; check the text first`);
};

/**
 * Renders a checked story text. `cite` makes the element for each `<Cite>` (see `storyCitations`);
 * `site` is the site's origin, which makes this site's paths absolute for print. With `readAway`,
 * the story page's address, for text read away from the page (in a feed), every link is written as
 * its absolute address, resolved against that page, and no print address is added.
 */
export function renderStoryBody(
  tree: Root,
  cite: (citation: Citation) => Element,
  options: { site: string; readAway?: string },
): string {
  const cites = new WeakSet<Element>();
  const citeHandler: Handler = (state: State, node: JsxElement) => {
    const element = cite(citationOf(node));
    cites.add(element);
    state.patch(node, element);
    return element;
  };
  // The story's tree is shared by every page that reads the story: headings get their ids on a copy.
  const text = structuredClone(tree);
  addHeadingIds(text);
  const hast = toHast(text, {
    // The site's own class for text only screen readers read (src/styles/global.css).
    footnoteLabelProperties: { className: ['visually-hidden'] },
    handlers: {
      mdxJsxTextElement: citeHandler,
      mdxJsxFlowElement: citeHandler,
      mdxjsEsm: refused('an import or export'),
      mdxFlowExpression: refused('an {expression}'),
      mdxTextExpression: refused('an {expression}'),
      image: refused('an image'),
      imageReference: refused('an image'),
      html: refused('raw HTML'),
    },
    unknownHandler: (_state, node: { type: string }) => refused(`a ${node.type} node`)(),
  }) as HtmlRoot;
  markLinks(hast, options.site, cites, options.readAway);
  return toHtml(hast);
}

/**
 * Every link that leads to a page (not to a spot on the same page) gets `data-print-url`, its
 * absolute address shortened: what `rehypePrintUrls` in urls.ts did in Astro's pipeline; or, with
 * `readAway` (the story page's address), every link gets its absolute address as `href`. The
 * citation markers are left as `cite` made them. A link `linkProblem` refuses cannot be in a checked
 * tree; finding one here is a bug, and throws rather than render it.
 */
function markLinks(
  node: HtmlRoot | HtmlContent,
  site: string,
  skip: WeakSet<Element>,
  readAway: string | undefined,
): void {
  if (node.type === 'element') {
    if (skip.has(node)) return;
    const href = node.tagName === 'a' ? node.properties.href : undefined;
    const problem = typeof href === 'string' ? linkProblem(href) : undefined;
    if (problem !== undefined) refused(`a link that is ${problem}`)();
    if (typeof href === 'string' && readAway !== undefined) node.properties.href = new URL(href, readAway).href;
    else if (typeof href === 'string' && !href.startsWith('#')) {
      const url = new URL(href, site);
      if (url.protocol === 'https:' || url.protocol === 'http:') node.properties.dataPrintUrl = shortenUrl(url.href);
    }
  }
  if ('children' in node) for (const child of node.children) markLinks(child, site, skip, readAway);
}

/**
 * The marker for a quote: its number in the sidebar, linking to its card. On the page it is a
 * superscript number with a label naming the quote; read away from the page (a feed reader drops
 * the site's CSS and the label), the number stands in brackets, "[1]", so two citations side by
 * side never read as one number (a superscript 1 beside a superscript 2 reads as 12); it carries no text of the content in an attribute, which
 * some feed parsers decode once too often.
 */
export function citeQuoteElement({
  anchor,
  number,
  speaker,
  page = '',
}: {
  /** The quote's fragment id: `q-<id>`. */
  anchor: string;
  /** The quote's number in the sidebar, from 1. */
  number: number;
  /** The speaker's full name. */
  speaker: string;
  /** The story page's address, when the text is read away from it (a feed); none on the page itself. */
  page?: string;
}): Element {
  if (page !== '') return h('a', { href: `${page}#${anchor}` }, `[${number}]`);
  return h('sup', { className: ['cite'] }, [
    h('a', { href: `${page}#${anchor}`, ariaLabel: `Quote ${number}, ${speaker}` }, String(number)),
  ]);
}

/**
 * The marker for a claim: its status in words, linking to the claim. `statusLabel` is shown as
 * given, in the text and in the label (the story page gives it in lower case: "disputed"). Read away
 * from the page, where the stylesheet that sets it apart is gone, it stands in brackets: "[disputed]".
 */
export function citeClaimElement({
  anchor,
  status,
  statusLabel,
  text,
  page = '',
}: {
  /** The claim's fragment id: `c-<id>`. */
  anchor: string;
  /** The claim's status, for `data-status` (and the stylesheet). */
  status: string;
  /** The status in words. */
  statusLabel: string;
  /** The claim, plainly. */
  text: string;
  /** The story page's address, when the text is read away from it (a feed); none on the page itself. */
  page?: string;
}): Element {
  if (page !== '') return h('a', { href: `${page}#${anchor}` }, `[${statusLabel}]`);
  return h(
    'a',
    {
      className: ['cite', 'cite-claim'],
      dataStatus: status,
      href: `${page}#${anchor}`,
      ariaLabel: `Claim, ${statusLabel}: ${text}`,
    },
    statusLabel,
  );
}

/**
 * The citation markers of a story's text: each `<Cite>` becomes its quote's number or its claim's
 * status, linking to it on the story page (at `page`, when the text is read away from it).
 */
export function storyCitations(story: Pick<Story, 'quotes' | 'claims'>, page = ''): (citation: Citation) => Element {
  const quotes = new Map(story.quotes.map((quote) => [quote.id, quote]));
  const claims = new Map(story.claims.map((claim) => [claim.id, claim]));
  return (citation) => {
    if (citation.kind === 'quote') {
      const quote = quotes.get(citation.id)!;
      return citeQuoteElement({
        anchor: quote.anchor,
        number: quote.number,
        speaker: speakerName(quote.speaker),
        page,
      });
    }
    const claim = claims.get(citation.id)!;
    const statusLabel = STATUS_LABELS[claim.status].toLowerCase();
    return citeClaimElement({ anchor: claim.anchor, status: claim.status, statusLabel, text: claim.text, page });
  };
}
