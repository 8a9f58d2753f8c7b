// The observations page's flowsheet on the deterministic seed: pat-0003 has observations on 10 days, from
// 2022-11-13 to 2026-03-13 (visits in the daytime, UTC), so a window of 8 days leaves 2 for the older one.
import type { Page } from '@playwright/test';
import { expect, signInWithRedirect, test, type E2eStack } from './fixtures.ts';

test.use({ locale: 'en-US', timezoneId: 'UTC' });

const NEWEST_WINDOW = [
  'Mar 13, 2026',
  'Dec 2, 2025',
  'May 15, 2025',
  'Jan 13, 2025',
  'Sep 23, 2024',
  'Apr 11, 2024',
  'Oct 1, 2023',
  'Jun 1, 2023',
];

const flowsheet = (page: Page) => page.getByRole('table', { name: /^Flowsheet/ });
const dateHeaders = async (page: Page) =>
  (await flowsheet(page).locator('thead th').allTextContents()).map((t) => t.trim()).slice(1);

async function openSignedIn(page: Page, stack: E2eStack, path: string): Promise<void> {
  await page.goto(`${stack.appUrl}${path}`);
  await signInWithRedirect(page, stack, 'clinician@example.com');
  await expect(page).toHaveURL(`${stack.appUrl}${path}`);
}

test('a clinician reads the flowsheet: blood pressure by date, newest first, paged, beside the list, with trends', async ({
  page,
  stack,
}) => {
  await openSignedIn(page, stack, '/observations/pat-0003');
  await page.getByRole('radio', { name: 'Flowsheet' }).click();
  await expect(page).toHaveURL(`${stack.appUrl}/observations/pat-0003?view=flowsheet`);

  await expect(flowsheet(page)).toBeVisible();
  expect(await dateHeaders(page)).toEqual(NEWEST_WINDOW);
  const bp = flowsheet(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /^Blood pressure/ }) });
  await expect(bp.getByRole('rowheader')).toContainText('mmHg');
  // The newest reading sits next to the row name: systolic/diastolic, the unit in the row header only.
  const newest = bp.getByRole('cell').first();
  await expect(newest).toHaveText(/^\d+(\.\d+)?\/\d+(\.\d+)?\b/, { useInnerText: true });
  await expect(newest).not.toContainText('mmHg', { useInnerText: true });
  await expect(newest.locator('.value')).toHaveAttribute('title', /^As sent: .* mmHg$/);
  await expect(flowsheet(page).getByRole('rowheader', { name: 'Heart rate' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Newer' })).toBeDisabled();

  await page.getByRole('button', { name: 'Older' }).click();
  await expect(page).toHaveURL(/[?&]through=2023-02-13\b/);
  await expect.poll(() => dateHeaders(page)).toEqual(['Feb 13, 2023', 'Nov 13, 2022']);
  await expect(page.getByRole('button', { name: 'Older' })).toBeDisabled();

  await page.getByRole('button', { name: 'Newer' }).click();
  await expect(page).toHaveURL(`${stack.appUrl}/observations/pat-0003?view=flowsheet`);
  await expect.poll(() => dateHeaders(page)).toEqual(NEWEST_WINDOW);

  await page.getByRole('radio', { name: 'List' }).click();
  await expect(page).toHaveURL(`${stack.appUrl}/observations/pat-0003`);
  await expect(page.getByRole('table', { name: 'Observations', exact: true })).toBeVisible();
  await expect(flowsheet(page)).toHaveCount(0);
  // Back returns to the flowsheet: the view is in the URL.
  await page.goBack();
  await expect(page).toHaveURL(`${stack.appUrl}/observations/pat-0003?view=flowsheet`);
  await expect.poll(() => dateHeaders(page)).toEqual(NEWEST_WINDOW);

  await flowsheet(page).getByRole('button', { name: 'Blood pressure' }).click();
  const trend = page.getByRole('region', { name: /^Trend: Blood pressure/ });
  await expect(trend.getByRole('img')).toBeVisible();
  await trend.getByText('Show data table').click();
  await expect(trend.getByRole('table').getByRole('row')).toHaveCount(1 + 10);
});
