import QRCode from 'qrcode';

/**
 * QR codes for paper: the `qrcode` package encodes, we draw. Drawing ourselves keeps the SVG free of
 * colour literals (modules are `currentColor`, so the palette decides) and lets the page's markup
 * supply the accessible name, escaped like any other text.
 */

/** Light modules around the symbol; the QR specification asks for four. */
export const QUIET_ZONE = 4;

export interface QrDrawing {
  /** Width and height in modules, quiet zone included: the SVG's viewBox is `0 0 size size`. */
  size: number;
  /** One SVG path for every dark module, a rectangle per horizontal run. */
  d: string;
}

/**
 * Encodes `text` (a URL) and returns the path that draws it. Error correction `M` survives a crease
 * or a smudge on paper while keeping the symbol small enough to print at 2 cm.
 */
export function drawQr(text: string): QrDrawing {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const runs: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.data[row * n + col]) col++;
      runs.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: n + 2 * QUIET_ZONE, d: runs.join('') };
}
