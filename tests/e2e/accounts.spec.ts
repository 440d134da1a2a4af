import { expect, test, type Page } from '@playwright/test';
import { stories } from './content';
import { PAPERS, pageCount, printToPdf } from './pdf';

/*
 * What the model lets an editor say truthfully, read on the built pages as a reader would, on the
 * second story (content/stories/us-taliban-doha-agreement/) and the seed: a speaker the source does
 * not name, competing accounts of a claim and of an event's date, events that had not happened as of
 * the latest source, a span against an uncertain date, provenance per part of a date and from a
 * page's metadata, an organisation's members, and one event told in two stories. Not covered here:
 * the wording rules one by one (tests/unit/dates.test.ts, timeline.test.ts, actors.test.ts), and
 * bad content (tests/content/bad-content.test.ts).
 */

const doha = '/stories/us-taliban-doha-agreement/';
const seed = '/stories/khalilzad-warns-taliban/';

const timelineItem = (page: Page, title: string) =>
  page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: title });

test('a speaker the source does not name is described, marked unnamed, and has no page of its own', async ({
  page,
}) => {
  await page.goto(doha);
  const sidebar = page.getByRole('complementary', { name: 'Who said what' });
  const card = sidebar.getByRole('figure').filter({ hasText: 'three senior Taliban leaders in Doha and Afghanistan' });
  await expect(card).toContainText(/three senior Taliban leaders in Doha and Afghanistan \(unnamed\)/i);
  await expect(card).toContainText('Not named in the source');
  // The description is not a link: there is no page for an unnamed speaker (the affiliation has one).
  await expect(card.getByRole('link', { name: /^three senior Taliban leaders/i })).toHaveCount(0);
  await expect(card.getByRole('link', { name: 'Taliban', exact: true })).toHaveAttribute('href', '/actors/taliban/');

  await page.goto(`${doha}quotes/taliban-leaders-seven-days-from-friday-night/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('three senior Taliban leaders');
  const ld = await page.locator('script[type="application/ld+json"]').first().textContent();
  expect(ld).not.toMatch(/"@id":"[^"]*\/actors\/[^"]*three/i);

  await page.goto('/actors/taliban/');
  const unnamed = page.getByRole('heading', { name: 'Quoted without a name, affiliated with the Taliban' });
  await expect(unnamed).toBeVisible();
  const response = await page.request.get('/actors/three-senior-taliban-leaders-in-doha-and-afghanistan/');
  expect(response.status()).toBe(404);
});

test('competing accounts of a claim stand side by side, each attributed, on the story and the briefing', async ({
  page,
}) => {
  for (const path of [doha, `${doha}briefing/`]) {
    await page.goto(path);
    const claim = page.getByRole('listitem').filter({ hasText: 'Whether up to 5,000 Taliban prisoners' }).first();
    await expect(claim).toContainText('According to the United States and the Taliban');
    await expect(claim).toContainText('According to Ashraf Ghani');
    await expect(claim).toContainText('made no commitment to free 5,000 Taliban prisoners');
  }
});

test('an event the accounts date differently shows every date, each attributed, earliest first', async ({ page }) => {
  await page.goto(doha);
  const event = timelineItem(page, 'The reduction in violence takes effect');
  await expect(event).toContainText('Accounts of the date differ');
  const text = (await event.textContent())!.replace(/\s+/g, ' ');
  const first = text.indexOf('According to the Taliban and the United States');
  const second = text.indexOf('According to Javid Faisal');
  expect(first).toBeGreaterThan(-1);
  expect(second).toBeGreaterThan(first);
  await expect(event.locator('time[datetime="2020-02-21"]')).toHaveCount(1);
  await expect(event.locator('time[datetime="2020-02-22"]')).toHaveCount(1);
});

test('events that had not happened as of the latest source are marked, and no gap to them is told as elapsed', async ({
  page,
}) => {
  await page.goto(doha);
  await expect(page.getByText(/As of 2 March 2020, the date of the latest source/)).toBeVisible();
  // That day is the source's page's metadata, and says so.
  await expect(page.getByText(/As of 2 March 2020/)).toContainText("(from the page's metadata)");
  const planned = timelineItem(page, 'Intra-Afghan negotiations are due to begin');
  await expect(planned).toContainText(/Planned/i);
  const deadline = timelineItem(page, "Deadline for the coalition's withdrawal");
  await expect(deadline).toContainText(/Deadline: /i);
  // The gap before each says when it was due, never that the time had passed.
  for (const item of [planned, deadline]) {
    await expect(item.locator('.gap')).toContainText(/after the previous event/);
    await expect(item.locator('.gap')).not.toContainText(/\blater\b/);
  }

  await page.goto(seed);
  const postponed = timelineItem(page, 'The day the Istanbul peace talks were to begin');
  await expect(postponed).toContainText(/Postponed/i);
  await expect(postponed).toContainText(/had been set for 24 April 2021/);
  await expect(postponed).toContainText(/no new date given/i);
});

test('a span reads as a span, an uncertain date as one day in a range, each marked up with two <time>', async ({
  page,
}) => {
  await page.goto(doha);
  const span = timelineItem(page, 'A week of reduced violence before the signing');
  await expect(span).toContainText('22 to 28 February 2020');
  await expect(span.locator('time[datetime="2020-02-22"]')).toHaveCount(1);
  await expect(span.locator('time[datetime="2020-02-28"]')).toHaveCount(1);

  await page.goto(seed);
  const range = timelineItem(page, 'Sher Mohammad Abbas Stanekzai vows');
  await expect(range).toContainText('some day between 26 April and 2 May 2021');
  await expect(range.locator('time[datetime="2021-04-26"]')).toHaveCount(1);
  await expect(range.locator('time[datetime="2021-05-02"]')).toHaveCount(1);
});

test('a date says which parts we inferred, and a date from the page metadata says so; ≈ only for dates inferred whole', async ({
  page,
}) => {
  await page.goto(doha);
  const signing = timelineItem(page, 'The US and the Taliban sign their agreement in Doha');
  await expect(signing).toContainText('year inferred');
  await expect(signing).not.toContainText('≈');

  await page.goto(`${doha}sources/wire-report/`);
  await expect(page.getByText(/2 March 2020\s*\(from the page's metadata\)/).first()).toBeVisible();
  await expect(page.getByText(/A demonstration text written for this site/).first()).toBeVisible();

  // The seed's "last week" is ours whole: the ≈ marker, which opens the reasoning.
  await page.goto(seed);
  await expect(timelineItem(page, 'Sher Mohammad Abbas Stanekzai vows')).toContainText('≈');
});

test("the demonstration source's note shows wherever the source is named", async ({ page }) => {
  for (const path of [
    `${doha}sources/wire-report/`,
    `${doha}quotes/pompeo-temptation-to-declare-victory/`,
    `${doha}briefing/`,
  ]) {
    await page.goto(path);
    await expect(page.getByText(/A demonstration text written for this site/).first(), path).toBeVisible();
  }
});

test("an organisation's page lists what its members said and did, with the member and the role then", async ({
  page,
}) => {
  await page.goto('/actors/united-states/');
  const members = page.getByRole('heading', { name: 'What its members said' });
  await expect(members).toBeVisible();
  const section = page.locator('section').filter({ has: members });
  await expect(section).toContainText('Mike Pompeo');
  await expect(section).toContainText('Zalmay Khalilzad');
  await expect(section).toContainText('US Special Representative for Afghanistan Reconciliation');
});

test('one real event told in two stories shows once on an actor page, with both stories', async ({ page }) => {
  await page.goto('/actors/taliban/');
  const events = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Events', exact: true }) });
  const signing = events.getByRole('listitem').filter({ hasText: 'Told in 2 stories' });
  await expect(signing).toHaveCount(1);
  await expect(signing).toContainText('29 February 2020');
  await expect(signing).toContainText("The US envoy's warning to the Taliban, May 2021");
  await expect(signing).toContainText('The US–Taliban deal in Doha, February 2020');
  await expect(signing).toContainText('dated there late February 2020');
});

for (const slug of stories) {
  for (const paper of PAPERS) {
    test(`the briefing of ${slug} prints on exactly one ${paper} page`, async ({ page }, testInfo) => {
      await page.goto(`/stories/${slug}/briefing/`);
      const pdf = await printToPdf(page, paper, testInfo.outputPath(`${slug}-${paper}.pdf`));
      expect(pageCount(pdf)).toBe(1);
    });
  }
}

test('the day a story speaks from keeps how we know it: inferred, with the reasoning a click away', async ({
  page,
}) => {
  await page.goto(seed);
  const asOf = page.getByText(/As of 8 May 2021, the date of the latest source/);
  await expect(asOf).toContainText('inferred date');
  await asOf.getByText('inferred date').click();
  await expect(asOf.getByText(/The text carries no date of its own/)).toBeVisible();

  await page.goto(`${seed}briefing/`);
  await expect(page.getByText(/^Briefing · updated/)).toContainText(
    /events as of 8 May 2021\s*≈\s*\(inferred date\), the date of the latest source/,
  );
});

test('an actor page marks inferred dates, and gives every account of a date the accounts differ on', async ({
  page,
}) => {
  await page.goto('/actors/taliban/');
  const events = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Events', exact: true }) });
  const reduction = events.getByRole('listitem').filter({ hasText: 'The reduction in violence takes effect' });
  await expect(reduction).toContainText(
    '21 February 2020 (inferred; according to the Taliban and the United States) or 22 February 2020 (year inferred; according to Javid Faisal)',
  );
  const talks = events.getByRole('listitem').filter({ hasText: 'The day the Istanbul peace talks' });
  await expect(talks).toContainText('Postponed: had been set for 24 April 2021 (year inferred)');
  // A date of the story's own timeline, marked as the story marks it: a note that opens the reasoning.
  const signing = events.getByRole('listitem').filter({ hasText: 'Told in 2 stories' });
  await signing.getByText('year inferred').first().click();
  await expect(signing.getByText(/"Saturday, Feb. 29"/)).toBeVisible();
  const unnamed = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: /^Quoted without a name/ }) });
  await expect(unnamed.getByText('year inferred').first()).toBeVisible();

  // A quote's page names its events' dates with how we know them too.
  await page.goto(`${seed}quotes/joint-statement-condemns-attacks/`);
  await expect(page.getByText('Event, 7 May 2021 (year inferred):')).toBeVisible();
});

test('names read as an editor writes them: "the" where a name takes it, an unnamed description as a noun phrase', async ({
  page,
}) => {
  await page.goto('/actors/taliban/');
  await expect(page.getByRole('heading', { level: 2, name: 'What the Taliban said' })).toBeVisible();
  await page.goto(`${doha}quotes/taliban-leaders-seven-days-from-friday-night/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'What three senior Taliban leaders in Doha and Afghanistan said, paraphrased',
  );
  await page.goto(doha);
  const planned = timelineItem(page, 'Intra-Afghan negotiations are due to begin');
  await expect(planned).toContainText('Who: the Taliban and the Islamic Republic of Afghanistan');
  await expect(planned.getByRole('link', { name: 'Taliban', exact: true })).toHaveAttribute('href', '/actors/taliban/');
});
