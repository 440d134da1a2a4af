/**
 * Content problems, reported the way an editor can act on them: the file, the field, the value
 * found and what was expected. Problems are collected and thrown together so one build shows them all.
 */

export interface ContentProblem {
  /** The content file, relative to the project root. */
  file: string;
  /** The field, as a path into the frontmatter (`said.reasoning`), or `body` for the text. */
  field: string;
  /** What the file holds there. */
  value: unknown;
  /** What would have been accepted. */
  expected: string;
}

export function formatProblem(problem: ContentProblem): string {
  const value = typeof problem.value === 'string' ? `"${problem.value}"` : JSON.stringify(problem.value);
  return `${problem.file}: field \`${problem.field}\` is ${value ?? 'missing'}; expected ${problem.expected}`;
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `Invalid content (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}

/** Collects problems while a model is assembled; `throwIfAny` ends the build with all of them. */
export class ProblemList {
  readonly problems: ContentProblem[] = [];

  add(file: string, field: string, value: unknown, expected: string): void {
    this.problems.push({ file, field, value, expected });
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new ContentError(this.problems);
  }
}
