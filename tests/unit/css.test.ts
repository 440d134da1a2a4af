import { describe, expect, it } from 'vitest';
import { quoteCssString, styleHash } from '../../src/lib/present/css';

/*
 * Text carried into CSS for the print footer. Not covered here: that Chromium shows it in the page
 * margin (tests/e2e/print.spec.ts reads the printed footer).
 */

describe('quoteCssString', () => {
  it('wraps plain text in double quotes', () => {
    expect(quoteCssString("The US envoy's warning")).toBe('"The US envoy\'s warning"');
  });

  it('escapes what would end the string or the style element', () => {
    expect(quoteCssString('A "quoted" word')).toBe('"A \\"quoted\\" word"');
    expect(quoteCssString('back\\slash')).toBe('"back\\\\slash"');
    expect(quoteCssString('</style><script>')).toBe('"\\3c /style>\\3c script>"');
  });

  it('writes line breaks and control characters as hex escapes', () => {
    expect(quoteCssString('two\nlines')).toBe('"two\\a lines"');
    expect(quoteCssString('tab\there')).toBe('"tab\\9 here"');
  });

  it('keeps typographic characters as they are', () => {
    expect(quoteCssString('“Curly” – and ≈')).toBe('"“Curly” – and ≈"');
  });
});

describe('styleHash', () => {
  it('is the base64 SHA-256 a Content-Security-Policy expects', () => {
    // Reference value: printf ':root{--print-title:"x"}' | openssl dgst -sha256 -binary | base64
    const css = ':root{--print-title:"x"}';
    expect(styleHash(css)).toBe('sha256-+ygYW71L2B3V4AUTnIBVMO7p44RCom4OZk1dmVtMhEQ=');
    expect(styleHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(styleHash(css)).not.toBe(styleHash(':root{--print-title:"y"}'));
  });
});
