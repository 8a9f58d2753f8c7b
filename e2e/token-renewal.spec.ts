// Access tokens that expire mid-session are renewed with no user action: through the refresh token when the
// app asked for offline_access, and through the hidden iframe on the issuer's session when it did not.
import type { Page } from '@playwright/test';
import { expect, signInWithRedirect, test } from './fixtures.ts';
import { startStack, type RunningStack } from './stack.ts';

// okta-auth-js renews 30 s before expiry, so a 45 s token is renewed about 15 s after sign-in.
const TOKEN_SECONDS = 45;
let stack: RunningStack;

test.beforeAll(async () => {
  stack = await startStack({
    accessTokenTtlSeconds: TOKEN_SECONDS,
    variants: {
      refresh: {},
      iframe: { scopes: ['openid', 'profile', 'email', 'user/*.read'] },
    },
  });
});
test.afterAll(() => stack.close());

async function accessTokenOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const stored = JSON.parse(sessionStorage.getItem('okta-token-storage') ?? '{}') as {
      accessToken?: { accessToken?: string };
    };
    return stored.accessToken?.accessToken ?? '';
  });
}

for (const [variant, renewal] of [
  ['refresh', /\/v1\/token$/],
  ['iframe', /\/v1\/authorize\?.*prompt=none/],
] as const) {
  test(`an expiring access token is renewed silently (${variant === 'refresh' ? 'refresh token' : 'hidden iframe'})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const app = stack.apps[variant] ?? '';
    await page.goto(`${app}/patients`);
    await signInWithRedirect(page, { ...stack, appUrl: app }, 'clinician@example.com');
    await expect(page.getByText(/^120 patients$/)).toBeVisible();
    const firstToken = await accessTokenOf(page);
    expect(firstToken).not.toBe('');

    const renewed = page.waitForRequest((request) => renewal.test(request.url()), {
      timeout: 60_000,
    });
    await renewed;
    await expect.poll(() => accessTokenOf(page), { timeout: 30_000 }).not.toBe(firstToken);

    // Browsing goes on with the new token, and the user never saw a sign-in page or an error.
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Patients' }).getByRole('row').nth(1),
    ).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`^${app}/patients`));
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}
