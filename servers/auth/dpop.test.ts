import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  SignJWT,
  calculateJwkThumbprint,
  decodeJwt,
  exportJWK,
  generateKeyPair,
  type CryptoKey,
} from 'jose';
import {
  Browser,
  CLIENT_ID,
  REDIRECT_URI,
  redirectLogin,
  startTestServer,
  type TestServer,
} from './testing.ts';

interface ProofKey {
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  jwk: Record<string, unknown>;
}

async function proofKey(alg: 'RS256' | 'ES256'): Promise<ProofKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { alg, privateKey, jwk: { ...(await exportJWK(publicKey)) } };
}

function proof(key: ProofKey, htm: string, htu: string, accessToken?: string): Promise<string> {
  return new SignJWT({
    htm,
    htu,
    jti: randomUUID(),
    ...(accessToken ? { ath: createHash('sha256').update(accessToken).digest('base64url') } : {}),
  })
    .setProtectedHeader({ alg: key.alg, typ: 'dpop+jwt', jwk: key.jwk })
    .setIssuedAt()
    .sign(key.privateKey);
}

describe('DPoP-bound tokens', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const token = async (key: ProofKey, fields: Record<string, string>) => {
    const url = `${server.issuer}/v1/token`;
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        dpop: await proof(key, 'POST', url),
      },
      body: new URLSearchParams({ client_id: CLIENT_ID, ...fields }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };

  /** Signs in through the hosted page and exchanges the code with a proof from `key`. */
  const signInWithProofs = async (key: ProofKey, scope?: string) => {
    const { callback, verifier } = await redirectLogin(
      new Browser(),
      server.issuer,
      'clinician@example.com',
      scope ? { scope } : {},
    );
    return token(key, {
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
    });
  };

  const userinfo = async (key: ProofKey, accessToken: string, scheme = 'DPoP') => {
    const url = `${server.issuer}/v1/userinfo`;
    return fetch(url, {
      headers: {
        authorization: `${scheme} ${accessToken}`,
        dpop: await proof(key, 'GET', url, accessToken),
      },
    });
  };

  for (const alg of ['RS256', 'ES256'] as const) {
    test(`a ${alg} proof gives a DPoP-bound token that works with its proof, and refresh keeps the binding`, async () => {
      const key = await proofKey(alg);
      const issued = await signInWithProofs(key, 'openid profile email offline_access user/*.read');
      assert.equal(issued.status, 200);
      assert.equal(issued.body.token_type, 'DPoP');
      const jkt = await calculateJwkThumbprint(key.jwk);
      assert.deepEqual(decodeJwt(issued.body.access_token ?? '').cnf, { jkt });
      assert.equal((await userinfo(key, issued.body.access_token ?? '')).status, 200);

      const refreshed = await token(key, {
        grant_type: 'refresh_token',
        refresh_token: issued.body.refresh_token ?? '',
      });
      assert.equal(refreshed.status, 200);
      assert.equal(refreshed.body.token_type, 'DPoP');
      assert.deepEqual(decodeJwt(refreshed.body.access_token ?? '').cnf, { jkt });
    });
  }

  test('a DPoP-bound token sent as Bearer is refused', async () => {
    const key = await proofKey('ES256');
    const issued = await signInWithProofs(key);
    const res = await userinfo(key, issued.body.access_token ?? '', 'Bearer');
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /^DPoP /);
  });

  test('a proof from another key is refused', async () => {
    const key = await proofKey('ES256');
    const other = await proofKey('ES256');
    const issued = await signInWithProofs(key);
    assert.equal((await userinfo(other, issued.body.access_token ?? '')).status, 401);
  });

  test('a refresh with another key is refused', async () => {
    const key = await proofKey('RS256');
    const issued = await signInWithProofs(key, 'openid offline_access user/*.read');
    const stolen = await token(await proofKey('RS256'), {
      grant_type: 'refresh_token',
      refresh_token: issued.body.refresh_token ?? '',
    });
    assert.equal(stolen.status, 400);
    assert.equal(stolen.body.error, 'invalid_grant');
  });
});
