// A sign-out elsewhere (tokens revoked at the issuer) is noticed at the next request: the FHIR server asks
// the issuer (introspection), and the app renews once and retries once before saying the session ended.
import type { Page } from '@playwright/test';
import { expect, signInWithRedirect, submitHostedSignIn, test } from './fixtures.ts';
import { CLIENT_ID, startStack, type RunningStack } from './stack.ts';

// This suite revokes tokens, so it has a stack of its own. No introspection cache: the request right
// after the revocation is the one that must notice it (with the default 5 s it could be a few later).
let stack: RunningStack;
test.beforeAll(async () => {
  stack = await startStack({ variants: { redirect: {} }, introspectionCacheSeconds: 0 });
});
test.afterAll(() => stack.close());

interface StoredTokens {
  accessToken?: { accessToken?: string };
  refreshToken?: { refreshToken?: string };
}

async function storedTokens(page: Page): Promise<{ access: string; refresh: string }> {
  const stored = await page.evaluate(
    () => JSON.parse(sessionStorage.getItem('okta-token-storage') ?? '{}') as StoredTokens,
  );
  return {
    access: stored.accessToken?.accessToken ?? '',
    refresh: stored.refreshToken?.refreshToken ?? '',
  };
}

/** What another tab's or device's sign-out does: RFC 7009 revocation at the issuer, from outside the page. */
async function revokeElsewhere(
  token: string,
  hint: 'access_token' | 'refresh_token',
): Promise<void> {
  const res = await fetch(`${stack.issuer}/v1/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, token_type_hint: hint, client_id: CLIENT_ID }),
  });
  expect(res.status).toBe(200);
}

async function signInOnPatients(page: Page): Promise<string> {
  const app = stack.apps['redirect'] ?? '';
  await page.goto(`${app}/patients`);
  await signInWithRedirect(page, { ...stack, appUrl: app }, 'clinician@example.com');
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  return app;
}

test('a revoked refresh token ends the session at the next request, and Sign in again returns to the page, not its search', async ({
  page,
}) => {
  const app = await signInOnPatients(page);
  const tokens = await storedTokens(page);
  expect(tokens.refresh, 'the app asked for offline_access').not.toBe('');

  // Revoking the refresh token revokes the access tokens of its grant too: nothing can renew.
  await revokeElsewhere(tokens.refresh, 'refresh_token');
  await page.getByRole('button', { name: 'Next page' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not load patients');
  await expect(alert).toContainText('The access token has been revoked');
  await expect(alert).toContainText('Your session may have ended. Sign in again.');
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);

  await alert.getByRole('button', { name: 'Sign in again' }).click();
  await expect(page).toHaveURL(`${app}/login`);
  // The search (its page link) is not kept in the tab past the session's end.
  expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toMatch(
    /page=2|cursor|_offset/,
  );
  await page.getByRole('button', { name: 'Sign in with Okta' }).click();
  // The issuer's own session outlives the revoked tokens, so the hosted page may not ask again.
  const issuerOrigin = new URL(stack.issuer).origin;
  await page.waitForURL(
    (url) => url.href.startsWith(issuerOrigin) || url.href.startsWith(`${app}/patients`),
  );
  if (page.url().startsWith(issuerOrigin)) {
    await submitHostedSignIn(page, 'clinician@example.com', 'fhirokta-demo');
  }
  await expect(page).toHaveURL(`${app}/patients`);
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await storedTokens(page)).access).not.toBe(tokens.access);
});

test('a revoked access token alone is renewed silently and the page loads', async ({ page }) => {
  await signInOnPatients(page);
  const tokens = await storedTokens(page);

  const renewed = page.waitForResponse(
    (response) => response.url() === `${stack.issuer}/v1/token` && response.status() === 200,
  );
  await revokeElsewhere(tokens.access, 'access_token');
  await page.getByRole('button', { name: 'Next page' }).click();
  await renewed;
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Patients' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await storedTokens(page)).access).not.toBe(tokens.access);
});
