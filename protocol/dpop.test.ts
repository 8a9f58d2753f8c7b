import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import * as jose from 'jose';
import { createDpopVerifier, htuOf, proofMismatch } from './dpop.ts';
import type { AuthScheme, Refusal } from './refusal.ts';

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

describe('the DPoP verifier at a resource', () => {
  class Refused extends Error {
    constructor(readonly refusal: Refusal) {
      super(refusal.description);
    }
  }
  const verify = createDpopVerifier({
    jose,
    maxAgeSeconds: 300,
    clockToleranceSeconds: 5,
    replayMaxEntries: 100,
    refuse: (refusal) => new Refused(refusal),
  });
  const url = 'https://fhir.example/r4/Patient';
  const accessToken = 'header.payload.signature';
  const ath = createHash('sha256').update(accessToken).digest('base64url');

  const setup = async () => {
    const pair = await jose.generateKeyPair('ES256');
    const jwk = await jose.exportJWK(pair.publicKey);
    const sign = (claims: Record<string, unknown> = {}, typ = 'dpop+jwt') =>
      new jose.SignJWT({ htm: 'GET', htu: url, jti: randomUUID(), ath, ...claims })
        .setProtectedHeader({ alg: 'ES256', typ, jwk })
        .setIssuedAt()
        .sign(pair.privateKey);
    const jkt = await jose.calculateJwkThumbprint(jwk);
    const request = (proof: string | undefined, scheme: AuthScheme = 'DPoP') => ({
      scheme,
      accessToken,
      jkt,
      proof,
      method: 'GET',
      url: `${url}?name=x`,
    });
    return { sign, request };
  };

  const refusal = async (pending: Promise<void>): Promise<Refusal> => {
    try {
      await pending;
    } catch (e) {
      assert.ok(e instanceof Refused);
      return e.refusal;
    }
    assert.fail('the request was accepted');
  };

  test('a bound token with its proof passes once; an unbound Bearer token needs none', async () => {
    const { sign, request } = await setup();
    const proof = await sign();
    await verify(request(proof));
    const replay = await refusal(verify(request(proof)));
    assert.deepEqual(
      [replay.reason, replay.error, replay.description],
      ['bad-proof', 'invalid_dpop_proof', 'the proof was already used'],
    );
    await verify({ ...request(undefined, 'Bearer'), jkt: undefined });
  });

  test('the scheme must match the binding: invalid_token with a DPoP challenge', async () => {
    const { sign, request } = await setup();
    const asBearer = await refusal(verify(request(await sign(), 'Bearer')));
    assert.deepEqual(
      [asBearer.reason, asBearer.scheme, asBearer.error],
      ['bound-token-as-bearer', 'DPoP', 'invalid_token'],
    );
    const unbound = await refusal(verify({ ...request(await sign()), jkt: undefined }));
    assert.deepEqual(
      [unbound.reason, unbound.scheme, unbound.error],
      ['unbound-token-as-dpop', 'DPoP', 'invalid_token'],
    );
  });

  test('a missing, doubled, unhashed, mistyped or mismatched proof is refused, each for its reason', async () => {
    const { sign, request } = await setup();
    assert.equal((await refusal(verify(request(undefined)))).reason, 'no-proof');
    const cases: [string, string | RegExp][] = [
      [`${await sign()}, ${await sign()}`, 'exactly one DPoP proof is allowed'],
      [await sign({ ath: undefined }), 'the proof is malformed, stale or badly signed'],
      [await sign({}, 'JWT'), 'the proof is malformed, stale or badly signed'],
      [await sign({ htm: 'POST' }), /htm/],
      [await sign({ ath: 'another' }), /ath/],
    ];
    for (const [proof, description] of cases) {
      const refused = await refusal(verify(request(proof)));
      assert.equal(refused.reason, 'bad-proof');
      assert.equal(refused.error, 'invalid_dpop_proof');
      if (typeof description === 'string') assert.equal(refused.description, description);
      else assert.match(refused.description, description);
    }
  });
});
