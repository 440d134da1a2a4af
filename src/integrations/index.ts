import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { z } from 'astro/zod';
import type { BuildPlan } from '../lib/outputs/buildplan.ts';
import { buildReportPath, formatBuildReport, type BuildEndStep, type BuildReport } from '../lib/outputs/buildreport.ts';
import { todayOf } from '../lib/model/calendar.ts';
import { DEFAULT_CONTENT_DIR } from '../lib/content/folder.ts';
import { imageCacheDir } from '../lib/outputs/imagecache.ts';
import { siteSettingsSchema, type SiteSettings } from '../lib/model/site.ts';
import { siteSettingsFile } from '../lib/content/settings.ts';
import { SITE_ROUTES, urlPatternOf } from '../lib/present/routes.ts';
import { checkPublishedUrls } from './publishedUrls.ts';
import { writeSearchIndex } from './searchIndex.ts';
import { writeShareCards } from './shareCards.ts';
import { siteSitemap } from './sitemap.ts';
import { verifierPlugin } from './verifier.ts';

/** The site's integration's options, checked when astro.config.mjs loads. */
const optionsSchema = z.strictObject({
  /** The content folder the site is built from, relative to the project's root (astro.config.mjs passes `CONTENT_DIR`'s). */
  contentDir: z.string().min(1).default(DEFAULT_CONTENT_DIR),
  /**
   * `npm run urls:update`: add this build's URLs to the published-URL manifest and record what each
   * published page says, instead of failing on URLs the manifest lacks.
   */
  updatePublishedUrls: z.boolean().default(false),
  /** A preview build (`SITE_PREVIEW=1`, `npm run build:preview`): drafts built, every page `noindex`. */
  preview: z.boolean().default(false),
  /** Where share cards and the logo are kept between builds (`SHARE_CARD_CACHE`); by default one folder per content folder. */
  imageCache: z.string().min(1).optional(),
  /** The build's day, `YYYY-MM-DD`: nothing in the content may be dated after it. By default `SITE_TODAY`, else the clock's. */
  today: z.iso.date().optional(),
  /** The site's configuration, as astro.config.mjs read it from the content folder (src/lib/content/settings.ts). */
  settings: siteSettingsSchema,
});

export type SiteOptions = z.input<typeof optionsSchema>;

/** What pages, routes and the content config read of the options: `virtual:verifiable-explainers/config`. */
export interface SiteConfig {
  /** The content folder, absolute. */
  contentDir: string;
  /** Whether the loader compares the corpus's URLs with the published-URL manifest (not under `urls:update`). */
  checkUrls: boolean;
  /** The image cache, absolute. */
  imageCache: string;
  /** The build's day, `YYYY-MM-DD`. */
  today: string;
  /** The site's configuration: its name, description, language, logo, contacts, licences, accounts. */
  settings: SiteSettings;
  /**
   * Whether draft stories are built, marked as drafts, and every page is `noindex`: on the dev server
   * and in a preview build, never in a production build (README, "Drafts").
   */
  drafts: boolean;
}

const CONFIG_MODULE = 'virtual:verifiable-explainers/config';
/** The plan's route: a file of every build, read and deleted at its end (src/lib/outputs/buildplan.ts). */
const BUILD_PLAN_PATTERN = '/build-plan.json';

/**
 * The site's one integration, as Starlight's is: it takes its options (checked with zod), hands what
 * pages and the content config need to them through a virtual module (and the verifier's script through
 * another, ./verifier.ts), adds the routes a command needs
 * (the dev server's card routes, or a build's plan), and runs the build's end in one order:
 *
 *   1. share cards and the logo, drawn from the build plan and written (./shareCards.ts)
 *   2. the sitemap (@astrojs/sitemap, its hooks called from here, ./sitemap.ts)
 *   3. the search index over the built pages (./searchIndex.ts)
 *   4. the published-URL check, which must see every file the steps before wrote (./publishedUrls.ts)
 *
 * then writes what they did, and how long each took, as the build's report (src/lib/outputs/buildreport.ts)
 * in Astro's cache folder: what tests and the benchmark read, where people read the log's lines.
 *
 * The content loader runs every content rule at sync (src/loader/contentLoader.ts); pages render; no
 * page draws a card or leaves state for this integration to find.
 */
