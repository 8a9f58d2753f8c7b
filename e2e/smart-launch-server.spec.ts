// The local stack as an EHR, seen from a real browser: the EHR simulator, the patient picker and the consent page
// pass axe, and both launches run through them to a code at the app's redirect URI. The app itself is not needed
// here: the browser is stopped at the app's /launch and /login/callback, and the code is exchanged by the test.
import { createHash, randomBytes } from 'node:crypto';
import type { Page, Route } from '@playwright/test';
import { decodeJwt } from 'jose';
import { expectNoSeriousViolations } from './axe.ts';
import { expect, submitHostedSignIn, test, type E2eStack } from './fixtures.ts';
import { CLIENT_ID, DEMO_PASSWORD } from './stack.ts';

const simulatorOf = (stack: E2eStack) => `${new URL(stack.issuer).origin}/ehr`;

const STOPPED =
  '<!doctype html><html lang="en"><title>Stopped</title><p>Stopped before the app.</p></html>';

/**
 * Does `action` (a click or a goto) and stops the browser where the authorization server sends it to the app,
 * returning that app URL: the app's own handling of /launch and /login/callback is another suite's. Playwright
 * cannot intercept a redirect, so the request `action` starts is intercepted and the server's real redirects
 * followed here, with the browser's cookies, until one leads to the app.
 */
async function stopBeforeApp(
  page: Page,
  stack: E2eStack,
  first: (url: URL) => boolean,
  action: () => Promise<unknown>,
): Promise<URL> {
  let reached: URL | undefined;
  const handler = async (route: Route) => {
    let response = await route.fetch({ maxRedirects: 0 });
    for (let hop = 0; hop < 10; hop += 1) {
      const location = response.headers()['location'];
      if (!location || response.status() < 300 || response.status() >= 400) break;
      const next = new URL(location, response.url());
      if (next.href.startsWith(`${stack.appUrl}/`)) {
        reached = next;
        await route.fulfill({ contentType: 'text/html', body: STOPPED });
        return;
      }
      response = await page.context().request.get(next.href, { maxRedirects: 0 });
    }
    await route.fulfill({ response });
  };
  await page.route(first, handler);
  await action();
  await expect(page).toHaveTitle('Stopped');
  await page.unroute(first, handler);
  if (!reached) throw new Error('the browser never reached the app');
  return reached;
}

