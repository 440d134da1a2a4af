import { cancel, isCancel, select, text } from '@clack/prompts';
import type { Prompter } from './decide.ts';

/** The questions of a terminal session, asked with @clack/prompts; Ctrl-C ends the command, writing nothing. */
export const clackPrompter: Prompter = {
  async text(message, initial) {
    const answer = await text({ message, initialValue: initial ?? '' });
    return isCancel(answer) ? stop() : answer;
  },
  async select(message, options, initial) {
    // Chosen by position: clack's option type is for values it can show, and these may be dates.
    const at = options.findIndex((o) => o.value === initial);
    const answer = await select({
      message,
      options: options.map((o, i) => ({ value: i, label: o.label })),
      initialValue: Math.max(at, 0),
    });
    return isCancel(answer) ? stop() : options[answer]!.value;
  },
};

function stop(): never {
  cancel('Nothing written.');
  process.exit(1);
}
