import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  allows,
  formatSmartScope,
  narrowScope,
  parseSmartScope,
  parseSmartScopes,
  tokenScopes,
  type SmartScope,
} from './smart-scopes.ts';

const scope = (s: string): SmartScope => {
  const parsed = parseSmartScope(s);
  assert.ok(parsed, `${s} parses`);
  return parsed;
};
const letters = (s: string) => [...scope(s).permissions].sort().join('');

describe('SMART scopes, v1 and v2', () => {
  test('v1 names stand for their v2 letters', () => {
    assert.equal(letters('user/Patient.read'), 'rs');
    assert.equal(letters('user/Patient.write'), 'cdu');
    assert.equal(letters('patient/*.*'), 'cdrsu');
    assert.equal(scope('user/Patient.read').v1, true);
  });

  test('v2 letters must be an in-order, non-empty subset of cruds', () => {
    assert.equal(letters('user/Observation.rs'), 'rs');
    assert.equal(letters('system/*.cruds'), 'cdrsu');
    for (const bad of ['user/Patient.sr', 'user/Patient.', 'user/Patient.rr', 'user/Patient.x'])
      assert.equal(parseSmartScope(bad), undefined, bad);
  });

  test('anything that is not a SMART resource scope is left out', () => {
    assert.deepEqual(
      parseSmartScopes('openid profile launch/patient fhirUser offline_access user/patient.read'),
      [],
    );
    assert.equal(parseSmartScopes(['openid', 'user/*.read']).length, 1);
  });

  test('a granular scope keeps its query, and v1 names cannot have one', () => {
    assert.equal(scope('patient/Observation.rs?category=laboratory').query, 'category=laboratory');
    assert.equal(parseSmartScope('patient/Observation.read?category=laboratory'), undefined);
  });

  test('allows: by type or wildcard, by permission, by context, and granular only when asked', () => {
    const granted = parseSmartScopes(
      'user/Patient.read patient/Observation.rs user/Condition.rs?clinical-status=active',
    );
    assert.equal(allows(granted, 'Patient', 'r'), true);
    assert.equal(allows(granted, 'Patient', 'c'), false);
    assert.equal(allows(granted, 'Observation', 's'), true);
    assert.equal(allows(granted, 'Observation', 's', { contexts: ['user', 'system'] }), false);
    assert.equal(allows(granted, 'Condition', 'r'), false, 'a server that cannot enforce ?');
    assert.equal(allows(granted, 'Condition', 'r', { granular: true }), true);
    assert.equal(allows(parseSmartScopes('user/*.read'), 'Encounter', 's'), true);
  });

  test('narrowing a request to what a user is allowed keeps the way it was written', () => {
    const narrow = (requested: string, allowed: string) => {
      const result = narrowScope(scope(requested), scope(allowed));
      return result ? formatSmartScope(result) : undefined;
    };
    assert.equal(narrow('user/*.read', 'user/Patient.read'), 'user/Patient.read');
    assert.equal(narrow('user/*.read', 'user/Patient.rs'), 'user/Patient.read');
    assert.equal(narrow('user/*.*', 'user/Patient.read'), 'user/Patient.rs');
    assert.equal(narrow('user/Patient.cruds', 'user/*.rs'), 'user/Patient.rs');
    assert.equal(narrow('patient/*.read', 'user/*.read'), undefined, 'another context');
    assert.equal(narrow('user/Patient.read', 'user/Observation.read'), undefined);
    assert.equal(narrow('user/Patient.write', 'user/Patient.read'), undefined, 'nothing in common');
    assert.equal(
      narrow('patient/Observation.rs', 'patient/Observation.rs?category=vital-signs'),
      'patient/Observation.rs?category=vital-signs',
      'the allowed restriction is kept',
    );
    assert.equal(
      narrow('patient/Observation.rs?category=laboratory', 'patient/*.rs?category=vital-signs'),
      undefined,
    );
  });

  test('a token’s scopes come from its scope string, else from Okta’s scp array', () => {
    assert.deepEqual(tokenScopes({ scope: 'openid  user/*.read', scp: ['x'] }), [
      'openid',
      'user/*.read',
    ]);
    assert.deepEqual(tokenScopes({ scp: ['openid', 7, 'user/*.read'] }), ['openid', 'user/*.read']);
    assert.deepEqual(tokenScopes({}), []);
  });
});
