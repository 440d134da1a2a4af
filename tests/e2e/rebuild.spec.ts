import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { quotes, stories } from './content';

/*
 * A build with nothing changed draws no share card: it builds the site again (into a temporary
 * folder, so the site under test is untouched) and reads the build's own log line. It relies on the
 * build that produced dist/ having filled the cache, as `npm test` does.
 * Not covered here: which changes redraw a card (tests/unit/sharecard.test.ts, cardKey).
 */

test('a second build renders no card and reuses one per quote, one per story and the site’s', async () => {
  test.setTimeout(180_000);
  const out = await mkdtemp(join(tmpdir(), 'second-build-'));
  try {
    const { stdout } = await promisify(execFile)('npx', ['astro', 'build', '--outDir', out], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const line = /share cards: (\d+) rendered, (\d+) reused/.exec(stdout);
    expect(line, 'the build logs a share-card line').not.toBeNull();
    expect(Number(line![1]), 'cards drawn again: build the site (npm run build) before the e2e suite').toBe(0);
    expect(Number(line![2])).toBe(quotes.length + stories.length + 1);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
