import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CardDesign, CardJob } from './carddraw.ts';

/**
 * Draws cards on every core: a pool of worker threads, one per core the process may use
 * (`os.availableParallelism()`), each taking the next card as soon as it has posted the last. A card
 * takes tens of milliseconds of satori, resvg and libimagequant, all on the thread that asks, so
 * drawing a cold cache one card after another leaves every core but one idle.
 *
 * The workers run cardworker.ts, which Node loads from the source with its type stripping: the
 * integration that draws the cards names the file (src/integrations/shareCards.ts), and the drawing
 * modules it imports are written for plain Node (carddraw.ts).
 */

/** A card drawn, or the error that stopped it. */
type Reply = { image: Uint8Array } | { error: string };

/**
 * Draws every job on `threads` workers of `workerFile` (a cardworker.ts), in `design`; `drawn` is
 * called with each job and its PNG as it arrives. Rejects at the first card that fails, naming it,
 * and stops every worker when done either way. Returns how many workers drew.
 */
export async function drawInPool<Job extends CardJob>(
  workerFile: URL | string,
  design: CardDesign,
  jobs: readonly Job[],
  drawn: (job: Job, image: Uint8Array) => Promise<void>,
  threads = availableParallelism(),
): Promise<number> {
  const workers = Array.from(
    { length: Math.min(threads, jobs.length) },
    () => new Worker(workerFile, { workerData: { design } }),
  );
  let next = 0;
  const work = (worker: Worker) =>
    new Promise<void>((done, fail) => {
      let job: Job | undefined;
      const take = () => {
        job = jobs[next++];
        if (job === undefined) {
          done();
          return;
        }
        worker.postMessage(job);
      };
      worker.on('message', (reply: Reply) => {
        if ('error' in reply) {
          fail(new Error(`drawing the ${job!.kind} card ${JSON.stringify(job!.card)} failed: ${reply.error}`));
          return;
        }
        drawn(job!, reply.image).then(take, fail);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (job !== undefined) fail(new Error(`a card worker stopped (exit code ${code}) while drawing a card`));
      });
      take();
    });
  try {
    await Promise.all(workers.map(work));
    return workers.length;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
