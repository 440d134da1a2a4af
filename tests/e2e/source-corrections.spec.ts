import { expect, test } from '@playwright/test';
import { LANGUAGES_SITE } from './site';

/*
 * A source that corrected itself (the fixture story tests/fixtures/content/languages/stories/
 * ships-count-corrected: a wire report whose line "Corrects the number of ships to 14, from 40, in
 * paragraph 2." the source file records): its page lists the correction in the source's words, with
 * what rests on it; the quote and the claim whose passages hold the corrected words say so, on the
 * story page, the quote's page, the speaker's page and the briefing, and link to it; what does not rest on it says
 * nothing. Not covered here: how each part is found in the text (tests/unit/sourceCorrections.test.ts).
 */

const story = `${LANGUAGES_SITE.origin}/stories/ships-count-corrected`;
const line = 'The source corrected this passage: 14, from 40.';

test('the source page lists its correction in its own words, with what rests on it', async ({ page }) => {
  await page.goto(`${story}/sources/wire-ships/`);
  const section = page.getByRole('region', { name: 'Corrections by the source' });
  await expect(section).toBeVisible();
  const entry = section.getByRole('listitem').first();
  await expect(entry.getByRole('definition').nth(0)).toHaveText('the number of ships held at the port');
  await expect(entry.getByRole('definition').nth(1)).toHaveText('14');
  await expect(entry.getByRole('definition').nth(2)).toHaveText('40');
  await expect(entry.getByRole('definition').nth(3)).toContainText('5 March 2026');
  await expect(entry.getByRole('blockquote')).toHaveText(
    'Corrects the number of ships to 14, from 40, in paragraph 2.',
  );
  await expect(entry.getByRole('link', { name: 'Quote 1' })).toHaveAttribute(
    'href',
    '/stories/ships-count-corrected/quotes/idris-ships-waiting/',
  );
  await expect(entry.getByRole('link', { name: 'Claim' })).toHaveAttribute(
    'href',
    '/stories/ships-count-corrected/#c-ships-held',
  );
  await expect(entry).toHaveId('sc-1');
});

test('the story page says so beside the quote and the claim that rest on it, and nowhere else', async ({ page }) => {
  await page.goto(`${story}/`);
  const quote = page.locator('#q-idris-ships-waiting');
  await expect(quote.getByText(line)).toBeVisible();
  await expect(page.locator('#q-idris-open-channel').getByText('The source corrected')).toHaveCount(0);
  const claim = page.locator('#c-ships-held');
  await expect(claim.getByText(line)).toBeVisible();
  await expect(page.locator('#c-channel-reopens').getByText('The source corrected')).toHaveCount(0);

  await claim.getByRole('link', { name: 'The source corrected this passage' }).click();
  await expect(page).toHaveURL(`${story}/sources/wire-ships/#sc-1`);
  await expect(page.locator('#sc-1')).toBeInViewport();
});

test('the quote page and the briefing say so too, the briefing without a link', async ({ page }) => {
  await page.goto(`${story}/quotes/idris-ships-waiting/`);
  await expect(page.getByRole('figure').getByText(line)).toBeVisible();
  await page.goto(`${story}/quotes/idris-open-channel/`);
  await expect(page.getByText('The source corrected')).toHaveCount(0);

  await page.goto(`${story}/briefing/`);
  const quotes = page.getByRole('region', { name: 'Key quotes' });
  await expect(quotes.getByRole('figure').filter({ hasText: '14 ships were waiting' })).toContainText(line);
  await expect(quotes.getByRole('link', { name: 'The source corrected this passage' })).toHaveCount(0);
});

test('the harbour master’s page says so beside his quote and his claim', async ({ page }) => {
  await page.goto(`${LANGUAGES_SITE.origin}/actors/idris-example/`);
  const quote = page.getByRole('listitem').filter({ hasText: '14 ships were waiting' });
  await expect(quote.getByText(line)).toBeVisible();
  const claim = page.getByRole('listitem').filter({ hasText: 'Fourteen ships were waiting' });
  await expect(claim.getByText(line)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'We will open the channel' })).not.toContainText(
    'The source corrected',
  );
});

test('the open data lists the correction with its source and names it on what rests on it', async ({ request }) => {
  const data = (await (
    await request.get(`${LANGUAGES_SITE.origin}/data/stories/ships-count-corrected.json`)
  ).json()) as {
    sources: { id: string; corrections: { id: string; to: string; from: string | null; notice: string }[] }[];
    quotes: { id: string; sourceCorrections: string[] }[];
    claims: { id: string; sourceCorrections: string[] }[];
  };
  expect(data.sources[0]!.corrections).toEqual([expect.objectContaining({ id: 'sc-1', to: '14', from: '40' })]);
  const ids = (items: { id: string; sourceCorrections: string[] }[]) =>
    Object.fromEntries(items.map((item) => [item.id, item.sourceCorrections]));
  expect(ids(data.quotes)).toEqual({ 'idris-ships-waiting': ['sc-1'], 'idris-open-channel': [] });
  expect(ids(data.claims)).toEqual({ 'ships-held': ['sc-1'], 'channel-reopens': [] });
});
