// Patient search as a clinician uses it: typed name, filters, sort, page size, the URL as the search state,
// the empty state and keyboard-only use. Expectations come from the deterministic seed (docs/CONTRACT.md).
import type { Locator, Page, Request } from '@playwright/test';
import { expect, signInWithRedirect, test, type E2eStack } from './fixtures.ts';

// Dates in the list follow the browser's locale and time zone: pin both so the expected text is stable.
test.use({ locale: 'en-US', timezoneId: 'UTC' });

/** Opens an app path, signs in as the clinician on the way, and waits for the list to be back. */
async function openPatients(page: Page, stack: E2eStack, query = ''): Promise<void> {
  await page.goto(`${stack.appUrl}/patients${query}`);
  await expect(page).toHaveURL(`${stack.appUrl}/login`);
  await signInWithRedirect(page, stack, 'clinician@example.com');
  await expect(page).toHaveURL(`${stack.appUrl}/patients${query}`);
}

const patientTable = (page: Page) => page.getByRole('table', { name: 'Patients' });
const patientLinks = (page: Page) => patientTable(page).locator('tbody th a');
const total = (page: Page) => page.getByTestId('patient-total');

/** The FHIR Patient searches the page made (paging links included), as URLs. */
function recordPatientSearches(page: Page, stack: E2eStack): URL[] {
  const searches: URL[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && url.href.startsWith(`${stack.fhirBase}/Patient?`)) {
      searches.push(url);
    }
  });
  return searches;
}

/** Presses Tab until `target` has focus; fails if it is not reached within `max` presses. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()} in ${max} presses`);
}

test('typing a name prefix narrows the list and the total, searching when typing pauses rather than per key', async ({
  page,
  stack,
}) => {
  const searches = recordPatientSearches(page, stack);
  await openPatients(page, stack);
  await expect(total(page)).toHaveText('120 patients');

  // Typed quickly, as a person does: the debounce waits for a pause instead of searching on every key.
  await page.getByLabel('Name', { exact: true }).pressSequentially('Robins', { delay: 40 });
  await expect(total(page)).toHaveText('3 patients');
  await expect(patientLinks(page)).toHaveText([
    'Leila Zsófia Robinson',
    'Nadia Leila Robinson',
    'Rosa Robinson',
  ]);
  await expect(page).toHaveURL(`${stack.appUrl}/patients?name=Robins`);
  const typedNames = searches.map((url) => url.searchParams.get('name')).filter((name) => name);
  expect(typedNames.at(-1)).toBe('Robins');
  // One search for the word; a second is tolerated only if the machine stalled mid-word, never one per key.
  expect(
    typedNames.length,
    `name searches sent while typing: ${typedNames.join(', ')}`,
  ).toBeLessThanOrEqual(2);
});

test('birth date, gender and MRN filters each narrow the list', async ({ page, stack }) => {
  await openPatients(page, stack);
  await expect(total(page)).toHaveText('120 patients');

  await page.getByLabel('Gender', { exact: true }).selectOption('female');
  await expect(total(page)).toHaveText('65 patients');
  await expect(page).toHaveURL(/[?&]gender=female(&|$)/);
  await expect(patientTable(page).locator('tbody tr td:nth-of-type(1)')).toHaveText(
    Array<string>(20).fill('Female'),
  );

  await page.getByLabel('Gender', { exact: true }).selectOption('male');
  await expect(total(page)).toHaveText('55 patients');

  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(total(page)).toHaveText('120 patients');
  await expect(page).toHaveURL(`${stack.appUrl}/patients`);

  // Two seeded patients share 21 Feb 1982.
  await page.getByLabel('Birth date', { exact: true }).fill('1982-02-21');
  await expect(total(page)).toHaveText('2 patients');
  await expect(patientTable(page).locator('tbody tr')).toHaveCount(2);
  await expect(patientTable(page).locator('tbody tr td:nth-of-type(2)')).toHaveText([
    'Feb 21, 1982',
    'Feb 21, 1982',
  ]);
  expect((await patientLinks(page).allTextContents()).sort()).toEqual([
    'David Nelson',
    'Susan Martin',
  ]);

  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(total(page)).toHaveText('120 patients');

  // pat-0001's MRN (seeded identifier value).
  const mrn = page.getByLabel('MRN or identifier', { exact: true });
  await mrn.fill('107925');
  await mrn.press('Enter');
  await expect(total(page)).toHaveText('1 patient');
  await expect(patientLinks(page)).toHaveText(['Mohammed Ibrahim Taylor']);
  await expect(patientTable(page).locator('tbody tr td:nth-of-type(3)')).toHaveText(['107925']);
  await expect(page).toHaveURL(/[?&]identifier=107925(&|$)/);
});

test('sorting by name and by birth date orders the first rows and marks the sorted column', async ({
  page,
  stack,
}) => {
  await openPatients(page, stack);
  await expect(total(page)).toHaveText('120 patients');
  const sort = page.getByLabel('Sort by', { exact: true });

  await sort.selectOption({ label: 'Name (A–Z)' });
  await expect(page).toHaveURL(/[?&]sort=name(&|$)/);
  // Family name, then given: Adams, Anderson, Bailey, Baker...
  await expect(patientLinks(page).nth(0)).toHaveText('Elizabeth Adams');
  await expect(patientLinks(page).nth(1)).toHaveText('Chloé Anderson');
  await expect(patientLinks(page).nth(2)).toHaveText('Søren Kwame Bailey');
  await expect(patientTable(page).getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );

  await sort.selectOption({ label: 'Birth date (oldest first)' });
  await expect(page).toHaveURL(/[?&]sort=birthdate(&|$)/);
  await expect(patientLinks(page).nth(0)).toHaveText('Siobhán King');
  await expect(patientLinks(page).nth(1)).toHaveText('George Schäfer');
  await expect(patientLinks(page).nth(2)).toHaveText('Yuki Smith');
  const oldestFirst = await birthDates(page);
  expect(oldestFirst).toHaveLength(20);
  expect(oldestFirst, 'birth dates, oldest first').toEqual([...oldestFirst].sort((a, b) => a - b));
  await expect(
    patientTable(page).getByRole('columnheader', { name: 'Birth date' }),
  ).toHaveAttribute('aria-sort', 'ascending');

  await sort.selectOption({ label: 'Birth date (newest first)' });
  await expect(patientLinks(page).nth(0)).toHaveText('Leila Zsófia Robinson');
  await expect(patientLinks(page).nth(1)).toHaveText('Pedro Henrik Morgan');
  const newestFirst = await birthDates(page);
  expect(newestFirst, 'birth dates, newest first').toEqual([...newestFirst].sort((a, b) => b - a));
  await expect(
    patientTable(page).getByRole('columnheader', { name: 'Birth date' }),
  ).toHaveAttribute('aria-sort', 'descending');
});

/** The birth-date column of the shown rows, as timestamps ("Jan 10, 1940" in en-US). */
async function birthDates(page: Page): Promise<number[]> {
  const cells = await patientTable(page).locator('tbody tr td:nth-of-type(2)').allTextContents();
  return cells.map((text) => {
    const time = Date.parse(`${text.trim()} UTC`);
    if (Number.isNaN(time)) throw new Error(`not a date: ${text}`);
    return time;
  });
}

