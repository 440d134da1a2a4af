import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { compareUrls, parseManifest, publishedUrls } from '../../src/lib/outputs/manifest';
import { builtFiles, SITE } from '../e2e/site';

/*
 * The published-URL manifest is complete: every URL the site's build produces is recorded in
 * content/published-urls.txt, so that removing one later fails the build. (The build itself fails
 * when a recorded URL vanishes; this only catches a manifest that was not updated after adding
 * pages.) Not covered: the fixture site, whose content folder has no manifest.
 */

test('every URL the site builds is in content/published-urls.txt', () => {
  const produced = publishedUrls(builtFiles(SITE).map((file) => relative(SITE.dist, file)));
  const manifest = parseManifest(readFileSync('content/published-urls.txt', 'utf8'));
  const { missing, unrecorded } = compareUrls(manifest, produced);
  console.log(`published URLs: ${manifest.length} recorded, ${produced.length} built`);
  expect(
    unrecorded,
    'URLs built but not recorded: run `npm run urls:update` and commit content/published-urls.txt',
  ).toEqual([]);
  expect(missing, 'recorded URLs the build no longer produces (the build should have failed)').toEqual([]);
});
