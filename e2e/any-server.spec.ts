// The app against a FHIR server that answers the way cloud services do under load: rate limits with
// Retry-After and short outages during deployments. The misbehaving proxy sits in front of the real
// local FHIR server; everything else (sign-in, tokens, data) is the real stack.
import type { Page } from '@playwright/test';
import { expect, signInWithRedirect, test } from './fixtures.ts';
import { startMisbehavingFhir, type MisbehavingFhir } from './misbehaving-fhir.ts';
import { startStack, type RunningStack } from './stack.ts';

let stack: RunningStack;
let proxy: MisbehavingFhir;

test.beforeAll(async () => {
  proxy = await startMisbehavingFhir();
  // DPoP off: a proof names the URL the app called (the proxy), which the server behind it would refuse.
  stack = await startStack({ variants: { proxied: { dpop: false, fhirBase: proxy.baseUrl } } });
  proxy.setTarget(stack.fhirBase);
});
test.afterAll(async () => {
  await stack.close();
  await proxy.close();
});
test.beforeEach(() => proxy.set({}));

async function signedInOnPatients(page: Page): Promise<void> {
  const app = stack.apps['proxied'] ?? '';
  await page.goto(`${app}/patients`);
  await signInWithRedirect(page, { ...stack, appUrl: app }, 'clinician@example.com');
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
}

const patientSearches = () => proxy.seen.filter((line) => line.startsWith('GET /fhir/Patient?'));

test('a rate-limited read waits as Retry-After asks, says so meanwhile, and the page loads', async ({
  page,
}) => {
  await signedInOnPatients(page);
  proxy.set({ rateLimit: { requests: 1, retryAfterSeconds: 2 } });
  const before = patientSearches().length;
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'too many requests' })).toContainText(
    'Trying again in 2 s',
  );
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'too many requests' })).toHaveCount(0);
  expect(patientSearches().length - before).toBe(2);
});

test('a 503 during a deployment is retried once, and the page loads', async ({ page }) => {
  await signedInOnPatients(page);
  proxy.set({ unavailable: 1 });
  await page.reload();
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a server that keeps refusing gets one retry, then its own words and a Retry that works', async ({
  page,
}) => {
  await signedInOnPatients(page);
  proxy.set({ rateLimit: { requests: 100, retryAfterSeconds: 1 } });
  const before = patientSearches().length;
  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not load patients');
  await expect(alert).toContainText('Rate limit exceeded');
  await expect(alert).toContainText('Wait a moment, then retry.');
  expect(patientSearches().length - before, 'one request and one retry, no loop').toBe(2);

  proxy.set({});
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

const status = (page: Page) => page.getByTestId('patient-total');
const rows = (page: Page) => page.getByRole('table', { name: 'Patients' }).getByRole('row');

test('without totals the list says where paging stands, and pages by the server’s links', async ({
  page,
}) => {
  await signedInOnPatients(page);
  proxy.set({ noTotals: true });
  await page.reload();
  await expect(status(page)).toHaveText(
    'More patients on the next page (the server does not count them).',
  );
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  await expect(rows(page).nth(1)).toBeVisible();
  await expect(page.getByText(/^\d+ patients$/)).toHaveCount(0);
});

test('HAPI-style relative _getpages links are followed, with the token, under the base', async ({
  page,
}) => {
  await signedInOnPatients(page);
  proxy.set({ hapiPaging: { expireAfterMs: 60_000 }, relativeLinks: true });
  await page.reload();
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  const before = proxy.seen.length;
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  await expect(rows(page).nth(1)).toBeVisible();
  expect(proxy.seen.slice(before).some((line) => line.includes('_getpages='))).toBe(true);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByText('Page 1', { exact: true })).toBeVisible();
});

