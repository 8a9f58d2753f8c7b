// axe-core in both themes, shared by the accessibility and small-screen specs.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

const THEMES = ['light', 'dark'] as const;

/** Serious and critical axe violations on the page as it is now, one line each (rule, help, where). */
async function seriousViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  for (const selector of exclude) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

/** Checks the page in both themes; each theme's findings are reported, and none may be serious or critical. */
export async function expectNoSeriousViolations(
  page: Page,
  pageName: string,
  exclude: string[] = [],
): Promise<void> {
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    expect
      .soft(await seriousViolations(page, exclude), `axe on ${pageName} (${colorScheme} theme)`)
      .toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
