/**
 * No built site publishes more of an excerpts-only source (`publish: excerpts`) than its excerpts: for
 * each site and the content folder it is built from, every sentence such a source's page leaves out
 * (src/lib/present/excerpts.ts) is looked for in every file of the built folder (pages, open data, the
 * search index, the feed, the sitemap, scripts), and the check exits non-zero naming each one found.
 * Also prints how many source texts each site publishes in full, and how many in excerpts.
 *
 * Usage: npm run test:excerpts [-- <dist folder> <content folder>]
 * (default: the site and the four fixture sites, as package.json's `build` and `build:fixtures` make them)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { assembleCorpus } from '../../src/lib/assemble/corpus.ts';
import { readContent } from '../../src/lib/content/read.ts';
import { todayOf } from '../../src/lib/model/calendar.ts';
import { sentencesOutside, sourceExcerpts } from '../../src/lib/present/excerpts.ts';
import { findLeaks, type Withheld } from './published.ts';

const SITES: [string, string][] = [
  ['dist', 'content'],
  ['dist-fixtures/long', 'tests/fixtures/long-story/content'],
  ['dist-fixtures/unsafe', 'tests/fixtures/content/unsafe'],
  ['dist-fixtures/languages', 'tests/fixtures/content/languages'],
  ['dist-fixtures/many', 'tests/fixtures/content/many-stories'],
];

const [dist, content] = process.argv.slice(2);
const sites: [string, string][] = dist !== undefined && content !== undefined ? [[dist, content]] : SITES;
const today = todayOf(process.env, () => new Date());

function* filesUnder(dir: string): Generator<{ file: string; bytes: Uint8Array }> {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    yield { file: relative(dir, path).split(sep).join('/'), bytes: readFileSync(path) };
  }
}

let failed = false;
for (const [distDir, contentDir] of sites) {
  const { files, problems } = readContent(contentDir, process.cwd());
  if (problems.length > 0) throw new Error(`${contentDir} has content problems: build it first`);
  const { stories } = assembleCorpus(files, today);
  const sources = stories.flatMap((story) => story.sources.map((source) => ({ story, source })));
  const withheld: Withheld[] = sources
    .filter(({ source }) => source.publish === 'excerpts')
    .flatMap(({ story, source }) => {
      return sentencesOutside(source.text, source.lang, sourceExcerpts(story, source)).map(({ start, end }) => ({
        source: source.file,
        sentence: source.text.slice(start, end),
      }));
    });
  const full = sources.filter(({ source }) => source.publish === 'full').length;
  const leaks = findLeaks(filesUnder(distDir), withheld);
  console.log(
    `${distDir}: ${full} source text(s) published in full, ${sources.length - full} in excerpts; ${withheld.length} sentence(s) withheld, ${leaks.length} found in the built files`,
  );
  for (const leak of leaks)
    console.error(`  ${leak.file} holds a sentence ${leak.source} publishes only in excerpts: "${leak.sentence}"`);
  if (leaks.length > 0) failed = true;
}
process.exit(failed ? 1 : 0);
