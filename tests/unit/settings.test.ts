import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSiteSettings } from '../../src/lib/content/settings';
import { ContentError } from '../../src/lib/content/problems';
import { fediverseProfile, logoHref, siteSettingsSchema, socialProfiles } from '../../src/lib/model/site';

/*
 * The site's configuration (src/lib/content/settings.ts, src/lib/model/site.ts): the repository's own
 * file reads, a folder without one takes the site's, and a wrong value fails naming the file and the
 * field. Not covered here: that astro sync stops on it (tests/fixtures/bad-content/site-*), and that a
 * build with another configuration names the site by it everywhere (tests/quality/configuration.spec.ts).
 */

const root = process.cwd();
const own = readFileSync('content/site.yaml', 'utf8');
const folders: string[] = [];

/** A content folder under the project (problems name files from its root), with these files. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 'node_modules/.cache/settings-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return relative(root, dir);
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The one problem reading fails with. */
function problemOf(dir: string) {
  try {
    readSiteSettings(dir, root);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    const { problems } = error as ContentError;
    expect(problems).toHaveLength(1);
    return problems[0]!;
  }
  throw new Error('the configuration was accepted');
}

describe('readSiteSettings', () => {
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });

  it('reads the site’s own configuration', () => {
    const settings = readSiteSettings('content', root);
    expect(settings.origin).toMatch(/^https:\/\/[^/]+$/);
    expect(settings.name.length).toBeGreaterThan(0);
    expect(settings.language).toMatch(/^en(-|$)/);
  });

  it('gives a folder without a configuration the site’s, and a folder with one its own', () => {
    expect(readSiteSettings(folder({}), root)).toEqual(readSiteSettings('content', root));
    const other = own.replace(/^name: .*$/m, 'name: The Other Paper');
    expect(readSiteSettings(folder({ 'site.yaml': other }), root).name).toBe('The Other Paper');
  });

  it('keeps the origin alone, without a slash, as Astro’s `site` takes it', () => {
    const dir = folder({ 'site.yaml': own.replace(/^origin: .*$/m, 'origin: https://Paper.Example/') });
    expect(readSiteSettings(dir, root).origin).toBe('https://paper.example');
  });

  it('names the file, the field and what was expected for a wrong value', () => {
    const dir = folder({ 'site.yaml': own.replace(/^language: .*$/m, 'language: fr-FR') });
    expect(problemOf(dir)).toMatchObject({ file: join(dir, 'site.yaml'), field: 'language', value: 'fr-FR' });
    expect(problemOf(folder({ 'site.yaml': own.replace(/^logo: .*$/m, 'logo: public/missing.svg') }))).toMatchObject({
      field: 'logo',
      expected: 'the path of an SVG file that exists',
    });
    expect(
      problemOf(folder({ 'site.yaml': own.replace(/^(\s+)corrections: .*$/m, '$1corrections: nobody') })),
    ).toMatchObject({
      field: 'contact.corrections',
      value: 'nobody',
    });
    expect(problemOf(folder({ 'site.yaml': `${own}colour: red\n` }))).toMatchObject({ field: 'colour' });
  });

  it('refuses a file that is not YAML fields, with its line', () => {
    expect(problemOf(folder({ 'site.yaml': 'name: [unclosed\n' }))).toMatchObject({ field: '(file)', line: 1 });
  });

  it('requires the site’s own folder to have one', () => {
    const project = mkdtempSync(join(tmpdir(), 'site-'));
    try {
      mkdirSync(join(project, 'content'));
      expect(() => readSiteSettings('content', project)).toThrow(
        /content\/site\.yaml: field `\(file\)` is missing; expected the site's configuration/,
      );
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('the configuration’s accounts and logo', () => {
  const settings = siteSettingsSchema.parse({
    ...readSiteSettings('content', root),
    social: { x: '@paper', fediverse: '@desk@social.example' },
  });

  it('gives each account’s profile page', () => {
    expect(fediverseProfile('@desk@social.example')).toBe('https://social.example/@desk');
    expect(socialProfiles(settings.social)).toEqual(['https://x.com/paper', 'https://social.example/@desk']);
    expect(socialProfiles({})).toEqual([]);
  });

  it('refuses a handle that is not one', () => {
    expect(siteSettingsSchema.safeParse({ ...settings, social: { x: 'paper' } }).success).toBe(false);
    expect(siteSettingsSchema.safeParse({ ...settings, social: { fediverse: '@desk' } }).success).toBe(false);
  });

  it('serves the logo at its path under public/', () => {
    expect(logoHref({ logo: 'public/favicon.svg' })).toBe('/favicon.svg');
    expect(logoHref({ logo: 'public/brand/mark.svg' })).toBe('/brand/mark.svg');
  });
});
