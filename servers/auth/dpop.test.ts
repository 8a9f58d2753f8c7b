import assert from 'node:assert/strict';
import { after, before, describe, mock, test } from 'node:test';
import { calculateJwkThumbprint, decodeJwt } from 'jose';
import {
  APP_ORIGIN,
  Browser,
  REDIRECT_URI,
  dpopKey,
  dpopProof,
  dpopTokenRequest,
  dpopTokens,
  redirectLogin,
  startTestServer,
  type DpopKey,
  type DpopTokenResponse,
  type TestServer,
} from '../../test-support/auth.ts';

/** What a browser app may read of a cross-origin answer: the CORS grant and the exposed headers. */
function assertBrowserCanReadNonce(res: DpopTokenResponse): void {
  assert.equal(res.headers.get('access-control-allow-origin'), APP_ORIGIN);
  assert.match(res.headers.get('access-control-expose-headers') ?? '', /\bDPoP-Nonce\b/i);
}

function assertAsksForNonce(res: DpopTokenResponse): string {
  assert.equal(res.status, 400);
  assert.equal(res.body.error, 'use_dpop_nonce');
  assert.ok(res.body.error_description);
  const nonce = res.headers.get('dpop-nonce');
  assert.ok(nonce, 'a DPoP-Nonce header comes with use_dpop_nonce');
  return nonce;
}

