import { spawn } from 'node:child_process';
import { CONTENT_DIR_VARIABLE } from '../../src/lib/content/folder.ts';
import { freePorts } from '../ports.ts';

/*
 * `astro dev` on a content folder, for the tests that edit content while it runs
 * (tests/content/dev-server.test.ts, tests/content/dev-incremental.test.ts) and the dev-server
 * benchmark (tests/bench/dev.ts).
 */

/** The environment without the test runner's variables (NODE_ENV=test, VITEST…), which change how Vite serves. */
const withoutTestRunner = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));

export interface DevServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Everything the server has printed so far. */
  log: () => string;
  /** Stops the server and everything it started. */
  stop: () => void;
  /** Settles once the server has exited (after `stop`, or on its own). */
  closed: Promise<void>;
}

/** Starts `astro dev` on `content`, on a port free now (another dev server may hold any fixed one). */
export function startDevServer(content: string): DevServer {
  const [port] = freePorts(1) as [number];
  let log = '';
  // --ignore-lock: a developer's own dev server may be running; this one has its own port and content.
  const server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
    {
      // No call to the network: no telemetry, and no asking the registry for a newer Astro (the variable
      // node_modules/astro/dist/core/dev/update-check.js reads; only `astro dev` checks).
      env: {
        ...withoutTestRunner(process.env),
        ASTRO_TELEMETRY_DISABLED: '1',
        ASTRO_DISABLE_UPDATE_CHECK: 'true',
        [CONTENT_DIR_VARIABLE]: content,
        NO_COLOR: '1',
      },
      detached: true,
    },
  );
  server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const closed = new Promise<void>((done) => {
    server.once('close', () => {
      done();
    });
  });
  return {
    closed,
    origin: `http://127.0.0.1:${port}`,
    log: () => log,
    stop: () => {
      if (server.pid !== undefined) process.kill(-server.pid);
    },
  };
}

/** Polls until `check` holds, or fails with what it last saw; the dev server reloads in its own time. */
export async function eventually<T>(
  server: DevServer,
  what: string,
  read: () => Promise<T> | T,
  check: (value: T) => boolean,
): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 120; i++) {
    last = await read();
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what}; last seen: ${String(last).slice(0, 500)}\nserver log:\n${server.log()}`);
}

/** The page's text and status; an empty text while the server does not answer. */
export async function fetchPage(url: string): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(url);
    return { status: response.status, text: await response.text() };
  } catch {
    return { status: 0, text: '' };
  }
}
