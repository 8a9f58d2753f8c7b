// Shared workstations: idle sign-out with a warning, every tab of the app in step (one sign-in, one
// sign-out), renewal in several tabs without refresh-token reuse, and no patient data after sign-out.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, signInWithRedirect, submitHostedSignIn, test } from './fixtures.ts';
import { startStack, type RunningStack } from './stack.ts';
import { expectNoSeriousViolations } from './axe.ts';

// okta-auth-js renews 30 s before expiry: a 40 s token is renewed about every 10 s.
const TOKEN_SECONDS = 40;
// A 24 s idle limit with a 16 s warning, so a journey waits seconds, not minutes, and axe has time.
const IDLE = { idleMinutes: 0.4, warningSeconds: 16 };
let stack: RunningStack;

test.beforeAll(async () => {
  stack = await startStack({
    accessTokenTtlSeconds: TOKEN_SECONDS,
    variants: { idle: { session: IDLE }, tabs: {} },
  });
});
test.afterAll(() => stack.close());

const appOf = (variant: 'idle' | 'tabs') => stack.apps[variant] ?? '';

/** Signs in with the password in the first tab, on the patient list. */
async function signIn(page: Page, variant: 'idle' | 'tabs'): Promise<void> {
  const app = appOf(variant);
  await page.goto(`${app}/patients`);
  await signInWithRedirect(page, { ...stack, appUrl: app }, 'clinician@example.com');
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
}

/** Another tab of the same browser, opened on a link: it must not ask for the password. */
async function openTab(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function firstPatientName(page: Page): Promise<string> {
  const row = page.getByRole('table', { name: 'Patients' }).getByRole('row').nth(1);
  const name = (await row.getByRole('link').first().textContent())?.trim() ?? '';
  expect(name).not.toBe('');
  return name;
}

/** No patient data in the page: no table, and not the name the tab showed before. */
async function expectNoPatientData(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('table')).toHaveCount(0);
  expect(await page.locator('body').innerText()).not.toContain(name);
  await expect(page).not.toHaveTitle(new RegExp(name));
}

const warning = (page: Page) => page.getByRole('dialog', { name: 'Are you still there?' });

test('the idle warning counts down, and "Stay signed in" keeps the session in every tab', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await signIn(page, 'idle');
  const other = await openTab(context, `${appOf('idle')}/patients?page=2`);
  await expect(other.getByText('Page 2', { exact: true })).toBeVisible();

  await expect(warning(page)).toBeVisible({ timeout: 15_000 });
  await expect(warning(page)).toContainText(/signs out in \d+ seconds/);
  await expect(warning(page).getByRole('button', { name: 'Stay signed in' })).toBeFocused();
  await expectNoSeriousViolations(page, 'the idle warning');
  await warning(page).getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning(page)).toBeHidden();
  // The other tab heard of the activity: its warning, if it had opened, closes too.
  await expect(warning(other)).toBeHidden();
  await expect(page.getByText(/^120 patients$/)).toBeVisible();
  await expect(other.getByText('Page 2', { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/patients/);
});

test('doing nothing signs out every tab, clears their patient data, says why, and signs in again to the same page', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'idle');
  const name = await firstPatientName(page);
  const chart = `${appOf('idle')}/observations/pat-0001`;
  // The page's search (here a code) is not kept past the sign-out: signing in again returns to the page.
  const other = await openTab(context, `${chart}?code=8867-4`);
  await expect(other.getByRole('heading', { level: 1 })).toBeVisible();

  const notice = /You were signed out after 24 seconds without activity/;
  for (const tab of [page, other]) {
    await expect(tab.getByTestId('session-end')).toHaveText(notice, { timeout: 40_000 });
    await expect(tab).toHaveURL(`${appOf('idle')}/login`);
    await expectNoPatientData(tab, name);
  }
  expect(await other.evaluate(() => sessionStorage.getItem('okta-token-storage') ?? '{}')).toBe(
    '{}',
  );

  // The Okta session ended too: the password is asked for, and the tab goes back where it was.
  await other.getByRole('button', { name: 'Sign in with Okta' }).click();
  await other.waitForURL((url) => url.href.startsWith(new URL(stack.issuer).origin));
  await submitHostedSignIn(other, 'clinician@example.com', 'fhirokta-demo');
  await expect(other).toHaveURL(chart);
});

