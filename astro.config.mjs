// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import shareCardReport from './src/integrations/share-card-report.ts';

export default defineConfig({
  // Absolute URLs (canonical, og:image, feeds) need the public origin; override per deployment.
  site: process.env.SITE_URL ?? 'https://explainers.example.org',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  markdown: { processor: unified({ remarkPlugins: [remarkGfm] }) },
  integrations: [mdx(), shareCardReport()],
  devToolbar: { enabled: false },
});
