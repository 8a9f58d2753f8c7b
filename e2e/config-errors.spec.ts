// A deployment with a broken config.json: the production host serves it as is, and the app explains what is
// wrong and how to fix it instead of showing a blank screen or calling anyone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebServer, type RunningWebServer } from '../servers/web/server.ts';
import { expect, test } from './fixtures.ts';

const distDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../dist/fhirokta/browser');
const valid = {
  okta: {
    issuer: 'https://dev-123456.okta.example/oauth2/default',
    clientId: '0oa1example',
    scopes: ['openid', 'user/*.read'],
  },
  loginMode: 'redirect',
  fhir: { baseUrl: 'https://fhir.example.test/r4' },
};

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fhirokta-e2e-config-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Serves the production build with this exact config.json text, for the length of one test. */
async function hostWithConfig(name: string, text: string): Promise<RunningWebServer> {
  const configFile = join(dir, `${name}.json`);
  writeFileSync(configFile, text);
  return startWebServer({ port: 0, distDir, configFile });
}

const cases = [
  {
    name: 'a field with a typo',
    text: JSON.stringify({ ...valid, okta: { ...valid.okta, issuerr: valid.okta.issuer } }),
    field: 'okta.issuerr',
    says: /is not a known field\..*Did you mean "okta\.issuer"\?/s,
  },
  {
    name: 'a FHIR base over plain http',
    text: JSON.stringify({ ...valid, fhir: { baseUrl: 'http://fhir.example.test/r4' } }),
    field: 'fhir.baseUrl',
    says: /must use https.*Set "fhir\.baseUrl" to an absolute https URL/s,
  },
  {
    name: 'an EHR whose FHIR base climbs out of its path',
    text: JSON.stringify({
      ...valid,
      ehrs: [{ name: 'Hospital EHR', iss: 'https://ehr.example.test/fhir/../x', clientId: 'app' }],
    }),
    field: 'ehrs[0].iss',
    says: /must not contain "\." or "\.\." path segments.*Set "ehrs\[0\]\.iss" to the EHR's FHIR base URL/s,
  },
  {
    name: 'a file that is not JSON',
    text: '{ "okta": ',
    field: '(file)',
    says: /config\.json is not valid JSON\..*Check the file for typos\./s,
  },
];

for (const broken of cases) {
  test(`${broken.name}: a deep link shows what is wrong and the fix, and nothing is called`, async ({
    page,
    consoleMessages,
  }) => {
    const host = await hostWithConfig(broken.name.replaceAll(' ', '-'), broken.text);
    try {
      const remoteRequests: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(host.url)) remoteRequests.push(request.url());
      });
      await page.goto(`${host.url}/observations/pat-0001`);
      const alert = page.getByRole('alert');
      await expect(
        alert.getByRole('heading', { name: 'The app is not configured correctly' }),
      ).toBeVisible();
      const problem = alert.getByRole('listitem').filter({ hasText: broken.field });
      await expect(problem).toHaveCount(1);
      await expect(problem).toHaveText(broken.says);
      expect(remoteRequests, 'requests to any other origin').toEqual([]);
      expect(consoleMessages.filter((text) => /error/i.test(text))).toEqual([]);
    } finally {
      await host.close();
    }
  });
}