test('choosing a page size shows that many rows and keeps the total', async ({ page, stack }) => {
  await openPatients(page, stack);
  await expect(total(page)).toHaveText('120 patients');
  await expect(patientTable(page).locator('tbody tr')).toHaveCount(20);

  await page.getByLabel('Page size', { exact: true }).selectOption('10');
  await expect(page).toHaveURL(/[?&]count=10(&|$)/);
  await expect(patientTable(page).locator('tbody tr')).toHaveCount(10);
  await expect(total(page)).toHaveText('120 patients');

  await page.getByLabel('Page size', { exact: true }).selectOption('50');
  await expect(patientTable(page).locator('tbody tr')).toHaveCount(50);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  await expect(patientTable(page).locator('tbody tr')).toHaveCount(50);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 3', { exact: true })).toBeVisible();
  await expect(patientTable(page).locator('tbody tr')).toHaveCount(20);
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await expect(total(page)).toHaveText('120 patients');
});

test('the URL holds the search: reload, back/forward and a copied link all show the same results', async ({
  page,
  stack,
}) => {
  await openPatients(page, stack);
  await expect(total(page)).toHaveText('120 patients');
  const firstUnfiltered = (await patientLinks(page).first().textContent()) ?? '';

  await page.getByLabel('Gender', { exact: true }).selectOption('male');
  await expect(total(page)).toHaveText('55 patients');
  const maleUrl = page.url();
  const firstMale = (await patientLinks(page).first().textContent()) ?? '';
  expect(firstMale).not.toBe(firstUnfiltered);

  await page
    .getByLabel('Sort by', { exact: true })
    .selectOption({ label: 'Birth date (oldest first)' });
  // The oldest men: 1934, 1936, 1937.
  await expect(patientLinks(page).nth(0)).toHaveText('George Schäfer');
  await expect(patientLinks(page).nth(1)).toHaveText('Pedro Wright');
  const sortedUrl = page.url();
  expect(new URL(sortedUrl).searchParams.get('gender')).toBe('male');
  expect(new URL(sortedUrl).searchParams.get('sort')).toBe('birthdate');

  await page.reload();
  await expect(page).toHaveURL(sortedUrl);
  await expect(total(page)).toHaveText('55 patients');
  await expect(patientLinks(page).nth(0)).toHaveText('George Schäfer');
  await expect(page.getByLabel('Gender', { exact: true })).toHaveValue('male');
  await expect(page.getByLabel('Sort by', { exact: true })).toHaveValue('birthdate');

  await page.goBack();
  await expect(page).toHaveURL(maleUrl);
  await expect(total(page)).toHaveText('55 patients');
  await expect(patientLinks(page).first()).toHaveText(firstMale);
  await expect(page.getByLabel('Sort by', { exact: true })).toHaveValue('');

  await page.goBack();
  await expect(page).toHaveURL(`${stack.appUrl}/patients`);
  await expect(total(page)).toHaveText('120 patients');
  await expect(patientLinks(page).first()).toHaveText(firstUnfiltered);
  await expect(page.getByLabel('Gender', { exact: true })).toHaveValue('');

  await page.goForward();
  await expect(page).toHaveURL(maleUrl);
  await expect(total(page)).toHaveText('55 patients');
  await page.goForward();
  await expect(page).toHaveURL(sortedUrl);
  await expect(patientLinks(page).nth(0)).toHaveText('George Schäfer');

  // A copied link in another tab of the same browser. Tokens are kept per tab (sessionStorage), so the tab asks
  // to sign in; the authorization server's session signs it in without a password and it returns to the link.
  const shared = await page.context().newPage();
  await shared.goto(sortedUrl);
  const signIn = shared.getByRole('button', { name: 'Sign in with Okta' });
  const listOrSignIn = shared.getByTestId('patient-total').or(signIn);
  await expect(listOrSignIn).toBeVisible();
  if (await signIn.isVisible()) await signIn.click();
  await expect(shared).toHaveURL(sortedUrl);
  await expect(shared.getByTestId('patient-total')).toHaveText('55 patients');
  await expect(patientLinks(shared).nth(0)).toHaveText('George Schäfer');
  await expect(patientLinks(shared).nth(1)).toHaveText('Pedro Wright');
  await expect(shared.getByLabel('Gender', { exact: true })).toHaveValue('male');
  await shared.close();
});