/** A SMART authorize URL as the app builds it, with its PKCE verifier. */
function authorizeUrl(stack: E2eStack, params: Record<string, string>) {
  const verifier = randomBytes(32).toString('base64url');
  const url = new URL(`${stack.issuer}/v1/authorize`);
  const all = {
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: `${stack.appUrl}/login/callback`,
    state: randomBytes(8).toString('hex'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    aud: stack.fhirBase,
    ...params,
  };
  for (const [key, value] of Object.entries(all)) url.searchParams.set(key, value);
  return { url: url.href, verifier };
}

async function exchange(stack: E2eStack, callback: URL, verifier: string) {
  const res = await fetch(`${stack.issuer}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      redirect_uri: `${stack.appUrl}/login/callback`,
      code: callback.searchParams.get('code') ?? '',
      code_verifier: verifier,
    }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown> & { access_token: string; scope: string };
}

test('the EHR simulator launches fhirokta with a patient and an encounter; its pages pass axe', async ({
  page,
  stack,
}) => {
  await page.goto(simulatorOf(stack));
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sign in to the EHR simulator' }),
  ).toBeVisible();
  await expectNoSeriousViolations(page, 'the EHR simulator sign-in');
  await submitHostedSignIn(page, 'clinician@example.com', DEMO_PASSWORD);

  await expect(page.getByText('Signed in as Casey Clinician')).toBeVisible();
  await expectNoSeriousViolations(page, 'the EHR simulator patient list');
  const first = page.getByRole('list', { name: 'Patients' }).getByRole('button').first();
  const family = ((await first.locator('strong').textContent()) ?? '').split(' ').at(-1) ?? '';
  await page.getByLabel('Patient name').fill(family);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('status')).toContainText(`whose name starts with “${family}”`);
  await page.getByRole('list', { name: 'Patients' }).getByRole('button').first().click();

  await expect(page.getByRole('button', { name: 'Launch fhirokta' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the EHR simulator launch form');
  const encounters = page
    .getByRole('group', { name: 'Encounter in context (optional)' })
    .getByRole('radio');
  await encounters.nth(1).check();
  const encounterId = await encounters.nth(1).getAttribute('value');
  await page.getByLabel(/fhirokta shows its own patient banner/).uncheck();
  const issuerOrigin = new URL(stack.issuer).origin;
  const opened = await stopBeforeApp(
    page,
    stack,
    (url) => url.href === `${issuerOrigin}/ehr/launch`,
    () => page.getByRole('button', { name: 'Launch fhirokta' }).click(),
  );
  expect(opened.pathname).toBe('/launch');
  expect(opened.searchParams.get('iss')).toBe(stack.fhirBase);
  const launch = opened.searchParams.get('launch') ?? '';

  // What the app does next: authorize with the launch; the Okta session lives, so no password.
  const { url, verifier } = authorizeUrl(stack, {
    scope: 'openid fhirUser launch user/*.rs',
    launch,
  });
  await page.goto(url);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Allow fhirokta to open this record?' }),
  ).toBeVisible();
  const callback = await stopBeforeApp(
    page,
    stack,
    (target) => target.pathname.endsWith('/consent'),
    () => page.getByRole('button', { name: 'Allow', exact: true }).click(),
  );
  expect(callback.pathname).toBe('/login/callback');
  const tokens = await exchange(stack, callback, verifier);
  expect(tokens['encounter']).toBe(encounterId);
  expect(tokens['need_patient_banner']).toBe(false);
  expect(decodeJwt(tokens.access_token)['patient']).toBe(tokens['patient']);

  // The same launch again is refused in words, back at the app.
  const replay = authorizeUrl(stack, { scope: 'openid launch user/*.rs', launch }).url;
  const refused = await stopBeforeApp(
    page,
    stack,
    (target) => target.href === replay,
    () => page.goto(replay),
  );
  expect(refused.searchParams.get('error_description')).toBe(
    'This launch has expired or was already used. Open fhirokta from the EHR again.',
  );
});

test('a standalone launch signs in, picks a patient, unticks a scope and gets a code; picker and consent pass axe', async ({
  page,
  stack,
}) => {
  const { url, verifier } = authorizeUrl(stack, {
    scope: 'openid fhirUser launch/patient offline_access user/Patient.rs user/Observation.rs',
  });
  await page.goto(url);
  await submitHostedSignIn(page, 'clinician@example.com', DEMO_PASSWORD);

  await expect(page.getByRole('heading', { level: 1, name: 'Choose a patient' })).toBeVisible();
  await expect(page.getByLabel('Patient name')).toBeFocused();
  await expectNoSeriousViolations(page, 'the patient picker');
  const patients = page.getByRole('list', { name: 'Patients' }).getByRole('button');
  const name = (await patients.first().locator('strong').textContent()) ?? '';
  await page.getByLabel('Patient name').fill(name.split(' ')[0] ?? '');
  await page.getByRole('button', { name: 'Search' }).click();
  await page
    .getByRole('list', { name: 'Patients' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .first()
    .click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Allow fhirokta to open this record?' }),
  ).toBeVisible();
  await expect(page.getByText(`Patient: ${name}`)).toBeVisible();
  await expectNoSeriousViolations(page, 'the consent page');
  await page.getByRole('checkbox', { name: /Stay connected after you close it/ }).uncheck();
  const callback = await stopBeforeApp(
    page,
    stack,
    (target) => target.pathname.endsWith('/consent'),
    () => page.getByRole('button', { name: 'Allow', exact: true }).click(),
  );

  const tokens = await exchange(stack, callback, verifier);
  expect(typeof tokens['patient']).toBe('string');
  expect(tokens['need_patient_banner']).toBe(true);
  expect(tokens['refresh_token']).toBeUndefined();
  expect(tokens.scope.split(' ')).not.toContain('offline_access');
});
