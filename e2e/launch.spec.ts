// SMART App Launch from the app's side, in Chromium against the local stack: the EHR simulator opens fhirokta in
// a patient's context (and an encounter's), the app signs in at the EHR and lands on the chart; "Sign in with
// Local EHR" goes through the picker and consent; an iss that is not configured is refused before anything is
// sent to it; a launch used twice ends in words.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { expect, signInWithRedirect, submitHostedSignIn, test, type E2eStack } from './fixtures.ts';
import { DEMO_PASSWORD } from './stack.ts';

const simulator = (stack: E2eStack) => `${new URL(stack.issuer).origin}/ehr`;

interface LaunchOptions {
  encounter?: boolean;
  banner?: boolean;
  style?: boolean;
  /** The launch context only in the access token's claims, as Okta without a token proxy. */
  accessTokenOnly?: boolean;
}

/** The simulator's launch form for a patient, signed in as `login` if it asks. */
async function openSimulator(page: Page, stack: E2eStack, patient: string, login: string) {
  await page.goto(`${simulator(stack)}?patient=${patient}`);
  const signIn = page.getByRole('heading', { name: 'Sign in to the EHR simulator' });
  const form = page.getByRole('button', { name: 'Launch fhirokta' });
  await expect(signIn.or(form)).toBeVisible();
  if (await signIn.isVisible()) {
    await submitHostedSignIn(page, login, DEMO_PASSWORD);
    await page.goto(`${simulator(stack)}?patient=${patient}`);
  }
  await expect(form).toBeVisible();
}

/** Sets the launch options and presses "Launch fhirokta"; returns the encounter chosen, if any. */
async function launch(page: Page, options: LaunchOptions = {}): Promise<string | undefined> {
  let encounter: string | undefined;
  if (options.encounter) {
    const radio = page
      .getByRole('group', { name: 'Encounter in context (optional)' })
      .getByRole('radio')
      .nth(1);
    await radio.check();
    encounter = (await radio.getAttribute('value')) ?? undefined;
  }
  const banner = page.getByLabel(/fhirokta shows its own patient banner/);
  if (options.banner === false) await banner.uncheck();
  if (options.style) await page.getByLabel(/Offer the EHR’s colours and fonts/).check();
  if (options.accessTokenOnly) await page.getByLabel(/Okta without token proxy/).check();
  await page.getByRole('button', { name: 'Launch fhirokta' }).click();
  return encounter;
}

/** Allows the launch on the consent page when it is asked (once per browser session and scopes). */
async function allowIfAsked(page: Page): Promise<void> {
  const consent = page.getByRole('heading', { name: 'Allow fhirokta to open this record?' });
  const chart = page.getByRole('region', { name: 'Problems' }).first();
  await expect(consent.or(chart)).toBeVisible();
  if (!(await consent.isVisible())) return;
  await expect(page.getByLabel(/password/i)).toHaveCount(0);
  await page.getByRole('button', { name: 'Allow', exact: true }).click();
}

async function expectChart(page: Page, stack: E2eStack, patient: string): Promise<void> {
  await expect(page).toHaveURL(`${stack.appUrl}/patients/${patient}`);
  await expect(page.getByRole('region', { name: 'Problems' }).first()).toBeVisible();
}

test('an EHR launch opens each demo patient’s chart, without a password while the Okta session lives', async ({
  page,
  stack,
}) => {
  await page.goto(`${stack.appUrl}/patients`);
  await signInWithRedirect(page, stack, 'clinician@example.com');
  await expect(page.getByRole('table', { name: 'Patients' })).toBeVisible();
  const authorized: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['authorization']) authorized.push(request.url());
  });

  for (const patient of ['pat-0001', 'pat-0002', 'pat-0003']) {
    await openSimulator(page, stack, patient, 'clinician@example.com');
    await launch(page);
    await allowIfAsked(page);
    await expectChart(page, stack, patient);
    // The app's own banner, as the EHR asked for one.
    await expect(page.getByRole('region', { name: 'Patient' })).toContainText('MRN');
  }
  await page.getByRole('link', { name: 'Token inspector' }).click();
  await expect(page.getByTestId('ehr-session')).toContainText('Local EHR');
  await expect(page.getByTestId('launch-context')).toContainText('pat-0003');
  // The EHR's token went to the EHR's FHIR base and nowhere else.
  expect(authorized.length).toBeGreaterThan(0);
  for (const url of authorized) expect(url.startsWith(`${stack.fhirBase}/`)).toBe(true);
});

test('without a session the EHR launch asks for the password, then opens the chart', async ({
  page,
  browser,
  stack,
}) => {
  await openSimulator(page, stack, 'pat-0002', 'clinician@example.com');
  // The launch URL the EHR opened; the launch is used only once consent is given, which it is not here.
  let launchUrl = '';
  page.on('request', (request) => {
    if (request.url().startsWith(`${stack.appUrl}/launch?`)) launchUrl = request.url();
  });
  await launch(page);
  await expect(
    page.getByRole('heading', { name: 'Allow fhirokta to open this record?' }),
  ).toBeVisible();

  // Opened in another browser, which has no sign-in session.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  try {
    await fresh.goto(launchUrl);
    await fresh.waitForURL((url) => url.href.startsWith(new URL(stack.issuer).origin));
    await submitHostedSignIn(fresh, 'clinician@example.com', DEMO_PASSWORD);
    await allowIfAsked(fresh);
    await expectChart(fresh, stack, 'pat-0002');
  } finally {
    await other.close();
  }
});

