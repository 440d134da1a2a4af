import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The rule sets every audit runs: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * axe's findings on the page as it is now (or on the part `only` selects), one line per failing
 * element; an empty list when it passes.
 *
 * Run with axe's own `axe.run` in the page (`setLegacyMode`), not its frame-by-frame mode, which
 * opens and injects a second, blank page for every audit to merge the frames' results: that took
 * about half of each audit's time here. The one thing the frame-by-frame mode adds is auditing
 * frames from another origin, which no page here may have (the CSP allows none); a page with any
 * frame fails here, so that cannot change unseen.
 */
export async function axeViolations(page: Page, only?: string): Promise<string[]> {
  const frames = page.frames().length;
  if (frames > 1) return [`${page.url()}: ${frames - 1} frame(s), which these audits do not reach`];
  const builder = new AxeBuilder({ page }).setLegacyMode();
  if (only !== undefined) builder.include(only);
  const results = await builder
    .withTags(TAGS)
    // target-size is tagged wcag22aa; named too, so no change of tags can drop it silently.
    .options({ rules: { 'target-size': { enabled: true } } })
    .analyze();
  return results.violations.map(
    (v) =>
      `${page.url()} ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
  );
}
