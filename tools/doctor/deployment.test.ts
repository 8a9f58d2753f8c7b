// The doctor reads config.json with the app's own validator, and checks each EHR the file lists.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readDeployment } from './deployment.ts';
import { FIXTURE_APP_ORIGIN, startEhrFixture, type EhrFixture } from './ehr-fixture.ts';

const doctorMain = resolve(fileURLToPath(new URL('.', import.meta.url)), 'main.ts');
const OKTA = {
  issuer: 'http://localhost:1/oauth2/default',
  clientId: '0oalocalfhirokta0spa',
  scopes: ['openid'],
};

describe('doctor: reading config.json', () => {
  let dir: string;
  const write = (name: string, body: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
    return file;
  };
  const doctor = (config: string) =>
    promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      doctorMain,
      '--config',
      config,
      '--app-origin',
      FIXTURE_APP_ORIGIN,
    ]).then(
      ({ stdout }) => ({ status: 0, stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        status: error.code,
        stdout: error.stdout + error.stderr,
      }),
    );

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fhirokta-doctor-config-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the validated config: normalised URLs, the app origin, and the EHR list', () => {
    const file = write('good.json', {
      okta: { ...OKTA, dpop: true },
      fhir: { baseUrl: 'http://localhost:2/fhir/' },
      ehrs: [{ name: 'Local EHR', iss: 'http://localhost:2/fhir/', clientId: 'x' }],
    });
    const reading = readDeployment(file, 'http://localhost:4200/some/path');
    assert.deepEqual(reading, {
      ok: true,
      deployment: {
        issuer: OKTA.issuer,
        clientId: OKTA.clientId,
        fhirBase: 'http://localhost:2/fhir',
        appOrigin: 'http://localhost:4200',
        dpop: true,
        ehrs: [{ name: 'Local EHR', iss: 'http://localhost:2/fhir', clientId: 'x' }],
      },
    });
  });

  it('reports each field the app would refuse, with its fix, instead of guessing', () => {
    const file = write('bad.json', {
      okta: { ...OKTA, issuerr: 'x' },
      fhir: { baseUrl: 'http://fhir.example.com/fhir' },
      ehrs: [{ name: 'EHR', iss: 'https://ehr.example/fhir/../x', clientId: 'x' }],
    });
    const reading = readDeployment(file, FIXTURE_APP_ORIGIN);
    assert.equal(reading.ok, false);
    const results = reading.ok ? [] : reading.results;
    assert.deepEqual(
      results.map((r) => [r.status, r.name]),
      [
        ['fail', `${file}: okta.issuerr`],
        ['fail', `${file}: fhir.baseUrl`],
        ['fail', `${file}: ehrs[0].iss`],
      ],
    );
    assert.match(results[0]?.fix ?? '', /Did you mean "okta\.issuer"\?/);
  });

  it('throws, saying why, on a file that cannot be read as JSON', () => {
    assert.throws(
      () => readDeployment(join(dir, 'missing.json'), FIXTURE_APP_ORIGIN),
      /Cannot read/,
    );
    assert.throws(
      () => readDeployment(write('broken.json', '{ "okta": '), FIXTURE_APP_ORIGIN),
      /Cannot read/,
    );
  });

  it('from the command line, an invalid file exits 1 with each problem and its fix, and checks nothing else', async () => {
    const file = write('cli-bad.json', {
      okta: OKTA,
      fhir: { baseUrl: 'http://localhost:2/fhir' },
      ehrs: [{ name: 'EHR', iss: 'https://ehr.example/fhir//', clientId: 'x' }],
    });
    const { status, stdout } = await doctor(file);
    assert.equal(status, 1, stdout);
    assert.match(stdout, /is not valid: the app would not start/);
    assert.match(
      stdout,
      /FAIL {2}\S+cli-bad\.json: ehrs\[0\]\.iss: must not contain an empty path segment[^\n]*\n\s+fix: Set "ehrs\[0\]\.iss" to the EHR's FHIR base URL/,
    );
    assert.match(stdout, /0 passed, 0 warnings, 1 failed/);
  });

  describe('with an EHR listed', () => {
    let ehr: EhrFixture;
    before(async () => {
      ehr = await startEhrFixture();
    });
    after(() => ehr.close());

    it('from the command line, checks each EHR of the file after the Okta and FHIR checks', async () => {
      const file = write('cli-ehr.json', {
        okta: OKTA,
        fhir: { baseUrl: ehr.iss },
        ehrs: [{ name: 'Fixture EHR', iss: ehr.iss, clientId: 'fhirokta' }],
      });
      const { stdout } = await doctor(file);
      assert.match(stdout, /PASS {2}EHR "Fixture EHR": SMART discovery: /);
      assert.match(
        stdout,
        /PASS {2}EHR "Fixture EHR": scopes a launch asks for: from the EHR "launch openid fhirUser user\/\*\.rs patient\/\*\.rs"/,
      );
      assert.ok(stdout.indexOf('EHR "Fixture EHR"') > stdout.indexOf('issuer discovery document'));
    });
  });
});
