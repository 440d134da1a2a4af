// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint for the whole tree (`npm run lint`, part of `npm test`): JavaScript's recommended rules,
 * typescript-eslint's strict rules with type information, and Astro's recommended rules for
 * components and pages. Formatting is Prettier's (`npm run format`), not ESLint's.
 */
export default defineConfig(
  {
    ignores: [
      '**/dist/',
      'dist-fixtures/',
      '**/.astro/',
      '**/node_modules/',
      '.cache/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.astro'] },
    },
    rules: {
      // Numbers and booleans in messages and URLs are the point of a template literal.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `!` after a lookup the code has just guaranteed (a Map filled from the same list) says so more plainly than a check.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `const { speaker: _, ...rest } = quote` is how a test drops one field.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Node loads these modules itself, without Vite, by stripping their types (astro.config.mjs imports
    // the integrations; the card workers load the drawing code): a relative import must name its file.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'].map((node) => ({
          selector: `${node}[source.value=/^\\.\\.?\\/(?!.*\\.(ts|js|json|css)(\\?\\w+)?$)/]`,
          message: 'Name the imported file with its extension (./dates.ts): Node, not only Vite, loads src/.',
        })),
      ],
    },
  },
  {
    files: ['**/*.astro'],
    // Astro's parser gives components their types; the type-aware rules need the TypeScript program of .astro files.
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Plain JavaScript, and the benchmark's bare Astro baseline: a project of its own, outside our tsconfig.
    files: ['**/*.js', '**/*.mjs', 'tests/bench/baseline/**'],
    ...tseslint.configs.disableTypeChecked,
  },
);
