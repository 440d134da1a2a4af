import type { RedirectMeta } from '../model/entities.ts';
import type { Entry, Redirect } from '../model/corpus.ts';
import type { ProblemList } from '../content/problems.ts';
import { fileOf } from './story.ts';

const PAGE_PATH = /^\/(?:[a-z0-9][a-z0-9._-]*\/)*$/;
const FILE_PATH = /^\/(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9_-]*(\.[a-z0-9]+)$/;

/**
 * Redirects from `content/redirects.yaml`. A page redirects to a page (a redirect page is generated
 * at the old path); a file to a file of the same type (the route that builds such files serves the
 * target's contents at the old path, as a static host cannot answer with a redirect). Every target
 * is final: a redirect to another redirect would send readers round twice, or in a circle. Whether
 * the target exists is known once the site is built; the published-URL check sees to that.
 */
export function assembleRedirects(entries: Entry<RedirectMeta>[], problems: ProblemList): Redirect[] {
  const redirects = entries.map((entry) => ({ ...entry.data, from: entry.id, file: fileOf(entry) }));
  const froms = new Set(redirects.map((r) => r.from));
  for (const redirect of redirects) {
    const field = `[${JSON.stringify(redirect.from)}]`;
    const target = redirect.to.replace(/#.*$/, '');
    const fromType = FILE_PATH.exec(redirect.from)?.[1];
    if (!PAGE_PATH.test(redirect.from) && fromType === undefined) {
      problems.add(
        redirect.file,
        field,
        redirect.from,
        'an old URL path of this site without `#`: a page `/stories/<slug>/` or a file `/data/stories/<slug>.json`',
      );
    } else if (fromType !== undefined && FILE_PATH.exec(redirect.to)?.[1] !== fromType) {
      problems.add(
        redirect.file,
        `${field}.to`,
        redirect.to,
        `a file of the same type (${fromType}): a file's readers are programs that expect one`,
      );
    } else if (fromType === undefined && !PAGE_PATH.test(target)) {
      problems.add(
        redirect.file,
        `${field}.to`,
        redirect.to,
        'a page path ending in `/` (optionally with `#<anchor>`): a page redirects to a page',
      );
    } else if (target === redirect.from) {
      problems.add(redirect.file, `${field}.to`, redirect.to, 'a different URL than the old path itself');
    } else if (froms.has(target)) {
      problems.add(
        redirect.file,
        `${field}.to`,
        redirect.to,
        `a URL that is not itself redirected: send it straight to where ${target} leads`,
      );
    }
  }
  return redirects.sort((a, b) => a.from.localeCompare(b.from));
}
