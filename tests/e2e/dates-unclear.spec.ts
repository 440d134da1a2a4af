import { expect, test } from '@playwright/test';
import { LANGUAGES_SITE } from './site';

/*
 * Dates the source does not pin down, on the built languages fixture (tests/fixtures/content/languages,
 * story `vote-date-unclear`): an event the source gives only an order for ("Before the vote") shows
 * "Date not given; before …" in its place on the timeline, with no gap to or from it; a rally
 * postponed "until after Ramadan" shows the source's words with our bound labelled as ours; "next
 * Tuesday" in a Monday report shows both readings, never one. The same on the briefing, on the actor
 * page and in the open data (no invented `when`). Not covered here: the order's arithmetic
 * (tests/unit/order.test.ts) and the words (tests/unit/timeline.test.ts).
 */

const slug = 'vote-date-unclear';
const story = `${LANGUAGES_SITE.origin}/stories/${slug}/`;

test('the timeline places the undated meeting before the vote, by order, with no computed gap', async ({ page }) => {
  await page.goto(story);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const events = timeline.getByRole('listitem');
  await expect(events.getByRole('heading', { level: 3 })).toHaveText([
    'The dock strike begins',
    'Union leaders meet the labour ministry',
    'Dock workers vote on ending the strike',
    'Union rally',
  ]);
  const meeting = events.nth(1);
  await expect(meeting).toContainText('Date not given; before Dock workers vote on ending the strike');
  await expect(meeting).toContainText('the source says “Before the vote”');
  await expect(meeting.getByRole('link', { name: 'Dock workers vote on ending the strike' })).toHaveAttribute(
    'href',
    '#e-strike-vote',
  );
  // No gap to or from an event with no date: nothing "later" before it or after it.
  await expect(meeting.locator('.gap')).toHaveCount(0);
  await expect(events.nth(2).locator('.gap')).toHaveCount(0);
  await expect(meeting.locator('time')).toHaveCount(0);
});

test('"next Tuesday" in a Monday report reads as both days, each marked up, never one', async ({ page }) => {
  await page.goto(story);
  const vote = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Dock workers vote' }) });
  await expect(vote).toContainText('Planned: either 3 or 10 March 2026');
  await expect(vote).toContainText('the source says “next Tuesday”');
  await expect(vote.locator('time[datetime="2026-03-03"]')).toHaveText('3');
  await expect(vote.locator('time[datetime="2026-03-10"]')).toHaveText('10 March 2026');
  await expect(vote).not.toContainText('some day between');
});

test('a rally moved "until after Ramadan" shows the source words, and our bound as ours', async ({ page }) => {
  await page.goto(story);
  const rally = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Union rally' }) });
  await expect(rally).toContainText('Postponed: had been set for 5 March 2026');
  await expect(rally).toContainText(
    'Moved to “until after Ramadan” (the source’s words; our reading: not before 20 March 2026)',
  );
  await rally.getByText('why we read it so').click();
  await expect(rally.getByText('Ramadan 2026 is expected to end on 19 March')).toBeVisible();
});

test('the briefing tells the same, one line an event', async ({ page }) => {
  await page.goto(`${story}briefing/`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem').nth(1)).toHaveText(
    /Date not given; before “Dock workers vote on ending the strike” \(the source says “Before the vote”\)\s+Union leaders meet the labour ministry/,
  );
  await expect(timeline.getByRole('listitem').nth(3)).toContainText(
    "moved to “until after Ramadan” (the source's words; our reading: not before 20 March 2026)",
  );
  await expect(timeline.getByRole('listitem').nth(2)).toContainText('either 3 or 10 March 2026');
});

test('the union’s actor page lists the undated meeting by its order', async ({ page }) => {
  await page.goto(`${LANGUAGES_SITE.origin}/actors/dockers-union-example/`);
  const meeting = page.getByRole('listitem').filter({ hasText: 'Union leaders meet the labour ministry' });
  await expect(meeting).toContainText('Date not given; before “Dock workers vote on ending the strike”');
});

test('the open data gives the meeting no date, only its order, and the rally the words with our bound', async ({
  request,
}) => {
  const data = (await (await request.get(`${LANGUAGES_SITE.origin}/data/stories/${slug}.json`)).json()) as {
    events: { id: string; when: unknown; order: unknown; movedTo: unknown }[];
  };
  const byId = new Map(data.events.map((event) => [event.id, event]));
  expect(byId.get('leaders-meet-ministry')).toMatchObject({
    when: null,
    order: { before: { event: 'strike-vote', date: null }, after: null, statedAs: 'Before the vote' },
  });
  expect(byId.get('union-rally')!.movedTo).toEqual({
    statedAs: 'until after Ramadan',
    notBefore: '2026-03-20',
    reasoning: expect.stringContaining('Ramadan 2026') as unknown,
    boundInWords: 'not before 20 March 2026',
  });
  expect(byId.get('strike-vote')!.when).toMatchObject({ readings: ['2026-03-03', '2026-03-10'] });
});