export default function verifiableExplainers(options: SiteOptions): AstroIntegration {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new Error(`verifiable-explainers: ${z.prettifyError(parsed.error)}`);
  const { contentDir, updatePublishedUrls, preview, imageCache, today, settings } = parsed.data;
  const config: SiteConfig = {
    contentDir: resolve(contentDir),
    checkUrls: !updatePublishedUrls,
    imageCache: imageCacheDir(contentDir, imageCache),
    // Read once, where the config loads: the loader and the build's end judge dates by the same day.
    today: today ?? todayOf(process.env, () => new Date()),
    settings,
    // Known once Astro names the command (below); the virtual module is read after that.
    drafts: preview,
  };
  let root: URL | undefined;
  let cacheDir: URL | undefined;
  let plan: BuildPlan | undefined;
  const sitemap = siteSitemap(() => {
    if (plan === undefined) throw new Error('Sitemap: asked for before the build plan was read');
    return plan.sitemap;
  });

  return {
    name: 'verifiable-explainers',
    hooks: {
      'astro:config:setup': ({ addWatchFile, command, config: astroConfig, injectRoute, updateConfig }) => {
        root = astroConfig.root;
        if (command === 'dev') config.drafts = true;
        // astro.config.mjs read the configuration as it loaded: the dev server restarts when it changes.
        addWatchFile(siteSettingsFile(contentDir, fileURLToPath(astroConfig.root)));
        cacheDir = astroConfig.cacheDir;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'verifiable-explainers-config',
                resolveId: (id: string) => (id === CONFIG_MODULE ? `\0${CONFIG_MODULE}` : undefined),
                load: (id: string) =>
                  id === `\0${CONFIG_MODULE}` ? `export default ${JSON.stringify(config)};` : undefined,
              },
              // The verifier's script, bundled for its route, src/pages/verify.mjs.ts.
              verifierPlugin(() => astroConfig.root),
            ],
          },
        });
        const route = (pattern: string, file: string) => {
          injectRoute({ pattern, entrypoint: new URL(`../${file}`, import.meta.url), prerender: true });
        };
        if (command === 'build') route(BUILD_PLAN_PATTERN, 'cards/buildPlan.ts');
        if (command !== 'dev') return;
        // A build writes the cards and the logo at its end; the dev server, which has no end, draws
        // each on request, through the routes the route table names under src/cards/.
        for (const declared of SITE_ROUTES)
          if (declared.file.startsWith('cards/')) route(urlPatternOf(declared), declared.file);
      },
      'astro:routes:resolved': (params) => sitemap.hooks['astro:routes:resolved']?.(params),
      'astro:config:done': (params) => sitemap.hooks['astro:config:done']?.(params),
      'astro:build:done': async (params) => {
        const out = fileURLToPath(params.dir);
        const { logger } = params;
        const reportFile = buildReportPath(cacheDir!);
        // A failed build leaves no report, rather than the last build's.
        await rm(reportFile, { force: true });
        const steps: BuildReport['steps'] = [];
        const timed = async <T>(step: BuildEndStep, run: () => Promise<T>): Promise<T> => {
          const started = performance.now();
          const result = await run();
          steps.push({ step, milliseconds: performance.now() - started });
          return result;
        };
        plan = await takeBuildPlan(out);
        const cards = await timed('share cards', () =>
          writeShareCards(plan!, { out, root: root!, cache: config.imageCache, logo: settings.logo, logger }),
        );
        await timed('sitemap', async () => sitemap.hooks['astro:build:done']?.(params));
        const search = await timed('search index', () => writeSearchIndex({ out, logger }));
        const publishedUrls = await timed('published URLs', () =>
          checkPublishedUrls({
            out,
            contentDir: config.contentDir,
            update: updatePublishedUrls,
            today: config.today,
            logger,
          }),
        );
        await mkdir(dirname(reportFile), { recursive: true });
        await writeFile(
          reportFile,
          formatBuildReport({
            stories: plan.sitemap.stories.length,
            pages: params.pages.length,
            cards,
            steps,
            search,
            publishedUrls,
          }),
        );
      },
    },
  };
}

/** The build plan the plan's route wrote, deleted from the site before any step reads the site. */
async function takeBuildPlan(out: string): Promise<BuildPlan> {
  const file = join(out, BUILD_PLAN_PATTERN);
  const plan = JSON.parse(await readFile(file, 'utf8')) as BuildPlan;
  await rm(file);
  return plan;
}
