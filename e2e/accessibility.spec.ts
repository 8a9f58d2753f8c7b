// axe-core on every page a user meets: no serious or critical violations, in the light and the dark theme (the app
// follows the system setting, so both are real). Violations are listed in the failure message.
import { expectNoSeriousViolations } from './axe.ts';
import { expect, signInWithRedirect, test } from './fixtures.ts';

test('the sign-in page (redirect mode) has no serious or critical accessibility violations', async ({
  page,
  stack,
}) => {
  await page.goto(`${stack.appUrl}/login`);
  await expect(page.getByRole('button', { name: 'Sign in with Okta' })).toBeEnabled();
  await expectNoSeriousViolations(page, 'the sign-in page');
});

test('the sign-in page with the embedded widget has no serious or critical accessibility violations', async ({
  page,
  stack,
}) => {
  await page.goto(`${stack.apps['widget'] ?? ''}/login`);
  await expect(page.locator('#okta-sign-in input[name="identifier"]')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading sign-in' })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'the widget sign-in page');
});

test('the patients, observations (with a trend open) and token pages have no serious or critical accessibility violations', async ({
  page,
  stack,
}) => {
  await page.goto(`${stack.appUrl}/patients`);
  await signInWithRedirect(page, stack, 'clinician@example.com');
  await expect(page).toHaveURL(`${stack.appUrl}/patients`);
  await expect(page.getByTestId('patient-total')).toHaveText('120 patients');
  await expectNoSeriousViolations(page, 'the patients page');

  await page.getByRole('table', { name: 'Patients' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/patients\/pat-\d{4}$/);
  await page.getByRole('link', { name: /All observations, newest first/ }).click();
  await expect(page).toHaveURL(/\/observations\/pat-\d{4}$/);
  await expect(page.getByTestId('observation-total')).toHaveText(/^\d+ observations$/);
  await expect(page.getByRole('region', { name: 'Latest vitals' })).toBeVisible();
  await page
    .getByRole('table', { name: 'Observations' })
    .getByRole('button', { name: /^Show trend for Blood pressure/ })
    .first()
    .click();
  const trend = page.getByRole('region', { name: /^Trend: Blood pressure/ });
  await expect(trend.getByRole('img')).toBeVisible();
  await trend.getByText('Show data table').click();
  await expect(trend.getByRole('table')).toBeVisible();
  await expectNoSeriousViolations(page, 'the observations page with a trend open');

  await page.getByRole('link', { name: 'Token inspector' }).click();
  await expect(page).toHaveURL(`${stack.appUrl}/token`);
  await expect(page.locator('ul.scope-list li').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'the token inspector');
});

test('the observations flowsheet (with a trend open) has no serious or critical accessibility violations', async ({
  page,
  stack,
}) => {
  await page.goto(`${stack.appUrl}/observations/pat-0003?view=flowsheet`);
  await signInWithRedirect(page, stack, 'clinician@example.com');
  const flowsheet = page.getByRole('table', { name: /^Flowsheet/ });
  await expect(flowsheet.getByRole('rowheader', { name: /^Blood pressure/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'the observations flowsheet');

  await flowsheet.getByRole('button', { name: 'Blood pressure' }).click();
  await expect(
    page.getByRole('region', { name: /^Trend: Blood pressure/ }).getByRole('img'),
  ).toBeVisible();
  await expectNoSeriousViolations(page, 'the observations flowsheet with a trend open');
});
