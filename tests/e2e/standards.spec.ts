import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_SITE, settingsOf, SITE } from './site';

/*
 * Who stands behind the site and how it works, as a reader finds it (README, "The newsroom's pages"):
 * the footer on every kind of page; the MDX pages (about, editorial standards, corrections, contact)
 * with the site's own components and the publisher's policy JSON-LD; bylines, author pages and the
 * "Published"/"Updated" line; "Explainer" and "Report an error" on stories and quotes. On the site
 * (dist/) and the fixture site whose story has corrections (dist-fixtures/unsafe). Not covered here:
 * the quality gates over these pages (tests/quality), the byline's checks (bad-content case
 * byline-names-unknown-author), the JSON-LD's fields one by one (tests/unit/jsonld.test.ts).
 */

const STORY = '/stories/khalilzad-warns-taliban/';
const QUOTE = `${STORY}quotes/khalilzad-warning/`;
const PAGES = ['/', STORY, QUOTE, '/actors/zalmay-khalilzad/', '/search/', '/about/', '/authors/editorial-team/'];
const FOOTER_LINKS = [
  ['About us', 'About us'],
  ['Editorial standards', 'Editorial standards'],
  ['Corrections', 'Corrections policy'],
  ['Contact', 'Contact and feedback'],
] as const;

/** The page's JSON-LD objects, parsed. */
async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((block) => JSON.parse(block) as Record<string, unknown>);
}

test('every kind of page has a footer that leads to each of the newsroom’s pages', async ({ page }) => {
  for (const path of PAGES) {
    await page.goto(path);
    const footer = page.getByRole('contentinfo').getByRole('navigation', { name: 'The newsroom' });
    for (const [link] of FOOTER_LINKS) await expect(footer.getByRole('link', { name: link }), path).toBeVisible();
  }
  for (const [link, title] of FOOTER_LINKS) {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  }
});

test('the about page says truthfully who stands behind the site, with its masthead and the publisher’s policies', async ({
  page,
}) => {
  await page.goto('/about/');
  const ownership = page.locator('h2#ownership-and-funding + p');
  await expect(ownership).toContainText('is a demonstration project, not a news organisation');
  await expect(ownership).toContainText('no owner or funder to declare');
  await expect(page.locator('h2#masthead')).toHaveText('Masthead');
  await page.getByRole('link', { name: 'The Verifiable Explainers editorial team' }).click();
  await expect(page).toHaveURL(/\/authors\/editorial-team\/$/);

  await page.goto('/about/');
  const [organisation] = await jsonLd(page);
  expect(organisation).toMatchObject({ '@type': 'NewsMediaOrganization', name: settingsOf(SITE).name });
  const policies = [
    'publishingPrinciples',
    'ethicsPolicy',
    'verificationFactCheckingPolicy',
    'unnamedSourcesPolicy',
    'correctionsPolicy',
    'actionableFeedbackPolicy',
    'masthead',
    'ownershipFundingInfo',
  ];
  // Each policy's address is a page of the site, and its fragment a heading there.
  for (const policy of policies) {
    const url = new URL(organisation![policy] as string);
    await page.goto(url.pathname);
    await expect(page.getByRole('heading', { level: 1 }), policy).toBeVisible();
    if (url.hash !== '') await expect(page.locator(`h2${url.hash}`), policy).toHaveCount(1);
  }
});

