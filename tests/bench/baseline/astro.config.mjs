// @ts-check
import { defineConfig } from 'astro/config';

// The bare baseline: Astro's defaults, nothing added. `npm run bench` passes root, outDir and cacheDir.
export default defineConfig({});