test('a page link the server has expired (410 Gone) runs the search again from the first page, and says so', async ({
  page,
}) => {
  await signedInOnPatients(page);
  proxy.set({ hapiPaging: { expireAfterMs: 200 } });
  await page.reload();
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  await page.waitForTimeout(500); // longer than the server keeps its results
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'had expired' })).toContainText(
    'the search was run again from the first page',
  );
  await expect(page.getByText('Page 1', { exact: true })).toBeVisible();
  await expect(rows(page).nth(1)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a next link that leads to an empty page ends the list, and never reads as "no patients match"', async ({
  page,
}) => {
  await signedInOnPatients(page);
  proxy.set({ emptyLastPage: true, noTotals: true });
  await page.goto(`${stack.apps['proxied'] ?? ''}/patients?name=Robinson`);
  await expect(rows(page).nth(1)).toBeVisible();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(status(page)).toHaveText(
    "No more patients: the server's next page was empty. Go back with Previous page.",
  );
  await expect(page.getByText('No patients match this search.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(rows(page).nth(1)).toBeVisible();
});

test('a server that lists fewer searches: the field it lacks is disabled with the reason, nothing it cannot answer is sent, and a type it cannot search says so', async ({
  page,
}) => {
  await signedInOnPatients(page);
  proxy.set({
    capabilityWithout: { searches: ['Observation'], params: { Patient: ['birthdate'] } },
  });
  const app = stack.apps['proxied'] ?? '';
  await page.goto(`${app}/patients?birthdate=1950-01-01`);
  await expect(page.getByLabel('Birth date', { exact: true })).toBeDisabled();
  await expect(page.getByText('This FHIR server does not search by this.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Not sent' })).toContainText(
    'does not list birthdate for Patient searches',
  );
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  expect(proxy.seen.filter((line) => line.includes('birthdate='))).toEqual([]);

  await page.goto(`${app}/observations/pat-0001`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');
  // Latest vitals and the observation list each say so as a note: not an error, and no Retry that cannot help.
  await expect(page.getByText('This FHIR server does not offer latest vitals.')).toBeVisible();
  await expect(page.getByText('This FHIR server does not offer observations.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
});

/** Every chart section has finished loading, one way or another. */
async function chartSettled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');
  await expect(page.getByRole('status').filter({ hasText: /^Loading / })).toHaveCount(0);
}

test('a chart section whose store is down fails alone, in the server’s words, and the rest of the chart works', async ({
  page,
}) => {
  await signedInOnPatients(page);
  proxy.set({ failingTypes: ['Condition'] });
  await page.goto(`${stack.apps['proxied'] ?? ''}/patients/pat-0001`);
  await chartSettled(page);
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('alert')).toContainText('This resource store is offline');
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByTestId('allergy-line')).toContainText('High criticality');
  for (const heading of ['Medications', 'Recent encounters', 'Immunizations', 'Notes']) {
    await expect(
      page.getByRole('region', { name: heading }).locator('.chart-row').first(),
    ).toBeVisible();
  }
  proxy.set({});
  await problems.getByRole('button', { name: 'Retry' }).click();
  await expect(problems.locator('.chart-row').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a server that mixes another patient’s entries into a search: none is shown under this patient, and each list says so', async ({
  page,
}) => {
  await signedInOnPatients(page);
  proxy.set({ otherPatientEntry: true });
  const app = stack.apps['proxied'] ?? '';
  const leftOut = '1 entry that does not name this patient was not shown.';
  await page.goto(`${app}/patients/pat-0001`);
  await chartSettled(page);
  for (const heading of ['Problems', 'Allergies and intolerances', 'Immunizations', 'Notes']) {
    const section = page.getByRole('region', { name: heading });
    await expect(section.locator('.search-notices'), heading).toContainText(leftOut);
  }
  await expect(page.locator('.latest-vitals .search-notices')).toContainText(leftOut);
  await expect(page.getByTestId('allergy-line')).not.toContainText('No known allergies');

  const checkUp = page
    .getByRole('region', { name: 'Recent encounters' })
    .locator('.chart-row')
    .filter({ hasText: /check up/i })
    .first();
  await checkUp.getByRole('button', { name: 'What was recorded' }).click();
  await expect(checkUp.getByRole('region', { name: 'Observations' })).toContainText(leftOut);

  await page.goto(`${app}/observations/pat-0001`);
  const list = page.locator('section.observations');
  await expect(list.locator('.search-notices')).toContainText(leftOut);
  await expect(
    page.getByRole('table', { name: 'Observations' }).locator('tbody tr:not(.group-header)'),
  ).toHaveCount(50);
});

