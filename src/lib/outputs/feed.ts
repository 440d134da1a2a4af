import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { escapeUTF8 } from 'entities';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Story } from '../model/corpus.ts';
import type { SiteSettings } from '../model/site.ts';
import type { ActorLookup } from '../present/actors.ts';
import { renderStoryBody, storyCitations } from '../present/body.ts';
import { CORRECTION_KIND_LABELS, correctedItemLink, correctionBefore } from '../present/corrections.ts';
import { absoluteUrl, FEED_PATH, inStoryPath, storyFeedPath, storyPath } from '../present/urls.ts';
import { BOTTOM_LINE_HEADING } from '../present/labels.ts';

/**
 * The site's RSS feeds, as the options @astrojs/rss writes: the site's feed (`/feed.xml`,
 * src/pages/feed.xml.ts), its newest entries up to a cap, and one feed per story
 * (`/stories/<slug>/feed.xml`), the story and every correction or update to it, so a reader can
 * follow one developing story. Items carry plain strings; @astrojs/rss escapes them as XML text, so
 * the HTML of an item's content reaches a reader as escaped text, never as markup of the feed.
 *
 * Each kind of entry is a function from one story to its entries: the story itself (`storyEntries`)
 * and each of its corrections and updates (`correctionEntries`).
 */

/** What every feed reads besides its stories. */
export interface FeedContext {
  site: URL;
  /** Every actor, by id: a correction names the speaker a quote was given to before. */
  actors: ActorLookup;
}

/** What names the site in its feeds, from its configuration (content/site.yaml). */
export type FeedIdentity = Pick<SiteSettings, 'name' | 'description' | 'language'>;

/**
 * An entry, with the day its content last changed (a story's `updated`, a correction's date): the
 * feed's `lastBuildDate`. Its content is made only for an entry the feed keeps: the site's feed sorts
 * every story's entries and keeps its newest, and a story's content is its whole explainer rendered.
 */
interface Entry {
  item: Omit<RSSFeedItem, 'content'>;
  content: () => string;
  changed: string;
}

/** A feed as @astrojs/rss writes it, its items listed (not a glob of files). */
export type Feed = RSSOptions & { items: RSSFeedItem[] };

type EntryKind = (story: Story, context: FeedContext) => Entry[];

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

/** One entry per story, dated the day it was first published; its content is the story as last updated. */
const storyEntries: EntryKind = (story, { site }) => [
  {
    item: {
      title: story.title,
      link: absoluteUrl(storyPath(story.slug), site),
      pubDate: dayAsTime(story.published),
      description: story.dek,
    },
    content: () => storyContent(story, site),
    changed: story.updated,
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
    const content = () =>
      toHtml([
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
      item: {
        title: `${label}: ${story.title}`,
        link: absoluteUrl(inStoryPath(story.slug, correction.anchor), site),
        pubDate: dayAsTime(correction.date),
        description: correction.note,
      },
      content,
      changed: correction.date,
    };
  });

/** The feed's items: each entry with its content, made now. */
const itemsOf = (entries: readonly Entry[]): RSSFeedItem[] =>
  entries.map(({ item, content }) => ({ ...item, content: content() }));

/** Every kind of entry a feed carries. */
const ENTRY_KINDS: EntryKind[] = [storyEntries, correctionEntries];

/** The entries of these stories: every kind, newest first, then by address. */
function entriesOf(stories: readonly Story[], context: FeedContext): Entry[] {
  const time = ({ item }: Entry) => (item.pubDate === undefined ? 0 : new Date(item.pubDate).getTime());
  return stories
    .flatMap((story) => ENTRY_KINDS.flatMap((kind) => kind(story, context)))
    .sort((a, b) => time(b) - time(a) || (a.item.link ?? '').localeCompare(b.item.link ?? ''));
}

/**
 * What RSS 2.0 and its Atom extension ask of a channel beyond @astrojs/rss's fields: the feed's own
 * address (`atom:link rel="self"`, which validators and readers use to know where the feed lives), its
 * language, and `lastBuildDate`, the day its content last changed (the newest change among its entries,
 * so it follows the content, not the day of the build). Written as XML text, every value escaped.
 */
function channelExtras(self: string, language: string, entries: readonly Entry[]): string {
  const changed = entries.map((entry) => entry.changed).reduce((a, b) => (a > b ? a : b), '');
  return [
    `<atom:link href="${escapeUTF8(self)}" rel="self" type="application/rss+xml"/>`,
    `<language>${escapeUTF8(language)}</language>`,
    changed === '' ? '' : `<lastBuildDate>${dayAsTime(changed).toUTCString()}</lastBuildDate>`,
  ].join('');
}

const ATOM = { atom: 'http://www.w3.org/2005/Atom' };

/**
 * The site's feed: its newest entries, stories and corrections together, as many as the configuration
 * says (`feed.entries`: a feed of a few hundred kilobytes however large the archive, where every story
 * in full was about 7 MB at 1,000 stories).
 */
export function siteFeed(
  stories: readonly Story[],
  context: FeedContext,
  settings: FeedIdentity & Pick<SiteSettings, 'feed'>,
): Feed {
  const entries = entriesOf(stories, context).slice(0, settings.feed.entries);
  return {
    title: settings.name,
    description: settings.description,
    site: context.site,
    xmlns: ATOM,
    customData: channelExtras(absoluteUrl(FEED_PATH, context.site), settings.language, entries),
    items: itemsOf(entries),
  };
}

/** One story's feed: the story and each correction or update to it, newest first. */
export function storyFeed(story: Story, context: FeedContext, identity: FeedIdentity): Feed {
  const entries = entriesOf([story], context);
  return {
    title: `${story.title} · ${identity.name}`,
    description: `“${story.title}” and every correction or update to it.`,
    site: absoluteUrl(storyPath(story.slug), context.site),
    xmlns: ATOM,
    customData: channelExtras(absoluteUrl(storyFeedPath(story.slug), context.site), identity.language, entries),
    items: itemsOf(entries),
  };
}
