import { createHash } from 'node:crypto';

/**
 * Text that has to travel inside CSS, such as the story title in the printed page footer (an
 * `@page` margin box can show a string or a custom property, never an element's text).
 */

/**
 * `value` as a double-quoted CSS string: backslashes and quotes escaped, line breaks and other
 * control characters as hex escapes, and `<` escaped so the text can never close the `<style>`
 * element it is written into.
 */
export function quoteCssString(value: string): string {
  // eslint-disable-next-line no-control-regex -- escaping C0 controls is the point; \p{Cc} would also take C1 (U+0080–U+009F)
  const escaped = value.replace(/[\\"<\u0000-\u001f\u007f]/g, (ch) =>
    ch === '\\' || ch === '"' ? `\\${ch}` : `\\${ch.codePointAt(0)!.toString(16)} `,
  );
  return `"${escaped}"`;
}

/** The CSP source expression (`'sha256-…'` without quotes, as Astro takes it) that allows an inline `<style>` with exactly this text. */
export function styleHash(css: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}`;
}
