import { expect, test } from '@playwright/test';
import { LANGUAGES_SITE } from './site';

/*
 * Claims and accounts held by someone the source does not name, and a medium the source only implies,
 * read on the built pages of the fixture story tests/fixtures/content/languages/stories/harbour-office-says
 * (built by `npm run build:fixtures`): each holder is the source's description wherever it shows, set
 * in sentences as a noun phrase, never "the source"; an inferred medium says so, with its words. Not
 * covered here: the wording rules one by one (tests/unit/actors.test.ts, timeline.test.ts,
 * quotes.test.ts) and the open data's shape (tests/unit/opendata.test.ts).
 */

const site = LANGUAGES_SITE.origin;
const story = `${site}/stories/harbour-office-says/`;
const OFFICIAL = 'an official at the harbour office, speaking on condition of anonymity';
const AGENT = 'a shipping agent, who asked not to be named';

test('a claim held by someone the source does not name gives their description, never the source', async ({ page }) => {
  await page.goto(story);
  const claims = page.getByRole('region', { name: 'What is claimed, and what is disputed' });
  const held = claims.getByRole('listitem').filter({ hasText: 'Ships are being turned away from the harbour.' });
  await expect(held).toContainText(`Claimed by: ${OFFICIAL}`);
  await expect(held).not.toContainText('the source');
  await expect(held).not.toContainText('(unnamed)');
  // The description is no link: there is no page for one the source does not name.
  await expect(held.getByRole('link', { name: /official/ })).toHaveCount(0);

  const contested = claims.getByRole('listitem').filter({ hasText: 'How many ships are waiting' }).first();
  await expect(contested).toContainText('According to the Example Harbour Office:');
  await expect(contested).toContainText(`According to ${AGENT}:`);
  await expect(contested.getByRole('link', { name: 'Example Harbour Office' })).toHaveAttribute(
    'href',
    '/actors/example-harbour-office/',
  );
});

test('an account of a date held by someone not named is attributed to them on the timeline and the briefing', async ({
  page,
}) => {
  await page.goto(story);
  const event = page
    .getByRole('region', { name: 'Timeline' })
    .getByRole('listitem')
    .filter({ hasText: 'The queue of ships begins' });
  await expect(event).toContainText(`According to ${AGENT}:`);
  await expect(event).toContainText('According to the Example Harbour Office:');

  await page.goto(`${story}briefing/`);
  await expect(page.getByText(`according to ${AGENT}`).first()).toBeVisible();
  await expect(page.getByText(`According to ${AGENT}`).first()).toBeVisible();
});

test('the sidebar lists everyone not named, each where they appear', async ({ page }) => {
  await page.goto(story);
  const unnamed = page.getByRole('list', { name: 'Not named in the sources' });
  const official = unnamed.getByRole('listitem').filter({ hasText: /^An official at the harbour office/ });
  await expect(official).toContainText('affiliated with the Example Harbour Office');
  await expect(official.getByRole('link', { name: 'a claim' })).toHaveAttribute('href', '#c-ships-turned-away');
  // One holder in two places (a claim's account and an event's): listed in each, never merged.
  await expect(unnamed.getByRole('listitem').filter({ hasText: /^A shipping agent/ })).toHaveCount(2);
});

test('the actor page of the organisation an unnamed holder is tied to lists the claim, described', async ({ page }) => {
  await page.goto(`${site}/actors/example-harbour-office/`);
  const claims = page.getByRole('region', { name: 'Claims' });
  const held = claims.getByRole('listitem').filter({ hasText: 'Ships are being turned away' });
  await expect(held).toContainText('Claimed without a name, by');
  await expect(held).toContainText(OFFICIAL);
});

test('a medium the source implies is marked inferred, with its words; remarks to reporters are a medium', async ({
  page,
}) => {
  await page.goto(`${story}quotes/not-closing/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What Lena Example said');
  await expect(page.getByRole('main')).toContainText(
    'in an interview (inferred from “told the broadcaster Harbour FM”)',
  );
  await page.goto(`${story}quotes/queue-will-clear/`);
  await expect(page.getByRole('main')).toContainText('in remarks to reporters');
  await expect(page.getByRole('main')).not.toContainText('inferred from');
});

test('the open data gives unnamed holders as described, never an id, and how each medium is known', async ({
  request,
}) => {
  const data = (await (await request.get(`${site}/data/stories/harbour-office-says.json`)).json()) as {
    claims: { id: string; claimants: unknown[]; versions: { claimants: unknown[] }[] }[];
    quotes: { id: string; medium: string; mediumProvenance: string; mediumFrom: string | null }[];
  };
  const claim = (id: string) => data.claims.find((c) => c.id === id)!;
  expect(claim('ships-turned-away').claimants).toEqual([
    { unnamed: true, description: OFFICIAL, affiliation: 'example-harbour-office' },
  ]);
  expect(claim('ships-waiting').versions.map((v) => v.claimants)).toEqual([
    ['example-harbour-office'],
    [{ unnamed: true, description: AGENT, affiliation: null }],
  ]);
  expect(data.quotes.map((q) => [q.id, q.medium, q.mediumProvenance, q.mediumFrom])).toEqual([
    ['not-closing', 'interview', 'inferred', 'told the broadcaster Harbour FM'],
    ['queue-will-clear', 'remarks to reporters', 'stated', null],
  ]);
});
