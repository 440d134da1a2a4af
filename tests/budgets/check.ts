/**
 * The page-weight budgets (the `budgets` table in tests/budgets/weight.ts) asserted on the built site: measures every HTML page
 * in dist/, prints one row per page type, and exits non-zero when any page is over budget.
 * Bytes only, so the result does not depend on how busy the machine is.
 *
 * Usage: npm run test:budgets [-- <dist folder>]   (default: dist)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { urlOfFile } from '../../src/lib/outputs/manifest.ts';
import { groupPages } from './routes.ts';
import { budgets, checkBudgets, fontFace, formatTable, measurePage, summarise, type PageWeight } from './weight.ts';

const [distDir = 'dist'] = process.argv.slice(2);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

const distFiles = filesUnder(distDir);
const htmlFiles = distFiles.filter((file) => file.endsWith('.html'));
if (htmlFiles.length === 0) {
  console.error(`No HTML pages in ${distDir}/: build the site first (npm run build).`);
  process.exit(1);
}

const fileOfPath = new Map(
  htmlFiles.flatMap((file) => {
    const url = urlOfFile(file);
    return url === undefined ? [] : [[url, file] as const];
  }),
);
const read = (urlPath: string) => {
  try {
    return readFileSync(join(distDir, urlPath));
  } catch {
    return undefined;
  }
};

const measured = new Map<string, PageWeight[]>();
for (const [pattern, paths] of groupPages([...fileOfPath.keys()].sort())) {
  measured.set(
    pattern,
    paths.map((path) => measurePage(path, readFileSync(join(distDir, fileOfPath.get(path)!), 'utf8'), read)),
  );
}

const fontFiles = distFiles
  .filter((file) => /\.(woff2?|ttf|otf|eot)$/i.test(file))
  .map((file) => ({ path: `/${file}`, bytes: statSync(join(distDir, file)).size }));

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const rows = summarise(measured).map((row) => {
  const page = row.heaviest;
  const limit = budgets.transferGzip[row.pattern];
  return [
    row.pattern,
    row.pages,
    kb(page.html.raw),
    kb(page.html.gzip),
    kb(page.css.raw),
    kb(page.css.gzip),
    kb(page.js.raw),
    kb(row.maxJsGzip),
    kb(page.transferGzip) + (limit === undefined ? '' : ` / ${kb(limit)}`),
    row.maxRequests,
  ];
});

console.log(
  `Page weight by page type (${distDir}/; heaviest page of each type; KB = 1,000 bytes; gz = gzip level 6)\n`,
);
console.log(
  formatTable(
    ['page type', 'pages', 'HTML', 'HTML gz', 'CSS', 'CSS gz', 'JS', 'JS gz', 'total gz / budget', 'requests'],
    rows,
  ),
);
// Fonts apart from the page rows: a browser fetches a face only for text set in it, and keeps it for every page.
const latinBytes = fontFiles.filter((font) => !fontFace(font.path).arabic).reduce((sum, font) => sum + font.bytes, 0);
console.log(`\nFont files (${distDir}/; each face cut to the characters the site shows)\n`);
console.log(
  formatTable(
    ['face', 'KB'],
    [
      ...fontFiles.map((font) => [fontFace(font.path).face, kb(font.bytes)]),
      ['Latin faces together (the most a page loads)', `${kb(latinBytes)} / ${kb(budgets.latinFontBytes)}`],
    ],
  ),
);
console.log(
  `\nBudgets: story page HTML+CSS+JS <= ${kb(budgets.transferGzip['/stories/[slug]/']!)} KB gz;` +
    ` search page before a query <= ${kb(budgets.transferGzip['/search/']!)} KB gz;` +
    ` each page of the story list (/, /page/<n>/) <= ${kb(budgets.transferGzip['/']!)} KB gz; JS <= ${kb(budgets.jsGzip)} KB gz on any page;` +
    ` web fonts self-hosted, subset (unicode-range) and <= ${kb(budgets.fontBytes)} KB each (${fontFiles.length} font files),` +
    ` the Latin faces <= ${kb(budgets.latinFontBytes)} KB together, not counted in any page's total;` +
    ' no render-blocking script in <head>; no request to another origin.',
);

const violations = checkBudgets(measured, fontFiles);
if (violations.length > 0) {
  console.error(`\n${violations.length} over budget:`);
  for (const v of violations) console.error(`  ${v.where}: ${v.rule}: ${v.detail}`);
  process.exit(1);
}
console.log('\nAll pages within budget.');
