import { parentPort, workerData } from 'node:worker_threads';
import { drawCard, type CardDesign, type CardJob } from './carddraw.ts';

/**
 * A worker of the card pool (cardpool.ts): draws each card it is sent, in the design it was started
 * with, and posts back the PNG or why it failed. Node loads it and what it imports from the source,
 * stripping their types, so the same file serves the built site and the tests (carddraw.ts says why).
 */

const port = parentPort!;
const { design } = workerData as { design: CardDesign };

port.on('message', (job: CardJob) => {
  drawCard(job, design).then(
    (image) => {
      port.postMessage({ image }, [image.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    },
  );
});
