import { defineCollection } from 'astro:content';
import site from 'virtual:verifiable-explainers/config';
import { z } from 'astro/zod';
import type { ActorRecord, AuthorRecord, Redirect } from './lib/model/corpus.ts';
import { contentLoaders, type StoredFonts, type StoredProblems } from './loader/contentLoader.ts';
import { storyEntrySchema } from './loader/storyFiles.ts';

/**
 * The collections pages read, all filled by one loader from one read of the content folder
 * (src/loader/contentLoader.ts): the files are checked against the schemas in src/lib/model/ and
 * assembled there, so these collections hold only assembled, valid content. Their schemas only name
 * the types for `getCollection`; the loader has already validated everything. A story's entry only
 * names the file beside the store that holds it (src/loader/storyFiles.ts). `contentProblems` is
 * the exception: empty but while `npm run dev` keeps the last good content of an invalid folder, it
 * holds why, for the banner every page shows then (src/components/ContentProblems.astro). `fonts` is
 * the site's fonts, planned by the loader from what the others hold, for every page's layout.
 * The content folder, the build's day (nothing in the content may be dated after it) and whether
 * drafts are built are the site integration's (src/integrations/index.ts), read once where astro.config.mjs loads it.
 */
const loaders = contentLoaders(site.contentDir, { checkUrls: site.checkUrls, today: site.today, drafts: site.drafts });

export const collections = {
  stories: defineCollection({ loader: loaders.stories, schema: storyEntrySchema }),
  actors: defineCollection({ loader: loaders.actors, schema: z.custom<ActorRecord>() }),
  authors: defineCollection({ loader: loaders.authors, schema: z.custom<AuthorRecord>() }),
  redirects: defineCollection({ loader: loaders.redirects, schema: z.custom<Redirect>() }),
  contentProblems: defineCollection({ loader: loaders.contentProblems, schema: z.custom<StoredProblems>() }),
  fonts: defineCollection({ loader: loaders.fonts, schema: z.custom<StoredFonts>() }),
};
