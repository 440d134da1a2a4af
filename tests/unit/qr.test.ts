import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { drawQr, QUIET_ZONE } from '../../src/lib/outputs/qr';

/*
 * The QR drawing: that the path paints exactly the modules the encoder chose, in place, with the
 * quiet zone around them. Not covered here: the encoding itself (the qrcode package's job) and how
 * large the code prints (tests/e2e/briefing.spec.ts).
 */

const url = 'https://explainers.example.org/stories/khalilzad-warns-taliban/';

/** Reads the path back into a grid of dark modules. */
function paint({ size, d }: { size: number; d: string }): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(w); i++) grid[Number(y)]![Number(x) + i] = true;
  }
  return grid;
}

describe('drawQr', () => {
  it('paints every dark module of the symbol and nothing else', () => {
    const drawing = drawQr(url);
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const grid = paint(drawing);
    for (let row = 0; row < drawing.size; row++) {
      for (let col = 0; col < drawing.size; col++) {
        const inside = [row, col].every((v) => v >= QUIET_ZONE && v < QUIET_ZONE + modules.size);
        const dark = inside && modules.get(row - QUIET_ZONE, col - QUIET_ZONE) === 1;
        expect(grid[row]![col], `module ${row},${col}`).toBe(dark);
      }
    }
  });

  it('uses only rectangles the reader above understands', () => {
    const { d } = drawQr(url);
    expect(d.replace(/M\d+ \d+h(\d+)v1h-\1z/g, '')).toBe('');
  });

  it('leaves a quiet zone of four modules and draws finder patterns in three corners', () => {
    const drawing = drawQr(url);
    const grid = paint(drawing);
    const n = drawing.size - 2 * QUIET_ZONE;
    expect(grid.slice(0, QUIET_ZONE).flat().some(Boolean)).toBe(false);
    // A finder pattern's top row is seven dark modules.
    const topRow = (row: number, col: number) => grid[row]!.slice(col, col + 7).every(Boolean);
    expect(topRow(QUIET_ZONE, QUIET_ZONE)).toBe(true);
    expect(topRow(QUIET_ZONE, QUIET_ZONE + n - 7)).toBe(true);
    expect(topRow(QUIET_ZONE + n - 7, QUIET_ZONE)).toBe(true);
    expect(topRow(QUIET_ZONE + n - 7, QUIET_ZONE + n - 7)).toBe(false);
  });

  it('draws a different code for a different address', () => {
    expect(drawQr(url).d).not.toBe(drawQr(`${url}briefing/`).d);
  });
});
