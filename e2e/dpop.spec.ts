import type { Request } from '@playwright/test';
import { expect, signInWithRedirect, test } from './fixtures.ts';

interface FhirCall {
  url: string;
  authorization: string;
  proof: string | undefined;
}

test('with DPoP on, every FHIR call carries a DPoP-bound token and a fresh proof; a copied token is useless', async ({
  page,
  stack,
}) => {
  const app = stack.appUrl;
  const calls: FhirCall[] = [];
  const pending: Promise<void>[] = [];
  page.context().on('request', (request: Request) => {
    if (!request.url().startsWith(`${stack.fhirBase}/`) || request.method() === 'OPTIONS') return;
    // The capability statement and SMART configuration are public, read at start-up before sign-in.
    const discovery = [
      `${stack.fhirBase}/metadata`,
      `${stack.fhirBase}/.well-known/smart-configuration`,
    ];
    if (discovery.includes(request.url())) return;
    pending.push(
      request.allHeaders().then((headers) => {
        calls.push({
          url: request.url(),
          authorization: headers['authorization'] ?? '',
          proof: headers['dpop'],
        });
      }),
    );
  });

  await page.goto(`${app}/patients`);
  await signInWithRedirect(page, { ...stack, appUrl: app }, 'clinician@example.com');
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  await page.getByRole('table', { name: 'Patients' }).getByRole('link').first().click();
  await page.getByRole('link', { name: /All observations, newest first/ }).click();
  await expect(
    page
      .getByRole('table', { name: /Observations/ })
      .getByRole('row')
      .nth(1),
  ).toBeVisible();
  await Promise.all(pending);

  expect(calls.length).toBeGreaterThan(2);
  for (const call of calls) {
    expect(call.authorization, call.url).toMatch(/^DPoP ey/);
    expect(call.proof, call.url).toMatch(/^ey/);
  }
  const proofs = calls.map((call) => call.proof);
  expect(new Set(proofs).size).toBe(proofs.length);

  // An attacker who copies the token and a proof out of the browser still cannot use them.
  const stolen = calls[0] as FhirCall;
  const token = stolen.authorization.slice('DPoP '.length);
  const asBearer = await fetch(stolen.url, { headers: { Authorization: `Bearer ${token}` } });
  expect(asBearer.status).toBe(401);
  const withoutProof = await fetch(stolen.url, { headers: { Authorization: `DPoP ${token}` } });
  expect(withoutProof.status).toBe(401);
  const replayedProof = await fetch(stolen.url, {
    headers: { Authorization: `DPoP ${token}`, DPoP: stolen.proof ?? '' },
  });
  expect(replayedProof.status).toBe(401);
  const proofForAnotherUrl = await fetch(`${stack.fhirBase}/Patient/pat-0001`, {
    headers: { Authorization: `DPoP ${token}`, DPoP: (calls.at(-1) as FhirCall).proof ?? '' },
  });
  expect(proofForAnotherUrl.status).toBe(401);
});
