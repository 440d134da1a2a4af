import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import {
  actorSchema,
  claimSchema,
  eventSchema,
  quoteSchema,
  sourceSchema,
  storySchema,
} from './schemas/entities';

/**
 * The collections, one per kind of file under `content/` (see README, "Writing a story").
 * `CONTENT_DIR` points the build at another content folder (test fixtures, the benchmark corpus).
 */
const contentRoot = pathToFileURL(resolve(process.env.CONTENT_DIR ?? 'content') + '/');
const storiesRoot = new URL('stories/', contentRoot);

/** Per-story entities get the id `<story-slug>/<file-name>`: ids are unique within a story, not across stories. */
function storyScoped(folder: string) {
  return glob({
    base: storiesRoot,
    pattern: `*/${folder}/*.md`,
    generateId: ({ entry }) => {
      const [slug, , file] = entry.split('/');
      return `${slug}/${file!.replace(/\.md$/, '')}`;
    },
  });
}

export const collections = {
  actors: defineCollection({
    loader: glob({ base: new URL('actors/', contentRoot), pattern: '*.md', generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
    schema: actorSchema,
  }),
  stories: defineCollection({
    loader: glob({ base: storiesRoot, pattern: '*/story.mdx', generateId: ({ entry }) => entry.split('/')[0]! }),
    schema: storySchema,
  }),
  sources: defineCollection({ loader: storyScoped('sources'), schema: sourceSchema }),
  quotes: defineCollection({ loader: storyScoped('quotes'), schema: quoteSchema }),
  claims: defineCollection({ loader: storyScoped('claims'), schema: claimSchema }),
  events: defineCollection({ loader: storyScoped('events'), schema: eventSchema }),
};
