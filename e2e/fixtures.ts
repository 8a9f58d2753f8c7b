// Shared fixtures: the running stack, sign-in through the hosted Okta-style page, and a console guard that fails
// any test whose page writes a token, the password or a patient's name to the browser console.
import { test as base, expect, type Page } from '@playwright/test';
import { findLeaks, patientNamesIn } from '../security/log-scan.ts';
import { DEMO_PASSWORD, sharedStack, type StackUrls } from './stack.ts';

/** The shared stack, with the default (redirect login) app as `appUrl`. */
export interface E2eStack extends StackUrls {
  appUrl: string;
}

const JWT_PATTERN = /eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]*/;

interface Fixtures {
  stack: E2eStack;
  /** Every console message and uncaught page error of the test, for assertions about what leaked. */
  consoleMessages: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  stack: async ({}, use) => {
    const urls = sharedStack();
    await use({ ...urls, appUrl: urls.apps['redirect'] ?? '' });
  },
  consoleMessages: [
    async ({ page }, use) => {
      const messages: string[] = [];
      page.on('console', (message) => messages.push(message.text()));
      page.on('pageerror', (error) => messages.push(error.message));
      await use(messages);
      const leaked = messages.filter((text) => JWT_PATTERN.test(text) || /bearer\s/i.test(text));
      expect(leaked, 'tokens written to the browser console').toEqual([]);
      // Every patient in the shared stack's store, seeded and imported: none may reach the console.
      const phi = findLeaks(
        [{ name: 'the browser console', text: messages.join('\n') }],
        patientNamesIn(sharedStack().dataDir),
      );
      expect(phi, 'the password or patient names written to the browser console').toEqual([]);
      // Chromium reports every Content-Security-Policy violation on the console: the app must cause none.
      const violations = messages.filter((text) => /content security policy/i.test(text));
      expect(violations, 'CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Signs in on the authorization server's hosted page, starting from the app's login page. */
export async function signInWithRedirect(
  page: Page,
  stack: E2eStack,
  login: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.getByRole('button', { name: 'Sign in with Okta' }).click();
  await page.waitForURL((url) => url.href.startsWith(new URL(stack.issuer).origin));
  await submitHostedSignIn(page, login, password);
}

export async function submitHostedSignIn(
  page: Page,
  login: string,
  password: string,
): Promise<void> {
  await page.getByLabel(/username|email/i).fill(login);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs out and waits for the whole round trip: revoke, the issuer's logout, and back to the app's sign-in. */
export async function signOut(page: Page, stack: E2eStack): Promise<void> {
  const loggedOut = page.waitForResponse((response) =>
    response.url().startsWith(`${stack.issuer}/v1/logout`),
  );
  await page.getByRole('button', { name: 'Sign out' }).click();
  await loggedOut;
  await expect(page).toHaveURL(`${stack.appUrl}/login`);
}
