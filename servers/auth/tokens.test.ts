import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  CLIENT_ID,
  exchangeCode,
  loginForTokens,
  postForm as post,
  redirectLogin,
  startTestServer,
  type TestServer,
  type TokenResponse,
} from '../../test-support/auth.ts';

// okta-auth-js sends `Authorization: Basic base64(clientId)`, without a colon or a secret.
const OKTA_BASIC = `Basic ${Buffer.from(CLIENT_ID).toString('base64')}`;

describe('userinfo, revocation, introspection and refresh', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const userinfo = (token: string) =>
    fetch(`${server.issuer}/v1/userinfo`, { headers: { authorization: `Bearer ${token}` } });

  test('userinfo answers the user claims with the ID token subject', async () => {
    const tokens = await loginForTokens(new Browser(), server.issuer, 'clinician@example.com');
    const res = await userinfo(tokens.access_token);
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.sub, '00ulocal0clinician01');
    assert.equal(body.email, 'clinician@example.com');
    assert.equal(body.name, 'Casey Clinician');
    assert.equal(body.preferred_username, 'clinician@example.com');
  });

  test('revoking with okta-auth-js Basic header makes userinfo and introspect refuse the token', async () => {
    const tokens = await loginForTokens(new Browser(), server.issuer, 'clinician@example.com');
    const before = await post(
      `${server.issuer}/v1/introspect`,
      { token: tokens.access_token },
      { authorization: OKTA_BASIC },
    );
    assert.equal(((await before.json()) as { active: boolean }).active, true);
    const revoked = await post(
      `${server.issuer}/v1/revoke`,
      { token: tokens.access_token, token_type_hint: 'access_token' },
      { authorization: OKTA_BASIC },
    );
    assert.equal(revoked.status, 200);
    const res = await userinfo(tokens.access_token);
    assert.equal(res.status, 401);
    assert.equal(
      res.headers.get('www-authenticate'),
      `Bearer realm="${server.issuer}", error="invalid_token", error_description="The access token is invalid."`,
    );
    const after = await post(
      `${server.issuer}/v1/introspect`,
      { token: tokens.access_token },
      { authorization: OKTA_BASIC },
    );
    assert.deepEqual(await after.json(), { active: false });
  });

  test('revoke refuses an unknown client', async () => {
    const res = await post(
      `${server.issuer}/v1/revoke`,
      { token: 'x' },
      { authorization: `Basic ${Buffer.from('0oanotaclient').toString('base64')}` },
    );
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as { error: string }).error, 'invalid_client');
  });

  test('a tampered access token is refused', async () => {
    const tokens = await loginForTokens(new Browser(), server.issuer, 'clinician@example.com');
    const [h, p, s] = tokens.access_token.split('.');
    const claims = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    claims.scp = ['openid', 'user/*.write'];
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    assert.equal((await userinfo(forged)).status, 401);
  });

  test('offline_access gives a refresh token that rotates on use', async () => {
    const tokens = await loginForTokens(new Browser(), server.issuer, 'clinician@example.com', {
      scope: 'openid profile email offline_access user/*.read',
    });
    assert.ok(tokens.refresh_token, 'a refresh token without prompt=consent, like Okta');
    assert.equal(tokens.scope, 'openid profile email offline_access user/*.read');
    const refresh = async (rt: string) =>
      post(`${server.issuer}/v1/token`, {
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        refresh_token: rt,
        scope: tokens.scope,
      });
    const first = await refresh(tokens.refresh_token);
    assert.equal(first.status, 200);
    const renewed = (await first.json()) as TokenResponse;
    assert.ok(renewed.access_token);
    assert.ok(renewed.refresh_token);
    assert.notEqual(renewed.refresh_token, tokens.refresh_token, 'rotated');
    assert.equal((await userinfo(renewed.access_token)).status, 200);
    // Within Okta's default 30 s grace period the previous token still works and gets the newest one;
    // refresh-grace.test.ts covers reuse after it and with no grace period.
    const retry = await refresh(tokens.refresh_token);
    assert.equal(retry.status, 200);
    assert.equal(((await retry.json()) as TokenResponse).refresh_token, renewed.refresh_token);
  });

  test('revoking a refresh token ends it', async () => {
    const tokens = await loginForTokens(new Browser(), server.issuer, 'clinician@example.com', {
      scope: 'openid offline_access user/*.read',
    });
    assert.ok(tokens.refresh_token);
    await post(`${server.issuer}/v1/revoke`, { token: tokens.refresh_token, client_id: CLIENT_ID });
    const res = await post(`${server.issuer}/v1/token`, {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      refresh_token: tokens.refresh_token,
    });
    assert.equal(res.status, 400);
    assert.equal((await userinfo(tokens.access_token)).status, 401, 'its access tokens go with it');
  });

  test('without offline_access there is no refresh token', async () => {
    const tokens = await loginForTokens(new Browser(), server.issuer, 'clinician@example.com');
    assert.equal(tokens.refresh_token, undefined);
  });

  test('a second use of an authorization code fails and revokes the tokens from the first', async () => {
    const { callback, verifier } = await redirectLogin(
      new Browser(),
      server.issuer,
      'clinician@example.com',
    );
    const code = callback.searchParams.get('code') ?? '';
    const first = await exchangeCode(server.issuer, code, verifier);
    assert.equal(first.status, 200);
    const second = await exchangeCode(server.issuer, code, verifier);
    assert.equal(second.status, 400);
    assert.equal(second.body.error, 'invalid_grant');
    assert.equal((await userinfo(first.body.access_token)).status, 401);
  });

  test('a wrong code verifier is refused', async () => {
    const { callback } = await redirectLogin(new Browser(), server.issuer, 'clinician@example.com');
    const res = await exchangeCode(
      server.issuer,
      callback.searchParams.get('code') ?? '',
      'x'.repeat(43),
    );
    assert.equal(res.status, 400);
    assert.equal(res.body.error, 'invalid_grant');
  });

  test('an oversized token request is refused', async () => {
    const res = await post(`${server.issuer}/v1/token`, {
      grant_type: 'authorization_code',
      code: 'x'.repeat(60_000),
    });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: string }).error, 'invalid_request');
  });

  test('access tokens last as configured', async () => {
    const short = await startTestServer({ accessTokenTtlSeconds: 120 });
    try {
      const tokens = await loginForTokens(new Browser(), short.issuer, 'clinician@example.com');
      assert.equal(tokens.expires_in, 120);
    } finally {
      await short.close();
    }
  });
});
