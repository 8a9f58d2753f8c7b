import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { DEMO_PASSWORD } from './stack.ts';

/** Fills the embedded Sign-In Widget: Identity Engine and Classic Engine name their fields differently. */
async function widgetSignIn(
  page: Page,
  engine: 'identity' | 'classic',
  login: string,
  password: string,
) {
  const [user, secret] =
    engine === 'identity'
      ? ['input[name="identifier"]', 'input[name="credentials.passcode"]']
      : ['input[name="username"]', 'input[name="password"]'];
  await page.locator(user).fill(login);
  await page.locator(secret).fill(password);
  // Right after a refusal the widget can swallow a submit while it redraws its form; a user clicks
  // again, and so does this: until the sign-in request goes out.
  const signInRequest = (url: string) => /\/idp\/idx\/identify$|\/api\/v1\/authn$/.test(url);
  await expect(async () => {
    const sent = page.waitForRequest((request) => signInRequest(request.url()), { timeout: 2_000 });
    await page.locator('#okta-sign-in input[type="submit"]').click();
    await sent;
  }).toPass({ timeout: 15_000 });
}

for (const [variant, engine] of [
  ['widget', 'identity'],
  ['classic', 'classic'],
] as const) {
  test.describe(`Sign-In Widget, ${engine === 'identity' ? 'Identity Engine' : 'Classic Engine'}`, () => {
    test('signs in on the embedded widget and returns to the page asked for', async ({
      page,
      stack,
    }) => {
      const app = stack.apps[variant] ?? '';
      await page.goto(`${app}/patients`);
      await expect(page).toHaveURL(`${app}/login`);
      await expect(page.locator('#okta-sign-in')).toBeVisible();

      await widgetSignIn(page, engine, 'clinician@example.com', DEMO_PASSWORD);
      await expect(page).toHaveURL(`${app}/patients`);
      await expect(page.getByText(/^120 patients$/)).toBeVisible();
      // The widget is gone once the login page is.
      await expect(page.locator('#okta-sign-in')).toHaveCount(0);
    });

    test('a wrong password shows the widget’s error, and a retry works', async ({
      page,
      stack,
    }) => {
      const app = stack.apps[variant] ?? '';
      await page.goto(`${app}/login`);
      await widgetSignIn(page, engine, 'clinician@example.com', 'wrong-password');
      await expect(page.locator('#okta-sign-in .o-form-error-container')).toContainText(
        /unable to sign in|authentication failed/i,
      );

      await widgetSignIn(page, engine, 'clinician@example.com', DEMO_PASSWORD);
      await expect(page).toHaveURL(`${app}/patients`);
    });
  });
}
