import { DOMParser, onWarningStopParsing, type Document, type Element } from '@xmldom/xmldom';

/**
 * XML read as XML, with @xmldom/xmldom's parser: a document that is not well-formed (or draws even a
 * warning) throws, naming what is wrong. For the feed, the sitemap and the favicon.
 */
export function parseXml(text: string): Document {
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, 'text/xml');
}

/** The elements named `name` under `parent` (in `namespace`, if given), in document order. */
export function elements(parent: Document | Element, name: string, namespace?: string): Element[] {
  return Array.from(
    namespace === undefined ? parent.getElementsByTagName(name) : parent.getElementsByTagNameNS(namespace, name),
  );
}

/** The text of the first element named `name` under `parent`, entities decoded; undefined if there is none. */
export function textOf(parent: Element, name: string, namespace?: string): string | undefined {
  return elements(parent, name, namespace)[0]?.textContent ?? undefined;
}
