/**
 * html-validate over every built page (tests/quality/html.spec.ts). The recommended rules, except:
 * - long-title: a page title is the story's headline plus the site name; headline length is an
 *   editorial decision, not a validity problem.
 */
export default {
  extends: ['html-validate:recommended'],
  rules: {
    'long-title': 'off',
  },
};
