import { describe, expect, it } from 'vitest';
import { webManifest } from '../../src/lib/outputs/webmanifest';
import { settings } from './fixtures/settings';

/*
 * The web manifest (src/lib/outputs/webmanifest.ts). Not covered here: that the build serves it and
 * its icons (tests/e2e/feeds.spec.ts), and another configuration's (tests/quality/configuration.spec.ts).
 */

describe('webManifest', () => {
  it('names the site, its language and its icons from the configuration', () => {
    expect(webManifest(settings)).toMatchObject({
      name: 'News Example',
      description: settings.description,
      lang: 'en-AU',
      start_url: '/',
      icons: [
        { src: '/favicon.svg', type: 'image/svg+xml', sizes: 'any' },
        { src: '/logo.png', type: 'image/png', sizes: '512x512' },
        { src: '/apple-touch-icon.png', type: 'image/png', sizes: '180x180' },
        { src: '/favicon-32.png', type: 'image/png', sizes: '32x32' },
      ],
    });
  });
});
