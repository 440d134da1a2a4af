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

/** Prints the page as Chromium does by default: the paper size, the page's own @page margins. */
export async function printToPdf(page: Page, paper: Paper, path: string): Promise<string> {
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
