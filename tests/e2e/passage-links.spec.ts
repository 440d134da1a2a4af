import { expect, test } from '@playwright/test';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import { readContent } from '../../src/lib/content/read';
import { todayOf } from '../../src/lib/model/calendar';
import { renderSource, textFragment, withTextFragment } from '../../src/lib/present/textFragment';
import { LANGUAGES_SITE } from './site';

/*
 * What the built pages give a reader to check a quote themselves: the original and its archived copy,
 * links that open either at the passage, and, for a source published only in excerpts, the excerpts
 * and nothing else. On the languages fixture (tests/fixtures/content/languages, story
 * harbour-reopens-in-excerpts: a web source with an archived copy, published in excerpts, whose quoted
 * words stand twice in it) and the site (content/). Not covered here: that a browser lands on the
 * passage (tests/e2e/text-fragments.spec.ts) and that no built file holds a withheld sentence
 * (`npm run test:excerpts`).
 */

const CONTENT = 'tests/fixtures/content/languages';
const { files } = readContent(CONTENT, process.cwd());
const story = assembleCorpus(
  files,
  todayOf(process.env, () => new Date()),
).stories.find((s) => s.slug === 'harbour-reopens-in-excerpts')!;
const source = story.sources.find((s) => s.id === 'agency-report')!;
const quote = story.quotes.find((q) => q.id === 'ines-harbour-open')!;
const claim = story.claims.find((c) => c.id === 'repairs-over-budget')!;
const base = `${LANGUAGES_SITE.origin}/stories/${story.slug}`;

/** The link the site must make to a stretch of the source, in the original and the archived copy: computed here from the content. */
function expectedLinks(span: { start: number; end: number }) {
  const made = textFragment(renderSource(source.text, source.lang), span);
  if (!made.ok) throw new Error(made.reason);
  return {
    original: withTextFragment(source.url!, made.fragment),
    archived: withTextFragment(source.archived!.url, made.fragment),
  };
}

test('the fixture quotes words that stand twice in an excerpts-only web source with an archived copy', () => {
  expect(source.publish).toBe('excerpts');
  expect(source.url).toBeDefined();
  expect(source.archived).toBeDefined();
  expect(source.text.split('The harbour is open').length - 1).toBe(2);
});

test('a quote page links the original, the archived copy, and the passage in each', async ({ page }) => {
  await page.goto(`${base}/quotes/${quote.id}/`);
  const where = page.getByRole('region', { name: 'Where it comes from' });
  await expect(where.getByRole('link', { name: 'Original', exact: true })).toHaveAttribute('href', source.url!);
  await expect(where.getByRole('link', { name: 'Archived copy', exact: true })).toHaveAttribute(
    'href',
    source.archived!.url,
  );
  const links = expectedLinks(quote.span!);
  // The words stand twice: the link carries context to land on the first, the one quoted.
  expect(links.original).toMatch(/#:~:text=(.+-,)?The%20harbour%20is%20open(,-.+)$/);
  await expect(where.getByRole('link', { name: 'Open the passage in the original', exact: true })).toHaveAttribute(
    'href',
    links.original,
  );
  await expect(where.getByRole('link', { name: 'Open the passage in the archived copy', exact: true })).toHaveAttribute(
    'href',
    links.archived,
  );
});

test('an excerpts-only source page shows the excerpts, the links to each passage, and nothing else of the text', async ({
  page,
}) => {
  await page.goto(`${base}/sources/${source.id}/`);
  const excerpts = page.getByRole('region', { name: 'Excerpts' });
  await expect(excerpts).toContainText('Only excerpts of this source are published here');
  // The quote's words and a sentence either side (the quote's number stands after its words).
  const excerpt = excerpts.getByRole('figure', { name: 'Excerpt 1 of 1' });
  await expect(excerpt.locator('mark')).toHaveText('The harbour is open');
  await expect(excerpt).toContainText('Ships queued at the mouth of the bay from dawn.');
  await expect(excerpt).toContainText('the harbourmaster, Ines Example, told reporters at the quay.');
  await expect(excerpt).toContainText('The repairs cost more than planned.');
  await expect(page.getByRole('region', { name: 'The text' })).toHaveCount(0);
  // A sentence no passage stands in or beside, and the second time the words stand: neither is published.
  const body = await page.locator('main').innerText();
  expect(body).not.toContain('Fishermen said the closure had cost them a week of catches.');
  expect(body).not.toContain('she repeated');

  const about = page.locator('dl');
  await expect(about.getByRole('link', { name: source.archived!.url })).toHaveAttribute('href', source.archived!.url);
  const forQuote = expectedLinks(quote.span!);
  await expect(page.getByRole('link', { name: 'Open the passage in the original, quote 1' })).toHaveAttribute(
    'href',
    forQuote.original,
  );
  await expect(page.getByRole('link', { name: 'Open the passage in the archived copy, quote 1' })).toHaveAttribute(
    'href',
    forQuote.archived,
  );
  const forClaim = expectedLinks(claim.passages[0]!);
  await expect(
    page.getByRole('link', { name: `Open the passage in the original, claim: ${claim.text}` }),
  ).toHaveAttribute('href', forClaim.original);
});

test('on the site, the news article is published in excerpts and the demonstration wire report in full', async ({
  page,
}) => {
  await page.goto('/stories/khalilzad-warns-taliban/sources/seed-article/');
  await expect(page.getByRole('region', { name: 'Excerpts' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'The text' })).toHaveCount(0);
  // Neither has a web original: no link to one.
  await expect(page.getByRole('link', { name: /^Open the passage/ })).toHaveCount(0);
  await page.goto('/stories/us-taliban-doha-agreement/sources/wire-report/');
  await expect(page.getByRole('region', { name: 'The text' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Excerpts' })).toHaveCount(0);
});
