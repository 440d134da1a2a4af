import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { newTally, pruneCache } from '../../src/lib/outputs/imagecache';
import { drawLogo, ICON_FILES, LOGO_SIZE, logoKey, siteLogo } from '../../src/lib/outputs/logo';

/*
 * The site's logo, drawn from its favicon. Not covered here: that the built site serves it and the
 * story's structured data names it (tests/e2e/previews.spec.ts).
 */

describe('drawLogo', () => {
  it('draws the favicon as a square PNG of LOGO_SIZE, in its colours', async () => {
    const png = await drawLogo(readFileSync('public/favicon.svg', 'utf8'), 'public/favicon.svg');
    const { format, width, height } = await sharp(png).metadata();
    expect({ format, width, height }).toEqual({ format: 'png', width: LOGO_SIZE, height: LOGO_SIZE });
    const { dominant } = await sharp(png).stats();
    expect(dominant).not.toEqual({ r: 0, g: 0, b: 0 });
  });

  it('draws it at each icon’s size, as the build writes them', async () => {
    const svg = readFileSync('public/favicon.svg', 'utf8');
    const sizes = await Promise.all(
      ICON_FILES.map(
        async ({ size }) => (await sharp(await drawLogo(svg, 'public/favicon.svg', size)).metadata()).width,
      ),
    );
    expect(sizes).toEqual(ICON_FILES.map(({ size }) => size));
    expect(new Set(ICON_FILES.map(({ size }) => logoKey(svg, size))).size).toBe(ICON_FILES.length);
  });

  it('refuses a drawing that is not square, naming its file', async () => {
    const wide = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32"><rect width="64" height="32"/></svg>';
    await expect(drawLogo(wide, 'public/favicon.svg')).rejects.toThrow(
      /public\/favicon\.svg: .* must be square; .* 512x256/,
    );
  });
});

describe('siteLogo', () => {
  it('draws the logo once, then takes it from the image cache until the favicon changes, outside the share cards’ count', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'logo-cache-'));
    try {
      const favicon = readFileSync('public/favicon.svg', 'utf8');
      const tally = newTally();
      const drawn = await siteLogo(favicon, 'public/favicon.svg', dir, tally);
      expect(Buffer.from(await siteLogo(favicon, 'public/favicon.svg', dir, tally))).toEqual(Buffer.from(drawn));
      expect(await readdir(dir)).toHaveLength(1);
      expect(tally).toMatchObject({ rendered: 0, reused: 0 });
      // A build that asked for it keeps it.
      expect(await pruneCache(dir, tally.used)).toBe(0);

      await siteLogo(favicon.replace('<svg ', '<svg data-changed="1" '), 'public/favicon.svg', dir);
      expect(await readdir(dir)).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
