import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/lib/urls';

/*
 * Published URLs never vanish: `astro build` on a fixture content folder, three times. First
 * `npm run urls:update` records its URLs; then a story is removed and the build must fail naming
 * each of its URLs; then redirects are declared for them and the build passes, with a redirect page
 * (meta refresh, canonical) and the data file served at the old address. Not covered: that a reader
 * lands on the new page (tests/e2e/redirects.spec.ts follows a redirect in the browser) and the
 * site's own manifest being complete (tests/quality/urls.spec.ts).
 */

const work = 'node_modules/.cache/published-urls';
const content = join(work, 'content');
const dist = join(work, 'dist');

function build(update = false): { ok: boolean; output: string } {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: content,
      OUT_DIR: dist,
      UPDATE_PUBLISHED_URLS: update ? '1' : '',
    },
  });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

describe('a published URL that the build no longer produces', () => {
  let manifest: string[];

  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    cpSync('tests/fixtures/content/minimal', content, { recursive: true });
    cpSync('tests/fixtures/bad-content/empty-story-builds/content', content, { recursive: true });
    const first = build(true);
    expect(first.ok, first.output).toBe(true);
    manifest = parseManifest(readFileSync(join(content, 'published-urls.txt'), 'utf8'));
  }, 120_000);

  it('is recorded by urls:update', () => {
    expect(manifest).toEqual(expect.arrayContaining(['/', '/stories/base-story/', '/stories/quiet-story/', '/data/stories/quiet-story.json']));
  });

  it('fails the build, naming each URL, when a story is removed without a redirect', () => {
    rmSync(join(content, 'stories/quiet-story'), { recursive: true });
    const { ok, output } = build();
    expect(ok).toBe(false);
    expect(output).toContain('2 published URLs are no longer produced by the build');
    expect(output).toContain('  - /data/stories/quiet-story.json');
    expect(output).toContain('  - /stories/quiet-story/');
  }, 120_000);

  it('builds when redirects are declared, with a redirect page and the data at the old address', () => {
    writeFileSync(
      join(content, 'redirects.yaml'),
      [
        '/stories/quiet-story/:',
        '  to: /stories/base-story/',
        '  reason: The quiet story was folded into the base story.',
        '/data/stories/quiet-story.json:',
        '  to: /data/stories/base-story.json',
        '  reason: The quiet story was folded into the base story.',
      ].join('\n'),
    );
    const { ok, output } = build();
    expect(ok, output).toBe(true);
    const page = readFileSync(join(dist, 'stories/quiet-story/index.html'), 'utf8');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/stories/base-story/">');
    expect(page).toMatch(/<link rel="canonical" href="[^"]*\/stories\/base-story\/">/);
    expect(readFileSync(join(dist, 'data/stories/quiet-story.json'), 'utf8')).toBe(readFileSync(join(dist, 'data/stories/base-story.json'), 'utf8'));
    // The manifest did not change: nothing was removed from it, nothing needed adding.
    expect(parseManifest(readFileSync(join(content, 'published-urls.txt'), 'utf8'))).toEqual(manifest);
    expect(existsSync(join(dist, 'stories/base-story/index.html'))).toBe(true);
  }, 120_000);
});
