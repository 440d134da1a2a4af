import type { APIRoute, GetStaticPaths } from 'astro';
import { openDataJsonSchema } from '../../../lib/outputs/opendata.ts';
import { pathsOf, ROUTES, SCHEMA_KINDS } from '../../../lib/present/routes.ts';

type Kind = (typeof SCHEMA_KINDS)[number];

/**
 * The JSON Schemas of the open data, generated from its zod schemas (src/lib/outputs/opendata.ts):
 * /data/schema/story.json (one story's file) and /data/schema/stories.json (the index).
 */
export const getStaticPaths = (() =>
  pathsOf(ROUTES.schema, undefined).map(({ params, props }) => ({ params, props }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ kind: Kind }> = ({ props, site }) =>
  new Response(JSON.stringify(openDataJsonSchema(props.kind, site!), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/schema+json' },
  });
