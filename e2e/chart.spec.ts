// The patient chart on the real stack: the seeded story for each demo user, what each may see, the encounter
// record, the way to the observations, and axe on the chart in both themes and at 375 px.
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { expect, signInWithRedirect, test, type E2eStack } from './fixtures.ts';

async function openSignedIn(page: Page, stack: E2eStack, path: string, login: string) {
  await page.goto(`${stack.appUrl}${path}`);
  await signInWithRedirect(page, stack, login);
}

const section = (page: Page, heading: string) => page.getByRole('region', { name: heading });
/** Placeholder text that means a formatter gave up: never on a chart. */
const PLACEHOLDERS = /\b(undefined|null|NaN|Invalid Date)\b|\[object Object\]/;

/** Every section has finished loading: no progress bar or "Loading" note anywhere on the chart. */
async function expectChartLoaded(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Patient');
  await expect(page.getByRole('status').filter({ hasText: /^Loading / })).toHaveCount(0);
  await expect(page.getByTestId('allergy-line')).not.toContainText('loading');
}

test('the clinician opens a chart from the patient list: allergies in the banner, every section, an encounter record', async ({
  page,
  stack,
}) => {
  await openSignedIn(page, stack, '/patients?name=Taylor', 'clinician@example.com');
  await page
    .getByRole('table', { name: 'Patients' })
    .getByRole('link', { name: 'Mohammed Ibrahim Taylor' })
    .click();
  await expect(page).toHaveURL(`${stack.appUrl}/patients/pat-0001`);
  await expectChartLoaded(page);

  const banner = page.getByRole('region', { name: 'Patient' });
  await expect(banner.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');
  await expect(banner.getByTestId('allergy-line')).toContainText('Allergies:');
  await expect(banner.getByTestId('allergy-line')).toContainText('High criticality');

  for (const heading of [
    'Problems',
    'Medications',
    'Allergies and intolerances',
    'Recent encounters',
    'Latest vitals',
    'Recent results',
    'Immunizations',
    'Procedures',
    'Care plans',
    'Goals',
    'Family history',
    'Notes',
  ]) {
    await expect(section(page, heading), heading).toBeVisible();
  }
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText(PLACEHOLDERS);

  // Problems: active only by default, statuses in words; All shows the resolved ones too.
  const problems = section(page, 'Problems');
  await expect(problems).toContainText(/hypertens/i);
  await expect(problems.locator('.row-status').first()).toHaveText('Active');
  const activeCount = await problems.locator('.chart-row').count();
  await problems
    .getByRole('radio', { name: 'All' })
    .or(problems.getByRole('button', { name: 'All' }))
    .click();
  await expect
    .poll(() => problems.locator('.chart-row').count())
    .toBeGreaterThanOrEqual(activeCount);

  // Medications say how to take them, and what the patient takes besides is marked as theirs to say;
  // results carry their values.
  await expect(
    section(page, 'Medications').locator('dt', { hasText: 'Dosage' }).first(),
  ).toBeVisible();
  await expect(section(page, 'Reported as taken').locator('.chart-row').first()).toContainText(
    'Reported by the patient',
  );
  // Family history: who, what they had and from what age.
  const family = section(page, 'Family history');
  await expect(family.locator('.chart-row')).toHaveCount(3);
  await expect(family.locator('.chart-row').first()).toContainText(/onset at age \d+/);
  await expect(
    section(page, 'Recent results').getByRole('table').first().getByRole('row').nth(1),
  ).toBeVisible();

  // An encounter's record is asked for only when opened.
  const encounters = section(page, 'Recent encounters');
  const checkUp = encounters
    .locator('.chart-row')
    .filter({ hasText: /check up/i })
    .first();
  await checkUp.getByRole('button', { name: 'What was recorded' }).click();
  const record = checkUp.getByRole('region', { name: 'Observations' });
  await expect(record.locator('.chart-row').first()).toBeVisible();
  await expect(encounters.getByRole('status').filter({ hasText: /^Loading / })).toHaveCount(0);

  await page.getByRole('link', { name: /Vitals and labs flowsheet/ }).click();
  await expect(page).toHaveURL(`${stack.appUrl}/observations/pat-0001?view=flowsheet`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');
  await expect(page.getByRole('table', { name: /flowsheet/i })).toBeVisible();
});

test('allergies say what is known: a recorded "no known allergies" and nothing recorded are told apart', async ({
  page,
  stack,
}) => {
  await openSignedIn(page, stack, '/patients/pat-0002', 'clinician@example.com');
  await expectChartLoaded(page);
  await expect(page.getByTestId('allergy-line')).toHaveText('No known allergies');

  await page.goto(`${stack.appUrl}/patients/pat-0003`);
  await expectChartLoaded(page);
  await expect(page.getByTestId('allergy-line')).toHaveText('No allergies recorded');
  await expect(section(page, 'Allergies and intolerances')).toContainText(
    'No allergies recorded. This is not the same as no known allergies',
  );
});

test('front desk sees the banner and one note on what is outside their access, with no errors and no refused requests', async ({
  page,
  stack,
}) => {
  const refused: string[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(stack.fhirBase) && response.status() === 403)
      refused.push(response.url());
  });
  await openSignedIn(page, stack, '/patients/pat-0001', 'frontdesk@example.com');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');
  await expect(page.getByTestId('outside-access')).toContainText(
    'Outside your access: problems, medications, reported medications, allergies',
  );
  await expect(page.getByTestId('allergy-line')).toHaveText('Allergies: outside your access');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('app-chart-section')).toHaveCount(0);
  expect(refused).toEqual([]);
});

test('the patient lands on their own chart and cannot open another patient’s', async ({
  page,
  stack,
}) => {
  await openSignedIn(page, stack, '/patients', 'patient@example.com');
  await expect(page).toHaveURL(`${stack.appUrl}/patients/pat-0001`);
  await expectChartLoaded(page);
  await expect(section(page, 'Problems')).toContainText(/hypertens/i);
  await expect(page.getByRole('link', { name: '← Back to patients' })).toHaveCount(0);
  await page.goto(`${stack.appUrl}/patients/pat-0002`);
  await expect(page).toHaveURL(`${stack.appUrl}/patients/pat-0001`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mohammed Ibrahim Taylor');
});

test('the chart has no serious or critical accessibility violations, light and dark, wide and at 375 px', async ({
  page,
  stack,
}) => {
  await openSignedIn(page, stack, '/patients/pat-0001', 'clinician@example.com');
  await expectChartLoaded(page);
  await section(page, 'Recent encounters')
    .getByRole('button', { name: 'What was recorded' })
    .first()
    .click();
  await expect(page.getByRole('status').filter({ hasText: /^Loading / })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'the chart');

  await page.setViewportSize({ width: 375, height: 812 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'the chart scrolls sideways at 375 px').toBe(0);
  await expectNoSeriousViolations(page, 'the chart at 375 px');
});
