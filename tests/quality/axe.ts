import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import axe from 'axe-core';

/** The rule sets every audit runs: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Those of the rules whose result depends on colours (axe's own `cat.color`: contrast, and links told
 * apart from text by colour), from the axe-core that @axe-core/playwright runs: all an audit needs
 * to repeat when only colours changed (`colourOnlyChanges`).
 */
const COLOUR_RULES = axe
  .getRules(TAGS)
  .filter((rule) => rule.tags.includes('cat.color'))
  .map((rule) => rule.ruleId);

/**
 * axe's findings on the page as it is now (or on the part `only` selects), one line per failing
 * element; an empty list when it passes. With `colours`, only the rules that depend on colours run:
 * for the page again after a change of colours alone (`colourOnlyChanges` shows which those are).
 *
 * Run with axe's own `axe.run` in the page (`setLegacyMode`), not its frame-by-frame mode, which
 * opens and injects a second, blank page for every audit to merge the frames' results: that took
 * about half of each audit's time here. The one thing the frame-by-frame mode adds is auditing
 * frames from another origin, which no page here may have (the CSP allows none); a page with any
 * frame fails here, so that cannot change unseen.
 */
export async function axeViolations(
  page: Page,
  { only, colours = false }: { only?: string; colours?: boolean } = {},
): Promise<string[]> {
  const frames = page.frames().length;
  if (frames > 1) return [`${page.url()}: ${frames - 1} frame(s), which these audits do not reach`];
  const builder = new AxeBuilder({ page }).setLegacyMode();
  if (only !== undefined) builder.include(only);
  if (colours) builder.withRules(COLOUR_RULES);
  else
    builder
      .withTags(TAGS)
      // target-size is tagged wcag22aa; named too, so no change of tags can drop it silently.
      .options({ rules: { 'target-size': { enabled: true } } });
  const results = await builder.analyze();
  return results.violations.map(
    (v) =>
      `${page.url()} ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
  );
}

/**
 * The declarations of the page's style sheets that the dark colour scheme or a `:target` highlight
 * brings in and that set anything but a colour (a custom property, a colour, a background, an outline
 * or a shadow, none of which moves, hides or sizes a box), as `selector { property }`; none, so far.
 * While there are none, a page in the dark scheme or with a highlighted target differs from the page
 * audited in full only in colours, and `axeViolations(page, { colours: true })` audits all it changes.
 * Read from the browser's parsed style sheets (the CSSOM), every sheet of the page, nested rules too.
 */
export async function notColourOnly(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const colour = /^(--.*|color|.*-color|background(-.*)?|outline(-.*)?|box-shadow)$/;
    const found: string[] = [];
    // `within`: inside a colour-scheme query or a rule whose selector names :target (a nested rule's selector may not).
    const visit = (rules: CSSRuleList, within: boolean) => {
      for (const rule of rules) {
        const inside =
          within ||
          (rule instanceof CSSMediaRule && rule.conditionText.includes('prefers-color-scheme')) ||
          (rule instanceof CSSStyleRule && rule.selectorText.includes(':target'));
        if (inside && rule instanceof CSSStyleRule)
          for (const property of rule.style)
            if (!colour.test(property)) found.push(`${rule.selectorText} { ${property} }`);
        if ('cssRules' in rule) visit((rule as CSSGroupingRule).cssRules, inside);
      }
    };
    for (const sheet of document.styleSheets) visit(sheet.cssRules, false);
    return found;
  });
}
