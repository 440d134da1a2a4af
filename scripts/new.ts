/**
 * `npm run new -- <command> …`, the authoring commands (src/cli/new.ts). The command's modules are
 * TypeScript written for Vite (extensionless imports, `const enum`), which Node's type stripping does
 * not run, so they are loaded through Vite's documented `runnerImport`, as Vite loads a config file.
 */
import { runnerImport } from 'vite';

type Cli = typeof import('../src/cli/new.ts');
type Prompts = typeof import('../src/cli/prompts.ts');

const root = new URL('..', import.meta.url).pathname;
const load = async <T>(path: string) =>
  (await runnerImport<T>(`${root}${path}`, { configFile: false, logLevel: 'silent' })).module;
const { main } = await load<Cli>('src/cli/new.ts');
const { todayOf } = await load<typeof import('../src/lib/model/calendar.ts')>('src/lib/model/calendar.ts');
const { contentDirOf } = await load<typeof import('../src/lib/content/folder.ts')>('src/lib/content/folder.ts');
const interactive = process.stdin.isTTY && process.stdout.isTTY;

process.exitCode = await main(process.argv.slice(2), {
  // CONTENT_DIR chooses another content folder; else the project's own.
  contentDir: contentDirOf(process.env, root),
  projectRoot: process.cwd(),
  out: (line) => process.stdout.write(`${line}\n`),
  readStdin: async () => {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text;
  },
  prompter: interactive ? (await load<Prompts>('src/cli/prompts.ts')).clackPrompter : undefined,
  // SITE_TODAY sets the day the new story is published on (tests); else the clock's.
  today: todayOf(process.env, () => new Date()),
});
