import { getRssString } from '@astrojs/rss';
import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { siteFeed, storyContent, storyFeed, type FeedContext } from '../../src/lib/outputs/feed';
import type { Story } from '../../src/lib/model/corpus';
import { settings } from './fixtures/settings';
import { storySchema } from '../../src/lib/model/entities';
import { corpus } from './corpus';
import { correctOlder, corpusFiles, corpus as twoStories, TODAY } from './fixtures/corpus';
import { elements, parseXml, textOf } from '../e2e/xml';

/*
 * The feeds (src/lib/outputs/feed.ts): one item per story and one per correction, newest first, with
 * the story's text in full, links absolute, citations that read right without the site's CSS, and
 * what @astrojs/rss makes of them (XML, content escaped); the site's feed capped, a story's feed its
 * own entries, each with its address, language and the day its content last changed. Not covered:
 * the built feeds of a real site, read by a third-party parser (tests/e2e/feeds.spec.ts).
 */

const site = new URL('https://example.org');

/** The site feed's items, as many as the configuration allows. */
const feedItems = (stories: readonly Story[], context: FeedContext) => siteFeed(stories, context, settings).items;

interface Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
}

/** Every element of an HTML fragment, in document order, as parse5 reads it. */
function elementsOf(html: string): Node[] {
  const found: Node[] = [];
  const walk = (node: Node) => {
    if (node.attrs !== undefined) found.push(node);
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parseFragment(html));
  return found;
}

const attribute = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;

const oneStory = (story: string, fields: Record<string, unknown> = {}) => {
  const files = corpus({ story });
  files.stories[0]!.data = storySchema.parse({ ...files.stories[0]!.data, ...fields });
  return assembleCorpus(files, TODAY).stories;
};

/** The two stories, the older with a correction of 1 June 2021 to its quote "stand-firm". */
const withCorrection = () =>
  assembleCorpus(
    correctOlder(corpusFiles(), {
      date: '2021-06-01',
      quote: 'stand-firm',
      was: { words: 'We will stand' },
      note: 'The quote was cut short.',
    }),
    TODAY,
  );

describe('feedItems', () => {
  it('gives one entry per correction, dated, linking its entry in the story’s log, with what it said before', () => {
    const { stories, actors } = withCorrection();
    const items = feedItems(stories, { site, actors });
    const correction = items.find((item) => item.link!.includes('#'))!;
    expect(correction).toMatchObject({
      title: 'Correction: The older story',
      link: 'https://example.org/stories/older/#k-2021-06-01-quote-stand-firm',
      description: 'The quote was cut short.',
      pubDate: new Date('2021-06-01T00:00:00Z'),
    });
    expect(correction.content).toContain('<p>Before: It read “We will stand”.</p>');
    expect(elementsOf(correction.content!).flatMap((node) => attribute(node, 'href') ?? [])).toEqual([
      'https://example.org/stories/older/quotes/stand-firm/',
    ]);
    // Newest first: the correction (June 2021) comes after the newer story (January 2022), before the older one.
    expect(items.map((item) => item.link)).toEqual([
      'https://example.org/stories/newer/',
      'https://example.org/stories/older/#k-2021-06-01-quote-stand-firm',
      'https://example.org/stories/older/',
    ]);
  });

  it('gives one entry per story, newest first, with its address, date and dek', () => {
    const { stories, actors } = twoStories();
    const items = feedItems(stories, { site, actors });
    expect(items.map((item) => item.link)).toEqual(
      [...stories]
        .sort((a, b) => b.published.localeCompare(a.published))
        .map((story) => `https://example.org/stories/${story.slug}/`),
    );
    const [first] = items;
    const story = stories.find((s) => first!.link!.endsWith(`/${s.slug}/`))!;
    expect(first).toMatchObject({ title: story.title, description: story.dek });
    expect(first!.pubDate).toEqual(new Date(`${story.published}T00:00:00Z`));
  });

  it('carries the dek, the bottom line and the text, every link absolute', () => {
    const [story] = oneStory('See [Ann](/actors/ann/) and [the claim](#c-c).<Cite quote="q" /><Cite claim="c" />');
    const html = storyContent(story!, site);
    expect(html.startsWith('<p>D</p><h2>The bottom line</h2><ul><li>B</li></ul>')).toBe(true);
    const hrefs = elementsOf(html).flatMap((node) => attribute(node, 'href') ?? []);
    expect(hrefs).toEqual([
      'https://example.org/actors/ann/',
      'https://example.org/stories/s/#c-c',
      'https://example.org/stories/s/#q-q',
      'https://example.org/stories/s/#c-c',
    ]);
    expect(elementsOf(html).filter((node) => attribute(node, 'data-print-url') !== undefined)).toEqual([]);
  });

  it('keeps markup in any field as text, in the HTML and again in the XML', async () => {
    const markup = '<script>alert("x")</script> & <b>bold</b>';
    const [story] = oneStory('Text.<Cite quote="q" />', { title: markup, dek: markup, bottomLine: [markup] });
    const items = feedItems([story!], { site, actors: new Map() });
    const html = items[0]!.content!;
    const names = elementsOf(html).map((node) => node.nodeName);
    expect(names).not.toContain('script');
    expect(names).not.toContain('b');

    const xml = await getRssString({ title: 'T', description: 'D', site, items });
    const [item] = elements(parseXml(xml), 'item');
    expect(textOf(item!, 'title')).toBe(markup);
    expect(textOf(item!, 'description')).toBe(markup);
    expect(textOf(item!, 'encoded', 'http://purl.org/rss/1.0/modules/content/')).toBe(html);
  });

  it('writes citations as bracketed marks, which read apart without the site’s CSS', () => {
    const [story] = oneStory('Intact.<Cite quote="q" /><Cite quote="q" /> Forces.<Cite claim="c" /><Cite claim="c" />');
    const text = parseFragment(storyContent(story!, site));
    const words: string[] = [];
    const walk = (node: { nodeName: string; value?: string; childNodes?: unknown[] }) => {
      if (node.nodeName === '#text') words.push(node.value!);
      for (const child of node.childNodes ?? []) walk(child as typeof node);
    };
    walk(text);
    expect(words.join('')).toContain('Intact.[1][1] Forces.[reported][reported]');
  });
});

