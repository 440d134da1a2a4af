import type { CorpusFiles } from '../../src/lib/model/corpus';
import {
  actorSchema,
  claimSchema,
  eventSchema,
  quoteSchema,
  redirectSchema,
  sourceSchema,
  storySchema,
} from '../../src/lib/model/entities';

/** A one-story corpus as the loaders would hand it over, every file valid unless overridden. */
export function corpus(
  overrides: {
    story?: string;
    quote?: Record<string, unknown>;
    sourceText?: string;
    redirects?: Record<string, Record<string, unknown>>;
    actors?: Record<string, Record<string, unknown>>;
  } = {},
): CorpusFiles {
  const actors = overrides.actors ?? { ann: { name: 'Ann Example', kind: 'person', roles: [{ title: 'Minister' }] } };
  return {
    actors: Object.entries(actors).map(([id, data]) => ({
      id,
      filePath: `actors/${id}.md`,
      data: actorSchema.parse(data),
    })),
    authors: [],
    stories: [
      {
        id: 's',
        filePath: 's/story.mdx',
        data: storySchema.parse({
          title: 'T',
          dek: 'D',
          bottomLine: ['B'],
          published: '2024-01-10',
          updated: '2024-01-10',
        }),
        body: overrides.story ?? 'Text.<Cite quote="q" />',
      },
    ],
    sources: [
      {
        id: 's/src',
        filePath: 's/sources/src.md',
        data: sourceSchema.parse({
          title: 'Src',
          published: { on: '2024-01-09', statedAs: '9 Jan', provenance: 'stated' },
        }),
        body: overrides.sourceText ?? '“We will return,” Ann said on Monday, 9 Jan.',
      },
    ],
    quotes: [
      {
        id: 's/q',
        filePath: 's/quotes/q.md',
        data: quoteSchema.parse({
          speaker: 'ann',
          source: 'src',
          form: 'direct',
          medium: 'statement',
          ...overrides.quote,
        }),
        body: 'We will return',
      },
    ],
    claims: [
      {
        id: 's/c',
        filePath: 's/claims/c.md',
        data: claimSchema.parse({ source: 'src', status: 'reported', quotes: ['q'] }),
        body: 'A claim.',
      },
    ],
    events: [
      {
        id: 's/e',
        filePath: 's/events/e.md',
        data: eventSchema.parse({
          title: 'E',
          when: { on: '2024-01-08', statedAs: 'Monday', provenance: 'stated' },
          source: 'src',
          quotes: ['q'],
        }),
        body: 'It happened.',
      },
    ],
    redirects: Object.entries(overrides.redirects ?? {}).map(([id, data]) => ({
      id,
      filePath: 'redirects.yaml',
      data: redirectSchema.parse(data),
    })),
  };
}
