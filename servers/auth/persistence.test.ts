import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  Browser,
  CLIENT_ID,
  authorizeUrl,
  loginForTokens,
  pkce,
  startTestServer,
  type TestServer,
} from './testing.ts';

/** Restarts on the same port and data directory, so the issuer and the browser's cookies still apply. */
async function restart(server: TestServer): Promise<TestServer> {
  await server.stop();
  return startTestServer({ port: server.port }, server.dataDir);
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
});
