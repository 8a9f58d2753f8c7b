import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { challengeHeader } from './challenge.ts';

describe('WWW-Authenticate challenges', () => {
  test('a request without credentials gets the realm only', () => {
    assert.equal(challengeHeader('fhir', { scheme: 'Bearer' }), 'Bearer realm="fhir"');
  });

  test('the realm comes first and every value is quoted', () => {
    assert.equal(
      challengeHeader('https://issuer.example/oauth2/default', {
        scheme: 'Bearer',
        error: 'insufficient_scope',
        description: 'requires user/Observation.read',
        scope: 'user/Observation.read user/Observation.rs',
      }),
      'Bearer realm="https://issuer.example/oauth2/default", error="insufficient_scope", ' +
        'error_description="requires user/Observation.read", ' +
        'scope="user/Observation.read user/Observation.rs"',
    );
  });

  test('a DPoP challenge lists the proof algorithms accepted', () => {
    assert.equal(
      challengeHeader('fhir', {
        scheme: 'DPoP',
        error: 'invalid_dpop_proof',
        description: 'stale',
      }),
      'DPoP realm="fhir", error="invalid_dpop_proof", error_description="stale", algs="RS256 ES256"',
    );
  });

  test('quotes, backslashes, line breaks and non-ASCII cannot break out of a value', () => {
    const header = challengeHeader('fhir', {
      scheme: 'Bearer',
      error: 'invalid_token',
      description: 'the "kid" \\ is\r\nX-Injected: 1 — unknown',
    });
    assert.equal(
      header,
      'Bearer realm="fhir", error="invalid_token", error_description="the kid  isX-Injected: 1  unknown"',
    );
  });
});
