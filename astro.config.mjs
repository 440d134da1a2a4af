// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import shareCardReport from './src/integrations/share-card-report.ts';
import { rehypePrintUrls } from './src/lib/urls.ts';

// Absolute URLs (canonical, og:image, feeds, printed links) need the public origin; override per deployment.
const site = process.env.SITE_URL ?? 'https://explainers.example.org';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  markdown: { processor: unified({ remarkPlugins: [remarkGfm], rehypePlugins: [[rehypePrintUrls, { site }]] }) },
  integrations: [mdx(), shareCardReport()],
  devToolbar: { enabled: false },
});
