import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawLogo, LOGO_SIZE } from '../../src/lib/outputs/logo';

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

  it('refuses a drawing that is not square, naming its file', async () => {
    const wide = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32"><rect width="64" height="32"/></svg>';
    await expect(drawLogo(wide, 'public/favicon.svg')).rejects.toThrow(
      /public\/favicon\.svg: .* must be square; .* 512x256/,
    );
  });
});
