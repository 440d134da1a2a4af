import { expect, test } from '@playwright/test';
import { LANGUAGES_SITE } from './site';

/*
 * An event under way with a scheduled end, and an expectation someone holds, on the built pages of
 * the languages fixture (tests/fixtures/content/languages/stories/rail-strike-under-way): the story's
 * timeline, its briefing, a quote's page, an actor's page and the open data say both as of their
 * source's date, never as happened and never as a set date. Not covered here: the words and gaps in
 * every case (tests/unit/timeline.test.ts) and the checks on the files (tests/content/bad-content.test.ts).
 */

const story = `${LANGUAGES_SITE.origin}/stories/rail-strike-under-way`;
const normalised = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').replace(/ ([:;,.])/g, '$1');

test('the timeline says since when a strike is under way, until when it is set to last, and as of which day', async ({
  page,
}) => {
  await page.goto(`${story}/`);
  const events = page.getByRole('region', { name: 'Timeline' }).getByRole('listitem');
  await expect(events).toHaveCount(3);
  const strike = events.filter({ has: page.getByRole('heading', { name: 'The national rail strike' }) });
  const words = normalised(await strike.textContent());
  expect(words).toContain('Under way: since 24 February 2026');
  expect(words).toContain('Set to last until 10 March 2026');
  expect(words).toContain('As of 4 March 2026, the date of its source.');
  await expect(strike.locator('time[datetime="2026-02-24"]')).toHaveText('24 February 2026');
  await expect(strike.locator('time[datetime="2026-03-10"]')).toHaveText('10 March 2026');
  // Each date's year is ours, and says so.
  await expect(strike.getByText('year inferred')).toHaveCount(2);
  // What came after is measured from the start, not from an end the strike has not reached.
  await expect(events.nth(1).getByText('7 days after the previous event began')).toBeVisible();
});

test('the timeline says who expects the government to step in and by when, never as a set date', async ({ page }) => {
  await page.goto(`${story}/`);
  const expected = page
    .getByRole('region', { name: 'Timeline' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'The government steps in' }) });
  const words = normalised(await expected.textContent());
  expect(words).toContain(
    "Expected by the Example Rail Workers' Union and officials at the transport ministry: by the end of March 2026",
  );
  expect(words).toContain('the source says “by the end of the month”');
  expect(words).toContain('As of 4 March 2026, the date of its source.');
  expect(words).toContain('expected no later than 4 weeks after the previous event');
  expect(words).not.toMatch(/Deadline|later\b(?! than)/);
  await expect(expected.locator('time[datetime="2026-03"]')).toHaveText('March 2026');
  await expect(expected.locator('details summary')).toHaveText(/≈\s+inferred date/);
});

test('the briefing, a quote page and an actor page tell both the same way', async ({ page }) => {
  await page.goto(`${story}/briefing/`);
  const lines = page.getByRole('region', { name: 'Timeline' }).getByRole('listitem');
  expect(normalised(await lines.nth(0).textContent())).toContain(
    'Under way: since 24 February 2026 (year inferred); set to last until 10 March 2026 (year inferred); as of 4 March 2026 The national rail strike',
  );
  expect(normalised(await lines.nth(2).textContent())).toContain(
    "Expected by the Example Rail Workers' Union and officials at the transport ministry: by the end of March 2026",
  );

  await page.goto(`${story}/quotes/union-fair-offer/`);
  await expect(
    page.getByText(
      'Event, Under way: since 24 February 2026 (year inferred); set to last until 10 March 2026 (year inferred); as of 4 March 2026:',
    ),
  ).toBeVisible();

  await page.goto(`${LANGUAGES_SITE.origin}/actors/example-national-government/`);
  const events = page.getByRole('region', { name: 'Events' });
  await expect(
    events.getByText(
      "Expected by the Example Rail Workers' Union and officials at the transport ministry: by the end of March 2026 (inferred); as of 4 March 2026",
    ),
  ).toBeVisible();
  await expect(events.getByRole('link', { name: 'The government steps in' })).toBeVisible();

  // The union holds the expectation (it takes no part in the event): its page says what it expects,
  // by when, with whom, and how we know the date.
  await page.goto(`${LANGUAGES_SITE.origin}/actors/example-rail-workers-union/`);
  const expects = page.getByRole('region', { name: "What the Example Rail Workers' Union expects" });
  await expect(expects.getByRole('link', { name: 'The government steps in' })).toBeVisible();
  expect(normalised(await expects.getByRole('listitem').textContent())).toContain(
    'Expects it with officials at the transport ministry by the end of March 2026 (inferred); as of 4 March 2026.',
  );
  await expect(expects.locator('details summary')).toHaveText(/≈\s+inferred date/);
  await expect(
    page.getByRole('region', { name: 'Events' }).getByRole('link', { name: 'The government steps in' }),
  ).toHaveCount(0);
});

test('the open data gives the end an event under way is set to reach, and who holds an expectation', async ({
  request,
}) => {
  const data = (await (
    await request.get(`${LANGUAGES_SITE.origin}/data/stories/rail-strike-under-way.json`)
  ).json()) as {
    events: { id: string; status: string; until: unknown; expectation: unknown; standing: string }[];
  };
  const [strike, , expected] = data.events;
  expect(strike).toMatchObject({ id: 'rail-strike', status: 'under-way', until: { on: '2026-03-10' } });
  expect(expected).toMatchObject({
    id: 'government-steps-in',
    status: 'expected',
    until: null,
    expectation: {
      holders: ['example-rail-workers-union'],
      unnamed: { unnamed: true, description: 'officials at the transport ministry' },
      timing: 'by',
    },
  });
  expect(expected!.standing).toMatch(
    /^Expected by the Example Rail Workers' Union and officials at the transport ministry: by the end of March 2026/,
  );
});
