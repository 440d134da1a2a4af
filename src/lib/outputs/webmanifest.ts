import { logoHref, type SiteSettings } from '../model/site.ts';
import { storyListPath } from '../present/urls.ts';
import { ICON_FILES } from './logo.ts';

/**
 * The web manifest (`/manifest.webmanifest`, W3C Web Application Manifest): what a browser shows when
 * a reader installs the site or pins it: its name, description, language and icons, all from the
 * site's configuration, the icons those the build draws from its logo (./logo.ts) and the logo itself.
 */
export function webManifest(settings: Pick<SiteSettings, 'name' | 'description' | 'language' | 'logo'>) {
  return {
    name: settings.name,
    short_name: settings.name,
    description: settings.description,
    lang: settings.language,
    dir: 'ltr',
    start_url: storyListPath(1),
    scope: storyListPath(1),
    display: 'browser',
    icons: [
      { src: logoHref(settings), type: 'image/svg+xml', sizes: 'any' },
      ...ICON_FILES.map(({ path, size }) => ({
        src: path,
        type: 'image/png',
        sizes: `${size}x${size}`,
      })),
    ],
  };
}
