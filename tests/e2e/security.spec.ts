import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, FIXTURE_SITE, settingsOf, SITE, SITES } from './site';

/*
 * Safe by construction, on every page both sites build: a Content-Security-Policy that allows only
 * this origin and hashed inline code (the search page adds 'wasm-unsafe-eval', for Pagefind's
 * WebAssembly, and a search there runs under it); no request leaves the origin; no CSP violation; and markup or
 * script in any content field (the fixture site's unsafe story) comes out as text, in the pages and
 * in the open data. Not covered: HTTP headers (a static host's configuration, not the build), share
 * images (pixels, where markup cannot run), and the dev server (CSP is not applied there).
 */

/** How many pages the every-page check loads at once. */
const TABS = 4;

/** A CSP's directives, as a map from directive to its sources. */
function parsePolicy(content: string): Map<string, string[]> {
  return new Map(
    content
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** What the browser parsed: the CSP meta tag, and the code of every inline script and style. */
async function inlineCode(page: Page) {
  return page.evaluate(() => ({
    policy: document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? null,
    scripts: [...document.scripts].filter((s) => !s.src && !/json/.test(s.type)).map((s) => s.textContent),
    styles: [...document.querySelectorAll('style')].map((s) => s.textContent),
  }));
}

for (const site of SITES) {
  test.describe(site.name, () => {
    test.use({ baseURL: site.origin });

    test('every page: a CSP of this origin and hashes only, no CSP violation, no request elsewhere', async ({
      context,
    }) => {
      const elsewhere: string[] = [];
      await context.addInitScript(() => {
        (window as unknown as { violations: string[] }).violations = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          (window as unknown as { violations: string[] }).violations.push(
            `${event.violatedDirective}: ${event.blockedURI}`,
          ),
        );
      });
      const pages = builtPages(site).filter((p) => !p.redirect);
      expect(pages.length).toBeGreaterThan(0);
      // Each page waits for its network to be idle (half a second at least): the limit grows with the site.
      test.setTimeout(30_000 + pages.length * 1_000);
      const check = async (page: Page, path: string) => {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        const { policy: content, scripts, styles } = await inlineCode(page);
        expect(content, `${path}: a Content-Security-Policy meta tag`).not.toBeNull();
        const policy = parsePolicy(content!);
        expect(policy.get('default-src'), path).toEqual(["'self'"]);
        expect(policy.get('object-src'), path).toEqual(["'none'"]);
        expect(policy.get('base-uri'), path).toEqual(["'self'"]);
        for (const directive of ['script-src', 'style-src']) {
          // The search page alone may compile WebAssembly (Pagefind's); 'wasm-unsafe-eval' allows no other eval.
          const allowed = directive === 'script-src' && path === '/search/' ? ["'wasm-unsafe-eval'"] : [];
          const loose = (policy.get(directive) ?? []).filter(
            (s) => s !== "'self'" && !allowed.includes(s) && !/^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(s),
          );
          expect(
            loose,
            `${path}: ${directive} allows only 'self' and hashes (no unsafe-inline, unsafe-eval or other origin)`,
          ).toEqual([]);
        }
        for (const code of scripts)
          expect(policy.get('script-src'), `${path}: inline script hashed`).toContain(sha256(code));
        for (const css of styles)
          expect(policy.get('style-src'), `${path}: inline style hashed`).toContain(sha256(css));
        expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), path).toEqual([]);
      };
      // Pages in TABS tabs at once, each taking the next page left: the half second of quiet each
      // waits for is spent side by side, not one after another.
      const left = pages.map((p) => p.path);
      await Promise.all(
        Array.from({ length: TABS }, async () => {
          const page = await context.newPage();
          page.on('request', (request) => {
            const url = new URL(request.url());
            if (url.protocol !== 'data:' && url.origin !== site.origin)
              elsewhere.push(`${page.url()} -> ${request.url()}`);
          });
          for (let path = left.shift(); path !== undefined; path = left.shift()) await check(page, path);
        }),
      );
      expect(elsewhere).toEqual([]);
    });
  });
}

