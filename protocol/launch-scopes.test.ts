import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { launchScopes } from './launch-scopes.ts';

describe('the scopes a SMART launch asks for', () => {
  test('an EHR advertising permission-v2 is asked for v2 read scopes, with launch, openid and fhirUser', () => {
    assert.deepEqual(launchScopes('ehr', undefined, ['launch-ehr', 'permission-v2']), {
      scopes: ['launch', 'openid', 'fhirUser', 'user/*.rs', 'patient/*.rs'],
      source: 'v2',
    });
  });

  test('v2 wins when an EHR advertises both forms', () => {
    const both = launchScopes('ehr', undefined, ['permission-v1', 'permission-v2']);
    assert.equal(both.source, 'v2');
  });

  test('an EHR advertising only v1, or no permission form at all, is asked in v1 form', () => {
    for (const capabilities of [['permission-v1'], [], ['launch-ehr', 'permission-v2-draft']]) {
      assert.deepEqual(
        launchScopes('ehr', undefined, capabilities),
        {
          scopes: ['launch', 'openid', 'fhirUser', 'user/*.read', 'patient/*.read'],
          source: 'v1',
        },
        JSON.stringify(capabilities),
      );
    }
  });

  test('a standalone sign-in asks for launch/patient instead of launch', () => {
    assert.deepEqual(launchScopes('standalone', undefined, ['permission-v2']).scopes, [
      'launch/patient',
      'openid',
      'fhirUser',
      'user/*.rs',
      'patient/*.rs',
    ]);
  });

  test("the EHR's configured scopes are used, whatever it advertises", () => {
    const configured = ['openid', 'fhirUser', 'patient/Patient.rs', 'patient/Observation.rs'];
    assert.deepEqual(launchScopes('ehr', configured, ['permission-v1']), {
      scopes: ['launch', ...configured],
      source: 'configured',
    });
  });

  test('configured scopes get exactly the launch scope the launch needs, once', () => {
    const configured = ['launch', 'openid', 'launch/patient', 'user/*.read', 'launch'];
    assert.deepEqual(launchScopes('ehr', configured, []).scopes, [
      'launch',
      'openid',
      'user/*.read',
    ]);
    assert.deepEqual(launchScopes('standalone', configured, []).scopes, [
      'launch/patient',
      'openid',
      'user/*.read',
    ]);
  });

  test('configured scopes are kept in their order, without repeats', () => {
    const configured = ['openid', 'user/*.read', 'openid', 'fhirUser'];
    assert.deepEqual(launchScopes('ehr', configured, []).scopes, [
      'launch',
      'openid',
      'user/*.read',
      'fhirUser',
    ]);
  });
});
