import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AuthServerOptions } from './server.ts';
import {
  Browser,
  CLIENT_ID,
  PASSWORD,
  REDIRECT_URI,
  authorizeUrl,
  dpopKey,
  dpopTokenRequest,
  loginForTokens,
  pkce,
  redirectLogin,
  startTestServer,
  type TestServer,
} from '../../test-support/auth.ts';

/** Restarts on the same port and data directory, so the issuer and the browser's cookies still apply. */
async function restart(
  server: TestServer,
  overrides: Partial<AuthServerOptions> = {},
): Promise<TestServer> {
  await server.stop();
  return startTestServer({ ...overrides, port: server.port }, server.dataDir);
}

/** A Classic Engine password sign-in (`/api/v1/authn`): its HTTP status. */
async function authn(server: TestServer, username: string, password: string): Promise<number> {
  const res = await fetch(`${server.origin}/api/v1/authn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  await res.body?.cancel();
  return res.status;
}

describe('what survives a restart', () => {
  test('a signed-in browser still renews silently, refresh tokens still work and revoked tokens stay revoked', async () => {
    let server = await startTestServer();
    try {
      const browser = new Browser();
      const tokens = await loginForTokens(browser, server.issuer, 'clinician@example.com', {
        scope: 'openid profile offline_access user/*.read',
      });
      const revoke = await fetch(`${server.issuer}/v1/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: tokens.access_token, client_id: CLIENT_ID }),
      });
      assert.equal(revoke.status, 200);

      server = await restart(server);

      const { challenge } = pkce();
      const silent = await browser.navigate(
        authorizeUrl(server.issuer, {
          code_challenge: challenge,
          code_challenge_method: 'S256',
          prompt: 'none',
        }),
      );
      assert.ok(
        new URL(silent.url).searchParams.get('code'),
        `silent renewal after restart: ${silent.url}`,
      );

      const userinfo = await fetch(`${server.issuer}/v1/userinfo`, {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      });
      assert.equal(userinfo.status, 401, 'still revoked');

      const refreshed = await fetch(`${server.issuer}/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: CLIENT_ID,
          refresh_token: tokens.refresh_token ?? '',
        }),
      });
      assert.equal(refreshed.status, 200);
    } finally {
      await server.close();
    }
  });

  test('a sign-in lockout is still in force after a restart', async () => {
    const throttle = { loginThrottle: { maxFailuresPerUser: 2 } };
    let server = await startTestServer(throttle);
    try {
      assert.equal(await authn(server, 'frontdesk@example.com', 'wrong'), 401);
      assert.equal(await authn(server, 'frontdesk@example.com', 'wrong'), 401);

      server = await restart(server, throttle);

      assert.equal(await authn(server, 'frontdesk@example.com', PASSWORD), 429, 'still locked');
      assert.equal(await authn(server, 'patient@example.com', PASSWORD), 200, 'others are not');
    } finally {
      await server.close();
    }
  });

  test('a DPoP nonce issued before a restart is still accepted after it', async () => {
    let server = await startTestServer();
    try {
      const { callback, verifier } = await redirectLogin(
        new Browser(),
        server.issuer,
        'clinician@example.com',
      );
      const fields = {
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code') ?? '',
        code_verifier: verifier,
        redirect_uri: REDIRECT_URI,
      };
      const key = await dpopKey();
      const first = await dpopTokenRequest(`${server.issuer}/v1/token`, key, fields);
      const nonce = first.headers.get('dpop-nonce');
      assert.ok(nonce);

      server = await restart(server);

      const retry = await dpopTokenRequest(`${server.issuer}/v1/token`, key, fields, nonce);
      assert.equal(retry.status, 200);
    } finally {
      await server.close();
    }
  });
});