test.describe('the search page under its CSP', () => {
  test.use({ baseURL: SITE.origin });

  test('a search loads the index and its WebAssembly with no CSP violation; eval is still refused', async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto('/search/?q=Taliban');
    await expect(page.getByRole('status')).toHaveText(/^\d+ results?\.$/);
    expect(violations).toEqual([]);
    expect(
      await page.evaluate(async () => {
        // After a turn of the event loop, as the page's own code would run: what the test tool runs
        // directly is not held to the page's CSP.
        await new Promise((resolve) => setTimeout(resolve, 0));
        try {
          (0, eval)('1 + 1');
          return 'ran';
        } catch (error) {
          return (error as Error).name;
        }
      }),
    ).toBe('EvalError');
  });
});

test.describe('the CSP is enforced', () => {
  test.use({ baseURL: FIXTURE_SITE.origin });

  test('an injected inline script does not run, and eval is refused', async ({ page }) => {
    await page.goto('/');
    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      let evaluated = 'ran';
      try {
        (0, eval)('1 + 1');
      } catch (error) {
        evaluated = (error as Error).name;
      }
      return { injected: (window as unknown as { injected?: boolean }).injected ?? false, evaluated };
    });
    expect(outcome).toEqual({ injected: false, evaluated: 'EvalError' });
  });
});

test.describe('content is data: markup in every field comes out as text', () => {
  test.use({ baseURL: FIXTURE_SITE.origin });

  /** Fails the test if anything the content smuggled in became markup or ran. */
  async function expectInert(page: Page, path: string) {
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(path);
    const found = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        // Structured data may quote the hostile text, escaped: brokenJsonLd checks it cannot break out.
        scripts: [...document.scripts].filter((s) => s.type !== 'application/ld+json' && /alert/.test(s.textContent))
          .length,
        handlers: all.flatMap((el) =>
          [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
        ),
        javascriptLinks: all.flatMap((el) =>
          [...el.attributes]
            .filter((a) => /^\s*javascript:/i.test(a.value) && ['href', 'src', 'action', 'formaction'].includes(a.name))
            .map((a) => a.value),
        ),
        // The fixture's fields hold <img>, <svg>, <iframe> and <b>; the site's own QR code is the one svg it may draw.
        smuggled: document.querySelectorAll('main img, main svg:not(.qr-code), main iframe, main b').length,
        // Structured data that a field could close early (`</script>`) would no longer parse.
        brokenJsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].filter((s) => {
          try {
            JSON.parse(s.textContent);
            return false;
          } catch {
            return true;
          }
        }).length,
      };
    });
    expect(found, path).toEqual({ scripts: 0, handlers: [], javascriptLinks: [], smuggled: 0, brokenJsonLd: 0 });
    expect(dialogs, path).toEqual([]);
  }

  test('every page of the fixture site', async ({ page }) => {
    for (const { path, redirect } of builtPages(FIXTURE_SITE)) if (!redirect) await expectInert(page, path);
  });

  test('the story page shows every field as the editor typed it', async ({ page }) => {
    await page.goto('/stories/unsafe-story/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      '<script>alert("title")</script> & "quotes" in a headline',
    );
    await expect(page.getByText('</script><script>alert("dek")</script> and a "quoted" word')).toBeVisible();
    await expect(page.getByText('"><svg onload=alert("bottom line")>')).toBeVisible();
    await expect(page.locator('#q-script-in-words blockquote')).toContainText(
      '<script>alert("quote")</script> is what they wrote.',
    );
    await expect(
      page
        .getByRole('region', { name: 'What is claimed, and what is disputed' })
        .getByText('<img src=x onerror=alert("claim")> "claimed" & disputed.'),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: '</title><script>alert("event title")</script>' })).toBeVisible();
    expect(await page.title()).toBe(
      `<script>alert("title")</script> & "quotes" in a headline · ${settingsOf(FIXTURE_SITE).name}`,
    );
  });

  test('the open data keeps every field exactly, as JSON', async ({ request }) => {
    const response = await request.get('/data/stories/unsafe-story.json');
    expect(response.headers()['content-type']).toContain('application/json');
    const data = (await response.json()) as {
      title: string;
      quotes: { id: string; words: string }[];
      actors: { id: string; name: string }[];
    };
    expect(data.title).toBe('<script>alert("title")</script> & "quotes" in a headline');
    expect(data.quotes.find((q) => q.id === 'script-in-words')?.words).toBe(
      '<script>alert("quote")</script> is what they wrote.',
    );
    expect(data.actors.find((a) => a.id === 'script-kiddie')?.name).toBe(
      '</script><script>alert("actor name")</script>',
    );
  });
});
