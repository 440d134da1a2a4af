import type { APIRoute, GetStaticPaths } from 'astro';
import { openDataJsonSchema } from '../../../lib/outputs/opendata.ts';
import { SCHEMA_PATHS } from '../../../lib/present/urls.ts';

type Kind = keyof typeof SCHEMA_PATHS;

/**
 * The JSON Schemas of the open data, generated from its zod schemas (src/lib/outputs/opendata.ts):
 * /data/schema/story.json (one story's file) and /data/schema/stories.json (the index).
 */
export const getStaticPaths = (() =>
  (Object.keys(SCHEMA_PATHS) as Kind[]).map((kind) => ({
    params: { kind },
    props: { kind },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ kind: Kind }> = ({ props, site }) =>
  new Response(JSON.stringify(openDataJsonSchema(props.kind, site!), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/schema+json' },
  });
