import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';

/**
 * The browser tests that need no built site, without the four servers playwright.config.ts starts
 * (and the builds they serve): `npx playwright test -c tests/standalone.config.ts`. They run in the
 * full suite too.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: ['text-fragments.spec.ts'],
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    trace: 'off',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
});
