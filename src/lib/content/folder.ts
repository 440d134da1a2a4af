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

/** The environment variable that makes a build a preview: `SITE_PREVIEW=1` (`npm run build:preview`). */
export const PREVIEW_VARIABLE = 'SITE_PREVIEW';

/** Where a preview build is written unless `OUT_DIR` says: never `dist/`, the folder that is deployed. */
export const PREVIEW_OUT_DIR = 'dist-preview';

/** The folder a production build writes, which is deployed: a preview may never be written there. */
const PRODUCTION_OUT_DIR = 'dist';

/**
 * What the environment makes of a build: whether it is a preview (drafts built and every page
 * `noindex`, README "Drafts"), where it is written (`OUT_DIR`, else Astro's `dist/`, else for a preview
 * `dist-preview/`), and whether it records the published URLs (`UPDATE_PUBLISHED_URLS=1`). The one
 * place astro.config.mjs reads these variables. A preview written to `dist/`, or recording the
 * published URLs, is refused: either would publish drafts.
 */
export function buildModeOf(
  env: Readonly<Record<string, string | undefined>>,
  root: string,
): { preview: boolean; outDir: string | undefined; updatePublishedUrls: boolean } {
  const preview = env[PREVIEW_VARIABLE] === '1';
  const updatePublishedUrls = env.UPDATE_PUBLISHED_URLS === '1';
  const outDir = env.OUT_DIR || (preview ? PREVIEW_OUT_DIR : undefined);
  if (preview && updatePublishedUrls)
    throw new Error(
      `${PREVIEW_VARIABLE}=1 with UPDATE_PUBLISHED_URLS=1: a preview builds drafts, whose URLs must never be recorded as published; run npm run urls:update without ${PREVIEW_VARIABLE}`,
    );
  if (preview && outDir !== undefined && resolve(root, outDir) === resolve(root, PRODUCTION_OUT_DIR))
    throw new Error(
      `${PREVIEW_VARIABLE}=1 with OUT_DIR=${outDir}: a preview is never written to ${PRODUCTION_OUT_DIR}/, the folder that is deployed (by default it goes to ${PREVIEW_OUT_DIR}/)`,
    );
  return { preview, outDir, updatePublishedUrls };
}
