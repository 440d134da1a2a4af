import { join, relative } from 'node:path';
import { storySchema } from '../model/entities.ts';
import { ContentError, type ContentProblem } from '../content/problems.ts';
import { readContent, readTextFile } from '../content/read.ts';
import { readMarkdownFile } from '../content/frontmatter.ts';
import { assembleCorpus } from '../assemble/corpus.ts';

/**
 * The content check (`npm run check:content`: every file read and validated, the corpus assembled)
 * run in process after an authoring command writes a file, with one allowance: a story's fields the
 * editor has not written yet (its dek, its bottom line) are reported apart, as still to write, and
 * stood in for, so that the file just written is checked against its story all the same.
 */

/** What stands in for a story field not yet written, so the rest of the story can be assembled. */
const STAND_INS: Record<string, unknown> = { title: 'To write', dek: 'To write', bottomLine: ['To write'] };

/** The outcome: problems to fix, and the story fields (in `story.mdx` files) still to write. */
export interface AuthoringCheck {
  problems: ContentProblem[];
  toWrite: ContentProblem[];
}

/** Checks the content folder `contentDir` on the day `today`; file names in problems are relative to `projectRoot`. */
export function checkContent(contentDir: string, projectRoot: string, today: string): AuthoringCheck {
  const { files, problems: read } = readContent(contentDir, projectRoot);
  const isToWrite = (p: ContentProblem) =>
    p.file.endsWith('/story.mdx') && p.value === undefined && p.field in STAND_INS;
  const toWrite = read.filter(isToWrite);
  const problems = read.filter((p) => !isToWrite(p));
  for (const file of new Set(toWrite.map((p) => p.file))) {
    if (problems.some((p) => p.file === file)) continue;
    const slug = file.split('/').at(-2)!;
    const path = join(projectRoot, file);
    const decoded = readTextFile(path, file);
    const parsed = 'problem' in decoded ? decoded : readMarkdownFile(file, decoded.text);
    if ('problem' in parsed) continue;
    const data = storySchema.safeParse({ ...STAND_INS, ...parsed.data });
    if (data.success)
      files.stories.push({
        id: slug,
        filePath: relative(projectRoot, path),
        data: data.data,
        body: parsed.body,
        bodyLine: parsed.bodyLine,
      });
  }
  if (problems.length > 0) return { problems, toWrite };
  try {
    assembleCorpus(files, today);
  } catch (error) {
    if (error instanceof ContentError) return { problems: error.problems, toWrite };
    throw error;
  }
  return { problems: [], toWrite };
}
