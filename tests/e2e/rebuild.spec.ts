import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { readBuildReport } from '../../src/lib/outputs/buildreport';
import { quotes, stories } from './content';

/*
 * A build with nothing changed draws no share card: it builds the site again (into a temporary
 * folder, so the site under test is untouched) and reads the build's report. It relies on the
 * build that produced dist/ having filled the cache, as `npm test` does.
 * Not covered here: which changes redraw a card (tests/unit/sharecard.test.ts, cardKey).
 */

test('a second build renders no card and reuses one per quote, one per story and the site’s', async () => {
  test.setTimeout(180_000);
  const out = await mkdtemp(join(tmpdir(), 'second-build-'));
  try {
    await promisify(execFile)('npx', ['astro', 'build', '--outDir', out], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    // Astro's own cache folder: astro.config.mjs names another only for another CONTENT_DIR.
    const { cards } = readBuildReport('node_modules/.astro');
    expect(cards.rendered, 'cards drawn again: build the site (npm run build) before the e2e suite').toBe(0);
    expect(cards.reused).toBe(quotes.length + stories.length + 1);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
