import { expect, signInWithRedirect, submitHostedSignIn, test } from './fixtures.ts';

test('a wrong password shows an error, and a retry with the right one signs in', async ({
  page,
  stack,
}) => {
  await page.goto(`${stack.appUrl}/login`);
  await signInWithRedirect(page, stack, 'clinician@example.com', 'not-the-password');

  await expect(page.getByRole('alert')).toContainText(/incorrect|invalid/i);
  expect(new URL(page.url()).origin).toBe(new URL(stack.issuer).origin);

  await submitHostedSignIn(page, 'clinician@example.com', 'fhirokta-demo');
  await expect(page).toHaveURL(`${stack.appUrl}/patients`);
  await expect(page.getByRole('table', { name: 'Patients' })).toBeVisible();
});
