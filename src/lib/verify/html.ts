/**
 * The text a reader sees on a publisher's web page, for finding a quote in the original: the page
 * parsed with parse5 (the HTML standard's parser, so entities, unclosed tags and comments are read as
 * a browser reads them), then its text laid out as the site stores a source's, one block a line.
 * Inside a block, white space is collapsed as HTML renders it; each block element (a paragraph, a
 * heading, a list item, a table cell, a `<br>`) ends a line, so a cut `[…]` in a quote cannot reach
 * across paragraphs of the original any more than of our copy. What a reader never sees as text
 * (scripts, styles, templates, the document's head) is left out.
 */

import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

/** Elements whose content is not text a reader reads on the page. */
const HIDDEN = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'select',
]);

/** Elements that start and end a line of text: HTML's block-level and table elements. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** The page's text, one block a line, white space inside a line collapsed to single spaces. */
export function htmlText(html: string): string {
  const lines: string[] = [];
  let line = '';
  const breakLine = () => {
    const text = line.replace(/[ \t\n\f\r]+/g, ' ').trim();
    if (text !== '') lines.push(text);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeName === '#text' && 'value' in node) {
      line += node.value;
      return;
    }
    if (!('childNodes' in node)) return;
    const tag = 'tagName' in node ? node.tagName : '';
    if (HIDDEN.has(tag)) return;
    if (tag === 'br') {
      breakLine();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) breakLine();
    for (const child of node.childNodes) walk(child);
    if (block) breakLine();
  };
  walk(parse(html));
  breakLine();
  return lines.join('\n');
}

/** Whether a response's Content-Type is HTML (or XHTML), whose text must be extracted, rather than plain text. */
export function isHtml(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'text/html' || type === 'application/xhtml+xml' || type === '';
}
