import { createHash } from 'node:crypto';
import { FAVICON_PNG_PATH, LOGO_PATH, TOUCH_ICON_PATH } from '../present/urls.ts';
import { renderOrReuse, type ImageTally } from './imagecache.ts';

/**
 * The site's logo and icons as raster images, drawn at build time from the logo the configuration
 * names (`logo` in content/site.yaml, an SVG under public/ that is also the favicon), so there is one
 * drawing of them: structured data names a publisher's logo, and the programs that read it (search
 * engines, link previews) take PNG, not SVG; browsers, chat apps and feed readers that show no SVG
 * icon take a 32-pixel PNG, and iOS a 180-pixel apple-touch-icon.
 */

/** The logo's width and height in pixels: square, large enough for any reader's "at least 112 px". */
export const LOGO_SIZE = 512;

/** The files the logo is drawn as, each square: the publisher's logo, iOS's home-screen icon, a PNG favicon. */
export const ICON_FILES: readonly { path: string; size: number }[] = [
  { path: LOGO_PATH, size: LOGO_SIZE },
  { path: TOUCH_ICON_PATH, size: 180 },
  { path: FAVICON_PNG_PATH, size: 32 },
];

/** The logo as a square PNG of `size` pixels; a drawing that is not square fails, naming `file`. */
export async function drawLogo(svg: string, file: string, size: number = LOGO_SIZE): Promise<Uint8Array> {
  // Loaded here, not with the module: jsonld.ts reads LOGO_SIZE on every page, and most builds take the logo from the cache.
  const [{ Resvg }, { default: sharp }] = await Promise.all([import('@resvg/resvg-js'), import('sharp')]);
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
  if (image.height !== size) {
    throw new Error(
      `${file}: the site's logo is drawn from it at ${size}x${size}, so it must be square; its viewBox gives ${image.width}x${image.height}`,
    );
  }
  return new Uint8Array(await sharp(image.asPng()).png({ palette: true, compressionLevel: 9 }).toBuffer());
}

/** Bump when `drawLogo` draws differently, so the cached logo is drawn again. */
const LOGO_VERSION = 1;

/** The logo's key in the image cache at a size: it changes with the drawing it is made from and with `drawLogo`. */
export const logoKey = (svg: string, size: number = LOGO_SIZE): string =>
  `logo-${createHash('sha256')
    .update(JSON.stringify([LOGO_VERSION, size, svg]))
    .digest('hex')
    .slice(0, 32)}`;

/**
 * The logo at a size, from the image cache when the drawing has not changed since it was drawn, else
 * drawn now and cached; noted in `tally` as used, outside the share cards' count.
 */
export async function siteLogo(
  svg: string,
  file: string,
  cacheDir: string,
  tally?: ImageTally,
  size: number = LOGO_SIZE,
): Promise<Uint8Array> {
  const { image } = await renderOrReuse(cacheDir, logoKey(svg, size), () => drawLogo(svg, file, size), tally, {
    counted: false,
  });
  return image;
}
