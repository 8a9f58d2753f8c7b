import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OIDC_SCOPES, SMART_SCOPES } from './defaults.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { grantedScopes, unknownScopes } from './scopes.ts';

const CONFIGURED = [...OIDC_SCOPES, ...SMART_SCOPES];

describe('scope policy', () => {
  test('a wildcard request is narrowed to what the user is allowed', () => {
    assert.deepEqual(grantedScopes(['openid', 'user/*.read'], ['user/Patient.read'], CONFIGURED), [
      'openid',
      'user/Patient.read',
    ]);
  });

  test('a specific request is granted under an allowed wildcard', () => {
    assert.deepEqual(grantedScopes(['user/Observation.read'], ['user/*.read'], CONFIGURED), [
      'user/Observation.read',
    ]);
  });

  test('v2 requests keep their form, and v1 read covers v2 rs', () => {
    assert.deepEqual(grantedScopes(['user/Patient.rs', 'user/*.s'], ['user/*.read'], CONFIGURED), [
      'user/Patient.rs',
      'user/*.s',
    ]);
  });

  test('scopes for another context are not granted', () => {
    assert.deepEqual(grantedScopes(['openid', 'user/*.read'], ['patient/*.read'], CONFIGURED), [
      'openid',
    ]);
  });

  test('unknown scopes are reported, known ones are not', () => {
    assert.deepEqual(
      unknownScopes(['openid', 'user/*.read', 'user/Patient.rs', 'admin'], CONFIGURED),
      ['admin'],
    );
  });
});

describe('password hashes', () => {
  test('a hash verifies its own password only', async () => {
    const hash = await hashPassword('correct horse');
    assert.match(hash, /^scrypt\$16384\$8\$1\$/);
    assert.equal(await verifyPassword('correct horse', hash), true);
    assert.equal(await verifyPassword('wrong horse', hash), false);
    assert.equal(await verifyPassword('x', 'not-a-hash'), false);
  });
});
