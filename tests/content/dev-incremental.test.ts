import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/corpus';
import { eventually, fetchPage, startDevServer, type DevServer } from './devServer';

/*
 * `npm run dev` reads again only what an editor saved: on the benchmark's synthetic corpus of 20
 * stories, an edit, a new file, a renamed file and a deleted one each show on the page served, and
 * the content loader's line (src/loader/contentLoader.ts, `describeTimings`) says it read that file
 * alone again and assembled that story alone. Asserted from the log, not timed, so the test is as
 * fast on a busy machine. Not covered: the timing itself (npm run bench:dev), problems while
 * editing (tests/content/dev-server.test.ts).
 */

const STORIES = 20;
const content = mkdtempSync(join(tmpdir(), 'dev-incremental-'));
const file = (path: string) => join(content, path);
let server: DevServer;

beforeAll(async () => {
  for (const [path, text] of generateCorpus(STORIES)) {
    mkdirSync(dirname(file(path)), { recursive: true });
    writeFileSync(file(path), text);
  }
  server = startDevServer(content);
  await eventually(
    server,
    'the dev server serves a story',
    async () => (await fetchPage(`${server.origin}/stories/story-00001/`)).status,
    (status) => status === 200,
  );
}, 180_000);

afterAll(() => {
  server.stop();
  rmSync(content, { recursive: true, force: true });
});

/**
 * Makes a change, waits until `shown` holds of the page at `path`, and returns the content loader's
 * lines logged since: one, or more when the watcher's events came apart.
 */
async function change(make: () => void, path: string, shown: (page: { status: number; text: string }) => boolean) {
  const from = server.log().length;
  make();
  await eventually(server, `the change shows at ${path}`, () => fetchPage(server.origin + path), shown);
  const lines = () =>
    server
      .log()
      .slice(from)
      .split('\n')
      .filter((line) => line.includes('content: '));
  return eventually(server, 'the loader logs its read', lines, (found) => found.length > 0);
}

/** What the loader's lines say was read again, file by file, and how many stories each assembled. */
function reread(lines: string[]) {
  const files = lines.flatMap((line) => {
    const match = /\((\d+) read again(?:: ([^)]*))?\)/.exec(line);
    expect(match, `a read of only what changed: ${line}`).not.toBeNull();
    return match![2]?.split(', ') ?? [];
  });
  const assembled = lines.map((line) => Number(new RegExp(`\\((\\d+) of ${STORIES} stories\\)`).exec(line)?.[1]));
  return { files, assembled };
}

const quote = (id: string) => `stories/story-00003/quotes/${id}.md`;
const quotePage = (id: string) => `/stories/story-00003/quotes/${id}/`;

describe('the dev server, after a save', () => {
  it('reads the edited file again and assembles its story alone', async () => {
    const story = file('stories/story-00002/story.mdx');
    const lines = await change(
      () => {
        writeFileSync(story, readFileSync(story, 'utf8').replace(/^title: ".*"$/m, 'title: "An edited title"'));
      },
      '/stories/story-00002/',
      (page) => page.text.includes('An edited title'),
    );
    const { files, assembled } = reread(lines);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/stories\/story-00002\/story\.mdx$/);
    expect(Math.max(...assembled)).toBe(1);
  });

  it('reads a new file', async () => {
    const source = readFileSync(file('stories/story-00003/sources/article.md'), 'utf8');
    const words = /Figures seen by reporters show that costs on [^.]*/.exec(source)![0];
    const lines = await change(
      () => {
        writeFileSync(
          file(quote('added')),
          `---\nspeaker: ${/^speaker: (.*)$/m.exec(readFileSync(file(quote('direct-warning')), 'utf8'))![1]!}\nsource: article\nform: reported\nmedium: statement\n---\n${words}\n`,
        );
      },
      quotePage('added'),
      (page) => page.status === 200 && page.text.includes('Figures seen by reporters'),
    );
    const { files, assembled } = reread(lines);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/stories\/story-00003\/quotes\/added\.md$/);
    expect(Math.max(...assembled)).toBe(1);
  });

  it('reads a renamed file under its new name, and serves it there only', async () => {
    const lines = await change(
      () => {
        renameSync(file(quote('added')), file(quote('renamed')));
      },
      quotePage('renamed'),
      (page) => page.status === 200,
    );
    expect((await fetchPage(server.origin + quotePage('added'))).status).toBe(404);
    const { files, assembled } = reread(lines);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/stories\/story-00003\/quotes\/renamed\.md$/);
    expect(Math.max(...assembled)).toBe(1);
  });

  it('reads nothing for a deleted file, and assembles its story again without it', async () => {
    const lines = await change(
      () => {
        rmSync(file(quote('renamed')));
      },
      quotePage('renamed'),
      (page) => page.status === 404,
    );
    const { files, assembled } = reread(lines);
    expect(files).toEqual([]);
    expect(Math.max(...assembled)).toBe(1);
  });
});
