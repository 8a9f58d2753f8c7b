/**
 * SMART scopes per resource type, v1 and v2, granted only within each demo user's allowance, for
 * every type the FHIR server reads; an unconfigured scope is `invalid_scope`, as Okta answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import {
  APP_ORIGIN,
  Browser,
  FHIR_BASE,
  authorizeUrl,
  loginForTokens,
  pkce,
  startTestServer,
  type TestServer,
} from '../../test-support/auth.ts';
import { readableTypes } from '../fhir/config.ts';
import { buildConfig } from './config.ts';

describe('SMART scopes per resource type, within each user’s allowance', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const granted = async (login: string, scope: string) => {
    const tokens = await loginForTokens(new Browser(), server.issuer, login, { scope });
    const claims = decodeJwt(tokens.access_token);
    return { scopes: tokens.scope.split(' ').sort(), claims };
  };

  test('every type the FHIR server reads has v1 and v2 scopes, user and patient', () => {
    const { scopes } = buildConfig({
      port: 0,
      dataDir: '',
      appOrigin: APP_ORIGIN,
      fhirBase: FHIR_BASE,
    });
    for (const type of [...readableTypes, '*'])
      for (const context of ['user', 'patient'])
        for (const access of ['read', 'rs', 'r', 's'])
          assert.ok(
            scopes.includes(`${context}/${type}.${access}`),
            `${context}/${type}.${access}`,
          );
  });

  test('a clinician (user/*.read) gets any user/ type, v1 or v2, and no patient/ scope', async () => {
    const { scopes, claims } = await granted(
      'clinician@example.com',
      'openid user/Condition.rs user/Observation.read user/MedicationRequest.r patient/Observation.r',
    );
    assert.deepEqual(scopes, [
      'openid',
      'user/Condition.rs',
      'user/MedicationRequest.r',
      'user/Observation.read',
    ]);
    assert.equal(claims['patient'], undefined);
  });

  test('the front desk (user/Patient.read) gets Patient only, whatever else is asked', async () => {
    const { scopes } = await granted(
      'frontdesk@example.com',
      'openid user/Condition.rs user/Patient.rs user/*.read',
    );
    assert.deepEqual(scopes, ['openid', 'user/Patient.read', 'user/Patient.rs']);
  });

  test('a patient (patient/*.read) gets patient/ scopes for their own patient only', async () => {
    const { scopes, claims } = await granted(
      'patient@example.com',
      'openid patient/Observation.r patient/Condition.rs user/Patient.rs',
    );
    assert.deepEqual(scopes, ['openid', 'patient/Condition.rs', 'patient/Observation.r']);
    assert.equal(claims['patient'], 'pat-0001');
  });

  test('a type the FHIR server does not serve is invalid_scope', async () => {
    const { challenge } = pkce();
    const result = await new Browser().navigate(
      authorizeUrl(server.issuer, {
        code_challenge: challenge,
        code_challenge_method: 'S256',
        scope: 'openid user/Claim.rs',
      }),
    );
    assert.ok(result.url.startsWith(APP_ORIGIN));
    assert.equal(new URL(result.url).searchParams.get('error'), 'invalid_scope');
  });
});
