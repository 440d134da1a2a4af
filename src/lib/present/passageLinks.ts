import type { Source } from '../model/corpus.ts';
import { oncePer } from './memo.ts';
import { renderSource, textFragment, withTextFragment, type RenderedText, type Stretch } from './textFragment.ts';

/**
 * Links that take a reader to a passage in the source's original page and in its archived copy,
 * scrolled to and highlighting it: the address with a URL text directive (src/lib/present/textFragment.ts),
 * computed against the source's text as the build holds it (the verbatim check's text, one paragraph a line).
 */

/** What a source gives these links: its text, its language, and where its original and archived copy are. */
export type LinkedSource = Pick<Source, 'text' | 'lang' | 'url' | 'archived'>;

export type PassageLinks =
  | {
      ok: true;
      /** The original page at the passage, when the source gives its `url`. */
      original?: string | undefined;
      /** The archived copy at the passage, when the source gives one. */
      archived?: string | undefined;
    }
  | {
      ok: false;
      /** Why no link can land on the passage alone (a text directive finds whole words, and one place only). */
      reason: string;
    };

/**
 * Each source's text rendered once a build: a page per quote asks for the same source again and again.
 * Keyed by the source object (one per source, shared by every page: src/loader/corpus.ts).
 */
const renderedOf = oncePer((source: LinkedSource): RenderedText => renderSource(source.text, source.lang));

/**
 * The links to a stretch of the source's text (a quote's span, a passage) in its original and its
 * archived copy; undefined for a source with neither (print, private, or not recorded).
 */
export function passageLinks(source: LinkedSource, span: Stretch): PassageLinks | undefined {
  if (source.url === undefined && source.archived === undefined) return undefined;
  const made = textFragment(renderedOf(source), span);
  if (!made.ok) return made;
  return {
    ok: true,
    original: source.url === undefined ? undefined : withTextFragment(source.url, made.fragment),
    archived: source.archived === undefined ? undefined : withTextFragment(source.archived.url, made.fragment),
  };
}
