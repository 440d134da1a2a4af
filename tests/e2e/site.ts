import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readSiteSettings } from '../../src/lib/content/settings';
import type { SiteSettings } from '../../src/lib/model/site';
import { urlOfFile } from '../../src/lib/outputs/manifest';
import { freePorts } from '../ports';

/**
 * The built sites the browser tests run against, each served by `astro preview` (see
 * playwright.config.ts): the real site from content/, the fixture site from
 * tests/fixtures/content/unsafe (markup in every field, a story with nothing recorded, redirects),
 * and the languages site from tests/fixtures/content/languages (quotes in Arabic script, translated);
 * and, for the story list's pages, a site of many stories (LIST_SITE).
 * Page lists are read from the build output, so a new page type is tested as soon as it is built.
 */

/**
 * The five servers' ports, free ones found when the runner loads this file (through
 * playwright.config.ts) and handed to the workers it starts through the environment they inherit, so
 * that every process of one run agrees on them; never fixed, since another process may hold any port.
 */
const PORTS_VARIABLE = 'E2E_PORTS';
process.env[PORTS_VARIABLE] ??= freePorts(5).join(',');
const [sitePort, fixturePort, languagesPort, listPort, previewPort] = process.env[PORTS_VARIABLE].split(',').map(
  Number,
) as [number, number, number, number, number];

export interface Site {
  name: string;
  dist: string;
  origin: string;
  /** The content folder it is built from, whose site.yaml (or the site's own) configures it. */
  content: string;
}

export const SITE: Site = { name: 'site', dist: 'dist', origin: `http://127.0.0.1:${sitePort}`, content: 'content' };
export const FIXTURE_SITE: Site = {
  name: 'fixture site',
  dist: 'dist-fixtures/unsafe',
  content: 'tests/fixtures/content/unsafe',
  origin: `http://127.0.0.1:${fixturePort}`,
};
/** Quotes in Pashto and Dari with their translations (tests/fixtures/content/languages). */
export const LANGUAGES_SITE: Site = {
  name: 'languages site',
  dist: 'dist-fixtures/languages',
  content: 'tests/fixtures/content/languages',
  origin: `http://127.0.0.1:${languagesPort}`,
};
export const SITES = [SITE, FIXTURE_SITE, LANGUAGES_SITE];
/**
 * 27 stories with nothing recorded (tests/fixtures/content/many-stories): enough for the story list
 * to need a second page. Apart from SITES, so the suites that visit every page do not visit 27 more
 * alike; tests/e2e/list-pages.spec.ts tests the list's pages on it.
 */
export const LIST_SITE: Site = {
  name: 'many-stories site',
  dist: 'dist-fixtures/many',
  content: 'tests/fixtures/content/many-stories',
  origin: `http://127.0.0.1:${listPort}`,
};
/**
 * The many-stories site's preview build (`SITE_PREVIEW=1`, README "Drafts"): its draft story,
 * tests/fixtures/content/many-stories/stories/secret-dredging-plan, built and marked as a draft, and
 * every page `noindex`. tests/e2e/drafts.spec.ts reads it beside the production build, LIST_SITE.
 */
export const PREVIEW_SITE: Site = {
  name: 'many-stories preview',
  dist: 'dist-fixtures/many-preview',
  content: 'tests/fixtures/content/many-stories',
  origin: `http://127.0.0.1:${previewPort}`,
};

export interface BuiltPage {
  /** The URL path: `/stories/<slug>/`. */
  path: string;
  /** The HTML file under the site's dist folder. */
  file: string;
  /** A redirect page (meta refresh) rather than a page of its own. */
  redirect: boolean;
}

/** The configuration a site is built with (src/lib/content/settings.ts): its name, origin, language… */
export const settingsOf = (site: Site): SiteSettings => readSiteSettings(site.content, process.cwd());

/** Every HTML page a site's build produced. */
export function builtPages(site: Site): BuiltPage[] {
  return readdirSync(site.dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      const html = readFileSync(file, 'utf8');
      return { path: urlOfFile(relative(site.dist, file))!, file, redirect: /<meta http-equiv="refresh"/.test(html) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Every file a site's build produced, as paths under its dist folder. */
export function builtFiles(site: Site): string[] {
  return readdirSync(site.dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
