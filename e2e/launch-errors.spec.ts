// Launches with an EHR that is not ours (launch-ehr-double.ts), in Chromium against the production host: every
// way SMART lets a launch fail ends on a page that says so in words, with no second attempt; and the app works
// inside the EHR's page, on another site, with third-party cookies blocked.
import type { Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { expectNoSeriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import {
  DOUBLE_PATIENT,
  startEhrDouble,
  type DoubleMode,
  type EhrDouble,
} from './launch-ehr-double.ts';
import { startStack, type RunningStack } from './stack.ts';

const { chromiumPath, chromiumFlags } = createRequire(import.meta.url)(
  '../scripts/chromium.cjs',
) as {
  chromiumPath(): string;
  chromiumFlags: string[];
};

// The EHR must answer before the host starts: the host reads its discovery for the CSP.
let ehr: EhrDouble;
let stack: RunningStack;
let app: string;
test.beforeAll(async () => {
  ehr = await startEhrDouble();
  stack = await startStack({
    variants: { ehr: { ehrs: [{ name: 'Test EHR', iss: ehr.iss, clientId: 'fhirokta' }] } },
  });
  app = stack.apps['ehr'] ?? '';
});
test.afterAll(async () => {
  await stack.close();
  await ehr.close();
});

// Chromium as most browsers will soon be: no cookies for a site inside another's page.
test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...chromiumFlags, '--test-third-party-cookie-phaseout'],
  },
});

const count = (path: string) => ehr.requests.filter((r) => r.path === path).length;

async function launchFromEhr(page: Page, mode: DoubleMode): Promise<void> {
  ehr.mode = mode;
  ehr.requests.length = 0;
  await page.goto(`${app}/launch?${new URLSearchParams({ iss: ehr.iss, launch: `l-${mode}` })}`);
}

async function expectProblem(page: Page, title: string, detail: string | RegExp): Promise<void> {
  await expect(page).toHaveURL(`${app}/launch/error`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('launch-problem-detail')).toContainText(detail);
}

for (const [mode, title, detail] of [
  ['invalid_scope', 'Test EHR refused what fhirokta asked for', 'It refused the scopes launch'],
  ['unauthorized_client', 'Test EHR does not accept fhirokta', 'client id fhirokta'],
  ['access_denied', 'Access was not granted', 'The EHR said: “The user declined.”'],
] as const) {
  test(`an EHR that answers ${mode} is explained, and not asked again`, async ({ page }) => {
    await launchFromEhr(page, mode);
    await expectProblem(page, title, detail);
    expect(count('/auth/authorize')).toBe(1);
    expect(count('/auth/token')).toBe(0);
  });
}

test('a refusal at the EHR’s token endpoint is explained, and not tried again', async ({
  page,
}) => {
  await launchFromEhr(page, 'token-error');
  await expectProblem(
    page,
    'fhirokta could not finish signing you in with Test EHR',
    'Its token service answered invalid_grant. The EHR said: “The code was already used.”',
  );
  await expectNoSeriousViolations(page, 'the launch-error page');
  expect(count('/auth/authorize')).toBe(1);
  expect(count('/auth/token')).toBe(1);
});

test('an EHR whose discovery cannot be read is explained, and nobody is sent to sign in', async ({
  page,
}) => {
  await launchFromEhr(page, 'no-discovery');
  await expectProblem(page, 'fhirokta could not reach Test EHR', 'answered HTTP 404');
  expect(count('/auth/authorize')).toBe(0);
});

test('a 401 from the EHR’s FHIR server ends the session in words, with no sign-in loop', async ({
  page,
}) => {
  await launchFromEhr(page, 'fhir-401');
  // No refresh token to renew with: the token is dropped, and the session with it.
  await expectProblem(
    page,
    'Your session has ended',
    'Your session from Test EHR has ended: open fhirokta again from the EHR.',
  );
  expect(count('/auth/authorize')).toBe(1);
  expect(count('/auth/token')).toBe(1);
  expect(ehr.requests.filter((r) => r.authorization).length).toBeGreaterThan(0);
});

test('inside the EHR’s page, on another site, without third-party cookies, the launch opens in a window of its own', async ({
  page,
}) => {
  ehr.mode = 'ok';
  ehr.requests.length = 0;
  const launchUrl = `${app}/launch?${new URLSearchParams({ iss: ehr.iss, launch: 'l-framed' })}`;
  await page.goto(ehr.framePage(launchUrl));
  const frame = page.frameLocator('iframe[title="fhirokta"]');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
    'Open fhirokta in its own window',
  );
  // The frame really is a third party that may keep nothing: no cookie sticks.
  const inner = page.frames().find((f) => f.url().startsWith(app));
  expect(await inner?.evaluate(() => ((document.cookie = 'probe=1'), document.cookie))).toBe('');
  // Nothing was sent to the EHR's sign-in from the frame.
  expect(count('/auth/authorize')).toBe(0);

  const [opened] = await Promise.all([
    page.context().waitForEvent('page'),
    frame.getByRole('button', { name: 'Open fhirokta' }).click(),
  ]);
  await expect(frame.getByRole('status')).toHaveText('fhirokta is open in its own window.');
  await expect(opened).toHaveURL(`${app}/patients/${DOUBLE_PATIENT.id}`);
  await expect(opened.getByRole('region', { name: 'Patient' })).toContainText(DOUBLE_PATIENT.name);
  await expect(opened.getByRole('region', { name: 'Problems' })).toContainText('No problems');

  // The EHR's token went to its FHIR server only, and nothing else of the EHR's got one.
  const withToken = ehr.requests.filter((r) => r.authorization);
  expect(withToken.length).toBeGreaterThan(0);
  for (const request of withToken) {
    expect(request.path.startsWith('/fhir/')).toBe(true);
    expect(request.authorization).toBe('Bearer opaque-code-1');
  }
});

test('a standalone sign-in with the EHR opens the patient it chose', async ({ page }) => {
  ehr.mode = 'ok';
  ehr.requests.length = 0;
  await page.goto(`${app}/login`);
  await page.getByRole('button', { name: 'Sign in with Test EHR' }).click();
  await expect(page).toHaveURL(`${app}/patients/${DOUBLE_PATIENT.id}`);
  await expect(page.getByRole('region', { name: 'Patient' })).toContainText(DOUBLE_PATIENT.name);
  expect(count('/auth/authorize')).toBe(1);
});