test('a patient opened in a new tab loads without the password, and signing out in one tab signs out the other within a second', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await signIn(page, 'tabs');
  const name = await firstPatientName(page);
  const other = await openTab(context, `${appOf('tabs')}/patients?page=1`);
  await expect(other.getByText(/^120 patients$/)).toBeVisible();
  await expect(other.getByRole('button', { name: 'Sign in with Okta' })).toHaveCount(0);

  // No request, reload or click in the other tab: the message between the tabs ends it.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(other.getByTestId('session-end')).toHaveText(/You signed out in another tab/);
  await expectNoPatientData(other, name);

  // Back after sign-out, in the tab that signed out: no patient data, from the network or the cache.
  await page.waitForURL(`${appOf('tabs')}/login`);
  await page.goBack();
  await page.waitForLoadState('load');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectNoPatientData(page, name);
});

/** Everything this tab keeps in sessionStorage, as text. */
const storedText = (tab: Page) => tab.evaluate(() => JSON.stringify({ ...sessionStorage }));

test('no search terms outlive a sign-out, in the tab that signed out or another: signing in again returns to the page, not the search', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await signIn(page, 'tabs');
  // pat-0001, Mohammed Ibrahim Taylor, born 1940-01-10: a name and a birth date in the address.
  const search = `${appOf('tabs')}/patients?name=Taylor&birthdate=1940-01-10`;
  await page.goto(search);
  const found = (tab: Page) =>
    tab
      .getByRole('table', { name: 'Patients' })
      .getByRole('link', { name: /Taylor/ })
      .first();
  await expect(found(page)).toBeVisible();
  const other = await openTab(context, search);
  await expect(found(other)).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(other.getByTestId('session-end')).toHaveText(/You signed out in another tab/);
  await page.waitForURL(`${appOf('tabs')}/login`);
  for (const tab of [page, other]) {
    const stored = await storedText(tab);
    expect(stored).not.toContain('Taylor');
    expect(stored).not.toContain('1940');
  }

  await other.getByRole('button', { name: 'Sign in with Okta' }).click();
  await other.waitForURL((url) => url.href.startsWith(new URL(stack.issuer).origin));
  await submitHostedSignIn(other, 'clinician@example.com', 'fhirokta-demo');
  await expect(other).toHaveURL(`${appOf('tabs')}/patients`);
  await expect(other.getByText(/^120 patients$/)).toBeVisible();
});

test('three tabs renewing for a minute never reuse a refresh token, and every tab keeps working', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  await signIn(page, 'tabs');
  const tabs = [
    page,
    await openTab(context, `${appOf('tabs')}/patients`),
    await openTab(context, `${appOf('tabs')}/patients`),
  ];
  for (const tab of tabs) await expect(tab.getByText(/^120 patients$/)).toBeVisible();
  const renewals = { count: 0 };
  for (const tab of tabs)
    tab.on('response', (response) => {
      if (response.url() === `${stack.issuer}/v1/token` && response.status() === 200)
        renewals.count += 1;
    });

  // Several renewals in every tab (one every 10 s or so), at the same moments where they coincide.
  await page.waitForTimeout(45_000);
  expect(renewals.count).toBeGreaterThanOrEqual(6);
  for (const tab of tabs) {
    await tab.getByRole('button', { name: 'Next page' }).click();
    await expect(tab.getByText('Page 2', { exact: true })).toBeVisible();
    await expect(tab.getByRole('alert')).toHaveCount(0);
  }
  expect(stack.output('auth')).not.toContain('refresh token reuse');
});
