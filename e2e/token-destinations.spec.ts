import type { Request } from '@playwright/test';
import { expect, signInWithRedirect, signOut, test } from './fixtures.ts';

interface AuthorizedRequest {
  url: string;
  scheme: string;
}

for (const [variant, scheme] of [
  ['redirect', 'DPoP'],
  ['bearer', 'Bearer'],
] as const) {
  test(`the access token is sent to the FHIR base and nowhere else (${scheme})`, async ({
    page,
    stack: shared,
  }) => {
    const stack = { ...shared, appUrl: shared.apps[variant] ?? '' };
    const authorized: AuthorizedRequest[] = [];
    const pending: Promise<void>[] = [];
    const record = (request: Request): void => {
      pending.push(
        request.allHeaders().then((headers) => {
          const value = headers['authorization'];
          if (value) authorized.push({ url: request.url(), scheme: value.split(' ')[0] ?? '' });
        }),
      );
    };
    page.context().on('request', record);

    await page.goto(`${stack.appUrl}/patients`);
    await signInWithRedirect(page, stack, 'clinician@example.com');
    await expect(
      page.getByRole('table', { name: 'Patients' }).getByRole('row').nth(1),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByRole('table', { name: 'Patients' }).getByRole('link').first().click();
    // The chart's searches, then the observations page's.
    await expect(page.getByRole('region', { name: 'Problems' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Loading / })).toHaveCount(0);
    await page.getByRole('link', { name: /All observations, newest first/ }).click();
    await expect(
      page
        .getByRole('table', { name: /Observations/ })
        .getByRole('row')
        .nth(1),
    ).toBeVisible();
    await signOut(page, stack);
    await Promise.all(pending);

    const withToken = authorized.filter((request) => /^(bearer|dpop)$/i.test(request.scheme));
    expect(withToken.length).toBeGreaterThan(2);
    expect(new Set(withToken.map((request) => request.scheme))).toEqual(new Set([scheme]));
    for (const { url } of withToken) {
      expect(url === stack.fhirBase || url.startsWith(`${stack.fhirBase}/`), url).toBe(true);
    }
    // okta-auth-js identifies the public client to /v1/revoke with Basic base64(client id): no secret, no token.
    for (const { url } of authorized.filter((request) => /^basic$/i.test(request.scheme))) {
      expect(url.startsWith(`${stack.issuer}/v1/`), url).toBe(true);
    }
  });
}
