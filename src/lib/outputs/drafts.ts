import { aDraft, type Redirect } from '../model/corpus.ts';
import type { ContentProblem } from '../content/problems.ts';
import { routeAt } from '../present/routes.ts';

/**
 * What drafts (src/lib/assemble/drafts.ts) mean for the site's URLs: no redirect may send readers to
 * a draft's page or file, and no story the published-URL manifest lists may become a draft. The
 * content loader checks both on every read, the dev server's and a preview's too, so an editor meets
 * the problem before the production build does. A URL's story is its route's `slug` (the route table,
 * src/lib/present/routes.ts): a story's pages, cards, feed and data all have one.
 */

/** The story slug of a URL path of this site, when it is a story's page or file. */
const storyOf = (url: string): string | undefined => routeAt(url.split('#')[0] ?? '')?.params.slug;

/** Redirects (content/redirects.yaml) whose target is a draft's page or file. */
export function draftRedirectProblems(
  redirects: readonly Redirect[],
  drafts: ReadonlyMap<string, string>,
): ContentProblem[] {
  return redirects.flatMap((redirect) => {
    const slug = storyOf(redirect.to);
    const draft = slug === undefined ? undefined : drafts.get(slug);
    return slug === undefined || draft === undefined
      ? []
      : [
          {
            file: redirect.file,
            field: `[${JSON.stringify(redirect.from)}].to`,
            value: redirect.to,
            expected: `a URL this site publishes: ${aDraft(slug, draft)}`,
          },
        ];
  });
}

/**
 * Drafts whose pages the published-URL manifest lists: a story once published is not taken back by
 * marking it a draft (every link to it would break); it is corrected, or its pages redirected.
 * `manifest` is the manifest's URLs.
 */
export function publishedDraftProblems(
  drafts: ReadonlyMap<string, string>,
  manifest: readonly string[],
  manifestFile: string,
): ContentProblem[] {
  const listed = new Map<string, string>();
  for (const url of manifest) {
    const slug = storyOf(url);
    if (slug !== undefined && drafts.has(slug) && !listed.has(slug)) listed.set(slug, url);
  }
  return [...drafts].flatMap(([slug, file]) => {
    const url = listed.get(slug);
    return url === undefined
      ? []
      : [
          {
            file,
            field: 'draft',
            value: true,
            expected: `\`false\`, or no \`draft\`: the story is published (${manifestFile} lists ${url}), and a published story stays published: correct it, or redirect its pages`,
          },
        ];
  });
}
