import { createHash } from 'node:crypto';
import { imageCacheDir, renderOrReuse } from './imagecache.ts';

/**
 * The site's logo as a raster image, drawn at build time from the favicon (`public/favicon.svg`), so
 * there is one drawing of it: structured data names a publisher's logo, and the programs that read it
 * (search engines, link previews) take PNG, not SVG.
 */

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

/** The logo, from the image cache when the favicon has not changed since it was drawn, else drawn now and cached. */
export async function siteLogo(svg: string, file: string, cacheDir: string = imageCacheDir()): Promise<Uint8Array> {
  const key = `logo-${createHash('sha256')
    .update(JSON.stringify([LOGO_VERSION, LOGO_SIZE, svg]))
    .digest('hex')
    .slice(0, 32)}`;
  const { image } = await renderOrReuse(cacheDir, key, () => drawLogo(svg, file), { counted: false });
  return image;
}
