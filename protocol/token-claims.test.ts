import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkTokenClaims, type ClaimCheck } from './token-claims.ts';

const base = 'http://localhost:4400/fhir';
const now = 1_800_000_000;
const expected = {
  fhirBase: base,
  clientId: '0oalocalfhirokta0spa',
  nowSeconds: now,
  leewaySeconds: 60,
};
const good = {
  aud: base,
  scope: 'openid profile user/*.read',
  scp: ['openid', 'profile', 'user/*.read'],
  client_id: '0oalocalfhirokta0spa',
  exp: now + 300,
};
const byName = (checks: ClaimCheck[], pattern: RegExp) => {
  const check = checks.find((c) => pattern.test(c.name));
  assert.ok(check, `a check matching ${pattern}`);
  return check;
};

describe('the access-token claim checklist', () => {
  test('a token shaped as the FHIR server needs passes every check, with no fix offered', () => {
    const checks = checkTokenClaims(good, expected);
    assert.deepEqual(
      checks.map((c) => c.status),
      checks.map(() => 'pass'),
    );
    assert.ok(checks.every((c) => c.fix === undefined));
  });

  test('an audience with or without a trailing slash, or inside an array, is the FHIR base', () => {
    for (const aud of [`${base}/`, ['api://other', base]])
      assert.equal(byName(checkTokenClaims({ ...good, aud }, expected), /audience/).status, 'pass');
  });

  test('a wrong audience, scopes only in scp and no client_id each fail with the Okta fix', () => {
    const checks = checkTokenClaims(
      { aud: 'api://default', scp: ['openid', 'user/*.read'], exp: now + 60 },
      expected,
    );
    const aud = byName(checks, /audience/);
    assert.equal(aud.status, 'fail');
    assert.match(aud.finding, /not http:\/\/localhost:4400\/fhir/);
    const scope = byName(checks, /"scope" claim/);
    assert.equal(scope.status, 'fail');
    assert.match(scope.finding, /only "scp"/);
    assert.match(scope.fix ?? '', /String\.join\(" ", access\.scope\)/);
    assert.equal(byName(checks, /read Patient/).status, 'pass', 'scp still names the scopes');
    assert.equal(byName(checks, /client_id/).status, 'fail');
  });

  test('Patient-only scopes fail nothing but warn that observations are out of reach', () => {
    const checks = checkTokenClaims({ ...good, scope: 'openid user/Patient.read' }, expected);
    assert.equal(byName(checks, /read Patient/).status, 'pass');
    assert.equal(byName(checks, /read Observation/).status, 'warn');
    assert.equal(byName(checks, /read Patient/).status, 'pass');
  });

  test('no scope that reads Patient is a failure', () => {
    const checks = checkTokenClaims({ ...good, scope: 'openid user/Patient.write' }, expected);
    assert.equal(byName(checks, /read Patient/).status, 'fail');
  });

  test('another client’s token is a warning', () => {
    const checks = checkTokenClaims({ ...good, client_id: 'other' }, expected);
    assert.equal(byName(checks, /client_id/).status, 'warn');
  });

  test('expiry and not-before are judged with the server’s leeway', () => {
    const lifetime = (claims: object) =>
      byName(checkTokenClaims({ ...good, ...claims }, expected), /lifetime/);
    assert.equal(lifetime({ exp: now - 30 }).status, 'pass', 'inside the leeway');
    assert.equal(lifetime({ exp: now - 120 }).status, 'fail');
    assert.match(lifetime({ exp: now - 120 }).finding, /expired 120 s ago/);
    assert.equal(lifetime({ exp: undefined }).status, 'fail');
    assert.equal(lifetime({ nbf: now + 600 }).status, 'fail');
  });

  test('patient/ scopes without a patient claim fail, because they allow nothing', () => {
    const scope = 'openid patient/*.read';
    assert.equal(byName(checkTokenClaims({ ...good, scope }, expected), /patient/).status, 'fail');
    assert.equal(
      byName(checkTokenClaims({ ...good, scope, patient: 'pat-0001' }, expected), /patient/).status,
      'pass',
    );
  });
});
