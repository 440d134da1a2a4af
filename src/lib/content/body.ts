import { ID_PATTERN } from '../model/entities.ts';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { linkProblem } from '../model/links.ts';
import type { ContentProblem } from './problems.ts';
import type { Citation } from '../model/corpus.ts';

export type { Citation };

/**
 * A story's text, checked on its syntax tree. The explainer is MDX, and MDX runs what it holds: an
 * `import`, an `{expression}`, any JSX element. Content is data, so the text may hold Markdown and
 * one component, `<Cite quote="id" />` or `<Cite claim="id" />`, and nothing else; links must lead
 * to the web, to e-mail or to this site (`linkProblem`). The text is parsed with the parser
 * `@astrojs/mdx` uses (remark-parse, remark-mdx, remark-gfm), so what is checked is what would be
 * built: a fence, a code span or an escape means here what it means there.
 */

/** A `<Cite … />` in the story text, where the file has it. */

export interface CheckedBody {
  /**
   * The syntax tree (mdast); render it with `renderStoryBody` only when `problems` is empty. Without
   * the nodes' positions once the text is valid: only the checks read them (each citation keeps its
   * own line and column), and the content store would otherwise serialise three objects more for
   * every node of every story, most of what it wrote.
   */
  tree: Root;
  /** Every `<Cite … />`, in the order the text has them. */
  citations: Citation[];
  /** Everything the text may not hold, each with its line and column; empty when the text is safe. */
  problems: ContentProblem[];
}

/** The kinds of Markdown node the text may hold as they are (links and definitions are checked). */
const MARKDOWN = new Set<string>([
  'root',
  'paragraph',
  'heading',
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'code',
  'blockquote',
  'list',
  'listItem',
  'link',
  'linkReference',
  'definition',
  'thematicBreak',
  'break',
  'table',
  'tableRow',
  'tableCell',
  'footnoteReference',
  'footnoteDefinition',
]);


/** The most of the offending text a problem quotes. */
const MAX_VALUE = 80;

const ALLOWED = 'the story text may hold Markdown and <Cite quote="id" /> or <Cite claim="id" /> only';

type JsxElement = Extract<Nodes, { type: 'mdxJsxTextElement' | 'mdxJsxFlowElement' }>;

/** The id a `<Cite>` names, or why it names none. */
function readCite(node: JsxElement, written: string): { kind: 'quote' | 'claim'; id: string } | { wrong: string } {
  const [attribute, ...more] = node.attributes;
  if (attribute === undefined) return { wrong: 'a <Cite> without quote="id" or claim="id"' };
  if (attribute.type !== 'mdxJsxAttribute') return { wrong: 'a <Cite> with a {…} spread of attributes' };
  if (more.length > 0)
    return {
      wrong: `a <Cite> with ${node.attributes.length} attributes (${node.attributes
        .map((a) => (a.type === 'mdxJsxAttribute' ? a.name : '{…}'))
        .join(', ')})`,
    };
  if (attribute.name !== 'quote' && attribute.name !== 'claim')
    return { wrong: `a <Cite> with the attribute ${attribute.name} instead of quote or claim` };
  if (attribute.value === null || attribute.value === undefined)
    return { wrong: `a <Cite> whose ${attribute.name} has no value` };
  if (typeof attribute.value !== 'string')
    return { wrong: `a <Cite> whose ${attribute.name} is a {…} expression rather than a quoted id` };
  if (!ID_PATTERN.test(attribute.value))
    return {
      wrong: `a <Cite> whose ${attribute.name} is "${attribute.value}", which is not an id (lower-case words joined by hyphens)`,
    };
  // The parser decodes references in attribute values: `quote="&#x61;"` would cite quote `a`.
  if (!new RegExp(`^<Cite\\s+${attribute.name}\\s*=\\s*(["'])${attribute.value}\\1`).test(written))
    return { wrong: `a <Cite> whose ${attribute.name} is written with character references; write the id itself` };
  if (node.children.length > 0) return { wrong: 'a <Cite> with content between <Cite> and </Cite>' };
  return { kind: attribute.name, id: attribute.value };
}

/** What the parser said, in words an editor can act on: no stack, no advice to write an MDX comment. */
function parserReason(reason: string): string {
  const comment = /\(note: to create a comment in MDX, use `\{\/\* text \*\/\}`\)/;
  const plain = comment.test(reason)
    ? `${reason.replace(comment, '').trim()} (an HTML comment \`<!-- -->\` is not MDX, and the story text holds no comments: delete it)`
    : reason;
  return plain.charAt(0).toLowerCase() + plain.slice(1);
}

interface ParseFailure {
  reason?: unknown;
  message?: unknown;
  line?: unknown;
  column?: unknown;
  place?: unknown;
}