describe('the feeds', () => {
  it('caps the site feed at its newest entries, and says where it lives, its language and its last change', async () => {
    const { stories, actors } = withCorrection();
    // Uncapped it carries three entries; capped at two, the newest two.
    expect(siteFeed(stories, { site, actors }, settings).items).toHaveLength(3);
    const feed = siteFeed(stories, { site, actors }, { ...settings, feed: { entries: 2 } });
    expect(feed.items.map((item) => item.link)).toEqual([
      'https://example.org/stories/newer/',
      'https://example.org/stories/older/#k-2021-06-01-quote-stand-firm',
    ]);
    const [channel] = elements(parseXml(await getRssString(feed)), 'channel');
    const self = elements(channel!, 'link', 'http://www.w3.org/2005/Atom')[0]!;
    expect([self.getAttribute('href'), self.getAttribute('rel')]).toEqual(['https://example.org/feed.xml', 'self']);
    expect(textOf(channel!, 'language')).toBe(settings.language);
    // The newest change among the entries it carries: the newer story's last update.
    const newer = stories.find((story) => story.slug === 'newer')!;
    expect(new Date(textOf(channel!, 'lastBuildDate')!)).toEqual(new Date(`${newer.updated}T00:00:00Z`));
  });

  it('renders the content of the entries the site feed keeps only, not of every story in the archive', () => {
    const { stories, actors } = withCorrection();
    // The older story's own entry is the oldest of the three: capped at two, the feed leaves it out.
    // Its text is one that rendering refuses, so rendering it would throw.
    const refused: Story['body'] = { type: 'root', children: [{ type: 'html', value: '<script></script>' }] };
    const older = stories.find((story) => story.slug === 'older')!;
    expect(() => storyContent({ ...older, body: refused }, site)).toThrow(/refuses/);
    const withRefused = stories.map((story) => (story === older ? { ...older, body: refused } : story));
    const feed = siteFeed(withRefused, { site, actors }, { ...settings, feed: { entries: 2 } });
    expect(feed.items.map((item) => item.link)).toEqual([
      'https://example.org/stories/newer/',
      'https://example.org/stories/older/#k-2021-06-01-quote-stand-firm',
    ]);
    expect(feed.items.every((item) => (item.content ?? '') !== '')).toBe(true);
  });

  it('gives a story a feed of its own: the story and its corrections, at its own address', async () => {
    const { stories, actors } = withCorrection();
    const older = stories.find((story) => story.slug === 'older')!;
    const feed = storyFeed(older, { site, actors }, settings);
    expect(feed.items.map((item) => item.link)).toEqual([
      'https://example.org/stories/older/#k-2021-06-01-quote-stand-firm',
      'https://example.org/stories/older/',
    ]);
    const [channel] = elements(parseXml(await getRssString(feed)), 'channel');
    expect(textOf(channel!, 'title')).toBe(`${older.title} · ${settings.name}`);
    expect(textOf(channel!, 'link')).toBe('https://example.org/stories/older/');
    expect(elements(channel!, 'link', 'http://www.w3.org/2005/Atom')[0]!.getAttribute('href')).toBe(
      'https://example.org/stories/older/feed.xml',
    );
  });
});
