// What the in-browser benchmarks share: the system Chromium, the hosted sign-in page and the printout.
import { chromium, type Browser, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { DEMO_PASSWORD } from '../e2e/stack.ts';

const require = createRequire(import.meta.url);
const { chromiumPath, chromiumFlags } = require('../scripts/chromium.cjs') as {
  chromiumPath(): string;
  chromiumFlags: string[];
};

/** The system Chromium, headless, as the e2e suite runs it: no test tool downloads a browser here. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumFlags });
}

/** Opens `url` signed out and fills in the hosted sign-in page; submitting is left to the caller, who may time it. */
export async function fillHostedSignIn(page: Page, url: string, login: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Sign in with Okta' }).click();
  await page.getByLabel(/username|email/i).fill(login);
  await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
}

export function submitHostedSignIn(page: Page): Promise<void> {
  return page.getByRole('button', { name: 'Sign in' }).click();
}

/** Prints every run, then the median, min and max of a journey: figures, never a verdict. */
export function printTimings(journey: string, timings: readonly number[]): void {
  const sorted = [...timings].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  process.stdout.write(`runs: ${timings.map((ms) => ms.toFixed(0)).join(', ')} ms\n`);
  process.stdout.write(
    `${journey}: median ${median.toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms\n`,
  );
}
