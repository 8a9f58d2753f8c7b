// One patient's observations as a clinician reads them: banner, latest vitals, grouping, flags in words, server-side
// filters, paging, and the lazily loaded trend chart. Expectations come from the deterministic seed (pat-0001:
// Mohammed Ibrahim Taylor, born 1940-01-10, MRN 107925, 83 observations from 7 visits, 2023-03 to 2026-05).
import type { Locator, Page, Request, Response } from '@playwright/test';
import { expect, signInWithRedirect, test, type E2eStack } from './fixtures.ts';

test.use({ locale: 'en-US', timezoneId: 'UTC' });

async function openSignedIn(page: Page, stack: E2eStack, path: string): Promise<void> {
  await page.goto(`${stack.appUrl}${path}`);
  await expect(page).toHaveURL(`${stack.appUrl}/login`);
  await signInWithRedirect(page, stack, 'clinician@example.com');
  await expect(page).toHaveURL(`${stack.appUrl}${path}`);
}

const observationTable = (page: Page) => page.getByRole('table', { name: 'Observations' });
/** Data rows only: every category's row group starts with a header row. */
const observationRows = (page: Page) =>
  observationTable(page).locator('tbody tr:not(.group-header)');
const observationTotal = (page: Page) => page.getByTestId('observation-total');

/** Observation searches the page sends to the FHIR server, as URLs. */
function recordObservationSearches(page: Page, stack: E2eStack): URL[] {
  const searches: URL[] = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'GET' && request.url().startsWith(`${stack.fhirBase}/Observation`)) {
      searches.push(new URL(request.url()));
    }
  });
  return searches;
}

/** Waits for the next Observation list search whose URL satisfies `test` (the vitals summary is ignored). */
function nextObservationSearch(
  page: Page,
  stack: E2eStack,
  test: (url: URL) => boolean,
): Promise<Request> {
  return page.waitForRequest((request) => {
    if (!request.url().startsWith(`${stack.fhirBase}/Observation?`)) return false;
    const url = new URL(request.url());
    return url.searchParams.get('_count') === '50' && test(url);
  });
}

/** "May 26, 2026, 1:24 PM" (en-US, UTC) as a timestamp. */
function parseShownDate(text: string): number {
  const time = Date.parse(`${text.trim()} UTC`);
  if (Number.isNaN(time)) throw new Error(`not a date: ${text}`);
  return time;
}

async function shownDates(rows: Locator): Promise<number[]> {
  return (await rows.locator('td:nth-of-type(3)').allTextContents()).map(parseShownDate);
}

/** Whole years from a birth date to today, as the banner computes them. */
function ageToday(birthDate: string): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const now = new Date();
  let age = now.getUTCFullYear() - year;
  const monthNow = now.getUTCMonth() + 1;
  if (monthNow < month || (monthNow === month && now.getUTCDate() < day)) age--;
  return age;
}

