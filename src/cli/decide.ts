/**
 * How an authoring command settles each field: a flag wins; otherwise the suggestion, which a
 * terminal offers as the default of a question and a script accepts with `--yes`. Where the tool
 * cannot tell (two candidates, several dates), a terminal asks and a script must say, by flag: the
 * command fails naming the candidates and the flag, and writes nothing.
 */

/** The questions a terminal asks (src/cli/prompts.ts answers them with @clack/prompts). */
export interface Prompter {
  /** Free text; an empty answer leaves the field out. */
  text(message: string, initial?: string): Promise<string>;
  /** One of `options`, `initial` preselected. */
  select<T>(message: string, options: { value: T; label: string }[], initial?: T): Promise<T>;
}

/** A suggestion for one field. */
export type Suggested<T> =
  | { kind: 'value'; value: T; note: string }
  | { kind: 'choose'; why: string; options: { value: T; label: string }[]; optional?: boolean }
  | { kind: 'none'; why: string };

/** Thrown when a script must decide what the tool cannot: the message says how. */
export class NeedsDecision extends Error {}

/** Settles fields one by one and remembers what a script left undecided. */
export class Decider {
  /** Fields a script has not settled: suggestions it did not accept (`--yes`), choices it did not make. */
  readonly undecided: string[] = [];
  /** What the editor should look at: fields left out or filled without certainty. */
  readonly notes: string[] = [];

  private readonly prompter: Prompter | undefined;
  private readonly yes: boolean;
  private readonly say: (line: string) => void;

  constructor(prompter: Prompter | undefined, yes: boolean, say: (line: string) => void) {
    this.prompter = prompter;
    this.yes = yes;
    this.say = say;
  }

  /**
   * The value of `field`: the flag's, else the suggestion (asked about in a terminal), else undefined.
   * `flag` names the option that gives it, for messages. With `parse`, a terminal may type another
   * value; without (a date value), it accepts the suggestion or leaves the field out.
   */
  async decide<T>(
    field: string,
    flag: string,
    given: T | undefined,
    suggested: Suggested<T>,
    {
      parse,
      show = String,
      required,
    }: {
      parse?: (typed: string) => T;
      show?: (value: T) => string;
      /** For a field the file cannot go without: what the flag takes (`<actor id>`); without a value, nothing is written. */
      required?: string;
    } = {},
  ): Promise<T | undefined> {
    if (given !== undefined) return given;
    if (suggested.kind === 'value') {
      this.say(`  ${field}: ${show(suggested.value) || '(none)'}  (${suggested.note})`);
      if (this.prompter && parse) return parse(await this.prompter.text(field, show(suggested.value)));
      if (this.prompter) {
        const keep = await this.prompter.select(field, [
          { value: true, label: `${show(suggested.value)} (${suggested.note})` },
          { value: false, label: `leave it out (give it by flag: ${flag})` },
        ]);
        return keep ? suggested.value : undefined;
      }
      if (!this.yes)
        this.undecided.push(`${flag} ${JSON.stringify(show(suggested.value))}  (suggested: ${suggested.note})`);
      return suggested.value;
    }
    if (suggested.kind === 'choose') {
      this.say(`  ${field}: ambiguous: ${suggested.why}`);
      // An optional field may be left out as well; the question offers it, a flag says it (`flag` names how).
      if (this.prompter)
        return this.prompter.select<T | undefined>(`${field}: ${suggested.why}`, [
          ...suggested.options,
          ...(suggested.optional ? [{ value: undefined, label: `leave it out (${flag})` }] : []),
        ]);
      this.undecided.push(
        `${flag} <one of: ${suggested.options.map((o) => o.label).join(' | ')}>  (${suggested.why}; the tool does not guess)`,
      );
      return undefined;
    }
    this.say(`  ${field}: no suggestion (${suggested.why})`);
    if (this.prompter && parse) {
      const typed = await this.prompter.text(`${field} (${suggested.why}; leave empty to leave it out)`);
      if (typed.trim() !== '') return parse(typed);
    }
    if (required !== undefined) this.undecided.push(`${flag} ${required}  (${suggested.why})`);
    else this.notes.push(`${field}: ${suggested.why}; give ${flag} if the source has one`);
    return undefined;
  }

  /** A drafted text (a date's reasoning) for the editor to confirm or rewrite in a terminal; a script keeps the draft. */
  async confirm(field: string, draft: string): Promise<string> {
    if (!this.prompter) return draft;
    const typed = await this.prompter.text(`${field} (confirm or rewrite)`, draft);
    return typed.trim() === '' ? draft : typed.trim();
  }

  /** Stops a script that left anything undecided, before a file is written. */
  settle(): void {
    if (this.undecided.length === 0) return;
    throw new NeedsDecision(
      `Not written: decide these by flag (or pass --yes to accept the suggestions; in a terminal the command asks):\n` +
        this.undecided.map((line) => `  ${line}`).join('\n'),
    );
  }
}
