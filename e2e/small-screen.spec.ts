// A phone 375 px wide: every page fits the width (wide tables scroll inside their own box, never the page), the
// controls a clinician needs stay on screen, and axe finds nothing serious in the phone layout.
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { expect, signInWithRedirect, test } from './fixtures.ts';

test.use({ viewport: { width: 375, height: 812 } });

/** How far the page itself scrolls sideways, in CSS pixels: 0 when it fits the phone. */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** How far the widest table scrolls sideways inside its own box: 0 when every column fits the phone. */
function tableOverflow(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(
      0,
      ...[...document.querySelectorAll('.table-scroll')].map(
        (box) => box.scrollWidth - box.clientWidth,
      ),
    ),
  );
}

/** The element is visible and lies entirely within the 375 px width. */
async function expectWithinWidth(locator: Locator, name: string): Promise<void> {
  await expect(locator, name).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, name).not.toBeNull();
  expect(box?.x ?? -1, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0), `${name} ends on screen`).toBeLessThanOrEqual(375);
}

test('at 375 px the sign-in (hosted and widget), patients, observations and token pages fit the width, controls on screen, no serious axe findings', async ({
  page,
  stack,
}) => {
  await page.goto(`${stack.appUrl}/login`);
  await expectWithinWidth(page.getByRole('button', { name: 'Sign in with Okta' }), 'Sign in');
  expect(await horizontalOverflow(page), 'sign-in page overflow').toBe(0);

  await page.goto(`${stack.apps['widget'] ?? ''}/login`);
  await expectWithinWidth(
    page.locator('#okta-sign-in input[name="identifier"]'),
    'the widget username',
  );
  expect(await horizontalOverflow(page), 'widget sign-in page overflow').toBe(0);

  await page.goto(`${stack.appUrl}/patients`);
  await signInWithRedirect(page, stack, 'clinician@example.com');
  await expect(page.getByTestId('patient-total')).toHaveText('120 patients');
  await expectWithinWidth(page.getByRole('button', { name: 'Sign out' }), 'Sign out');
  await expectWithinWidth(page.getByLabel('Name', { exact: true }), 'the name search');
  await expectWithinWidth(page.getByRole('button', { name: 'Next page' }), 'Next page');
  const firstPatient = page.getByRole('table', { name: 'Patients' }).getByRole('link').first();
  await expectWithinWidth(firstPatient, 'the first patient');
  expect(await horizontalOverflow(page), 'patients page overflow').toBe(0);
  expect(await tableOverflow(page), 'the patient table scrolls sideways').toBe(0);
  await expectNoSeriousViolations(page, 'the patients page at 375 px');

  await firstPatient.click();
  await page.getByRole('link', { name: /All observations, newest first/ }).click();
  await expect(page.getByTestId('observation-total')).toHaveText(/^\d+ observations$/);
  const banner = page.getByRole('region', { name: 'Patient' });
  await expectWithinWidth(banner.getByRole('heading', { level: 1 }), 'the patient name');
  await expectWithinWidth(page.getByRole('link', { name: '← Back to patients' }), 'Back');
  await expectWithinWidth(page.getByRole('region', { name: 'Latest vitals' }), 'the latest vitals');
  // The reference range moves under the value, so every column fits without scrolling sideways.
  const observations = page.getByRole('table', { name: 'Observations' });
  const heartRate = observations.getByRole('row').filter({ hasText: 'Heart rate' }).first();
  await expectWithinWidth(heartRate.getByText(/^Reference 60–100 \/min$/), 'a reference range');
  await expect(observations.getByRole('columnheader', { name: 'Reference range' })).toBeHidden();
  await expectWithinWidth(
    observations.getByRole('button', { name: /^Show trend for Heart rate/ }).first(),
    'a Trend button',
  );
  await observations
    .getByRole('button', { name: /^Show trend for Blood pressure/ })
    .first()
    .click();
  await expectWithinWidth(
    page.getByRole('region', { name: /^Trend: Blood pressure/ }).getByRole('img'),
    'the trend chart',
  );
  expect(await horizontalOverflow(page), 'observations page overflow').toBe(0);
  expect(await tableOverflow(page), 'the observation table scrolls sideways').toBe(0);
  await expectNoSeriousViolations(page, 'the observations page at 375 px');

  await page.goto(`${stack.appUrl}/token`);
  await expect(page.getByRole('heading', { name: 'Token inspector', level: 1 })).toBeVisible();
  expect(await horizontalOverflow(page), 'token page overflow').toBe(0);
});

test('at 375 px the flowsheet scrolls its dates inside its own box, row names stay in view, no serious axe findings', async ({
  page,
  stack,
}) => {
  await page.goto(`${stack.appUrl}/observations/pat-0003?view=flowsheet`);
  await signInWithRedirect(page, stack, 'clinician@example.com');
  const flowsheet = page.getByRole('table', { name: /^Flowsheet/ });
  const bloodPressure = flowsheet.getByRole('rowheader', { name: /^Blood pressure/ });
  await expect(bloodPressure).toBeVisible();
  await expectWithinWidth(page.getByRole('button', { name: 'Older' }), 'Older');
  expect(await horizontalOverflow(page), 'flowsheet page overflow').toBe(0);
  expect(await tableOverflow(page), 'the flowsheet scrolls sideways').toBeGreaterThan(0);

  // Scrolled to the oldest date, the row names are still on screen beside it.
  await bloodPressure.scrollIntoViewIfNeeded();
  await page
    .locator('.flowsheet-scroll')
    .evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
  const bloodPressureRow = flowsheet
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /^Blood pressure/ }) });
  await expect(bloodPressureRow.getByRole('cell').last()).toBeInViewport();
  await expectWithinWidth(bloodPressure, 'the blood pressure row name');
  await expectNoSeriousViolations(page, 'the flowsheet at 375 px');
});