test('the patient banner names the patient, and "← Back to patients" returns to the same search and page', async ({
  page,
  stack,
}) => {
  // Sorted by birth date, ten a page: Mohammed Ibrahim Taylor (1940) is the third row of page 2.
  await openSignedIn(page, stack, '/patients?sort=birthdate&count=10');
  await expect(page.getByTestId('patient-total')).toHaveText('120 patients');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  const patients = page.getByRole('table', { name: 'Patients' });
  await expect(patients.locator('tbody th a').nth(2)).toHaveText('Mohammed Ibrahim Taylor');
  const listUrl = page.url();
  const firstOnPage = (await patients.locator('tbody th a').first().textContent()) ?? '';

  await patients.getByRole('link', { name: 'Mohammed Ibrahim Taylor' }).click();
  await expect(page).toHaveURL(`${stack.appUrl}/patients/pat-0001`);
  await page.getByRole('link', { name: /All observations, newest first/ }).click();
  await expect(page).toHaveURL(`${stack.appUrl}/observations/pat-0001`);
  const banner = page.getByRole('region', { name: 'Patient' });
  await expect(banner.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');
  const fact = (term: string) => banner.locator(`dt:text-is("${term}") + dd`);
  await expect(fact('Sex')).toHaveText('Male');
  await expect(fact('Age')).toHaveText(`${ageToday('1940-01-10')} y`);
  await expect(fact('Born')).toHaveText('Jan 10, 1940');
  await expect(fact('MRN')).toHaveText('107925');
  await expect(banner.getByText(/deceased/i)).toHaveCount(0);

  await page.getByRole('link', { name: '← Back to patients' }).click();
  await expect(page).toHaveURL(listUrl);
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  await expect(patients.locator('tbody th a').first()).toHaveText(firstOnPage);
  await expect(page.getByLabel('Sort by', { exact: true })).toHaveValue('birthdate');
  await expect(page.getByLabel('Page size', { exact: true })).toHaveValue('10');
});

test('observations are grouped by category, newest first, with latest vitals and flags in words', async ({
  page,
  stack,
}) => {
  await openSignedIn(page, stack, '/observations/pat-0001');
  await expect(observationTotal(page)).toHaveText('83 observations');

  // Latest vitals: the newest value of each, blood pressure as systolic/diastolic.
  const vitals = page.getByRole('region', { name: 'Latest vitals' });
  const cards = vitals.getByRole('listitem');
  await expect(cards.locator('.vital-label')).toHaveText([
    'Blood pressure',
    'Heart rate',
    'Respiratory rate',
    'Temperature',
    'SpO2',
    'Weight',
    'Height',
    'BMI',
  ]);
  const bp = cards.filter({ hasText: 'Blood pressure' });
  await expect(bp.locator('.vital-value')).toHaveText('135/62 mmHg');
  await expect(bp.locator('.vital-date')).toHaveText(/^May 26, 2026/);
  // The interpretation is written out, not only coloured.
  await expect(bp.locator('.flag')).toHaveText(['High']);
  await expect(bp.locator('.flag')).toBeVisible();
  await expect(cards.filter({ hasText: 'Heart rate' }).locator('.vital-value')).toHaveText(/^60\b/);

  // Grouped: one row group per category, in clinical order, each introduced by its name.
  const table = observationTable(page);
  await expect(table.locator('tbody')).toHaveCount(2);
  await expect(table.locator('.group-header th')).toHaveText(['Vital signs', 'Laboratory']);
  const vitalRows = table.locator('tbody[data-category="vital-signs"] tr:not(.group-header)');
  const labRows = table.locator('tbody[data-category="laboratory"] tr:not(.group-header)');
  await expect(vitalRows.first()).toBeVisible();
  expect(await vitalRows.count()).toBeGreaterThan(0);
  expect(await labRows.count()).toBeGreaterThan(0);
  expect(await vitalRows.count()).toBe(50 - (await labRows.count()));
  await expect(vitalRows.filter({ hasText: 'Glucose' })).toHaveCount(0);
  await expect(labRows.filter({ hasText: 'Heart rate' })).toHaveCount(0);
  for (const rows of [vitalRows, labRows]) {
    const dates = await shownDates(rows);
    expect(dates, 'newest first within a group').toEqual([...dates].sort((a, b) => b - a));
  }
  expect((await shownDates(vitalRows))[0]).toBe(Date.parse('2026-05-26T13:24:00Z'));

  // Flags in the table are words too: high glucose (104 mg/dL, Aug 2024), low respiratory rate (9, Sep 2025).
  const glucose = labRows.filter({ hasText: 'Glucose' }).filter({ hasText: 'Aug 8, 2024' });
  await expect(glucose.locator('.value')).toHaveText(/^104\b/);
  await expect(glucose.locator('.flag')).toHaveText(['High']);
  const respiration = vitalRows
    .filter({ hasText: 'Respiratory rate' })
    .filter({ hasText: 'Sep 24, 2025' });
  await expect(respiration.locator('.flag')).toHaveText(['Low']);
  // A normal value carries no abnormal flag.
  const heartRate = vitalRows.filter({ hasText: 'Heart rate' }).filter({ hasText: 'May 26, 2026' });
  await expect(heartRate).toHaveCount(1);
  await expect(
    heartRate.locator('.flag[data-severity="abnormal"], .flag[data-severity="critical"]'),
  ).toHaveCount(0);
});

test('filters by category, code and date range narrow the list on the server', async ({
  page,
  stack,
}) => {
  const searches = recordObservationSearches(page, stack);
  await openSignedIn(page, stack, '/observations/pat-0001');
  await expect(observationTotal(page)).toHaveText('83 observations');

  let sent = nextObservationSearch(page, stack, (url) => url.searchParams.has('category'));
  await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Laboratory' });
  expect(new URL((await sent).url()).searchParams.get('category')).toBe('laboratory');
  await expect(observationTotal(page)).toHaveText('27 observations');
  await expect(observationTable(page).locator('.group-header')).toHaveText(['Laboratory']);
  await expect(observationRows(page)).toHaveCount(27);
  await expect(page).toHaveURL(/[?&]category=laboratory(&|$)/);

  await page.getByLabel('Category', { exact: true }).selectOption({ label: 'All categories' });
  await expect(observationTotal(page)).toHaveText('83 observations');

  sent = nextObservationSearch(page, stack, (url) => url.searchParams.has('code'));
  const code = page.getByLabel('Code or text', { exact: true });
  await code.fill('8867-4');
  await code.press('Enter');
  expect(new URL((await sent).url()).searchParams.get('code')).toBe('8867-4');
  await expect(observationTotal(page)).toHaveText('7 observations');
  await expect(observationRows(page).locator('th')).toHaveText(Array<string>(7).fill('Heart rate'));

  await code.fill('');
  await code.press('Enter');
  await expect(observationTotal(page)).toHaveText('83 observations');

  // Words search the code's text on the server, which must apply the filter, not ignore it.
  sent = nextObservationSearch(page, stack, (url) => url.searchParams.has('code:text'));
  await code.fill('heart');
  await code.press('Enter');
  expect(new URL((await sent).url()).searchParams.get('code:text')).toBe('heart');
  await expect(observationTotal(page)).toHaveText('7 observations');
  await expect(observationRows(page).locator('th')).toHaveText(Array<string>(7).fill('Heart rate'));
  await expect(page.locator('.search-notices')).toHaveCount(0);

  await code.fill('');
  await code.press('Enter');
  await expect(observationTotal(page)).toHaveText('83 observations');

  sent = nextObservationSearch(page, stack, (url) => url.searchParams.getAll('date').length === 2);
  await page.getByLabel('From', { exact: true }).fill('2025-01-01');
  await page.getByLabel('To', { exact: true }).fill('2025-12-31');
  expect(new URL((await sent).url()).searchParams.getAll('date').sort()).toEqual([
    'ge2025-01-01',
    'le2025-12-31',
  ]);
  // Two visits in 2025: January (12) and September (8).
  await expect(observationTotal(page)).toHaveText('20 observations');
  await expect(observationRows(page)).toHaveCount(20);
  for (const time of await shownDates(observationRows(page))) {
    expect(new Date(time).getUTCFullYear()).toBe(2025);
  }

  // Every list request asked the server for one page, never the whole history.
  const listSearches = searches.filter((url) => url.searchParams.get('_count') === '50');
  expect(listSearches.length).toBeGreaterThanOrEqual(6);
  for (const url of listSearches) expect(url.searchParams.get('patient')).toBe('pat-0001');
});

test('a long history pages through the server, fifty at a time, newest first', async ({
  page,
  stack,
}) => {
  const bundleSizes: number[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    const url = new URL(response.url());
    const isList =
      url.href.startsWith(`${stack.fhirBase}/Observation`) &&
      response.request().method() === 'GET' &&
      url.searchParams.get('category') !== 'vital-signs';
    if (!isList || !response.ok()) return;
    pending.push(
      response.json().then((bundle: { entry?: unknown[] }) => {
        bundleSizes.push(bundle.entry?.length ?? 0);
      }),
    );
  });

  // pat-0048 has 173 observations.
  await openSignedIn(page, stack, '/observations/pat-0048');
  await expect(observationTotal(page)).toHaveText('173 observations');
  await expect(observationRows(page)).toHaveCount(50);
  await expect(page.getByText('Page 1', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();
  let oldestSoFar = Math.min(...(await shownDates(observationRows(page))));

  for (const [pageNumber, rowCount] of [
    [2, 50],
    [3, 50],
    [4, 23],
  ] as const) {
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page.getByText(`Page ${pageNumber}`, { exact: true })).toBeVisible();
    await expect(observationRows(page)).toHaveCount(rowCount);
    await expect(observationTotal(page)).toHaveText('173 observations');
    const dates = await shownDates(observationRows(page));
    expect(
      Math.max(...dates),
      `page ${pageNumber} is older than the pages before`,
    ).toBeLessThanOrEqual(oldestSoFar);
    oldestSoFar = Math.min(...dates);
  }
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();

  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByText('Page 3', { exact: true })).toBeVisible();
  await expect(observationRows(page)).toHaveCount(50);

  await Promise.all(pending);
  expect(bundleSizes.length).toBeGreaterThanOrEqual(5);
  for (const size of bundleSizes) expect(size).toBeLessThanOrEqual(50);
});

