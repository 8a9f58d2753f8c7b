// `npm run screenshots`: regenerates the README's screenshots from the production build against the real
// local stack (run `npm run build` first). Nothing here is a test; it only takes pictures.
import { chromium, expect, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, startStack } from '../e2e/stack.ts';

const require = createRequire(import.meta.url);
const { chromiumPath, chromiumFlags } = require('./chromium.cjs') as {
  chromiumPath(): string;
  chromiumFlags: string[];
};
const outDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../docs/screenshots');

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(outDir, `${name}.png`) });
  process.stdout.write(`docs/screenshots/${name}.png\n`);
}

const stack = await startStack({ variants: { redirect: {}, widget: { loginMode: 'widget' } } });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumFlags });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${stack.apps['widget']}/login`);
  await page.locator('input[name="identifier"]').waitFor();
  await shoot(page, 'sign-in-widget');

  const app = stack.apps['redirect'] ?? '';
  await page.goto(`${app}/patients`);
  await page.getByRole('button', { name: 'Sign in with Okta' }).click();
  await page.getByLabel(/username|email/i).fill('clinician@example.com');
  await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(/^120 patients$/).waitFor();
  await shoot(page, 'patients');

  await page.goto(`${app}/patients/pat-0001`);
  await page.getByRole('region', { name: 'Problems' }).locator('.chart-row').first().waitFor();
  await expect(page.getByRole('status').filter({ hasText: /^Loading / })).toHaveCount(0);
  await shoot(page, 'chart');
  await page
    .getByRole('region', { name: 'Recent encounters' })
    .locator('.chart-row')
    .filter({ hasText: /check up/i })
    .first()
    .getByRole('button', { name: 'What was recorded' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: /^Loading / })).toHaveCount(0);
  await page.getByRole('region', { name: 'Recent encounters' }).scrollIntoViewIfNeeded();
  await shoot(page, 'chart-encounter');

  await page.goto(`${app}/observations/pat-0003?view=flowsheet`);
  await page.getByRole('table', { name: /^Flowsheet/ }).waitFor();
  await page.getByRole('heading', { name: 'Observations' }).evaluate((h) => h.scrollIntoView());
  await shoot(page, 'flowsheet');

  await page.goto(`${app}/observations/pat-0003`);
  await page
    .getByRole('table', { name: /Observations/ })
    .getByRole('row')
    .nth(1)
    .waitFor();
  await shoot(page, 'observations');

  await page
    .getByRole('button', { name: /Show trend for .*blood pressure/i })
    .first()
    .click();
  await page
    .getByRole('region', { name: /Trend/ })
    .or(page.getByRole('heading', { name: /Trend/ }))
    .first()
    .waitFor();
  await page.getByRole('heading', { name: /Trend/ }).first().scrollIntoViewIfNeeded();
  await shoot(page, 'trend');

  await page.goto(`${app}/token`);
  await page.getByRole('heading', { name: 'Token inspector' }).waitFor();
  await shoot(page, 'token-inspector');

  // The local stack as an EHR: the simulator opens fhirokta in a patient's context and an encounter's.
  await page.goto(`${new URL(stack.issuer).origin}/ehr?patient=pat-0001`);
  await page
    .getByRole('group', { name: 'Encounter in context (optional)' })
    .getByRole('radio')
    .nth(1)
    .check();
  await shoot(page, 'ehr-simulator');
  await page.getByRole('button', { name: 'Launch fhirokta' }).click();
  await page.getByRole('button', { name: 'Allow', exact: true }).click();
  await page.getByRole('region', { name: 'Encounter open in Local EHR' }).waitFor();
  await expect(page.getByRole('status').filter({ hasText: /^Loading / })).toHaveCount(0);
  await shoot(page, 'ehr-launch-chart');
} finally {
  await browser.close();
  await stack.close();
}
