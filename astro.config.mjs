// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import verifiableExplainers from './src/integrations/index.ts';
import { buildModeOf, cacheSuffixOf, contentDirOf } from './src/lib/content/folder.ts';
import { readSiteSettings } from './src/lib/content/settings.ts';

/**
 * `CONTENT_DIR` builds another content folder (test fixtures, the benchmark corpus). Each folder gets
 * its own cache folder, so building one folder does not replace every entry of another's content store.
 */
const contentDir = contentDirOf(process.env, process.cwd());

/**
 * `SITE_PREVIEW=1` (`npm run build:preview`) builds drafts, marks every page `noindex`, and writes to
 * `dist-preview/`; `OUT_DIR` keeps a fixture build apart from the site's `dist/`;
 * `UPDATE_PUBLISHED_URLS=1` is `npm run urls:update` (README, "Drafts" and "Published URLs and redirects").
 */
const { preview, outDir, updatePublishedUrls } = buildModeOf(process.env, process.cwd());

/** The site's configuration, `site.yaml` in the content folder (README, "The site's configuration"). */
const settings = readSiteSettings(contentDir, process.cwd());

// Absolute URLs (canonical, og:image, feeds, sitemap, printed links) are made on the configured origin;
// `SITE_URL` overrides it for one build, such as a preview deployed at another address.
const site = process.env.SITE_URL || settings.origin;
const cacheSuffix = cacheSuffixOf(contentDir, process.cwd());
const cacheDir = cacheSuffix ? `./node_modules/.astro/content${cacheSuffix}/` : undefined;

export default defineConfig({
  site,
  trailingSlash: 'always',
  ...(cacheDir && { cacheDir }),
  ...(outDir && { outDir }),
  // Four pages at a time: with one, the build waits on each page's file writes (a third of a profiled
  // N = 1,000 build was idle); pages share the corpus, fonts and share cards, each loaded once.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  // Astro renders no story's Markdown: the content loader checks story text on its syntax tree and the
  // story page renders it (src/lib/content/body.ts, src/lib/present/body.ts). It compiles only the
  // newsroom's own pages, src/pages/*.mdx, through remark with remark-gfm (tables, autolinks), the
  // processor the stack names. Its highlighter stays off: Shiki's inline styles would need
  // 'unsafe-inline' under the CSP.
  markdown: { syntaxHighlight: false },
  // MDX for those pages; then the site's own integration, whose options are the only place the
  // environment is read for it.
  integrations: [
    mdx({ processor: unified({ remarkPlugins: [remarkGfm] }) }),
    verifiableExplainers({
      contentDir,
      updatePublishedUrls,
      preview,
      imageCache: process.env.SHARE_CARD_CACHE || undefined,
      settings,
    }),
  ],
  // Two routes that would build the same page (a redirect over a live page) fail the build.
  prerenderConflictBehavior: 'error',
  devToolbar: { enabled: false },
  security: {
    // A Content-Security-Policy meta tag on every page. Astro adds the hashes of the scripts and
    // styles it emits to script-src and style-src ('self' plus those hashes): any other inline
    // script, any eval, and anything from another origin is refused. The search page alone adds
    // 'wasm-unsafe-eval', for Pagefind's WebAssembly (src/pages/search.astro).
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "worker-src 'none'",
        "frame-src 'none'",
        "manifest-src 'self'",
      ],
    },
  },
});
