// Prints the time from the click on a patient in the patient list to every section of the chart rendered,
// in Chromium against the real local stack, its seeded patients and the production build (run `npx ng build`
// first). One sign-in, then a cold click and --runs warm ones, back to the list between them, so each is a
// click in an app already loaded and signed in. Timed in the page, from the click event to the first frame
// in which the chart is complete. A printout, never an assertion.
// `node --import tsx bench/chart-render.ts [--runs 15] [--patient pat-0001 --name Taylor]`
import type { Page } from '@playwright/test';
import { startStack } from '../e2e/stack.ts';
import { option, positiveOption } from './args.ts';
import { bundleAssets, kb, total } from './bundle-assets.ts';
import {
  fillHostedSignIn,
  launchChromium,
  printTimings,
  submitHostedSignIn,
} from './browser-journey.ts';
import { type FhirTraffic, chartRendered, fhirTraffic, timedClick } from './screens.ts';

const runs = positiveOption('runs', 15);
// The seed's richest chart, every section with rows, and the name search that lists it (as e2e/chart.spec.ts).
const patient = option('patient', 'pat-0001');
const listPath = `/patients?name=${encodeURIComponent(option('name', 'Taylor'))}`;

/** From the patient list: click the patient, wait for the whole chart, go back to the list. */
async function clickToChart(page: Page, traffic: FhirTraffic): Promise<number> {
  const path = `/patients/${patient}`;
  const link = page.getByRole('table', { name: 'Patients' }).locator(`a[href="${path}"]`);
  const { ms } = await timedClick(page, link, chartRendered, { path }, traffic);
  await page.getByRole('link', { name: 'Back to patients' }).click();
  return ms;
}

const stack = await startStack({ variants: { redirect: {} } });
const browser = await launchChromium();
const timings: number[] = [];
let cold = Number.NaN;
try {
  const page = await browser.newPage();
  await fillHostedSignIn(
    page,
    `${stack.apps['redirect'] ?? ''}${listPath}`,
    'clinician@example.com',
  );
  await submitHostedSignIn(page);
  const traffic = fhirTraffic(page, stack.fhirBase);
  cold = await clickToChart(page, traffic);
  for (let run = 0; run < runs; run++) timings.push(await clickToChart(page, traffic));
} finally {
  await browser.close();
  await stack.close();
}

process.stdout.write(`cold (first click after sign-in): ${cold.toFixed(0)} ms\n`);
printTimings('click on patient → every chart section rendered', timings);
const initial = bundleAssets().filter((asset) => asset.initial);
process.stdout.write(
  `initial bundle: ${kb(total(initial, 'raw'))} raw, ${kb(total(initial, 'gzip'))} gzip\n`,
);
