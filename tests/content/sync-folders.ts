/**
 * Runs Astro's `sync` (what `npm run check:content` runs) once per content folder given on the
 * command line, in this one process, and prints one JSON line per folder: `{ dir, error }`, where
 * `error` is the message the sync failed with, or null. Astro re-reads its config and the content
 * config on every sync, and both read CONTENT_DIR then, so each folder is checked on its own.
 * One process for all folders: starting Node and loading Astro once costs more than a sync.
 */
import { sync } from 'astro';
import { CONTENT_DIR_VARIABLE } from '../../src/lib/content/folder.ts';

for (const dir of process.argv.slice(2)) {
  process.env[CONTENT_DIR_VARIABLE] = dir;
  let error: string | null = null;
  try {
    await sync({ root: process.cwd(), logLevel: 'silent' });
  } catch (thrown) {
    error = (thrown as Error).message;
  }
  process.stdout.write(JSON.stringify({ dir, error }) + '\n');
}
