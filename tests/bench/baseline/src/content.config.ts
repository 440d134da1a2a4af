import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// One Markdown collection of the benchmark's source texts; `BASELINE_TEXTS` is the folder the benchmark writes.
export const collections = {
  texts: defineCollection({
    loader: glob({ base: process.env.BASELINE_TEXTS ?? 'texts', pattern: '*.md' }),
    schema: z.object({ title: z.string() }),
  }),
};
