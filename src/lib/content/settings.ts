import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { siteSettingsSchema, type SiteSettings } from '../model/site.ts';
import { DEFAULT_CONTENT_DIR } from './folder.ts';
import { parseYamlFields } from './frontmatter.ts';
import { ContentError, type ContentProblem } from './problems.ts';
import { readTextFile, validate } from './read.ts';
import { characterProblems } from './safeText.ts';
import { ROOT_FILES } from './tree.ts';

/**
 * The configuration file a content folder is built with, absolute: its own `site.yaml`, or, for a
 * folder without one other than the site's own (a test fixture, the benchmark's corpus), the site's,
 * so fixtures build as the site does.
 */
export function siteSettingsFile(contentDir: string, projectRoot: string): string {
  const own = join(resolve(projectRoot, contentDir), ROOT_FILES.site);
  const site = join(resolve(projectRoot, DEFAULT_CONTENT_DIR), ROOT_FILES.site);
  return existsSync(own) || own === site ? own : site;
}

/**
 * Reads the site's configuration (`siteSettingsFile`), checked as content is: a problem names the
 * file, the field, the value and what was expected, and stops the build. The site's own folder
 * (`content/`) must have one.
 */
export function readSiteSettings(contentDir: string, projectRoot: string): SiteSettings {
  const path = siteSettingsFile(contentDir, projectRoot);
  const file = relative(projectRoot, path);
  if (!existsSync(path))
    throw new ContentError([
      {
        file,
        field: '(file)',
        value: undefined,
        expected: "the site's configuration: its name, description, origin, language, logo, contact and licences (README, “The site's configuration”)",
      },
    ]);
  const problems: ContentProblem[] = [];
  const settings = readSettingsFile(path, file, problems);
  if (settings !== undefined && !existsSync(resolve(projectRoot, settings.logo)))
    problems.push({ file, field: 'logo', value: settings.logo, expected: 'the path of an SVG file that exists' });
  if (settings === undefined || problems.length > 0) throw new ContentError(problems);
  return settings;
}

function readSettingsFile(path: string, file: string, problems: ContentProblem[]): SiteSettings | undefined {
  const decoded = readTextFile(path, file);
  const read =
    'problem' in decoded
      ? decoded
      : parseYamlFields(file, decoded.text, 1, decoded.text, {
          field: '(file)',
          what: 'fields written `name: value`, one a line',
        });
  if ('problem' in read) {
    problems.push(read.problem);
    return undefined;
  }
  // No field is a source's words: every character is held to the rule for the site's own text.
  const unsafe = characterProblems(file, read.data, undefined, () => false);
  problems.push(...unsafe);
  return unsafe.length > 0 ? undefined : validate(siteSettingsSchema, file, read.data, problems);
}
