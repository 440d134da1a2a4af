/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests run through Astro's Vite config so `astro/zod` and `astro:content` resolve as in the build.
// tests/content runs Astro itself (sync, build) on fixture content folders: slower, so longer timeouts.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
    testTimeout: 60_000,
    // The share card reads the palette from global.css (`?raw`); Vitest would otherwise hand it an empty string.
    css: { include: [/src\/styles\/global\.css/] },
  },
});
