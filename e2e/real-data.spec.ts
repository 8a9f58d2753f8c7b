// Real FHIR data nobody here wrote: the shared Synthea bundles and HL7 examples (../shared/fixtures, present
// in CI; a clone without them checks the seeded patients only) must render without a console error.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, signInWithRedirect, test } from './fixtures.ts';
import { startStack, type RunningStack } from './stack.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const sharedFixtures = ['synthea', 'hl7-r4-examples']
  .map((folder) => resolve(repoRoot, '../shared/fixtures', folder))
  .filter((folder) => existsSync(folder));

let stack: RunningStack;
test.beforeAll(async () => {
  stack = await startStack({ variants: { bearer: { dpop: false } } });
  if (sharedFixtures.length > 0) {
    await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'servers/fhir/import-main.ts',
        '--data-dir',
        stack.dataDir,
        ...sharedFixtures,
      ],
      { cwd: repoRoot },
    );
  }
});
test.afterAll(() => stack.close());

/** Every Patient id on the server, following the Bundle's next links. */
async function allPatientIds(fhirBase: string, token: string): Promise<string[]> {
  const ids: string[] = [];
  let url: string | undefined = `${fhirBase}/Patient?_count=200`;
  while (url) {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    const bundle = (await response.json()) as {
      entry?: { resource: { id: string } }[];
      link?: { relation: string; url: string }[];
    };
    ids.push(...(bundle.entry ?? []).map((entry) => entry.resource.id));
    url = bundle.link?.find((link) => link.relation === 'next')?.url;
  }
  return ids;
}

/** Text that means a formatter gave up. */
const PLACEHOLDERS = /\b(undefined|null|NaN|Invalid Date)\b|\[object Object\]/;

test('every imported patient (shared Synthea and HL7 fixtures) and a sample of seeded ones: chart and observations render without a console error', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const app = stack.apps['bearer'] ?? '';
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));

  await page.goto(`${app}/patients`);
  await signInWithRedirect(page, { ...stack, appUrl: app }, 'clinician@example.com');
  await expect(page.getByRole('table', { name: 'Patients' })).toBeVisible();
  const token = await page.evaluate(
    () =>
      (
        JSON.parse(sessionStorage.getItem('okta-token-storage') ?? '{}') as {
          accessToken?: { accessToken?: string };
        }
      ).accessToken?.accessToken ?? '',
  );
  const ids = await allPatientIds(stack.fhirBase, token);
  const imported = ids.filter((id) => !/^pat-\d{4}$/.test(id));
  const seededSample = ids.filter((id) => /^pat-\d{3}0$/.test(id));
  if (sharedFixtures.length > 0) expect(imported.length).toBeGreaterThanOrEqual(12);

  for (const id of [...imported, ...seededSample]) {
    // The chart: every section settles (loaded, empty, or a note), none fails, no formatter gives up.
    await page.goto(`${app}/patients/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Patient');
    await expect(page.getByRole('status').filter({ hasText: /^Loading / })).toHaveCount(0);
    await expect(page.getByTestId('allergy-line')).not.toContainText('loading');
    await expect(page.getByRole('alert'), `the chart of ${id}`).toHaveCount(0);
    await expect(page.locator('main'), `the chart of ${id}`).not.toContainText(PLACEHOLDERS);

    await page.goto(`${app}/observations/${id}`);
    // Loaded: the observations table, the empty state, or an explained error, under the patient's banner.
    await expect(
      page
        .getByRole('table', { name: 'Observations' })
        .or(page.getByText('No observations for this patient'))
        .or(page.getByRole('alert')),
    ).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});
