import type { AuthorRecord, Story } from '../model/corpus.ts';
import type { SiteSettings } from '../model/site.ts';

/**
 * Who stands behind each story, as pages say it: the byline ("By …", "Edited by …", "Published …",
 * "Updated …" when it differs), an author's stories, and the "Report an error" address.
 */

/** Authors by id, as the corpus holds them. */
export type AuthorLookup = ReadonlyMap<string, AuthorRecord>;

/** The authors a story names, in its order; assembly checked that each exists. */
export const namedAuthors = (ids: readonly string[], authors: AuthorLookup): AuthorRecord[] =>
  ids.flatMap((id) => authors.get(id) ?? []);

/** What a story's dateline gives: its first publication, and its last update only when that is another day. */
export function storyDates(story: Pick<Story, 'published' | 'updated'>): { published: string; updated?: string } {
  return story.updated === story.published
    ? { published: story.published }
    : { published: story.published, updated: story.updated };
}

/** An author's stories, newest first as the corpus lists them, with what they did on each. */
export function storiesOf<S extends Pick<Story, 'authors' | 'editors'>>(
  author: Pick<AuthorRecord, 'id'>,
  stories: readonly S[],
): { story: S; as: 'author' | 'editor' | 'author and editor' }[] {
  return stories.flatMap((story) => {
    const wrote = story.authors.includes(author.id);
    const edited = story.editors.includes(author.id);
    if (!wrote && !edited) return [];
    return [{ story, as: wrote && edited ? 'author and editor' : wrote ? 'author' : 'editor' }];
  });
}

/** Where readers write to an author: their own address, or the newsroom's (the configuration's `contact.editorial`). */
export const contactOf = (author: Pick<AuthorRecord, 'contact'>, contact: SiteSettings['contact']): string =>
  author.contact ?? contact.editorial;

/**
 * The "Report an error" link of a page: a `mailto:` to the configuration's corrections address whose subject names the
 * page's address, and the quote's id on a quote's page, so the report says what it is about even when
 * the reader writes nothing more. Encoded as RFC 6068 asks (spaces as %20, never +).
 */
export function reportErrorHref(contact: SiteSettings['contact'], page: URL | string, quoteId?: string): string {
  const subject = `Error report: ${new URL(page).href}${quoteId === undefined ? '' : ` (quote ${quoteId})`}`;
  const body = 'What is wrong, and how do you know? (A link to a source helps.)\n\n';
  return `mailto:${contact.corrections}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