/** The line and column of a parser message, from its fields or its `place` (a point or a position). */
function placeOf(error: ParseFailure): { line?: number; column?: number } {
  const point = (value: unknown): { line?: number; column?: number } | undefined => {
    if (value === null || typeof value !== 'object') return undefined;
    const { line, column, start } = value as { line?: unknown; column?: unknown; start?: unknown };
    if (typeof line === 'number') return { line, ...(typeof column === 'number' && { column }) };
    return point(start);
  };
  if (typeof error.line === 'number')
    return { line: error.line, ...(typeof error.column === 'number' && { column: error.column }) };
  return point(error.place) ?? {};
}

/**
 * Parses and checks a story's MDX text. Never throws for bad content: an MDX syntax error (an HTML
 * comment, an unclosed `<`) is a problem like any other, with its line and column. Each offending
 * node is one problem (what it holds is not reported again); citations come from the same walk.
 *
 * `firstLine`: the file line the body starts on, so problems point at the file's own lines.
 */
export function checkStoryBody(mdx: string, file: string, firstLine = 1): CheckedBody {
  const citations: Citation[] = [];
  const problems: ContentProblem[] = [];
  const fileLine = (line: number) => firstLine - 1 + line;

  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(mdx);
  } catch (error) {
    const failure = (error ?? {}) as ParseFailure;
    const reason = String(failure.reason ?? failure.message ?? error);
    const { line = 1, column = 1 } = placeOf(failure);
    const lineText = mdx.split(/\r?\n|\r/)[line - 1] ?? '';
    problems.push({
      file,
      field: 'body',
      value: lineText.slice(Math.max(0, column - 1 - 20), column - 1 + MAX_VALUE - 20),
      expected: `text that MDX can read, but the parser stopped at line ${fileLine(line)}, column ${column}: ${parserReason(reason)}`,
      line: fileLine(line),
      column,
    });
    return { tree: { type: 'root', children: [] }, citations, problems };
  }

  const written = (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? '' : mdx.slice(start, end);
  };
  const source = (node: Nodes) => {
    const text = written(node);
    return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
  };
  const refuse = (node: Nodes, expected: string) =>
    problems.push({
      file,
      field: 'body',
      value: source(node),
      expected,
      line: fileLine(node.position?.start.line ?? 1),
      column: node.position?.start.column ?? 1,
    });

  const visit = (node: Nodes, inLink: boolean): void => {
    switch (node.type) {
      case 'mdxjsEsm':
        return void refuse(
          node,
          `no import or export: ${ALLOWED}, and cannot load or define code (write a sentence that starts with the word "import" or "export" differently, e.g. "Imports …")`,
        );
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return void refuse(
          node,
          /^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value)
            ? `no {/* comment */}: ${ALLOWED}, and holds no comments (delete it)`
            : `no {expression}: ${ALLOWED}; MDX would run the expression as code (write a literal brace as \\{)`,
        );
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        if (node.name !== 'Cite') {
          const what = node.name === null ? 'a JSX fragment <>…</>' : `the element <${node.name}>`;
          return void refuse(
            node,
            `no HTML or JSX: ${ALLOWED}, not ${what} (write a literal < as \\<, or \`<${node.name ?? ''}>\` in a code span)`,
          );
        }
        const cite = readCite(node, written(node));
        if (!('wrong' in cite) && inLink)
          return void refuse(
            node,
            `a <Cite … /> outside a link's text, not inside it (a link inside a link is not HTML): put it after the link`,
          );
        if ('wrong' in cite)
          return void refuse(
            node,
            `<Cite quote="id" /> or <Cite claim="id" />: exactly one attribute, quote or claim, whose value is a quoted id such as "envoy-warning", and nothing else; not ${cite.wrong}`,
          );
        const citation: Citation = {
          ...cite,
          line: fileLine(node.position?.start.line ?? 1),
          column: node.position?.start.column ?? 1,
        };
        citations.push(citation);
        // The renderer reads the citation from here, so it names the same file line.
        Object.assign((node.data ??= {}), { citation });
        return;
      }
      case 'image':
      case 'imageReference':
        return void refuse(
          node,
          `no images: ${ALLOWED}; an image would load from an address when the page is read, and the site loads nothing from elsewhere (link to the picture instead: [words](https://…))`,
        );
      case 'link':
      case 'definition': {
        const problem = linkProblem(node.url);
        if (problem !== undefined)
          return void refuse(
            node,
            `a link to an http, https or mailto address, or a path on this site (/stories/…/, #anchor), not ${problem}`,
          );
        break;
      }
      default:
        if (!MARKDOWN.has(node.type))
          return void refuse(node, `${ALLOWED}, not a ${node.type} node (the parser read it so)`);
    }
    const linkText = inLink || node.type === 'link' || node.type === 'linkReference';
    if ('children' in node) for (const child of node.children) visit(child, linkText);
  };
  visit(tree, false);
  if (problems.length === 0) dropPositions(tree);
  return { tree, citations, problems };
}

function dropPositions(node: Nodes): void {
  delete node.position;
  if ('children' in node) for (const child of node.children) dropPositions(child);
  if ('attributes' in node) for (const attribute of node.attributes) delete attribute.position;
}
