import type { RSSFeedItem } from '@astrojs/rss';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Story } from '../model/corpus.ts';
import type { ActorLookup } from '../present/actors.ts';
import { renderStoryBody, storyCitations } from '../present/body.ts';
import { CORRECTION_KIND_LABELS, correctedItemLink, correctionBefore } from '../present/corrections.ts';
import { absoluteUrl, inStoryPath, storyPath } from '../present/urls.ts';
import { BOTTOM_LINE_HEADING } from '../present/labels.ts';

/**
 * The site's RSS feed (`/feed.xml`, src/pages/feed.xml.ts), as the items @astrojs/rss writes: every
 * story with its full text, newest first. Items carry plain strings; @astrojs/rss escapes them as XML
 * text, so the HTML of an item's content reaches a reader as escaped text, never as markup of the feed.
 *
 * Each kind of entry is a function from one story to its entries: the story itself (`storyEntries`)
 * and each of its corrections and updates (`correctionEntries`); `feedItems` gathers every kind and
 * orders them by date.
 */

/** What every kind of entry may read besides its story. */
interface FeedContext {
  site: URL;
  /** Every actor, by id: a correction names the speaker a quote was given to before. */
  actors: ActorLookup;
}

type EntryKind = (story: Story, context: FeedContext) => RSSFeedItem[];

const dayAsTime = (day: string) => new Date(`${day}T00:00:00Z`);

/** The story's text as its page shows it: the dek, the bottom line, then the explainer, links absolute. */
export function storyContent(story: Story, site: URL): string {
  const page = absoluteUrl(storyPath(story.slug), site);
  const lead = toHtml([
    h('p', story.dek),
    h('h2', BOTTOM_LINE_HEADING),
    h(
      'ul',
      story.bottomLine.map((point) => h('li', point)),
    ),
  ]);
  const body = renderStoryBody(story.body, storyCitations(story, page), { site: site.href, readAway: page });
  return lead + body;
}

/** One entry per story, dated the day it was first published. */
const storyEntries: EntryKind = (story, { site }) => [
  {
    title: story.title,
    link: absoluteUrl(storyPath(story.slug), site),
    pubDate: dayAsTime(story.published),
    description: story.dek,
    content: storyContent(story, site),
  },
];

/**
 * One entry per correction or update, dated the day it was published, linking its entry in the
 * story's "Corrections and updates": what changed, the note, and what the page said before.
 */
const correctionEntries: EntryKind = (story, { site, actors }) =>
  story.corrections.map((correction) => {
    const label = CORRECTION_KIND_LABELS[correction.kind];
    const item = correctedItemLink(correction, story);
    const content = toHtml([
      h(
        'p',
        correction.kind === 'withdrawn'
          ? [h('a', { href: absoluteUrl(item.href, site) }, item.text), ` withdrawn from “${story.title}”.`]
          : [`${label} to `, h('a', { href: absoluteUrl(item.href, site) }, item.text), ` in “${story.title}”.`],
      ),
      h('p', correction.note),
      ...correctionBefore(correction, story, actors).map((sentence) => h('p', `Before: ${sentence}`)),
    ]);
    return {
      title: `${label}: ${story.title}`,
      link: absoluteUrl(inStoryPath(story.slug, correction.anchor), site),
      pubDate: dayAsTime(correction.date),
      description: correction.note,
      content,
    };
  });

/** Every kind of entry the feed carries. */
const ENTRY_KINDS: EntryKind[] = [storyEntries, correctionEntries];

/** The feed's items for these stories: every kind of entry, newest first, then by address. */
export function feedItems(stories: readonly Story[], context: FeedContext): RSSFeedItem[] {
  const time = (item: RSSFeedItem) => (item.pubDate === undefined ? 0 : new Date(item.pubDate).getTime());
  return stories
    .flatMap((story) => ENTRY_KINDS.flatMap((kind) => kind(story, context)))
    .sort((a, b) => time(b) - time(a) || (a.link ?? '').localeCompare(b.link ?? ''));
}