test('a page link in the address for another patient is not followed: the list says so and starts from this patient’s first page', async ({
  page,
  stack,
}) => {
  await openSignedIn(page, stack, '/observations/pat-0001');
  await expect(observationTotal(page)).toHaveText('83 observations');
  const searches = recordObservationSearches(page, stack);
  // pat-0048's second page, as a link someone could send under pat-0001's name.
  const foreign = `${stack.fhirBase}/Observation?patient=pat-0048&_sort=-date&_count=50&_offset=50`;
  await page.goto(
    `${stack.appUrl}/observations/pat-0001?cursor=${encodeURIComponent(foreign)}&page=2`,
  );
  await expect(page.locator('.refused-link')).toHaveText(
    "The page link in this address is not one of this patient's observation searches, so it was not opened: the list starts from the first page.",
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');
  await expect(observationTotal(page)).toHaveText('83 observations');
  await expect(page.getByText('Page 1', { exact: true })).toBeVisible();
  await expect(observationRows(page)).toHaveCount(50);
  expect(searches.length).toBeGreaterThan(0);
  for (const url of searches) expect(url.searchParams.get('patient')).toBe('pat-0001');
});

test('choosing a numeric code opens its trend from a lazy chunk; blood pressure has two series and a data table', async ({
  page,
  stack,
}) => {
  const scripts: { url: string; body: Promise<string> }[] = [];
  page.on('response', (response: Response) => {
    if (response.request().resourceType() === 'script' && response.url().startsWith(stack.appUrl)) {
      scripts.push({ url: response.url(), body: response.text().catch(() => '') });
    }
  });
  const searches = recordObservationSearches(page, stack);

  await openSignedIn(page, stack, '/observations/pat-0001');
  await expect(observationTotal(page)).toHaveText('83 observations');
  await expect(page.getByRole('region', { name: 'Latest vitals' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const beforeTrend = new Set(scripts.map((script) => script.url));
  for (const script of scripts) {
    expect(
      await script.body,
      `${script.url} holds the chart before any trend was asked for`,
    ).not.toContain('Show data table');
  }
  await expect(page.getByRole('region', { name: /^Trend:/ })).toHaveCount(0);

  // Heart rate: one series, with its reference range as a band.
  await observationRows(page)
    .getByRole('button', { name: 'Show trend for Heart rate' })
    .first()
    .click();
  const heartTrend = page.getByRole('region', { name: 'Trend: Heart rate' });
  await expect(heartTrend.getByRole('img')).toHaveAttribute(
    'aria-label',
    'Heart rate: 7 of 7 readings, latest 60 /min on May 26, 2026, 1:24 PM',
  );
  const newChunks = scripts.filter((script) => !beforeTrend.has(script.url));
  expect(newChunks.length, 'JavaScript chunks loaded when the trend opened').toBeGreaterThan(0);
  const bodies = await Promise.all(newChunks.map((chunk) => chunk.body));
  expect(bodies.some((body) => body.includes('Show data table'))).toBe(true);
  expect(
    searches.some(
      (url) =>
        url.searchParams.get('code') === '8867-4' && url.searchParams.get('patient') === 'pat-0001',
    ),
    'the trend asked the server for that code only',
  ).toBe(true);
  await expect(heartTrend.locator('polyline.series.first')).toHaveAttribute(
    'points',
    /^(\S+,\S+ ){6}\S+,\S+$/,
  );
  await expect(heartTrend.locator('polyline.series.second')).toHaveCount(0);
  await expect(heartTrend.locator('rect.reference-band')).toHaveCount(1);
  await heartTrend.getByText('Show data table').click();
  const heartValues = heartTrend.getByRole('table', { name: 'Heart rate values' });
  await expect(heartValues.locator('tbody tr td:nth-of-type(2)')).toHaveText([
    '69',
    '73',
    '66',
    '64',
    '80',
    '70',
    '60',
  ]);
  await heartTrend.getByRole('button', { name: 'Close trend' }).click();
  await expect(heartTrend).toHaveCount(0);

  // Blood pressure: systolic and diastolic, two series, both in the table.
  await observationRows(page)
    .getByRole('button', { name: /^Show trend for Blood pressure/ })
    .first()
    .click();
  const bpTrend = page.getByRole('region', { name: /^Trend: Blood pressure/ });
  await expect(bpTrend.getByRole('img')).toHaveAttribute(
    'aria-label',
    /: 7 of 7 readings, latest 135\/62 mmHg on May 26, 2026/,
  );
  await expect(bpTrend.locator('polyline.series.first')).toHaveAttribute(
    'points',
    /^(\S+,\S+ ){6}\S+,\S+$/,
  );
  await expect(bpTrend.locator('polyline.series.second')).toHaveAttribute(
    'points',
    /^(\S+,\S+ ){6}\S+,\S+$/,
  );
  await expect(bpTrend.getByText('Solid line: systolic; dashed line: diastolic.')).toBeVisible();
  const bpValues = bpTrend.getByRole('table', { name: /values$/ });
  await expect(bpValues).toBeHidden();
  await bpTrend.getByText('Show data table').click();
  await expect(bpValues).toBeVisible();
  await expect(bpValues.getByRole('columnheader')).toHaveText([
    'Date',
    'Systolic (mmHg)',
    'Diastolic (mmHg)',
  ]);
  await expect(bpValues.locator('tbody tr')).toHaveCount(7);
  await expect(bpValues.locator('tbody tr').first().locator('td')).toHaveText([
    /^Mar 25, 2023/,
    '116',
    '72',
  ]);
  await expect(bpValues.locator('tbody tr').last().locator('td')).toHaveText([
    /^May 26, 2026/,
    '135',
    '62',
  ]);
});

test('a patient the server does not have: the server’s words, a way back, and no empty observation list', async ({
  page,
  stack,
}) => {
  await openSignedIn(page, stack, '/observations/pat-9999');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Could not load the patient' })).toBeVisible();
  await expect(alert).toContainText('Patient/pat-9999 is not known');
  await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Observations' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next page' })).toHaveCount(0);

  await page.getByRole('link', { name: '← Back to patients' }).click();
  await expect(page.getByTestId('patient-total')).toHaveText('120 patients');
});