test('the EHR’s banner replaces the app’s, its encounter opens, its style applies, and the context may come in the token only', async ({
  page,
  stack,
}) => {
  await openSimulator(page, stack, 'pat-0001', 'clinician@example.com');
  const encounter = await launch(page, {
    encounter: true,
    banner: false,
    style: true,
    accessTokenOnly: true,
  });
  await allowIfAsked(page);
  await expectChart(page, stack, 'pat-0001');

  // No banner of the app's own: no name, birth date or MRN; the allergies stay.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Patient chart');
  await expect(page.getByRole('region', { name: 'Patient' })).toHaveCount(0);
  for (const term of ['MRN', 'Born']) {
    await expect(page.getByText(term, { exact: true })).toHaveCount(0);
  }
  await expect(page.getByTestId('allergy-line')).toBeVisible();

  // The encounter the EHR had open, with its record open.
  const opened = page.getByRole('region', { name: 'Encounter open in Local EHR' });
  await expect(opened).toBeVisible();
  await expect(opened.getByRole('region', { name: 'Observations' })).toBeVisible();

  // The EHR's colours, checked and applied.
  await expect
    .poll(() =>
      page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--mat-sys-surface').trim(),
      ),
    )
    .toBe('#f2f5f7');

  await page.getByRole('link', { name: 'Token inspector' }).click();
  const context = page.getByTestId('launch-context');
  await expect(context).toContainText('pat-0001 (from the access token’s claim)');
  await expect(context).toContainText(encounter ?? 'missing');
  await expect(context).toContainText('shown by the EHR');
});

test('"Sign in with Local EHR" goes through the picker and consent to the chosen patient’s chart', async ({
  page,
  stack,
}) => {
  await page.goto(`${stack.appUrl}/login`);
  await page.getByRole('button', { name: 'Sign in with Local EHR' }).click();
  await page.waitForURL((url) => url.href.startsWith(new URL(stack.issuer).origin));
  await submitHostedSignIn(page, 'clinician@example.com', DEMO_PASSWORD);

  await expect(page.getByRole('heading', { level: 1, name: 'Choose a patient' })).toBeVisible();
  await page.getByLabel('Patient name').fill('Taylor');
  await page.getByRole('button', { name: 'Search' }).click();
  const chosen = page.getByRole('list', { name: 'Patients' }).getByRole('button').first();
  const name = ((await chosen.locator('strong').textContent()) ?? '').trim();
  const patient = (await chosen.getAttribute('value')) ?? '';
  await chosen.click();
  await expect(page.getByText(`Patient: ${name}`)).toBeVisible();
  await page.getByRole('button', { name: 'Allow', exact: true }).click();

  await expectChart(page, stack, patient);
  await expect(page.getByRole('region', { name: 'Patient' })).toContainText('MRN');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${stack.appUrl}/login`);
  await expect(page.getByRole('button', { name: 'Sign in with Local EHR' })).toBeVisible();
});

test('a launch used twice is refused in words, and nothing tries again', async ({
  page,
  stack,
}) => {
  await openSimulator(page, stack, 'pat-0003', 'clinician@example.com');
  const launchUrls: string[] = [];
  const authorizes: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${stack.appUrl}/launch?`)) launchUrls.push(request.url());
    // The authorization request itself, not oidc-provider's resumption of it after consent.
    if (request.url().split('?')[0] === `${stack.issuer}/v1/authorize`)
      authorizes.push(request.url());
  });
  await launch(page);
  await allowIfAsked(page);
  await expectChart(page, stack, 'pat-0003');

  await page.goto(launchUrls[0] ?? '');
  await expect(page).toHaveURL(`${stack.appUrl}/launch/error`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Local EHR refused the sign-in');
  await expect(page.getByTestId('launch-problem-detail')).toContainText(
    'This launch has expired or was already used.',
  );
  expect(authorizes).toHaveLength(2);
  await expectNoSeriousViolations(page, 'the launch-error page');
});

test('an iss that is not a configured EHR is refused by name, and receives nothing', async ({
  page,
  stack,
}) => {
  const received: string[] = [];
  const listener = createServer((request: IncomingMessage, response) => {
    received.push(`${request.method} ${request.url}`);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => listener.listen(0, 'localhost', resolve));
  const port = (listener.address() as AddressInfo).port;
  const fhirPort = new URL(stack.fhirBase).port;
  try {
    for (const iss of [
      `http://localhost:${port}/fhir`,
      // The configured base as user info, the listener as the host.
      `http://localhost:${fhirPort}@localhost:${port}/fhir`,
      `${stack.fhirBase}/../../localhost:${port}/fhir`,
    ]) {
      await page.goto(`${stack.appUrl}/launch?${new URLSearchParams({ iss, launch: 'x' })}`);
      await expect(page).toHaveURL(`${stack.appUrl}/launch/error`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'fhirokta does not know this EHR',
      );
      await expect(page.getByTestId('launch-problem-detail')).toContainText(
        `This app was opened from ${iss}, which is not an EHR it is set up to trust`,
      );
    }
    await expectNoSeriousViolations(page, 'the launch-error page');
    expect(received).toEqual([]);
  } finally {
    await new Promise((resolve) => listener.close(resolve));
  }
});
