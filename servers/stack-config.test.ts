import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot, stackFromEnvironment } from './stack-config.ts';

describe('where the local stack lives', () => {
  test('with nothing set, the contract ports and the data directory at the repository root', () => {
    assert.deepEqual(stackFromEnvironment({}), {
      appPort: 4200,
      authPort: 4300,
      fhirPort: 4400,
      appOrigin: 'http://localhost:4200',
      appOrigins: ['http://localhost:4200'],
      issuer: 'http://localhost:4300/oauth2/default',
      fhirBase: 'http://localhost:4400/fhir',
      dataDir: resolve(repoRoot, '.data'),
    });
  });

  test('moved ports move the URLs, unless a URL is named outright', () => {
    const moved = stackFromEnvironment({ APP_PORT: '5200', AUTH_PORT: '5300', FHIR_PORT: '5400' });
    assert.equal(moved.appOrigin, 'http://localhost:5200');
    assert.equal(moved.issuer, 'http://localhost:5300/oauth2/default');
    assert.equal(moved.fhirBase, 'http://localhost:5400/fhir');
    const named = stackFromEnvironment({
      AUTH_PORT: '5300',
      ISSUER: 'https://dev-123.okta.com/oauth2/default',
      FHIR_BASE: 'https://fhir.example.org/r4',
    });
    assert.equal(named.authPort, 5300);
    assert.equal(named.issuer, 'https://dev-123.okta.com/oauth2/default');
    assert.equal(named.fhirBase, 'https://fhir.example.org/r4');
  });

  test('APP_ORIGIN may list several origins; the first is the app the auth server redirects to', () => {
    const stack = stackFromEnvironment({
      APP_ORIGIN: 'http://localhost:5201, http://localhost:5202',
    });
    assert.deepEqual(stack.appOrigins, ['http://localhost:5201', 'http://localhost:5202']);
    assert.equal(stack.appOrigin, 'http://localhost:5201');
  });

  test('an empty variable counts as unset, and a port that is not one stops with its name', () => {
    assert.equal(stackFromEnvironment({ ISSUER: '', AUTH_PORT: '' }).authPort, 4300);
    assert.equal(stackFromEnvironment({ DATA_DIR: 'elsewhere' }).dataDir, resolve('elsewhere'));
    assert.throws(() => stackFromEnvironment({ FHIR_PORT: 'http' }), /FHIR_PORT must be a port/);
  });
});
