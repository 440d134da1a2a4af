import { describe, expect, it } from 'vitest';
import { cacheSuffixOf, CONTENT_DIR_VARIABLE, contentDirOf } from '../../src/lib/content/folder';

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
