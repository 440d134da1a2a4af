import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CardDesign, CardJob } from './carddraw.ts';

/**
 * Draws cards on every core: a pool of worker threads, one per core the process may use
 * (`os.availableParallelism()`), each taking the next card as soon as it has posted the last. A card
 * takes tens of milliseconds of satori, resvg and libimagequant, all on the thread that asks, so
 * drawing a cold cache one card after another leaves every core but one idle.
 *
 * The workers run cardworker.ts, which Node loads from the source with its type stripping rather
 * than through Vite: the build bundles the card routes into chunks of its own, which a worker cannot
 * start from. So the build passes the worker's source file (the share-card integration names it,
 * `cardWorkerFile`), and the drawing modules it imports are written for plain Node (carddraw.ts).
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

// On globalThis, as the image tally is: the integration that knows the project's root and the page
// bundle that draws the cards each load their own copy of this module during one build.
const WORKER_FILE = Symbol.for('verifiable-explainers.card-worker');
type WithWorker = typeof globalThis & { [WORKER_FILE]?: URL };

/** Where cardworker.ts is, for a build whose card routes run from bundled chunks. */
export function setCardWorkerFile(file: URL): void {
  (globalThis as WithWorker)[WORKER_FILE] = file;
}

/** The worker file the build named; an error if none did. */
export function cardWorkerFile(): URL {
  const file = (globalThis as WithWorker)[WORKER_FILE];
  if (!file) throw new Error('No card worker: the share-card integration (src/integrations/shareCards.ts) names it');
  return file;
}
