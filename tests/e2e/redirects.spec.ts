import { expect, test } from '@playwright/test';
import { FIXTURE_SITE } from './site';

/*
 * Redirects declared in content (the fixture site's redirects.yaml) and empty states. A renamed
 * story's old page sends readers on to the new one, with no JavaScript, and names it canonical; its
 * old data file still serves the data; a story with nothing recorded shows that, not an error.
 * Not covered: the build failing when a published URL vanishes (tests/content/published-urls.test.ts).
 */

test.use({ baseURL: FIXTURE_SITE.origin });

test.describe('a redirected page', () => {
  test.use({ javaScriptEnabled: false });

  test('lands on the new page, which the old page names canonical', async ({ page, request }) => {
    await page.goto('/stories/old-unsafe-story/');
    await page.waitForURL('**/stories/unsafe-story/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('in a headline');

    const old = await (await request.get('/stories/old-unsafe-story/')).text();
    expect(old).toContain('<meta http-equiv="refresh" content="0; url=/stories/unsafe-story/">');
    expect(old).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+\/stories\/unsafe-story\/">/);
  });

  test('links to the new page for anyone whose browser does not follow the refresh', async ({ request }) => {
    const old = await (await request.get('/stories/old-unsafe-story/')).text();
    expect(old).toContain('<a href="/stories/unsafe-story/">');
  });
});

test('a redirected data file serves the new story’s data at the old address', async ({ request }) => {
  const moved: unknown = await (await request.get('/data/stories/old-unsafe-story.json')).json();
  const current: unknown = await (await request.get('/data/stories/unsafe-story.json')).json();
  expect(moved).toEqual(current);
});

test('a story with no quotes, claims or events shows empty states', async ({ page }) => {
  await page.goto('/stories/quiet-story/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A story with nothing recorded yet');
  await expect(page.getByText('No quotes are recorded for this story yet.')).toBeVisible();
  await expect(page.getByText('No dated events are recorded for this story yet.')).toBeVisible();
  await expect(page.getByText('No claims are recorded for this story yet.')).toBeVisible();
});
