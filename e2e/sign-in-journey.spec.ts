import { expect, signInWithRedirect, signOut, test } from './fixtures.ts';

test('a clinician signs in, pages through patients, opens one patient’s observations and signs out', async ({
  page,
  stack,
  consoleMessages,
}) => {
  await page.goto(`${stack.appUrl}/patients`);
  await expect(page).toHaveURL(`${stack.appUrl}/login`);

  await signInWithRedirect(page, stack, 'clinician@example.com');
  await expect(page).toHaveURL(`${stack.appUrl}/patients`);
  await expect(page.getByTestId('login-status')).toContainText('Clinician');

  const patients = page.getByRole('table', { name: 'Patients' });
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  const firstRowOnPageOne = (await patients.getByRole('row').nth(1).textContent()) ?? '';
  expect(firstRowOnPageOne).not.toBe('');

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(patients.getByRole('row').nth(1)).not.toHaveText(firstRowOnPageOne);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(patients.getByRole('row').nth(1)).toHaveText(firstRowOnPageOne);

  const firstPatient = patients.getByRole('link').first();
  const patientName = (await firstPatient.textContent())?.trim() ?? '';
  await firstPatient.click();
  await expect(page).toHaveURL(/\/patients\/pat-\d{4}$/);
  await page.getByRole('link', { name: /All observations, newest first/ }).click();
  await expect(page).toHaveURL(/\/observations\/pat-\d{4}$/);
  const observations = page.getByRole('table', { name: /Observations/ });
  await expect(observations.getByRole('row').nth(1)).toBeVisible();
  expect(await observations.getByRole('row').count()).toBeGreaterThan(2);

  // The patient's name is PHI: it is on the page, and must never be in the console.
  expect(patientName).not.toBe('');
  expect(consoleMessages.filter((text) => text.includes(patientName))).toEqual([]);

  await signOut(page, stack);

  await page.goto(`${stack.appUrl}/patients`);
  await expect(page).toHaveURL(`${stack.appUrl}/login`);
  // The authorization server's session ended too: signing in again asks for the password.
  await page.getByRole('button', { name: 'Sign in with Okta' }).click();
  await expect(page.getByLabel(/password/i)).toBeVisible();
});

test('after sign-in the user returns to the page they first asked for', async ({ page, stack }) => {
  await page.goto(`${stack.appUrl}/observations/pat-0002`);
  await expect(page).toHaveURL(`${stack.appUrl}/login`);
  await signInWithRedirect(page, stack, 'clinician@example.com');
  await expect(page).toHaveURL(`${stack.appUrl}/observations/pat-0002`);
  await expect(
    page
      .getByRole('table', { name: /Observations/ })
      .getByRole('row')
      .nth(1),
  ).toBeVisible();
});