test('the editorial standards explain each sign with the components the pages use', async ({ page }) => {
  await page.goto('/standards/');
  for (const heading of ['Ethics', 'Verification', 'Quotes', 'Dates', 'Unnamed sources', 'Competing accounts']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  const dates = page.getByRole('table').filter({ hasText: 'year inferred' });
  const inferredRow = dates.getByRole('row').nth(1);
  // The ≈ mark, as pages show it: seen, and heard as words.
  await expect(inferredRow.locator('.inferred-mark').first()).toContainText('≈');
  await expect(inferredRow.locator('.inferred-mark .visually-hidden').first()).toHaveText('(inferred date)');
  await expect(inferredRow.locator('time')).toHaveAttribute('datetime', '2021-05-08');
  await expect(dates.getByRole('row').nth(2)).toContainText('1 May 2021 (year inferred)');
  await expect(page.locator('.unnamed-speaker')).toHaveText('a senior government official (unnamed)');
  const labels = page.getByRole('table').filter({ hasText: 'Contested' });
  for (const label of ['Reported', 'Confirmed', 'Unverified', 'Disputed', 'Denied', 'Contested'])
    await expect(labels.getByRole('cell', { name: label, exact: true })).toBeVisible();
});

test('the standards tell a reader how to check every quote without trusting the site', async ({ page, request }) => {
  await page.goto('/standards/');
  const script = page.getByRole('link', { name: 'a script anyone can run', exact: true });
  await expect(page.getByRole('link', { name: 'open data', exact: true })).toHaveAttribute(
    'href',
    '/data/stories.json',
  );
  await expect(script).toHaveAttribute('href', '/verify.mjs');
  // The link leads to the script itself, not to a page about it.
  const response = await request.get('/verify.mjs');
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('--originals');
});

test('the corrections page lists every correction published, newest first, each leading to its entry', async ({
  page,
}) => {
  await page.goto(`${FIXTURE_SITE.origin}/corrections/`);
  const entries = page.locator('.all-corrections > li');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Correction, 2 March 2024');
  await expect(entries.nth(1)).toContainText('Update, 1 March 2024');
  await entries.nth(0).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/stories\/unsafe-story\/#k-2024-03-02-quote-script-in-words$/);

  await page.goto('/corrections/');
  await expect(page.getByText('No correction has been published yet.')).toBeVisible();
});

test('the contact page gives the addresses to write to', async ({ page }) => {
  await page.goto('/contact/');
  // The addresses the site's configuration gives (content/site.yaml).
  const { contact } = settingsOf(SITE);
  for (const address of [contact.corrections, contact.editorial])
    await expect(page.getByRole('link', { name: address }).first()).toHaveAttribute('href', `mailto:${address}`);
});

test('a story says what kind of work it is, who wrote it and when it was published', async ({ page }) => {
  await page.goto(STORY);
  const header = page.locator('.story-header');
  await expect(header.getByText('Explainer', { exact: true })).toBeVisible();
  await expect(header.locator('.byline')).toHaveText('By The Verifiable Explainers editorial team');
  // Published and updated the same day: no "Updated".
  await expect(header.locator('.published')).toContainText('Published 28 November 2026');
  await expect(header.locator('.published')).not.toContainText('Updated');
  const [article] = await jsonLd(page);
  expect(article).toMatchObject({
    '@type': 'NewsArticle',
    genre: 'Explainer',
    author: [
      { name: 'The Verifiable Explainers editorial team', url: expect.stringMatching(/\/authors\/editorial-team\/$/) },
    ],
    publisher: { '@type': 'NewsMediaOrganization' },
  });
  await header.getByRole('link', { name: 'The Verifiable Explainers editorial team' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Verifiable Explainers editorial team');
  const stories = page.getByRole('region', { name: 'Stories' }).getByRole('listitem');
  await expect(stories).toHaveCount(2);
  await expect(stories.getByRole('link', { name: "The US envoy's warning to the Taliban, May 2021" })).toBeVisible();

  // A corrected story, which names no author: its dates, the update too; the site as author.
  await page.goto(`${FIXTURE_SITE.origin}/stories/unsafe-story/`);
  await expect(page.locator('.story-header .published')).toContainText('Published 1 March 2024 · Updated 2 March 2024');
  await expect(page.locator('.story-header .byline')).toHaveCount(0);
});

test('stories and quotes have a "Report an error" link naming the page, and the quote', async ({ page }) => {
  for (const [path, subject] of [
    [STORY, `Error report: ${new URL(STORY, 'https://explainers.example.org').href}`],
    [QUOTE, `Error report: ${new URL(QUOTE, 'https://explainers.example.org').href} (quote khalilzad-warning)`],
  ] as const) {
    await page.goto(path);
    const href = await page.getByRole('link', { name: 'Report an error' }).getAttribute('href');
    const mail = new URL(href!);
    expect(mail.protocol).toBe('mailto:');
    expect(mail.pathname).toBe('corrections@explainers.example.org');
    expect(mail.searchParams.get('subject')).toBe(subject);
  }
});
