// What a user sees when a server is down or restarts: a clear message, a working Retry, nothing lost, no hang.
import { expect, signInWithRedirect, test } from './fixtures.ts';
import { startStack, type RunningStack } from './stack.ts';

// This suite stops servers on purpose, so it has a stack of its own.
let stack: RunningStack;
test.beforeAll(async () => {
  stack = await startStack({ variants: { redirect: {}, widget: { loginMode: 'widget' } } });
});
test.afterAll(() => stack.close());

test('the FHIR server is down when the patient list loads: the app says so, and Retry works once it is back', async ({
  page,
}) => {
  const app = stack.apps['redirect'] ?? '';
  await page.goto(`${app}/patients`);
  await signInWithRedirect(page, { ...stack, appUrl: app }, 'clinician@example.com');
  await expect(page.getByText(/^120 patients$/)).toBeVisible();

  await stack.stop('fhir');
  try {
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('The FHIR server could not be reached');
  } finally {
    await stack.restart('fhir');
  }
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the FHIR server restarts during browsing, and nothing is lost', async ({ page }) => {
  const app = stack.apps['redirect'] ?? '';
  await page.goto(`${app}/patients`);
  await signInWithRedirect(page, { ...stack, appUrl: app }, 'clinician@example.com');
  const patients = page.getByRole('table', { name: 'Patients' });
  await page.getByRole('button', { name: 'Next page' }).click();
  // Page 2 must have arrived before the server stops, or the stop interrupts its request.
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  const secondPageFirstRow = (await patients.getByRole('row').nth(1).textContent()) ?? '';

  await stack.stop('fhir');
  await stack.restart('fhir');

  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByText('Page 1', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  await expect(patients.getByRole('row').nth(1)).toHaveText(secondPageFirstRow);
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  await patients.getByRole('link').first().click();
  await page.getByRole('link', { name: /All observations, newest first/ }).click();
  await expect(
    page
      .getByRole('table', { name: /Observations/ })
      .getByRole('row')
      .nth(1),
  ).toBeVisible();
});

test('the authorization server is down at sign-in: a clear message, and no hang', async ({
  page,
}) => {
  await stack.stop('auth');
  try {
    const redirectApp = stack.apps['redirect'] ?? '';
    await page.goto(`${redirectApp}/login`);
    await page.getByRole('button', { name: 'Sign in with Okta' }).click();
    await expect(page.getByRole('alert')).toContainText('The sign-in service could not be reached');
    await expect(page).toHaveURL(`${redirectApp}/login`);

    const widgetApp = stack.apps['widget'] ?? '';
    await page.goto(`${widgetApp}/login`);
    // The widget shows its own error too; the app's says what to do.
    await expect(
      page.getByRole('alert').filter({ hasText: 'Sign-in could not be completed' }),
    ).toBeVisible();
  } finally {
    await stack.restart('auth');
  }
  // Once it is back, signing in works without reloading anything but the page.
  const app = stack.apps['redirect'] ?? '';
  await page.goto(`${app}/login`);
  await signInWithRedirect(page, { ...stack, appUrl: app }, 'clinician@example.com');
  await expect(page).toHaveURL(`${app}/patients`);
});
