/** The benchmark's arithmetic and log reading, kept pure so it can be tested. */

export const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const RENDERED = [
  // Our own build's report (src/integrations/shareCardReport.ts): "share cards: 12 rendered, 3 reused".
  /share cards:\s*(\d+)\s+rendered/i,
  /(\d+)\s+(?:share[- ]?)?(?:images?|cards?|PNGs?)\s+(?:rendered|generated|written|created)/i,
  /(?:rendered|generated)\s+(\d+)\s+(?:share[- ]?)?(?:images?|cards?|PNGs?)/i,
];

/**
 * How many share images a build rendered: the count its log gives ("12 images rendered", "rendered 12
 * share cards"), else the PNGs it wrote to its cache (modification times from `started` on), else
 * unknown: a cache holding no PNG at all says nothing.
 */
export function imagesRendered(log: string, cachedPngs: { mtimeMs: number }[], started: number): number | undefined {
  // eslint-disable-next-line no-control-regex -- ESC (\x1b) starts the terminal colour codes this strips
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  const fromLog = RENDERED.map((re) => re.exec(plain)).find(Boolean);
  if (fromLog) return Number(fromLog[1]);
  return cachedPngs.length > 0 ? cachedPngs.filter((f) => f.mtimeMs >= started).length : undefined;
}
