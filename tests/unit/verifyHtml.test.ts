import { describe, expect, it } from 'vitest';
import { findVerbatim } from '../../src/lib/content/verbatim';
import { htmlText, isHtml } from '../../src/lib/verify/html';

/* A publisher's page as text, one block a line, for finding a quote in the original. */

describe('htmlText', () => {
  it('reads entities, keeps inline elements inside their words, and collapses white space', () => {
    const html = '<p>&ldquo;The harbour is <em>open</em>,&rdquo; said <a href="/x">Ines\n   Example</a>.</p>';
    expect(htmlText(html)).toBe('“The harbour is open,” said Ines Example.');
  });

  it('puts each block on its own line and leaves out what a reader does not see as text', () => {
    const html = [
      '<!doctype html><html><head><title>Title</title><style>p{}</style></head><body>',
      '<nav>Home</nav><script>var quote = "not text";</script>',
      '<article><h1>Headline</h1><p>One.</p><div>Two<br>Three</div><ul><li>Four</li></ul></article>',
      '<template><p>Hidden</p></template><noscript>No script</noscript></body></html>',
    ].join('');
    expect(htmlText(html)).toBe(['Home', 'Headline', 'One.', 'Two', 'Three', 'Four'].join('\n'));
  });

  it('parses broken markup as a browser does', () => {
    expect(htmlText('<p>One <b>bold<p>Two &amp; three')).toBe('One bold\nTwo & three');
  });

  it('keeps paragraphs apart, so a cut cannot reach across them', () => {
    const text = htmlText('<p>We will stand firm.</p><p>The talks go on.</p>');
    expect(findVerbatim('We will stand firm.', text).found).toBe(true);
    expect(findVerbatim('We will […] go on', text).found).toBe(false);
    expect(findVerbatim('We will […] go on', 'We will stand firm. The talks go on.').found).toBe(true);
  });
});

describe('isHtml', () => {
  it('tells a web page from plain text by its Content-Type', () => {
    expect(isHtml('text/html; charset=utf-8')).toBe(true);
    expect(isHtml('application/xhtml+xml')).toBe(true);
    expect(isHtml('text/plain; charset=utf-8')).toBe(false);
  });
});
