import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  APP_ORIGIN,
  Browser,
  PASSWORD,
  authorizeUrl,
  exchangeCode,
  pkce,
  startTestServer,
  type TestServer,
} from '../../test-support/auth.ts';

describe('Classic Engine: /api/v1/authn and sessionToken', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const authn = async (username: string, password: string) => {
    const res = await fetch(`${server.origin}/api/v1/authn`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        origin: APP_ORIGIN,
      },
      body: JSON.stringify({ username, password }),
    });
    return { res, body: (await res.json()) as Record<string, unknown> };
  };

  /** What okta-auth-js does with a session token: a hidden iframe that gets a postMessage back. */
  const iframeAuthorize = async (sessionToken: string) => {
    const { verifier, challenge } = pkce();
    const result = await new Browser().navigate(
      authorizeUrl(server.issuer, {
        code_challenge: challenge,
        code_challenge_method: 'S256',
        sessionToken,
        prompt: 'none',
        response_mode: 'okta_post_message',
        state: 'classic',
        scope: 'openid profile email offline_access user/*.read',
      }),
    );
    return { verifier, body: result.body ?? '', status: result.res?.status };
  };

  test('a password sign-in returns a session token that logs the user in silently', async () => {
    const { res, body } = await authn('clinician@example.com', PASSWORD);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), APP_ORIGIN);
    assert.equal(body.status, 'SUCCESS');
    assert.equal(typeof body.sessionToken, 'string');
    assert.ok(Date.parse(String(body.expiresAt)) > Date.now());
    const user = (body._embedded as { user: { id: string; profile: { login: string } } }).user;
    assert.equal(user.id, '00ulocal0clinician01');
    assert.equal(user.profile.login, 'clinician@example.com');

    const { verifier, body: page, status } = await iframeAuthorize(String(body.sessionToken));
    assert.equal(status, 200);
    assert.match(page, /"state":"classic"/);
    const code = /"code":"([^"]+)"/.exec(page)?.[1];
    assert.ok(code, 'the code is posted to the app');
    const tokens = await exchangeCode(server.issuer, code, verifier);
    assert.equal(tokens.status, 200);
    assert.ok(tokens.body.refresh_token);

    const reuse = await iframeAuthorize(String(body.sessionToken));
    assert.match(reuse.body, /"error":"access_denied"/, 'a session token works once');
  });

  test('a wrong password is E0000004 and a retry works', async () => {
    const failed = await authn('clinician@example.com', 'wrong');
    assert.equal(failed.res.status, 401);
    assert.equal(failed.body.errorCode, 'E0000004');
    assert.equal(failed.body.errorSummary, 'Authentication failed');
    const retry = await authn('clinician@example.com', PASSWORD);
    assert.equal(retry.body.status, 'SUCCESS');
  });

  test('recovery and other Classic transaction steps answer a clear error', async () => {
    const res = await fetch(`${server.origin}/api/v1/authn/recovery/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clinician@example.com' }),
    });
    assert.equal(res.status, 501);
    const body = (await res.json()) as { errorSummary: string };
    assert.match(body.errorSummary, /only supports password sign-in/);
  });
});
