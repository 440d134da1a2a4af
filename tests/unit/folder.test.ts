import { describe, expect, it } from 'vitest';
import {
  buildModeOf,
  cacheSuffixOf,
  CONTENT_DIR_VARIABLE,
  contentDirOf,
  PREVIEW_OUT_DIR,
  PREVIEW_VARIABLE,
} from '../../src/lib/content/folder';

describe('the content folder', () => {
  it('is the project’s own content/ unless CONTENT_DIR names another', () => {
    expect(contentDirOf({}, '/site')).toBe('/site/content');
    expect(contentDirOf({ [CONTENT_DIR_VARIABLE]: '' }, '/site')).toBe('/site/content');
    expect(contentDirOf({ [CONTENT_DIR_VARIABLE]: 'tests/fixtures/x' }, '/site')).toBe('/site/tests/fixtures/x');
    expect(contentDirOf({ [CONTENT_DIR_VARIABLE]: '/elsewhere/content' }, '/site')).toBe('/elsewhere/content');
  });

  it('gives every folder but the site’s own caches of their own', () => {
    expect(cacheSuffixOf('content', '/site')).toBe('');
    expect(cacheSuffixOf('/site/content/', '/site')).toBe('');
    const fixture = cacheSuffixOf('tests/fixtures/x', '/site');
    expect(fixture).toMatch(/^-[0-9a-f]{12}$/);
    expect(cacheSuffixOf('/site/tests/fixtures/x', '/site')).toBe(fixture);
    expect(cacheSuffixOf('tests/fixtures/y', '/site')).not.toBe(fixture);
  });
});

describe('a build’s mode', () => {
  it('is production, written where Astro writes, unless SITE_PREVIEW=1', () => {
    expect(buildModeOf({}, '/site')).toEqual({ preview: false, outDir: undefined, updatePublishedUrls: false });
    expect(buildModeOf({ OUT_DIR: 'dist-fixtures/x', UPDATE_PUBLISHED_URLS: '1' }, '/site')).toEqual({
      preview: false,
      outDir: 'dist-fixtures/x',
      updatePublishedUrls: true,
    });
  });

  it('writes a preview to dist-preview/, or OUT_DIR, never dist/', () => {
    expect(buildModeOf({ [PREVIEW_VARIABLE]: '1' }, '/site')).toEqual({
      preview: true,
      outDir: PREVIEW_OUT_DIR,
      updatePublishedUrls: false,
    });
    expect(buildModeOf({ [PREVIEW_VARIABLE]: '1', OUT_DIR: 'dist-fixtures/p' }, '/site').outDir).toBe(
      'dist-fixtures/p',
    );
    expect(() => buildModeOf({ [PREVIEW_VARIABLE]: '1', OUT_DIR: './dist/' }, '/site')).toThrow(
      /never written to dist/,
    );
    expect(() => buildModeOf({ [PREVIEW_VARIABLE]: '1', OUT_DIR: '/site/dist' }, '/site')).toThrow(/never written/);
  });

  it('refuses to record published URLs from a preview, whose drafts are not published', () => {
    expect(() => buildModeOf({ [PREVIEW_VARIABLE]: '1', UPDATE_PUBLISHED_URLS: '1' }, '/site')).toThrow(
      /must never be recorded/,
    );
  });
});
