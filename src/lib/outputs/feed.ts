import type { RSSFeedItem } from '@astrojs/rss';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Story } from '../model/corpus';
import { renderStoryBody, storyCitations } from '../present/body';
import { absoluteUrl, storyPath } from '../present/urls';

/**
 * The site's RSS feed (`/feed.xml`, src/pages/feed.xml.ts), as the items @astrojs/rss writes: every
 * story with its full text, newest first. Items carry plain strings; @astrojs/rss escapes them as XML
 * text, so the HTML of an item's content reaches a reader as escaped text, never as markup of the feed.
 *
 * Each kind of entry is a function from one story to its entries (`storyEntries`); `feedItems` gathers
 * every kind and orders them by date, so another kind (one entry per published correction) is one
 * more function in `ENTRY_KINDS`.
 */

type EntryKind = (story: Story, site: URL) => RSSFeedItem[];

/** The story's text as its page shows it: the dek, the bottom line, then the explainer, links absolute. */
export function storyContent(story: Story, site: URL): string {
  const page = absoluteUrl(storyPath(story.slug), site);
  const lead = toHtml([
    h('p', story.dek),
    h('h2', 'The bottom line'),
    h(
      'ul',
      story.bottomLine.map((point) => h('li', point)),
    ),
  ]);
  const body = renderStoryBody(story.body, storyCitations(story, page), { site: site.href, readAway: page });
  return lead + body;
}

/** One entry per story, dated the day it was first published. */
const storyEntries: EntryKind = (story, site) => [
  {
    title: story.title,
    link: absoluteUrl(storyPath(story.slug), site),
    pubDate: new Date(`${story.published}T00:00:00Z`),
    description: story.dek,
    content: storyContent(story, site),
  },
];

/** Every kind of entry the feed carries. */
const ENTRY_KINDS: EntryKind[] = [storyEntries];

/** The feed's items for these stories: every kind of entry, newest first, then by address. */
export function feedItems(stories: readonly Story[], site: URL): RSSFeedItem[] {
  const time = (item: RSSFeedItem) => (item.pubDate === undefined ? 0 : new Date(item.pubDate).getTime());
  return stories
    .flatMap((story) => ENTRY_KINDS.flatMap((kind) => kind(story, site)))
    .sort((a, b) => time(b) - time(a) || (a.link ?? '').localeCompare(b.link ?? ''));
}
