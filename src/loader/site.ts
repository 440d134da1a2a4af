import config from 'virtual:verifiable-explainers/config';
import type { SiteSettings } from '../lib/model/site.ts';

/**
 * The site's configuration (`site.yaml` in the content folder), as astro.config.mjs read and checked
 * it and the site's integration hands it to pages (src/integrations/index.ts).
 */
export const siteSettings: SiteSettings = config.settings;

/**
 * Whether this build or server shows drafts (the dev server, `npm run build:preview`): then every page
 * is `noindex`, as none of them is the site as published (src/layouts/BaseLayout.astro).
 */
export const showsDrafts: boolean = config.drafts;
