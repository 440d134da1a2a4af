import { createHash } from 'node:crypto';
import { renderOrReuse, type ImageTally } from './imagecache.ts';

/**
 * The site's logo as a raster image, drawn at build time from the favicon (`public/favicon.svg`), so
 * there is one drawing of it: structured data names a publisher's logo, and the programs that read it
 * (search engines, link previews) take PNG, not SVG.
 */

/** The drawing the logo is made from, relative to the project's root. */
export const FAVICON_FILE = 'public/favicon.svg';

/** The logo's width and height in pixels: square, large enough for any reader's "at least 112 px". */
export const LOGO_SIZE = 512;

/** The logo as a PNG of `LOGO_SIZE` square; a drawing that is not square fails, naming `file`. */
export async function drawLogo(svg: string, file: string): Promise<Uint8Array> {
  // Loaded here, not with the module: jsonld.ts reads LOGO_SIZE on every page, and most builds take the logo from the cache.
  const [{ Resvg }, { default: sharp }] = await Promise.all([import('@resvg/resvg-js'), import('sharp')]);
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: LOGO_SIZE } }).render();
  if (image.height !== LOGO_SIZE) {
    throw new Error(
      `${file}: the site's logo is drawn from it at ${LOGO_SIZE}x${LOGO_SIZE}, so it must be square; its viewBox gives ${image.width}x${image.height}`,
    );
  }
  return new Uint8Array(await sharp(image.asPng()).png({ palette: true, compressionLevel: 9 }).toBuffer());
}

/** Bump when `drawLogo` draws differently, so the cached logo is drawn again. */
const LOGO_VERSION = 1;

/** The logo's key in the image cache: it changes with the favicon it is drawn from and with `drawLogo`. */
export const logoKey = (svg: string): string =>
  `logo-${createHash('sha256')
    .update(JSON.stringify([LOGO_VERSION, LOGO_SIZE, svg]))
    .digest('hex')
    .slice(0, 32)}`;

/**
 * The logo, from the image cache when the favicon has not changed since it was drawn, else drawn now
 * and cached; noted in `tally` as used, outside the share cards' count.
 */
export async function siteLogo(svg: string, file: string, cacheDir: string, tally?: ImageTally): Promise<Uint8Array> {
  const { image } = await renderOrReuse(cacheDir, logoKey(svg), () => drawLogo(svg, file), tally, { counted: false });
  return image;
}
