import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { ROOT_FILES } from './lib/content/tree';
import { redirectsLoader, strictContent } from './loader/strict';
import {
  actorSchema,
  claimSchema,
  eventSchema,
  quoteSchema,
  redirectSchema,
  sourceSchema,
  storySchema,
} from './lib/model/entities';

/**
 * The collections, one per kind of file under `content/` (see README, "Writing a story").
 * `CONTENT_DIR` points the build at another content folder (test fixtures, the benchmark corpus).
 * Every loader is wrapped strict (src/lib/loaders.ts): a bad file fails `astro sync` and
 * `astro build` with its file, field, value and what was expected, and so does a bad reference.
 */
const contentDir = resolve(process.env.CONTENT_DIR ?? 'content');
const contentRoot = pathToFileURL(contentDir + '/');
const storiesRoot = new URL('stories/', contentRoot);
const strict = strictContent(contentDir, ['actors', 'stories', 'sources', 'quotes', 'claims', 'events', 'redirects']);

/**
 * Actors, sources, quotes, claims and events are plain text: story assembly reads their raw bodies and
 * no page renders them as HTML. Astro's glob loader would still render every Markdown body to HTML at
 * sync, over half the build's content sync at 1,000 stories (see tests/bench/run.ts), so it is handed
 * the Markdown entry type without its render function. `entryTypes` is missing from Astro's public
 * LoaderContext type: if a future Astro stops passing it, the build stops here instead of slowing down.
 */
function unrendered(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => {
      const { entryTypes } = context as LoaderContext & { entryTypes?: unknown };
      if (!(entryTypes instanceof Map)) {
        throw new Error('content.config.ts: Astro no longer passes `entryTypes` to loaders; update `unrendered()`.');
      }
      const plain = new Map([...entryTypes].map(([ext, type]) => [ext, { ...type, getRenderFunction: undefined }]));
      return loader.load({ ...context, entryTypes: plain } as LoaderContext);
    },
  };
}

/** Per-story entities get the id `<story-slug>/<file-name>`: ids are unique within a story, not across stories. */
function storyScoped(folder: string) {
  return unrendered(
    glob({
      base: storiesRoot,
      pattern: `*/${folder}/*.md`,
      generateId: ({ entry }) => {
        const [slug, , file] = entry.split('/');
        return `${slug}/${file!.replace(/\.md$/, '')}`;
      },
    }),
  );
}

export const collections = {
  actors: defineCollection({
    loader: strict.check(
      'actors',
      unrendered(
        glob({
          base: new URL('actors/', contentRoot),
          pattern: '*.md',
          generateId: ({ entry }) => entry.replace(/\.md$/, ''),
        }),
      ),
      actorSchema,
    ),
    schema: actorSchema,
  }),
  stories: defineCollection({
    loader: strict.check(
      'stories',
      glob({ base: storiesRoot, pattern: '*/story.mdx', generateId: ({ entry }) => entry.split('/')[0]! }),
      storySchema,
    ),
    schema: storySchema,
  }),
  sources: defineCollection({
    loader: strict.check('sources', storyScoped('sources'), sourceSchema),
    schema: sourceSchema,
  }),
  quotes: defineCollection({ loader: strict.check('quotes', storyScoped('quotes'), quoteSchema), schema: quoteSchema }),
  claims: defineCollection({ loader: strict.check('claims', storyScoped('claims'), claimSchema), schema: claimSchema }),
  events: defineCollection({ loader: strict.check('events', storyScoped('events'), eventSchema), schema: eventSchema }),
  redirects: defineCollection({
    loader: strict.check('redirects', redirectsLoader(join(contentDir, ROOT_FILES.redirects)), redirectSchema),
    schema: redirectSchema,
  }),
};
