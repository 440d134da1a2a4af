import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';

/**
 * Helpers for the print tests: printing a page to PDF, reading the PDF back with poppler-utils
 * (pdfinfo, pdftotext; .ci/run installs them), and reading what a story's content files promise.
 */

export type Paper = 'A4' | 'Letter';
export const PAPERS: Paper[] = ['A4', 'Letter'];

/**
 * Prints the page as Chromium does by default: the paper size, the page's own @page margins, once
 * the page's web fonts have loaded: a face still loading would print in a fallback. (Playwright
 * evaluates in the page even with the page's own JavaScript off.)
 */
export async function printToPdf(page: Page, paper: Paper, path: string): Promise<string> {
  await page.evaluate(() => document.fonts.ready);
  await page.pdf({ path, format: paper });
  return path;
}

export function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = /^Pages:\s+(\d+)$/m.exec(info);
  if (!pages) throw new Error(`pdfinfo gave no page count for ${pdf}:\n${info}`);
  return Number(pages[1]);
}

/** Each page's text, in the order Chromium painted it (`-raw`), one string per page. */
export function pageTexts(pdf: string): string[] {
  return Array.from({ length: pageCount(pdf) }, (_, i) =>
    execFileSync('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }),
  );
}

/**
 * Text reduced to lower-case letters and digits, so that line breaks, quotation marks, markers and
 * CSS capitals do not matter when text from the page is looked for in text from the PDF.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const frontmatter = (file: string) => parse(readFileSync(file, 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>;
const body = (file: string) => readFileSync(file, 'utf8').split(/^---$/m).slice(2).join('---').trim();

/** A story's key quotes as its content files define them: `keyQuotes`, else every direct and reported quote. */
export function keyQuoteWords(contentDir: string, slug: string): string[] {
  const storyDir = join(contentDir, 'stories', slug);
  const chosen = frontmatter(join(storyDir, 'story.mdx')).keyQuotes as string[] | undefined;
  const quotes = readdirSync(join(storyDir, 'quotes')).map((name) => {
    const file = join(storyDir, 'quotes', name);
    return { id: name.replace(/\.md$/, ''), form: frontmatter(file).form as string, words: body(file) };
  });
  const key = chosen ? quotes.filter((q) => chosen.includes(q.id)) : quotes.filter((q) => q.form !== 'paraphrase');
  return key.map((q) => q.words);
}

/** The number of event files of a story. */
export function eventCount(contentDir: string, slug: string): number {
  return readdirSync(join(contentDir, 'stories', slug, 'events')).filter((name) => name.endsWith('.md')).length;
}

/** A font a PDF embeds or names, as `pdffonts` lists it. */
export interface PdfFont {
  /** The PostScript name, without the subset tag: `SourceSerif4-Regular`. */
  name: string;
  type: string;
  embedded: boolean;
}

/** The project's faces as Chromium names them in a PDF (PostScript names), whatever the weight or style. */
export const PROJECT_FONTS = /^(SourceSerif4|SourceSans3|NotoNaskhArabic)-/;

/**
 * Every font in a PDF, read from `pdffonts`. Its columns are fixed-width, under a rule of dashes
 * whose runs give each column's span, so a type with a space ("CID TrueType") reads whole.
 */
export function pdfFonts(pdf: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n');
  const rule = lines.findIndex((line) => /^-+( -+)+$/.test(line));
  if (rule < 0) throw new Error(`pdffonts gave no table for ${pdf}:\n${lines.join('\n')}`);
  const spans = [...lines[rule]!.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  return lines
    .slice(rule + 1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [name, type, , embedded] = spans.map(([from, to]) => line.slice(from, to).trim());
      return { name: name!.replace(/^[A-Z]{6}\+/, ''), type: type!, embedded: embedded === 'yes' };
    });
}

/** The bottom page margin of print.css's `@page` rule, where the running footer prints: not content. */
export const BOTTOM_MARGIN_MM = 14;

const PAPER_HEIGHT_MM: Record<Paper, number> = { A4: 297, Letter: 279.4 };

/** A greyscale image as `pdftoppm -gray` writes it: PGM (P5), one byte a pixel, rows top to bottom. */
export function parsePgm(file: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  // The header is four whitespace-separated fields (magic, width, height, maximum value), then one whitespace byte.
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(file[at]!))) at++;
    if (file[at] === 0x23) {
      while (file[at] !== 0x0a) at++; // a comment runs to the end of its line
      continue;
    }
    const start = at;
    while (!/\s/.test(String.fromCharCode(file[at]!))) at++;
    fields.push(String.fromCharCode(...file.subarray(start, at)));
  }
  const [magic, width, height, max] = [fields[0], ...fields.slice(1).map(Number)] as [string, number, number, number];
  if (magic !== 'P5' || max > 255) throw new Error(`not an 8-bit binary PGM: ${fields.join(' ')}`);
  return { width, height, pixels: file.subarray(at + 1, at + 1 + width * height) };
}

/**
 * How much of each page is left blank below its content, as a share of the page's height: each page
 * rendered at 50 dpi in grey, the lowest row with ink (a pixel darker than 200 of 255) above the
 * bottom margin found, and the distance from it down to the margin divided by the page's height.
 * The bottom margin is left out because the running footer (print.css, `@page` margin boxes) prints
 * there on every page, whatever the content: measured to the margin, the figure is the room the
 * content still has, so 10 % means a tenth of the sheet could still be filled.
 */
export function spareHeight(pdf: string, paper: Paper): number[] {
  return Array.from({ length: pageCount(pdf) }, (_, i) => {
    const pgm = execFileSync('pdftoppm', ['-gray', '-r', '50', '-f', String(i + 1), '-l', String(i + 1), pdf]);
    const { width, height, pixels } = parsePgm(pgm);
    const contentBottom = Math.floor(height * (1 - BOTTOM_MARGIN_MM / PAPER_HEIGHT_MM[paper]));
    let lowest = -1;
    for (let row = contentBottom - 1; row >= 0 && lowest < 0; row--) {
      if (pixels.subarray(row * width, (row + 1) * width).some((value) => value < 200)) lowest = row;
    }
    return (contentBottom - 1 - lowest) / height;
  });
}