test('a search nothing matches says "No patients match this search."', async ({ page, stack }) => {
  await openPatients(page, stack, '?name=Zzqxnobody');
  await expect(page.getByText('No patients match this search.')).toBeVisible();
  await expect(total(page)).toHaveText('0 patients');
  await expect(patientTable(page)).toHaveCount(0);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Zzqxnobody');
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
});

test('a link with parts the app cannot use says which, searches without them, and a new search drops them', async ({
  page,
  stack,
}) => {
  await openPatients(page, stack, '?gender=female&birthdate=19x&count=7000&colour=blue');
  const note = page.getByRole('status').filter({ hasText: 'Not understood in this link' });
  await expect(note).toHaveText(
    'Not understood in this link, so not applied: birthdate, count, colour.',
  );
  await expect(total(page)).toHaveText('65 patients');
  await expect(patientTable(page).locator('tbody tr')).toHaveCount(20);

  await page.getByLabel('Gender', { exact: true }).selectOption('male');
  await expect(total(page)).toHaveText('55 patients');
  await expect(note).toHaveCount(0);
  await expect(page).toHaveURL(`${stack.appUrl}/patients?gender=male`);
});

test('keyboard only: Tab to the name field, type, Tab to a patient, Enter opens their observations', async ({
  page,
  stack,
}) => {
  await openPatients(page, stack);
  await expect(total(page)).toHaveText('120 patients');
  // Start from the top of the document, as a keyboard user arriving on the page does.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  const nameField = page.getByLabel('Name', { exact: true });
  await tabTo(page, nameField);
  await page.keyboard.type('Robi');
  await expect(total(page)).toHaveText('3 patients');
  await expect(nameField).toBeFocused();

  const firstPatient = patientLinks(page).first();
  await expect(firstPatient).toHaveText('Leila Zsófia Robinson');
  await tabTo(page, firstPatient);
  await expect(firstPatient).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(`${stack.appUrl}/patients/pat-0002`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leila Zsófia Robinson');
  await expect(page.getByRole('region', { name: 'Problems' })).toBeVisible();
});
