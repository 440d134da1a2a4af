import { readFileSync } from 'node:fs';
import { readMarkdownFile } from '../../src/lib/content/frontmatter';
import type { ActorNames } from '../../src/lib/authoring/actors';

/** The seed article's text and the project's actors, as the authoring tests read them. */

const seedPath = 'content/stories/khalilzad-warns-taliban/sources/seed-article.md';
const seedFile = readMarkdownFile(seedPath, readFileSync(seedPath, 'utf8'));
if ('problem' in seedFile) throw new Error(seedFile.problem.expected);

/** The seed article's body, verbatim. */
export const seedText = seedFile.body;

/** The offsets of `words` in the seed text. */
export function spanOf(words: string): { start: number; end: number; text: string } {
  const start = seedText.indexOf(words);
  if (start < 0) throw new Error(`not in the seed: ${words}`);
  return { start, end: start + words.length, text: words };
}

const actor = (id: string, name: string, kind: ActorNames['kind'], aliases: string[] = []): ActorNames => ({
  id,
  name,
  kind,
  aliases,
});

/** The seed's actors, as content/actors/*.md name them. */
export const seedActors: ActorNames[] = [
  actor('zalmay-khalilzad', 'Zalmay Khalilzad', 'person', ['US peace envoy']),
  actor('mohammad-masoom-stanekzai', 'Mohammad Masoom Stanekzai', 'person', ['senior Afghan peace delegate']),
  actor('sher-mohammad-abbas-stanekzai', 'Sher Mohammad Abbas Stanekzai', 'person'),
  actor('taliban', 'Taliban', 'organisation', ['Taliban militants']),
  actor('united-states', 'United States', 'organisation', ['US']),
  actor('united-nations', 'United Nations', 'organisation', ['UN']),
  actor('islamic-republic-of-afghanistan', 'Islamic Republic of Afghanistan', 'organisation', [
    'Afghan government',
    'the Republic',
  ]),
  actor('us-european-communique', 'US-European Communique', 'organisation'),
];
