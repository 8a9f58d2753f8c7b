// Data is never code: markup in FHIR data is shown as text, and the CSP stops script the app did not ship.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, signInWithRedirect, test } from './fixtures.ts';
import { startStack, type RunningStack } from './stack.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">';
const HOSTILE_VALUE = '<script>window.__pwned=2</script>';
const HOSTILE_FILE_TITLE = 'x.html';

/** Imports a patient whose name and observation carry markup, through the FHIR server's own importer. */
async function importHostilePatient(dataDir: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fhirokta-hostile-'));
  const bundle = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:6b0e8f1c-0000-4000-8000-000000000001',
        resource: {
          resourceType: 'Patient',
          name: [{ family: 'Zzhostile', given: [HOSTILE_NAME] }],
          gender: 'unknown',
          birthDate: '1970-01-01',
        },
        request: { method: 'POST', url: 'Patient' },
      },
      {
        resource: {
          resourceType: 'Observation',
          status: 'final',
          category: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/observation-category',
                  code: 'survey',
                },
              ],
            },
          ],
          code: { text: HOSTILE_VALUE },
          subject: { reference: 'urn:uuid:6b0e8f1c-0000-4000-8000-000000000001' },
          effectiveDateTime: '2024-01-01T10:00:00Z',
          valueString: HOSTILE_VALUE,
        },
        request: { method: 'POST', url: 'Observation' },
      },
      {
        // A note whose attachment's title would choose the saved file's type: x.html.
        resource: {
          resourceType: 'DocumentReference',
          status: 'current',
          type: { text: 'Discharge letter' },
          subject: { reference: 'urn:uuid:6b0e8f1c-0000-4000-8000-000000000001' },
          date: '2024-01-02T10:00:00Z',
          content: [
            {
              attachment: {
                contentType: 'text/html',
                title: HOSTILE_FILE_TITLE,
                data: Buffer.from(HOSTILE_VALUE).toString('base64'),
              },
            },
          ],
        },
        request: { method: 'POST', url: 'DocumentReference' },
      },
    ],
  };
  const file = join(dir, 'hostile.json');
  writeFileSync(file, JSON.stringify(bundle));
  try {
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'servers/fhir/import-main.ts', '--data-dir', dataDir, file],
      {
        cwd: repoRoot,
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Imported data would change the shared stack's patient count, so this suite has a stack of its own.
let own: RunningStack;
test.beforeAll(async () => {
  own = await startStack({ variants: { redirect: {} } });
  await importHostilePatient(own.dataDir);
});
test.afterAll(() => own.close());

test('markup in a patient’s name and observations is shown as text and never runs', async ({
  page,
}) => {
  const stack = { ...own, appUrl: own.apps['redirect'] ?? '' };
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });

  await page.goto(`${stack.appUrl}/patients?name=Zzhostile`);
  await signInWithRedirect(page, stack, 'clinician@example.com');
  const patients = page.getByRole('table', { name: 'Patients' });
  const link = patients.getByRole('link', { name: /Zzhostile/ });
  await expect(link).toContainText(HOSTILE_NAME);
  await link.click();
  // The chart names the patient as text, then the observations show the hostile value as text.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(HOSTILE_NAME);
  await page.getByRole('link', { name: /All observations, newest first/ }).click();
  await expect(page.getByText(HOSTILE_VALUE).first()).toBeVisible();

  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('an attachment is saved under a name its data cannot choose: a safe stem and the extension of its allowed type', async ({
  page,
}) => {
  const stack = { ...own, appUrl: own.apps['redirect'] ?? '' };
  await page.goto(`${stack.appUrl}/patients?name=Zzhostile`);
  await signInWithRedirect(page, stack, 'clinician@example.com');
  await page
    .getByRole('table', { name: 'Patients' })
    .getByRole('link', { name: /Zzhostile/ })
    .click();
  const notes = page.getByRole('region', { name: 'Notes' });
  await expect(notes).toContainText('Discharge letter');
  await expect(notes).toContainText(`${HOSTILE_FILE_TITLE} (text/html`);
  const saved = page.waitForEvent('download');
  await notes.getByRole('button', { name: 'Download' }).click();
  expect((await saved).suggestedFilename()).toBe('x.bin');
});

test('the production CSP blocks a script injected into the page, and the console guard sees it', async ({
  page,
  stack,
  consoleMessages,
}) => {
  await page.goto(`${stack.appUrl}/login`);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.appendChild(script);
  });
  expect(
    await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
  ).toBeUndefined();
  await expect
    .poll(() => consoleMessages.filter((text) => /content security policy/i.test(text)).length)
    .toBeGreaterThan(0);
  // Expected here, and only here: clear it so the fixture's guard passes.
  consoleMessages.splice(0);
});
