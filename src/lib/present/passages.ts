/**
 * A source text laid out for reading with its quoted passages marked: paragraphs (one a line, as
 * sources are stored), each a run of plain text and marks. Marks come from the verbatim check's
 * offsets, so they cover exactly the quoted characters. A mark inside another nests; a mark that
 * overlaps another's end, or runs past its paragraph, is split, and only its first piece carries
 * its id, so every id appears once.
 */

export interface Range {
  /** Offset of the first character in the source text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

export type Piece<T extends Range> =
  | { text: string }
  | {
      mark: T;
      /** Whether this piece begins the mark (the one that carries its id). */
      first: boolean;
      /** Whether this piece ends the mark (where a link back to the quote goes). */
      last: boolean;
      pieces: Piece<T>[];
    };

interface Open<T extends Range> {
  mark: T;
  start: number;
  end: number;
  first: boolean;
  last: boolean;
  children: Open<T>[];
}

const byPosition = <T extends Range>(a: Open<T>, b: Open<T>) => a.start - b.start || b.end - a.end;

/** Nests the marks of one paragraph, splitting any mark that crosses the end of the one it starts in. */
function nest<T extends Range>(marks: Open<T>[]): Open<T>[] {
  const queue = [...marks].sort(byPosition);
  const roots: Open<T>[] = [];
  const stack: Open<T>[] = [];
  while (queue.length > 0) {
    const mark = queue.shift()!;
    while (stack.length > 0 && stack.at(-1)!.end <= mark.start) stack.pop();
    const parent = stack.at(-1);
    if (parent && mark.end > parent.end) {
      const rest: Open<T> = { ...mark, start: parent.end, first: false, children: [] };
      mark.end = parent.end;
      mark.last = false;
      const at = queue.findIndex((m) => byPosition(rest, m) < 0);
      queue.splice(at < 0 ? queue.length : at, 0, rest);
    }
    (parent ? parent.children : roots).push(mark);
    stack.push(mark);
  }
  return roots;
}

function toPieces<T extends Range>(text: string, from: number, to: number, marks: Open<T>[]): Piece<T>[] {
  const pieces: Piece<T>[] = [];
  let at = from;
  for (const mark of marks) {
    if (mark.start > at) pieces.push({ text: text.slice(at, mark.start) });
    pieces.push({
      mark: mark.mark,
      first: mark.first,
      last: mark.last,
      pieces: toPieces(text, mark.start, mark.end, mark.children),
    });
    at = mark.end;
  }
  if (to > at) pieces.push({ text: text.slice(at, to) });
  return pieces;
}

/** The text's paragraphs with `marks` laid in; throws if a mark does not start inside a paragraph. */
export function markPassages<T extends Range>(text: string, marks: readonly T[]): Piece<T>[][] {
  const paragraphs: Piece<T>[][] = [];
  const placed = new Set<T>();
  for (const line of text.matchAll(/[^\n]+/g)) {
    const start = line.index + line[0].length - line[0].trimStart().length;
    const end = line.index + line[0].trimEnd().length;
    if (end <= start) continue;
    const inside = marks.flatMap((mark): Open<T>[] => {
      const from = Math.max(mark.start, start);
      const to = Math.min(mark.end, end);
      if (from >= to) return [];
      if (from === mark.start) placed.add(mark);
      return [{ mark, start: from, end: to, first: from === mark.start, last: to === mark.end, children: [] }];
    });
    paragraphs.push(toPieces(text, start, end, nest(inside)));
  }
  const lost = marks.filter((mark) => !placed.has(mark));
  if (lost.length > 0) {
    throw new Error(
      `markPassages: ${lost.length} mark(s) do not start inside a paragraph: ${lost.map((m) => `${m.start}-${m.end}`).join(', ')}`,
    );
  }
  return paragraphs;
}
