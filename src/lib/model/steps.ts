/**
 * Long work done in steps: a generator that yields between steps (a file read, a story assembled)
 * and returns its result. Run to the end at once (`runSteps`), it is the plain function a command or
 * a test calls; run with pauses (`runStepsPausing`), it lets a server's other work in between. The
 * dev server needs the second: its first read of a large folder takes tens of seconds, and Vite, starting
 * meanwhile, gives up on a request that waits a minute (seen at N = 5,000: "transport invoke timed out
 * after 60000ms", and the server never served a page).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once and returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

/**
 * Runs the steps, pausing (`pause`, such as a turn of the event loop) whenever `sliceMs` milliseconds
 * of steps have run since the last pause, and returns the result. `now` is the clock, in milliseconds.
 */
export async function runStepsPausing<T>(
  steps: Steps<T>,
  pause: () => Promise<void>,
  { sliceMs = 20, now = () => performance.now() }: { sliceMs?: number; now?: () => number } = {},
): Promise<T> {
  let since = now();
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
    if (now() - since >= sliceMs) {
      await pause();
      since = now();
    }
  }
}
