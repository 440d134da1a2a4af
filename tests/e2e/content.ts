import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDirOf } from '../../src/lib/content/folder';

/**
 * What the e2e tests expect to find, read straight from the content files (not from the built
 * site), so a page that is missing or wrong cannot pass by agreeing with itself.
 */

const root = contentDirOf(process.env, process.cwd());

function read(file: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file}: no frontmatter`);
  return { data: (parse(match[1]!) as Record<string, unknown> | null) ?? {}, body: match[2]!.trim() };
}

const names = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length))
    .sort();

export interface ContentQuote {
  slug: string;
  id: string;
  form: 'direct' | 'reported' | 'paraphrase';
  words: string;
  /**
   * An actor; or, for a speaker the source does not name, `id` undefined, `name` the description as
   * lists show it (marked unnamed), and `description` as a sentence sets it (the description alone).
   */
  speaker: { id: string; name: string } | { id: undefined; name: string; description: string; unnamed: true };
  source: string;
  path: string;
}

export const actors = new Map(
  names(join(root, 'actors'), '.md').map((id) => [id, read(join(root, 'actors', `${id}.md`)).data.name as string]),
);

export const stories = readdirSync(join(root, 'stories')).sort();

export const quotes: ContentQuote[] = stories.flatMap((slug) => {
  const dir = join(root, 'stories', slug, 'quotes');
  return names(dir, '.md').map((id) => {
    const { data, body } = read(join(dir, `${id}.md`));
    const speaker = data.speaker as string | undefined;
    const unnamed = data.unnamed as { description: string } | undefined;
    return {
      slug,
      id,
      form: data.form as ContentQuote['form'],
      words: body,
      speaker:
        speaker === undefined
          ? {
              id: undefined,
              name: `${unnamed!.description} (unnamed)`,
              description: unnamed!.description,
              unnamed: true as const,
            }
          : { id: speaker, name: actors.get(speaker)! },
      source: data.source as string,
      path: `/stories/${slug}/quotes/${id}/`,
    };
  });
});

/** Letters and digits only, lower-cased: what typography normalisation cannot change. */
export const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