describe('DPoP-bound tokens', () => {
  let server: TestServer;
  let tokenUrl: string;
  before(async () => {
    server = await startTestServer();
    tokenUrl = `${server.issuer}/v1/token`;
  });
  after(() => server.close());

  /** Signs in through the hosted page; the fields of the code exchange. */
  const signIn = async (scope?: string) => {
    const { callback, verifier } = await redirectLogin(
      new Browser(),
      server.issuer,
      'clinician@example.com',
      scope ? { scope } : {},
    );
    return {
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
    };
  };

  /** Signs in and exchanges the code with proofs from `key`, retrying with the nonce like the SDK. */
  const signInWithProofs = async (key: DpopKey, scope?: string) =>
    dpopTokens(tokenUrl, key, await signIn(scope));

  const refresh = (key: DpopKey, refreshToken: string | undefined, nonce?: string) =>
    dpopTokenRequest(
      tokenUrl,
      key,
      { grant_type: 'refresh_token', refresh_token: refreshToken ?? '' },
      nonce,
    );

  const userinfo = async (key: DpopKey, accessToken: string, scheme = 'DPoP') => {
    const url = `${server.issuer}/v1/userinfo`;
    return fetch(url, {
      headers: {
        authorization: `${scheme} ${accessToken}`,
        dpop: await dpopProof(key, 'GET', url, { accessToken }),
      },
    });
  };

  for (const alg of ['RS256', 'ES256'] as const) {
    test(`a ${alg} proof gives a DPoP-bound token that works with its proof, and refresh keeps the binding`, async () => {
      const key = await dpopKey(alg);
      const issued = await signInWithProofs(key, 'openid profile email offline_access user/*.read');
      assert.equal(issued.status, 200);
      assert.equal(issued.body.token_type, 'DPoP');
      const jkt = await calculateJwkThumbprint(key.jwk);
      assert.deepEqual(decodeJwt(issued.body.access_token ?? '').cnf, { jkt });
      const info = await userinfo(key, issued.body.access_token ?? '');
      assert.equal(info.status, 200, 'userinfo takes a proof without a nonce');

      const refreshed = await dpopTokens(tokenUrl, key, {
        grant_type: 'refresh_token',
        refresh_token: issued.body.refresh_token ?? '',
      });
      assert.equal(refreshed.status, 200);
      assert.equal(refreshed.body.token_type, 'DPoP');
      assert.deepEqual(decodeJwt(refreshed.body.access_token ?? '').cnf, { jkt });
    });
  }

  test('the token endpoint answers a proof without a nonce like Okta: 400 use_dpop_nonce and a DPoP-Nonce the app can read; the retry succeeds', async () => {
    const key = await dpopKey('RS256');
    const fields = await signIn();
    const first = await dpopTokenRequest(tokenUrl, key, fields);
    const nonce = assertAsksForNonce(first);
    assertBrowserCanReadNonce(first);

    const retry = await dpopTokenRequest(tokenUrl, key, fields, nonce);
    assert.equal(retry.status, 200, 'the code was not used up by the first attempt');
    assert.equal(retry.body.token_type, 'DPoP');
    assertBrowserCanReadNonce(retry);
  });

  test('a refresh needs a nonce too, and the nonce is not bound to one request', async () => {
    const key = await dpopKey('ES256');
    const issued = await signInWithProofs(key, 'openid offline_access user/*.read');
    const nonce = assertAsksForNonce(await refresh(key, issued.body.refresh_token));
    const first = await refresh(key, issued.body.refresh_token, nonce);
    assert.equal(first.status, 200);
    const second = await refresh(key, first.body.refresh_token, nonce);
    assert.equal(second.status, 200, 'a nonce serves several requests while it is fresh');
  });

  test('a nonce the server never issued is refused, with a fresh one to retry with', async () => {
    const key = await dpopKey('ES256');
    const fields = await signIn();
    const forged = await dpopTokenRequest(tokenUrl, key, fields, 'A'.repeat(43));
    const nonce = assertAsksForNonce(forged);
    assert.notEqual(nonce, 'A'.repeat(43));
    assert.equal((await dpopTokenRequest(tokenUrl, key, fields, nonce)).status, 200);
  });

  test('a stale nonce is refused, with a fresh one to retry with', async () => {
    const key = await dpopKey('ES256');
    const issued = await signInWithProofs(key, 'openid offline_access user/*.read');
    const old = assertAsksForNonce(await refresh(key, issued.body.refresh_token));
    // Nonces last a few minutes; five minutes later this one must be refused.
    const later = Date.now() + 5 * 60_000;
    mock.method(Date, 'now', () => later);
    try {
      const stale = await refresh(key, issued.body.refresh_token, old);
      const fresh = assertAsksForNonce(stale);
      assert.notEqual(fresh, old);
      assert.equal((await refresh(key, issued.body.refresh_token, fresh)).status, 200);
    } finally {
      mock.restoreAll();
    }
  });

  test('a DPoP-bound token sent as Bearer is refused', async () => {
    const key = await dpopKey('ES256');
    const issued = await signInWithProofs(key);
    const res = await userinfo(key, issued.body.access_token ?? '', 'Bearer');
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /^DPoP /);
  });

  test('userinfo challenges a DPoP refusal like the FHIR server: with the realm and the accepted proof algorithms', async () => {
    const key = await dpopKey('ES256');
    const issued = await signInWithProofs(key);
    const asBearer = await userinfo(key, issued.body.access_token ?? '', 'Bearer');
    assert.equal(
      asBearer.headers.get('www-authenticate'),
      `DPoP realm="${server.issuer}", error="invalid_token", error_description="A DPoP-bound access token must be sent with the DPoP scheme.", algs="RS256 ES256"`,
    );
    const foreign = await userinfo(await dpopKey('ES256'), issued.body.access_token ?? '');
    assert.equal(
      foreign.headers.get('www-authenticate'),
      `DPoP realm="${server.issuer}", error="invalid_token", error_description="DPoP proof is invalid.", algs="RS256 ES256"`,
    );
  });

  test('a proof from another key is refused', async () => {
    const key = await dpopKey('ES256');
    const other = await dpopKey('ES256');
    const issued = await signInWithProofs(key);
    assert.equal((await userinfo(other, issued.body.access_token ?? '')).status, 401);
  });

  test('a refresh with another key is refused', async () => {
    const key = await dpopKey('RS256');
    const issued = await signInWithProofs(key, 'openid offline_access user/*.read');
    const stolen = await dpopTokens(tokenUrl, await dpopKey('RS256'), {
      grant_type: 'refresh_token',
      refresh_token: issued.body.refresh_token ?? '',
    });
    assert.equal(stolen.status, 400);
    assert.equal(stolen.body.error, 'invalid_grant');
  });
});
