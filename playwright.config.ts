import { defineConfig, devices } from '@playwright/test';
import { LIST_SITE, PREVIEW_SITE, SITES, SITE } from './tests/e2e/site';

/**
 * Browser tests run against the built sites, served by `astro preview`, in Debian's Chromium
 * (Playwright's own browser download cannot reach its server from here):
 * - e2e (tests/e2e): what readers do, and the safety of the pages (CSP, requests, escaping);
 * - quality (tests/quality): validators and auditors over every built page: vnu, html-validate,
 *   linkinator, axe, Lighthouse, and the published-URL manifest.
 * Five servers: the site (dist/, `npm run build`) and the fixture sites (dist-fixtures/unsafe,
 * dist-fixtures/languages, dist-fixtures/many and its preview build dist-fixtures/many-preview,
 * `npm run build:fixtures`), each on a port found free
 * as this file loads (tests/e2e/site.ts). Each run starts its own servers: one already listening
 * would be tested instead of the build, whatever it serves.
 */
const port = (origin: string) => Number(new URL(origin).port);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: SITE.origin,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'e2e', testDir: 'tests/e2e', use: { ...devices['Desktop Chrome'] } },
    { name: 'quality', testDir: 'tests/quality', use: { ...devices['Desktop Chrome'] } },
  ],
  webServer: [...SITES, LIST_SITE, PREVIEW_SITE].map((site) => ({
    // --ignore-lock: Astro otherwise allows one preview server per project (and backgrounds it when it
    // thinks an agent runs it); these must run side by side, in the foreground.
    command: `astro preview --ignore-lock --host 127.0.0.1 --port ${port(site.origin)}`,
    env: { OUT_DIR: site.dist },
    url: `${site.origin}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  })),
});
