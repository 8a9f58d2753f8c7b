// Prints the time from submitting credentials on the sign-in page to the first patient row, in Chromium
// against the real local stack and the production build (run `npm run build` first). Median of several
// runs, each in a fresh browser context. A printout, never an assertion.
// `node --import tsx bench/sign-in-to-first-row.ts [--runs 7]`
import { chromium } from '@playwright/test';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD, startStack } from '../e2e/stack.ts';

const require = createRequire(import.meta.url);
const { chromiumPath, chromiumFlags } = require('../scripts/chromium.cjs') as {
  chromiumPath(): string;
  chromiumFlags: string[];
};
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);

const stack = await startStack({ variants: { redirect: {} } });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumFlags });
const timings: number[] = [];
try {
  const app = stack.apps['redirect'] ?? '';
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app}/patients`);
    await page.getByRole('button', { name: 'Sign in with Okta' }).click();
    await page.getByLabel(/username|email/i).fill('clinician@example.com');
    await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
    const submitted = performance.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('table', { name: 'Patients' })
      .getByRole('link')
      .first()
      .waitFor({ timeout: 60_000 });
    timings.push(performance.now() - submitted);
    await context.close();
  }
} finally {
  await browser.close();
  await stack.close();
}

const sorted = [...timings].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
process.stdout.write(`runs: ${timings.map((ms) => ms.toFixed(0)).join(', ')} ms\n`);
process.stdout.write(
  `sign-in submit → first patient row: median ${median.toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms\n`,
);
