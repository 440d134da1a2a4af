import { decodeHTML, decodeHTMLAttribute, decodeHTMLStrict } from 'entities';

/**
 * Which link addresses content may hold. A story's links, and every address the built pages carry,
 * must lead to an ordinary web page, an e-mail address, or a place on this site: never to code
 * (`javascript:`, `vbscript:`), to a document made up on the spot (`data:`), to the reader's own disk
 * (`file:`), or to another host through an address that looks like a path (`//host`); nor may it
 * carry a user name or password (`https://user:pass@host/`), which hides the host and publishes them.
 *
 * The scheme is decided as a browser would decide it, and then some: HTML character references
 * (`&#58;`, `&colon;`, `&#x3A`) and percent-escapes (`%3A`) are decoded, again and again, since an
 * address can pass through more than one decoder on its way to the browser; ASCII white space and
 * control characters are removed wherever they are (a browser drops a tab or a line break in the
 * middle of `java\tscript:`); case is ignored. Whatever is still unclear is refused.
 */

/**
 * The schemes a link may use: the web, and e-mail. Everything else (`javascript:`, `vbscript:`,
 * `data:`, `file:`, `ftp:`, a made-up `foo:`) is refused; a link without a scheme must be a path on
 * this site (`/stories/x/`, `foo/`, `#anchor`, `?query`).
 */
export const ALLOWED_SCHEMES: readonly string[] = Object.freeze(['http', 'https', 'mailto']);

/** How many times an address is decoded before it must stop changing; deeper encoding is refused. */
const MAX_DECODINGS = 8;

/** A base no real address has: a path resolved against it stays on it, anything else leaves it. */
const SAME_SITE = 'https://same-site.invalid/';

/** A scheme, as the URL standard reads one at the start of an address. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** ASCII white space and control characters, which browsers drop inside or around a scheme. */
// eslint-disable-next-line no-control-regex -- matching C0 controls is the point; \p{Cc} would also match C1 (U+0080–U+009F)
const INVISIBLE = /[\u0000-\u0020\u007f]/g;

/** Longest named reference the HTML standard defines (`&CounterClockwiseContourIntegral;`). */
const LONGEST_NAME = 32;

/**
 * Named references decoded whether or not a semicolon ends them (`&colon`, `&Tab`), which is more
 * than a browser does: a reference a browser would leave alone can only make the address look worse.
 */
function decodeNamesGreedily(text: string): string {
  return text.replace(/&([A-Za-z][A-Za-z0-9]*)(;?)/g, (match, name: string, semicolon: string) => {
    if (semicolon === ';') {
      const decoded = decodeHTMLStrict(match);
      if (decoded !== match) return decoded;
    }
    for (let length = Math.min(name.length, LONGEST_NAME); length > 0; length--) {
      const candidate = `&${name.slice(0, length)};`;
      const decoded = decodeHTMLStrict(candidate);
      if (decoded !== candidate) return decoded + name.slice(length) + semicolon;
    }
    return match;
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Percent-escapes decoded as UTF-8 bytes; a lone `%` is left as it is, as a browser leaves it. */
function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) =>
    utf8.decode(Uint8Array.from(run.slice(1).split('%'), (byte) => parseInt(byte, 16))),
  );
}

/**
 * The ways an HTML character reference is read: in text (legacy references without `;` decoded), in
 * an attribute (the same, except before `=` or a letter), and greedily (every name, `;` or not).
 * Numeric references (`&#58`, `&#x003A;`, `&#0000058`) are decoded by all three.
 */
const REFERENCE_DECODERS: readonly ((text: string) => string)[] = [
  (text) => decodeHTML(text),
  (text) => decodeHTMLAttribute(text),
  (text) => decodeNamesGreedily(decodeHTML(text)),
];

/** A problem that names the scheme: "a javascript: link". */
const SCHEME_PROBLEM = /^an? [a-z][a-z0-9+.-]*: link$/;

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** What is wrong with one reading of an address (already decoded), or undefined if it is allowed. */
function problemOf(reading: string): string | undefined {
  const address = reading.replace(INVISIBLE, '');
  if (address === '') return 'an empty address';
  const scheme = SCHEME.exec(address)?.[1]?.toLowerCase();
  if (scheme !== undefined && !ALLOWED_SCHEMES.includes(scheme)) return `${article(scheme)} ${scheme}: link`;
  // A browser reads `\` as `/` in a web address: `\\host`, `/\host` and `\/host` are `//host`.
  if (/^[/\\]{2}/.test(address)) return 'a protocol-relative address (//host), which leads to another site';
  if (scheme === undefined && /^[^/?#]*:/.test(address))
    return 'an address whose scheme cannot be read (a colon before the first slash)';
  let url: URL;
  try {
    url = new URL(address, SAME_SITE);
  } catch {
    return 'an address a browser cannot read';
  }
  if (!ALLOWED_SCHEMES.includes(url.protocol.slice(0, -1))) return `${article(url.protocol)} ${url.protocol} link`;
  if (scheme === undefined && !url.href.startsWith(SAME_SITE))
    return 'an address that looks like a path but leads to another site';
  if (scheme !== undefined && scheme !== 'mailto' && url.hostname === '')
    return `${article(scheme)} ${scheme}: link without a host`;
  // `https://trusted.example@other.example/` leads to other.example; a password in an address is published with it.
  if (url.username !== '' || url.password !== '')
    return 'an address with a user name or password before its host (user:password@host), which hides where it leads and publishes the password';
  return undefined;
}

/**
 * What is wrong with a link address, in words ("a javascript: link", "a protocol-relative address
 * (//host), …"), or undefined when it is allowed: an http, https or mailto address, or a path, query
 * or fragment on this site. The address is checked as written and after every round of decoding
 * character references and percent-escapes, in each way a browser or a sloppier decoder might read
 * them; any reading that is not allowed refuses the address, and so does an address that is still
 * changing after eight rounds.
 */
export function linkProblem(url: string): string | undefined {
  const problems: string[] = [];
  for (const decodeReferences of REFERENCE_DECODERS) {
    let reading = url;
    for (let round = 0; ; round++) {
      const problem = problemOf(reading);
      if (problem !== undefined) problems.push(problem);
      const next = decodePercent(decodeReferences(reading));
      if (next === reading) break;
      if (round === MAX_DECODINGS) {
        problems.push(`an address still encoded after ${MAX_DECODINGS} rounds of decoding`);
        break;
      }
      reading = next;
    }
  }
  // The scheme a reading reveals says most: `java%0Ascript:` is "a javascript: link", not a colon.
  return problems.find((problem) => SCHEME_PROBLEM.test(problem)) ?? problems[0];
}
