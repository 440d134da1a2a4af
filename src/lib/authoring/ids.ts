/**
 * File names suggested for new entities: lower-case words joined by hyphens, as the model's ids are,
 * and not one already taken. An id is permanent once published, so it is only ever a suggestion.
 */

const STOP = new Set(
  'a an and are as at be but by do does for from has have he if in is it its not of on or our she so that the their them they this to was we were will with'.split(
    ' ',
  ),
);

/** The words of `text` as id parts: accents dropped, lower case, letters and digits only. */
function idWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** An id from a name, every word kept: "Zalmay Khalilzad" is `zalmay-khalilzad`. */
export function idOf(name: string): string {
  return idWords(name).join('-');
}

/**
 * An id from a prefix (a speaker's surname) and the first few words of `text` that carry meaning,
 * made unique among `taken` by a number.
 */
export function suggestId(prefix: string, text: string, taken: ReadonlySet<string>, words = 3): string {
  const head = idWords(prefix);
  const body = idWords(text)
    .filter((w) => !STOP.has(w) && !head.includes(w))
    .slice(0, words);
  const base = [...head, ...body].join('-') || 'untitled';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