test('chart sections the server does not offer say so, and nothing is asked of them', async ({
  page,
}) => {
  proxy.set({ capabilityWithout: { searches: ['CarePlan', 'Goal'] } });
  const before = proxy.seen.length;
  await signedInOnPatients(page);
  await page.goto(`${stack.apps['proxied'] ?? ''}/patients/pat-0001`);
  await chartSettled(page);
  await expect(page.getByRole('region', { name: 'Care plans' })).toContainText(
    'This FHIR server does not offer care plans.',
  );
  await expect(page.getByRole('region', { name: 'Goals' })).toContainText(
    'This FHIR server does not offer goals.',
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(
    page.getByRole('region', { name: 'Problems' }).locator('.chart-row').first(),
  ).toBeVisible();
  const asked = proxy.seen.slice(before);
  expect(asked.filter((line) => /GET \/fhir\/(CarePlan|Goal)\b/.test(line))).toEqual([]);
});

const app = () => stack.apps['proxied'] ?? '';

test('a server whose name search matches anywhere: "ann" lists Hannah, the app adds no starts-with rule of its own', async ({
  page,
}) => {
  await signedInOnPatients(page);
  proxy.set({ containsNames: true });
  await page.goto(`${app()}/patients?name=ann`);
  await expect(rows(page).filter({ hasText: 'Hannah' }).first()).toBeVisible();
  await expect(page.getByText('No patients match this search.')).toHaveCount(0);
});

test('a server that refuses _sort: the search is sent again without it, and the page says the order is the server’s', async ({
  page,
}) => {
  await signedInOnPatients(page);
  proxy.set({ refuseSort: true });
  const before = patientSearches().length;
  await page.goto(`${app()}/patients?sort=-birthdate`);
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'refused to sort' })).toContainText(
    'Sorting is not supported',
  );
  await expect(page.getByText("These results are in the server's order")).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const sent = patientSearches().slice(before);
  expect(sent.map((line) => line.includes('_sort='))).toEqual([true, false]);

  // The observations are asked newest first too: refused, sent again, and shown.
  await page.goto(`${app()}/observations/pat-0001`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');
  await expect(page.getByRole('table').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a statement without _sort, _total and some Observation parameters: those sorts and filters are disabled with the reason, and none is sent', async ({
  page,
}) => {
  await signedInOnPatients(page);
  expect(patientSearches().at(-1)).toContain('_total=accurate');
  proxy.set({
    capabilityWithout: {
      params: { Patient: ['_sort', '_total'], Observation: ['category', 'date'] },
    },
  });
  const before = patientSearches().length;
  await page.goto(`${app()}/patients?sort=name`);
  await expect(page.getByText('Not offered by this FHIR server: Name (A–Z)')).toBeVisible();
  await expect(page.getByRole('option', { name: 'Birth date (newest first)' })).toBeDisabled();
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  await expect(page.getByText("These results are in the server's order")).toBeVisible();
  const sent = patientSearches().slice(before);
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.filter((line) => /_sort=|_total=/.test(line))).toEqual([]);

  await page.goto(`${app()}/observations/pat-0001`);
  await expect(page.getByLabel('Code or text', { exact: true })).toBeEnabled();
  for (const label of ['Category', 'From', 'To'])
    await expect(page.getByLabel(label, { exact: true })).toBeDisabled();
  await expect(page.getByText('This FHIR server does not search by this.')).toHaveCount(3);
});

test('an estimated total reads "about", never as a count', async ({ page }) => {
  await signedInOnPatients(page);
  proxy.set({ estimatedTotals: true });
  await page.reload();
  await expect(status(page)).toHaveText("About 100 patients (the server's estimate)");
  await expect(page.getByText(/^\d+ patients$/)).toHaveCount(0);
});

const PLACEHOLDERS = /\b(undefined|null|NaN)\b|\[object Object\]|Invalid Date/;

test('messy resources: the list, search, paging, the chart and observations render with fallbacks, no placeholder text and no console errors', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await signedInOnPatients(page);
  proxy.set({ messyResources: true });
  await page.reload();
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  const body = page.locator('main');
  await expect(rows(page).nth(1).getByRole('link')).not.toBeEmpty();
  await expect(body).not.toContainText(PLACEHOLDERS);

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  await expect(rows(page).nth(1)).toBeVisible();
  await expect(body).not.toContainText(PLACEHOLDERS);

  await page.goto(`${app()}/patients?name=Taylor`);
  await expect(rows(page).filter({ hasText: 'Mohammed Ibrahim Taylor' })).toBeVisible();
  await rows(page).filter({ hasText: 'Mohammed Ibrahim Taylor' }).getByRole('link').click();
  // The chart: codes as system|code, a contained drug resolved, a recorder by identifier, no dates.
  await chartSettled(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText(
    /http:\/\/snomed\.info\/sct\|\d+/,
  );
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('Onset not recorded');
  await expect(page.getByRole('region', { name: 'Medications' })).toContainText(
    'http://www.nlm.nih.gov/research/umls/rxnorm|197361',
  );
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText(
    'urn:oid:2.16.840.1.113883.4.6|NPI-',
  );
  await expect(page.getByText('Date not recorded').first()).toBeVisible();
  await expect(body).not.toContainText(PLACEHOLDERS);

  await page.goto(`${app()}/observations/pat-0001`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');
  await expect(page.getByText('Date not recorded').first()).toBeVisible();
  await expect(page.getByText(/http:\/\/loinc\.org\|\d+-\d/).first()).toBeVisible();
  // Those naming their patient by an identifier alone are not shown as this patient's, and the list says so.
  await expect(page.locator('section.observations .search-notices')).toContainText(
    /\d+ entries that do not name this patient were not shown\./,
  );
  await expect(body).not.toContainText(PLACEHOLDERS);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});
