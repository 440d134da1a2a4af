import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { actors, letters, quotes, stories } from './content';

/*
 * Linking to quotes, on the built site: every quote's own page (speaker, words, share card, JSON-LD),
 * the way from the story's quote card to it and back, each quote marked in its source, copy link with
 * and without JavaScript, and actor pages that keep namesakes apart.
 * Not covered here: how the share cards look (open dist/stories/<slug>/quotes/*.png), axe, HTML
 * validity and broken links (the quality suite), print (the print suite), and the cache that spares
 * rebuilding cards (tests/unit/sharecard.test.ts, tests/e2e/rebuild.spec.ts).
 */

const DIST = 'dist';

// Instant scrolling to anchors: a smooth scroll still under way when a check starts can be cut short.
test.use({ reducedMotion: 'reduce' });

/** The width and height in a PNG's header, or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const shownWords = (quote: (typeof quotes)[number]) => (quote.form === 'direct' ? `“${quote.words}”` : quote.words);
const card = (page: Page, id: string) => page.locator(`[id="q-${id}"]`);

test('the content has quotes to test', () => {
  expect(quotes.length).toBeGreaterThan(0);
});

for (const quote of quotes) {
  test(`quote page ${quote.path}: speaker, words, share card, JSON-LD`, async ({ page }) => {
    const response = await page.goto(quote.path);
    expect(response?.status()).toBe(200);
    const main = page.getByRole('main');
    const { speaker } = quote;
    // The heading is a sentence: an unnamed speaker's description stands in it alone ("What three senior Taliban leaders … said").
    await expect(main.getByRole('heading', { level: 1 })).toContainText(
      speaker.id === undefined ? speaker.description : speaker.name,
      { ignoreCase: true },
    );
    if (speaker.id === undefined) {
      // A speaker the source does not name has no page: the description is never a link.
      await expect(main.getByRole('link', { name: speaker.name, exact: true })).toHaveCount(0);
    } else {
      await expect(main.getByRole('link', { name: speaker.name, exact: true }).first()).toHaveAttribute(
        'href',
        `/actors/${speaker.id}/`,
      );
    }
    await expect(main.getByText(shownWords(quote), { exact: true }).first()).toBeVisible();
    if (quote.form === 'paraphrase') {
      await expect(main.getByText('Paraphrase, not their words', { exact: true })).toBeVisible();
      expect(await main.textContent()).not.toContain(`“${quote.words}`);
    }

    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image, 'og:image is an absolute URL').toMatch(/^https?:\/\//);
    const { pathname } = new URL(image!);
    expect(pathname).toBe(`/stories/${quote.slug}/quotes/${quote.id}.png`);
    expect(pngSize(readFileSync(join(DIST, pathname)))).toEqual({ width: 1200, height: 630 });
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(new URL(canonical!).pathname).toBe(quote.path);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', canonical!);

    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(scripts).toHaveLength(1);
    const ld = JSON.parse(scripts[0]!) as {
      isPartOf: { '@type': string };
      about?: { agent?: Record<string, unknown> };
      spokenByCharacter?: Record<string, unknown>;
    };
    // An unnamed speaker is a Person described, never named or given an @id that would merge it with another.
    const person =
      speaker.id === undefined
        ? { '@type': 'Person', description: expect.stringMatching(/\(unnamed\)$/) }
        : { name: speaker.name };
    if (quote.form === 'paraphrase') {
      // Our words about what the speaker said: the speaker acts, the site writes.
      expect(ld).toMatchObject({
        '@type': 'CreativeWork',
        genre: 'Paraphrase',
        about: { '@type': 'CommunicateAction', agent: person },
        author: { '@type': 'NewsMediaOrganization' },
      });
    } else {
      expect(ld).toMatchObject({ '@type': 'Quotation', text: quote.words, spokenByCharacter: person });
    }
    if (speaker.id === undefined) {
      const ldPerson = ld.about?.agent ?? ld.spokenByCharacter;
      expect(ldPerson).not.toHaveProperty('@id');
      expect(ldPerson).not.toHaveProperty('name');
    }
    expect(ld.isPartOf['@type']).toBe('NewsArticle');
  });
}

test('quote pages have titles of their own', async ({ page }) => {
  const titles = new Set<string>();
  for (const quote of quotes) {
    await page.goto(quote.path);
    titles.add(await page.title());
  }
  expect(titles.size).toBe(quotes.length);
});

test('each quote card on the story page links to the quote’s page, which links back to the card', async ({ page }) => {
  // Three page loads a quote, for every quote of the site: the time allowed grows with them, so a busy
  // machine does not fail a walk that passes at 1.8 s a quote (34 s for 18 on a slow CI run).
  test.setTimeout(Math.max(30_000, quotes.length * 5_000));
  for (const quote of quotes) {
    await page.goto(`/stories/${quote.slug}/`);
    await card(page, quote.id)
      .getByRole('link', { name: /^Link to this quote/ })
      .click();
    await expect(page).toHaveURL(quote.path);
    await page.getByRole('link', { name: /^Back to quote \d+ in the story$/ }).click();
    await expect(page).toHaveURL(`/stories/${quote.slug}/#q-${quote.id}`);
    await expect(card(page, quote.id)).toBeInViewport();
  }
});

test('the source page marks each direct and reported quote at its anchor and highlights the target', async ({
  page,
}) => {
  const verbatim = quotes.filter((q) => q.form !== 'paraphrase');
  expect(verbatim.length).toBeGreaterThan(1);
  for (const quote of verbatim) {
    await page.goto(`/stories/${quote.slug}/sources/${quote.source}/#q-${quote.id}`);
    const mark = page.locator(`mark[id="q-${quote.id}"]`);
    await expect(mark).toBeInViewport();
    // The marked text is the quote's words, edits aside: it starts with the first and ends with the last.
    const marked = letters((await mark.textContent()) ?? '');
    const parts = quote.words
      .split(/\[[^\]]*\]/)
      .map(letters)
      .filter((p) => p !== '');
    expect(marked.startsWith(parts[0]!) && marked.endsWith(parts.at(-1)!), `${marked} vs ${parts.join(' … ')}`).toBe(
      true,
    );
    for (const part of parts) expect(marked).toContain(part);
    const background = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background(`mark[id="q-${quote.id}"]`)).not.toBe(await background('mark[id^="q-"]:not(:target)'));
    await expect(page.locator(`mark[id="q-${quote.id}"] + sup a`)).toHaveAttribute('href', quote.path);
  }
});

test.describe('copy link', () => {
  test('puts the quote’s page URL on the clipboard and announces it', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    const [first, second] = quotes;

    await page.goto(first!.path);
    await page.getByRole('button', { name: /^Copy link/ }).click();
    await expect(page.getByRole('status')).toHaveText('Link copied.');
    expect(await clipboard()).toBe(new URL(first!.path, baseURL).href);

    await page.goto(`/stories/${second!.slug}/`);
    const onCard = card(page, second!.id);
    await onCard.getByRole('button', { name: /^Copy link/ }).click();
    await expect(onCard.getByRole('status')).toHaveText('Link copied.');
    expect(await clipboard()).toBe(new URL(second!.path, baseURL).href);
  });

  test.describe('with JavaScript disabled', () => {
    test.use({ javaScriptEnabled: false });

    test('the link is still there and works, and no dead button shows', async ({ page }) => {
      const quote = quotes[0]!;
      await page.goto(`/stories/${quote.slug}/`);
      const onCard = card(page, quote.id);
      await expect(onCard.getByRole('button', { name: /^Copy link/ })).toBeHidden();
      await onCard.getByRole('link', { name: /^Link to this quote/ }).click();
      await expect(page).toHaveURL(quote.path);
      await expect(page.getByRole('main').getByText(shownWords(quote), { exact: true }).first()).toBeVisible();
      await expect(page.getByRole('link', { name: /^Link to this quote/ })).toHaveAttribute('href', quote.path);
      await expect(page.getByRole('button', { name: /^Copy link/ })).toBeHidden();
    });
  });
});

test('actors who share a surname have pages of their own, and every mention links to the right one', async ({
  page,
}) => {
  const byName = Map.groupBy(actors, ([, name]) => name.split(' ').at(-1)!);
  const namesakes = [...byName.values()].filter((group) => group.length > 1).flat();
  for (const slug of stories) {
    await page.goto(`/stories/${slug}/`);
    for (const [id, name] of namesakes) {
      const links = page.getByRole('main').getByRole('link', { name, exact: true });
      const hrefs = new Set(await links.evaluateAll((els) => els.map((el) => el.getAttribute('href'))));
      if (hrefs.size > 0) expect([...hrefs], name).toEqual([`/actors/${id}/`]);
    }
  }
  for (const [id, name] of namesakes) {
    await page.goto(`/actors/${id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    const own = quotes.filter((q) => q.speaker.id === id);
    for (const quote of own)
      await expect(page.getByRole('main').getByText(shownWords(quote), { exact: true }).first()).toBeVisible();
    const others = quotes.filter((q) => q.speaker.id !== id && namesakes.some(([other]) => other === q.speaker.id));
    for (const quote of others)
      await expect(page.getByRole('main').getByText(shownWords(quote), { exact: true })).toHaveCount(0);
  }
});
