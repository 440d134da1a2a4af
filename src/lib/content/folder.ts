import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * Which content folder a build, a command or a test reads. The site's own is `content/`; the
 * environment variable points everything at another (test fixtures, the benchmark's corpus).
 */

/** The environment variable that names another content folder. */
export const CONTENT_DIR_VARIABLE = 'CONTENT_DIR';

/** The site's own content folder, relative to the project's root. */
export const DEFAULT_CONTENT_DIR = 'content';

/** The content folder `env` names (`CONTENT_DIR`), else the site's own; absolute, a relative one taken from `root`. */
export function contentDirOf(env: Readonly<Record<string, string | undefined>>, root: string): string {
  return resolve(root, env[CONTENT_DIR_VARIABLE] || DEFAULT_CONTENT_DIR);
}

/**
 * What a cache folder's name carries so each content folder has caches of its own: nothing for the
 * site's own, `-` and a hash of the folder's absolute path for any other. A build keeps only what its
 * own pages use, so two folders sharing a cache would each delete the other's (Astro's content cache
 * in astro.config.mjs, the share cards in src/lib/outputs/imagecache.ts).
 */
export function cacheSuffixOf(contentDir: string, root: string): string {
  const dir = resolve(root, contentDir);
  if (dir === resolve(root, DEFAULT_CONTENT_DIR)) return '';
  return `-${createHash('sha256').update(dir).digest('hex').slice(0, 12)}`;
}
