import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { htuOf, proofMismatch } from './dpop.ts';

describe('DPoP proof rules', () => {
  const url = 'http://localhost:4400/fhir/Patient?name=x';
  const expected = { method: 'GET', url, ath: 'hash', thumbprint: 'k1', jkt: 'k1' };
  const claims = { htm: 'GET', htu: 'http://localhost:4400/fhir/Patient', ath: 'hash', jti: 'j1' };

  test('a proof for this request and token fits, whatever query the request carries', () => {
    assert.equal(proofMismatch(claims, expected), undefined);
    assert.equal(proofMismatch({ ...claims, htu: `${claims.htu}?other=1#f` }, expected), undefined);
  });

  test('each mismatch is named', () => {
    assert.match(proofMismatch({ ...claims, htm: 'POST' }, expected) ?? '', /htm/);
    assert.match(
      proofMismatch({ ...claims, htu: 'http://localhost:4400/fhir/Observation' }, expected) ?? '',
      /htu/,
    );
    assert.match(proofMismatch({ ...claims, htu: 42 }, expected) ?? '', /htu/);
    assert.match(proofMismatch({ ...claims, ath: 'other' }, expected) ?? '', /ath/);
    assert.match(proofMismatch(claims, { ...expected, thumbprint: 'k2' }) ?? '', /cnf\.jkt/);
    assert.match(proofMismatch({ ...claims, jti: '' }, expected) ?? '', /jti/);
  });

  test('htu ignores query and fragment, and a non-URL matches nothing', () => {
    assert.equal(htuOf('https://fhir.example/r4/Patient?x=1#y'), 'https://fhir.example/r4/Patient');
    assert.equal(htuOf('not a url'), '');
  });
});
