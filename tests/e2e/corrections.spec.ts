import { expect, test } from '@playwright/test';
import { FIXTURE_SITE } from './site';

/*
 * Corrections readers can see, on the fixture site (tests/fixtures/content/unsafe: its story corrects a
 * quote's words and updates a claim's status, with markup in the note and the old words): the story's
 * "Corrections and updates" log, newest first, each entry linking what it changed; the corrected
 * quote's own page; the briefing's "last corrected" date. Not covered here: that an uncorrected change
 * fails the build (tests/content/published-urls.test.ts, tests/fixtures/bad-content/published-*), the
 * feed's correction entries (tests/e2e/feeds.spec.ts), that the markup stays text (tests/quality/markup-safety.spec.ts).
 */

const STORY = `${FIXTURE_SITE.origin}/stories/unsafe-story/`;

test('the story lists its corrections and updates, newest first, each saying what it changed and what it said before', async ({
  page,
}) => {
  await page.goto(STORY);
  const log = page.getByRole('region', { name: 'Corrections and updates' });
  const entries = log.getByRole('listitem');
  await expect(entries).toHaveCount(2);

  const correction = entries.nth(0);
  await expect(correction).toContainText('Correction, 2 March 2024');
  await expect(correction).toContainText('The words were cut short & "fixed".');
  await expect(correction).toContainText('Before: It read “<img src=x onerror=alert("was")> the words before”.');
  await correction.getByRole('link').click();
  await expect(page).toHaveURL(/\/stories\/unsafe-story\/quotes\/script-in-words\/$/);

  await page.goto(STORY);
  const update = entries.nth(1);
  await expect(update).toContainText('Update, 1 March 2024');
  await expect(update).toContainText("Before: It gave the claim's status as “Reported”.");
  await expect(update.getByRole('link')).toHaveAttribute('href', '/stories/unsafe-story/#c-markup-claim');
});

test('the corrected quote’s own page carries the dated note, and leads to the story’s log', async ({ page }) => {
  await page.goto(`${FIXTURE_SITE.origin}/stories/unsafe-story/quotes/script-in-words/`);
  const note = page.getByRole('region', { name: 'Corrections and updates' });
  await expect(note).toContainText('Correction, 2 March 2024');
  await expect(note.locator('time')).toHaveAttribute('datetime', '2024-03-02');
  await expect(note).toContainText('The words were cut short');
  await note.getByRole('link', { name: 'Every correction to the story' }).click();
  await expect(page.getByRole('heading', { name: 'Corrections and updates' })).toBeInViewport();
});

test('a quote with no correction says nothing of corrections', async ({ page }) => {
  await page.goto(`${FIXTURE_SITE.origin}/stories/unsafe-story/quotes/javascript-words/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('paraphrased');
  await expect(page.getByRole('region', { name: 'Corrections and updates' })).toHaveCount(0);
});

test('the briefing prints the latest correction’s date', async ({ page }) => {
  await page.goto(`${STORY}briefing/`);
  await expect(page.getByText(/last corrected 2 March 2024/)).toBeVisible();
});
