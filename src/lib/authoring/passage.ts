import type { Span } from '../content/verbatim.ts';

/** What may close a sentence or clause after a passage's last word. */
const CLOSING = new Set(['.', ',', ';', ':', '!', '?']);

/**
 * A passage as the editor gave it, in the source's own characters: the verbatim match ends on the last
 * word (a quote may leave the source's full stop out), but a passage typed with its closing mark keeps
 * it when the source has the same mark right there ("… were on strike on Tuesday." stays a sentence).
 */
export function passageAsTyped(words: string, span: Pick<Span, 'start' | 'end'>, source: string): string {
  const typed = words.trimEnd();
  let end = span.end;
  let from = typed.length;
  while (from > 0 && CLOSING.has(typed[from - 1]!)) from--;
  for (const mark of typed.slice(from)) {
    if (source[end] !== mark) break;
    end++;
  }
  return source.slice(span.start, end);
}
