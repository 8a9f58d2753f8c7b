// Prints the time from submitting credentials on the sign-in page to the first patient row, in Chromium
// against the real local stack and the production build (run `npm run build` first). Median of several
// runs, each in a fresh browser context. A printout, never an assertion.
// `node --import tsx bench/sign-in-to-first-row.ts [--runs 7]`
import { startStack } from '../e2e/stack.ts';
import { positiveOption } from './args.ts';
import {
  fillHostedSignIn,
  launchChromium,
  printTimings,
  submitHostedSignIn,
} from './browser-journey.ts';

const runs = positiveOption('runs', 7);

const stack = await startStack({ variants: { redirect: {} } });
const browser = await launchChromium();
const timings: number[] = [];
try {
  const app = stack.apps['redirect'] ?? '';
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await fillHostedSignIn(page, `${app}/patients`, 'clinician@example.com');
    const submitted = performance.now();
    await submitHostedSignIn(page);
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

printTimings('sign-in submit → first patient row', timings);
