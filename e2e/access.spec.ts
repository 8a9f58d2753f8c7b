// Each demo user's view (docs/CONTRACT.md): the clinician reads everything, front desk reads patients only, and
// the patient-bound user sees only their own record. The token inspector shows each one what was granted.
import type { Page, Response } from '@playwright/test';
import { expect, signInWithRedirect, test, type E2eStack } from './fixtures.ts';

const OPENID_SCOPES = ['email', 'offline_access', 'openid', 'profile'];

async function openSignedIn(page: Page, stack: E2eStack, path: string, login: string) {
  await page.goto(`${stack.appUrl}${path}`);
  await expect(page).toHaveURL(`${stack.appUrl}/login`);
  await signInWithRedirect(page, stack, login);
}

/** Every FHIR response the page got, to check what data reached the browser. */
function recordFhirResponses(page: Page, stack: E2eStack): Response[] {
  const responses: Response[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(`${stack.fhirBase}/`) && response.request().method() === 'GET') {
      responses.push(response);
    }
  });
  return responses;
}

/** Opens the token inspector from the toolbar (same tab, same tokens) and reads the granted scopes. */
async function grantedScopesOnInspector(page: Page, stack: E2eStack): Promise<string[]> {
  await page.getByRole('link', { name: 'Token inspector' }).click();
  await expect(page).toHaveURL(`${stack.appUrl}/token`);
  await expect(page.getByRole('heading', { name: 'Token inspector', level: 1 })).toBeVisible();
  const scopes = page.locator('ul.scope-list li');
  await expect(scopes.first()).toBeVisible();
  return (await scopes.allTextContents()).map((scope) => scope.trim()).sort();
}

/** The inspector's plain-words check for one requirement: "OK: ..." or "Problem: ...". */
const check = (page: Page, requirement: RegExp) =>
  page.locator('ul.token-checks li').filter({ hasText: requirement });

test('the clinician reads patients and observations, and the token inspector shows user/*.read', async ({
  page,
  stack,
}) => {
  await openSignedIn(page, stack, '/observations/pat-0002', 'clinician@example.com');
  await expect(page).toHaveURL(`${stack.appUrl}/observations/pat-0002`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leila Zsófia Robinson');
  await expect(page.getByTestId('observation-total')).toHaveText('16 observations');
  await expect(page.getByRole('link', { name: '← Back to patients' })).toBeVisible();

  expect(await grantedScopesOnInspector(page, stack)).toEqual(
    [...OPENID_SCOPES, 'user/*.read'].sort(),
  );
  await expect(page.locator('ul.token-checks li')).toHaveCount(7);
  await expect(page.locator('ul.token-checks li strong')).toHaveText(Array<string>(7).fill('OK:'));
  await expect(check(page, /audience \(aud\)/)).toContainText(`aud is ${stack.fhirBase}.`);
  await expect(check(page, /client_id/)).toContainText('client_id is 0oalocalfhirokta0spa.');
  await expect(page.getByTestId('access-expiry')).toHaveText(/expires in/i);
  await expect(page.getByLabel('Access token claims', { exact: true })).toContainText(
    '"sub": "clinician@example.com"',
  );
  await expect(page.getByRole('heading', { name: 'ID token' })).toBeVisible();
});

test('front desk sees patients, and a patient’s page says observations are outside their access', async ({
  page,
  stack,
}) => {
  const fhirResponses = recordFhirResponses(page, stack);
  await openSignedIn(page, stack, '/patients', 'frontdesk@example.com');
  await expect(page).toHaveURL(`${stack.appUrl}/patients`);
  await expect(page.getByTestId('patient-total')).toHaveText('120 patients');
  // Searching works for front desk too: pat-0001 by MRN.
  const mrn = page.getByLabel('MRN or identifier', { exact: true });
  await mrn.fill('107925');
  await mrn.press('Enter');
  await expect(page.getByTestId('patient-total')).toHaveText('1 patient');

  const patients = page.getByRole('table', { name: 'Patients' });
  await patients.getByRole('link', { name: 'Mohammed Ibrahim Taylor' }).click();
  await expect(page).toHaveURL(`${stack.appUrl}/patients/pat-0001`);
  // The patient's details are within their access; the chart names once what is not.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');
  await expect(page.getByTestId('outside-access')).toContainText('observations and vitals');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The observations page says so in words, not as an error.
  await page.goto(`${stack.appUrl}/observations/pat-0001`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');
  await expect(
    page.getByText(
      'Observations are outside your access. Your account may view patient details only.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(/could not load|something went wrong/i)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Latest vitals' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Observations' })).toHaveCount(0);
  await expect(page.getByRole('search', { name: 'Observation filters' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '← Back to patients' })).toBeVisible();

  // No observation data reached the browser: any Observation request there was got none.
  const observationResponses = fhirResponses.filter((response) =>
    response.url().startsWith(`${stack.fhirBase}/Observation`),
  );
  for (const response of observationResponses) {
    const body = (await response.json().catch(() => ({}))) as { entry?: unknown[] };
    expect(response.ok() && (body.entry?.length ?? 0) > 0, response.url()).toBe(false);
  }

  expect(await grantedScopesOnInspector(page, stack)).toEqual(
    [...OPENID_SCOPES, 'user/Patient.read'].sort(),
  );
  await expect(check(page, /scopes read Patient/).locator('strong')).toHaveText('OK:');
  await expect(check(page, /scopes read Observation/).locator('strong')).toHaveText('Problem:');
});

test('the patient lands on their own record and cannot open another patient’s', async ({
  page,
  stack,
}) => {
  const fhirResponses = recordFhirResponses(page, stack);
  await openSignedIn(page, stack, '/patients', 'patient@example.com');
  // Asked for the patient list, they land on their own chart (pat-0001).
  await expect(page).toHaveURL(`${stack.appUrl}/patients/pat-0001`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');
  await page.goto(`${stack.appUrl}/observations/pat-0001`);
  await expect(page.getByTestId('observation-total')).toHaveText('83 observations');
  // There is no patient list to go back to.
  await expect(page.getByRole('link', { name: '← Back to patients' })).toHaveCount(0);

  // Another patient's address sends them back to their own record.
  await page.goto(`${stack.appUrl}/observations/pat-0002`);
  await expect(page).toHaveURL(`${stack.appUrl}/patients/pat-0001`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');
  await expect(page.getByText('Leila Zsófia Robinson')).toHaveCount(0);
  await page.goto(`${stack.appUrl}/patients?name=Robinson`);
  await expect(page).toHaveURL(`${stack.appUrl}/patients/pat-0001`);
  await page.goto(`${stack.appUrl}/patients/pat-0002`);
  await expect(page).toHaveURL(`${stack.appUrl}/patients/pat-0001`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');

  // Nothing about another patient was asked for, and the app never searched the patient list.
  const urls = fhirResponses.map((response) => response.url());
  expect(urls.filter((url) => url.includes('pat-0002'))).toEqual([]);
  expect(urls.filter((url) => url.startsWith(`${stack.fhirBase}/Patient?`))).toEqual([]);
  expect(urls).toContain(`${stack.fhirBase}/Patient/pat-0001`);

  expect(await grantedScopesOnInspector(page, stack)).toEqual(
    [...OPENID_SCOPES, 'patient/*.read'].sort(),
  );
  await expect(page.getByLabel('Access token claims', { exact: true })).toContainText(
    '"patient": "pat-0001"',
  );
  await expect(check(page, /scopes read Observation/).locator('strong')).toHaveText('OK:');
  await expect(check(page, /"patient" claim/)).toContainText(
    'patient/ scopes act on Patient pat-0001.',
  );
});
