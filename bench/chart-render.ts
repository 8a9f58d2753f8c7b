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

const runs = positiveOption('runs', 15);
// The seed's richest chart, every section with rows, and the name search that lists it (as e2e/chart.spec.ts).
const patient = option('patient', 'pat-0001');
const listPath = `/patients?name=${encodeURIComponent(option('name', 'Taylor'))}`;
const CLICKED = 'chart-render:click';
const RENDERED = 'chart-render:rendered';

/**
 * The condition of e2e/chart.spec.ts `expectChartLoaded`, checked in the page on every frame: the banner
 * names the patient, its allergy line has loaded and no section says "Loading …". On the first frame it
 * holds, marks the time and returns the click-to-render measure.
 */
function chartRendered(marks: { path: string; clicked: string; rendered: string }): number | false {
  const heading = document.querySelector('h1')?.textContent?.trim();
  const allergyLine = document.querySelector('[data-testid="allergy-line"]')?.textContent;
  const stillLoading = [...document.querySelectorAll('[role="status"]')].some((status) =>
    status.textContent?.trim().startsWith('Loading '),
  );
  const complete =
    location.pathname === marks.path &&
    heading !== undefined &&
    heading !== 'Patient' &&
    allergyLine !== undefined &&
    allergyLine !== null &&
    !allergyLine.includes('loading') &&
    document.querySelector('app-latest-vitals-panel') !== null &&
    document.querySelector('app-chart-section') !== null &&
    !stillLoading;
  if (!complete) return false;
  performance.mark(marks.rendered);
  return performance.measure('chart-render', marks.clicked, marks.rendered).duration;
}

/** From the patient list: click the patient, wait for the whole chart, go back to the list. */
async function clickToChart(page: Page): Promise<number> {
  const path = `/patients/${patient}`;
  const link = page.getByRole('table', { name: 'Patients' }).locator(`a[href="${path}"]`);
  await link.waitFor({ timeout: 60_000 });
  await page.evaluate((clicked) => {
    performance.clearMarks();
    performance.clearMeasures();
    document.addEventListener('click', () => performance.mark(clicked), {
      capture: true,
      once: true,
    });
  }, CLICKED);
  await link.click();
  const measured = await page.waitForFunction(
    chartRendered,
    { path, clicked: CLICKED, rendered: RENDERED },
    { polling: 'raf', timeout: 60_000 },
  );
  const duration = (await measured.jsonValue()) as number;
  await page.getByRole('link', { name: 'Back to patients' }).click();
  return duration;
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
  cold = await clickToChart(page);
  for (let run = 0; run < runs; run++) timings.push(await clickToChart(page));
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
