// A patient with a long, dense history beside the seeded outpatients: an ICU stay's vital signs every
// five minutes (`npm run seed -- --long-history 2880`: two days, the same code paths as the 100,000 of
// the benchmark). Its trend shows the most recent readings and says what it shows; its flowsheet
// pages by hour, an outpatient's by day; behind a server that neither sorts nor counts, the trend is
// still true. Expectations come from the seed generator itself.
import type { Page } from '@playwright/test';
import { defaults } from '../servers/fhir/config.ts';
import { DEFAULT_END } from '../servers/seed/generate.ts';
import { LONG_HISTORY_PATIENT, longHistoryResources } from '../servers/seed/long-history.ts';
import type { Observation } from '../src/app/fhir/fhir-types.ts';
import { expect, signInWithRedirect, test } from './fixtures.ts';
import { startMisbehavingFhir, type MisbehavingFhir } from './misbehaving-fhir.ts';
import { seedLongHistory, startStack, type RunningStack } from './stack.ts';

test.use({ locale: 'en-US', timezoneId: 'UTC' });

const OBSERVATIONS = 2_880;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The seeded heart rates, and what the last 24 hours on record hold (bounds to the second). */
const heartRates = [
  ...longHistoryResources({ observations: OBSERVATIONS, seed: defaults.seed, end: DEFAULT_END }),
]
  .filter(
    (r): r is Observation =>
      r.resourceType === 'Observation' && r.code?.coding?.[0]?.code === '8867-4',
  )
  .map((r) => ({
    time: Date.parse(String(r.effectiveDateTime)),
    value: Number(r.valueQuantity?.value),
  }));
const latest = heartRates.reduce((a, b) => (b.time > a.time ? b : a));
const lastDay = heartRates.filter((r) => r.time >= Math.floor((latest.time - DAY) / 1000) * 1000);
const when = (time: number) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
    .format(time)
    .replace(/\u202f/g, ' ');

let stack: RunningStack;
let proxy: MisbehavingFhir;

test.beforeAll(async () => {
  proxy = await startMisbehavingFhir();
  // DPoP off for the proxied app: a proof names the proxy's URL, which the server behind it refuses.
  stack = await startStack({
    variants: { direct: {}, proxied: { dpop: false, fhirBase: proxy.baseUrl } },
  });
  proxy.setTarget(stack.fhirBase);
  await seedLongHistory(stack, OBSERVATIONS);
});
test.afterAll(async () => {
  await stack.close();
  await proxy.close();
});

async function openSignedIn(page: Page, variant: string, path: string): Promise<void> {
  const app = stack.apps[variant] ?? '';
  await page.goto(`${app}${path}`);
  await signInWithRedirect(page, { ...stack, appUrl: app }, 'clinician@example.com');
  await expect(page).toHaveURL(`${app}${path}`);
}

const flowsheet = (page: Page) => page.getByRole('table', { name: /^Flowsheet/ });
const headers = async (page: Page) =>
  (await flowsheet(page).locator('thead th').allTextContents()).map((t) => t.trim()).slice(1);

/** The heart-rate trend says what it shows, and shows the most recent readings. */
async function expectTrueTrend(page: Page): Promise<void> {
  const trend = page.getByRole('region', { name: 'Trend: Heart rate' });
  const count = `${lastDay.length} of ${lastDay.length} readings`;
  await expect(trend.locator('.trend-coverage')).toContainText(
    `${count} from the last 24 hours on record (${when(latest.time - DAY)} to ${when(latest.time)})`,
  );
  await expect(trend.getByRole('img')).toHaveAttribute(
    'aria-label',
    `Heart rate: ${count}, latest ${latest.value} /min on ${when(latest.time)}`,
  );
  await expect(trend.getByRole('radio', { name: '24 hours' })).toBeChecked();
  await trend.getByText('Show data table').click();
  const rows = trend.getByRole('table', { name: 'Heart rate values' }).locator('tbody tr');
  await expect(rows).toHaveCount(lastDay.length);
  await expect(rows.last().locator('td')).toHaveText([when(latest.time), String(latest.value)]);
}

test('the long-history trend shows its most recent readings and says what it shows, span by span', async ({
  page,
}) => {
  await openSignedIn(page, 'direct', `/observations/${LONG_HISTORY_PATIENT}?view=flowsheet`);
  await flowsheet(page).getByRole('button', { name: 'Heart rate' }).click();
  await expectTrueTrend(page);
  const trend = page.getByRole('region', { name: 'Trend: Heart rate' });
  await trend.getByRole('radio', { name: 'All' }).click();
  await expect(trend.locator('.trend-coverage')).toContainText(
    `${heartRates.length} of ${heartRates.length} readings of all dates on record`,
  );
  await expect(trend.locator('.trend-coverage')).toContainText(
    'Drawn as the lowest and highest reading of every',
  );
});

test('the flowsheet pages a dense day by hour and an outpatient’s visits by day', async ({
  page,
}) => {
  await openSignedIn(page, 'direct', `/observations/${LONG_HISTORY_PATIENT}?view=flowsheet`);
  await expect(flowsheet(page)).toContainText('Flowsheet by hour, newest first');
  const latestHour = Math.floor(latest.time / HOUR) * HOUR;
  const newest = await headers(page);
  expect(newest).toEqual(Array.from({ length: 8 }, (_, i) => when(latestHour - i * HOUR)));
  // A full hour: the latest of its readings, with their range.
  const hour = heartRates.filter((r) => r.time >= latestHour - HOUR && r.time < latestHour);
  const values = hour.map((r) => r.value);
  const heartRate = flowsheet(page).getByRole('row').filter({ hasText: 'Heart rate' });
  await expect(heartRate.locator('td').nth(1)).toContainText(
    `latest of ${hour.length}range ${Math.min(...values)}–${Math.max(...values)}`,
  );

  await page.getByRole('button', { name: 'Older hours' }).click();
  await expect(page).toHaveURL(/through=2026-10-29T\d\d$/);
  await expect(flowsheet(page)).toContainText('Flowsheet by hour');
  expect((await headers(page))[0]).toBe(when(latestHour - 8 * HOUR));
  await page.getByRole('button', { name: 'Newer hours' }).click();
  await expect(flowsheet(page).locator('thead th').nth(1)).toHaveText(newest[0] ?? '');
  expect(await headers(page)).toEqual(newest);

  await page.goto(`${stack.apps['direct'] ?? ''}/observations/pat-0003?view=flowsheet`);
  await expect(flowsheet(page)).toContainText('Flowsheet by day, newest first');
  await expect(page.getByRole('button', { name: 'Older days' })).toBeEnabled();
});

test('behind a server that neither sorts Observations by date nor counts, the trend is still true', async ({
  page,
}) => {
  proxy.set({
    capabilityWithout: { params: { Observation: ['_sort'] } },
    observationsInIdOrder: true,
    noTotals: true,
  });
  await openSignedIn(page, 'proxied', `/observations/${LONG_HISTORY_PATIENT}`);
  await page
    .getByRole('table', { name: 'Observations' })
    .getByRole('button', { name: 'Show trend for Heart rate' })
    .first()
    .click();
  await expectTrueTrend(page);
  // The app's own searches (the server's next links carry its own order).
  const searches = proxy.seen.filter(
    (line) => line.startsWith('GET /fhir/Observation?') && !line.includes('_offset='),
  );
  expect(searches.length).toBeGreaterThan(0);
  expect(
    searches.filter((line) => line.includes('_sort=')),
    'no sort was sent',
  ).toEqual([]);
});
