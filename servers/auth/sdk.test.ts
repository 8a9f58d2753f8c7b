/**
 * okta-auth-js 7.14.5 itself (its Node build) against the server: the Identity Engine login the widget
 * uses, the Classic Engine `/api/v1/authn`, getUser, refresh, revocation and ID token verification.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OktaAuth, type OktaAuthOptions, type Tokens } from '@okta/okta-auth-js';
import {
  CLIENT_ID,
  PASSWORD,
  REDIRECT_URI,
  startTestServer,
  type TestServer,
} from '../../test-support/auth.ts';

const SCOPES = ['openid', 'profile', 'email', 'offline_access', 'user/*.read'];

/** In-memory storage given explicitly, so the SDK does not warn about its server-side default. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('okta-auth-js against the local authorization server', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const client = () => {
    const storage = { storageProvider: memoryStorage() };
    const options: OktaAuthOptions = {
      issuer: server.issuer,
      clientId: CLIENT_ID,
      redirectUri: REDIRECT_URI,
      scopes: SCOPES,
      storageManager: {
        token: storage,
        transaction: storage,
        'shared-transaction': storage,
        'original-uri': storage,
      },
    };
    return new OktaAuth(options);
  };

  test('idx.authenticate shows the wrong-password message, then signs in; getUser, refresh and revoke work', async () => {
    const auth = client();
    const failed = await auth.idx.authenticate({
      username: 'clinician@example.com',
      password: 'wrong',
    });
    assert.equal(failed.status, 'PENDING');
    assert.equal(failed.messages?.[0]?.i18n?.key, 'errors.E0000004');

    const done = await auth.idx.authenticate({
      username: 'clinician@example.com',
      password: PASSWORD,
    });
    assert.equal(done.status, 'SUCCESS');
    const tokens = done.tokens as Required<Tokens>;
    assert.ok(tokens.accessToken && tokens.idToken && tokens.refreshToken);
    assert.deepEqual(tokens.accessToken.scopes, SCOPES);
    assert.equal(tokens.accessToken.claims.sub, 'clinician@example.com');
    assert.ok(await auth.token.verify(tokens.idToken));

    auth.tokenManager.setTokens(tokens);
    const user = await auth.getUser();
    assert.equal(user.sub, '00ulocal0clinician01');
    assert.equal(user.email, 'clinician@example.com');

    const renewed = await auth.token.renewTokensWithRefresh(
      { scopes: SCOPES },
      tokens.refreshToken,
    );
    assert.ok(renewed.accessToken && renewed.refreshToken);
    assert.notEqual(renewed.refreshToken.refreshToken, tokens.refreshToken.refreshToken);

    await auth.revokeAccessToken(renewed.accessToken);
    await auth.revokeRefreshToken(renewed.refreshToken);
    const userinfo = await fetch(`${server.issuer}/v1/userinfo`, {
      headers: { authorization: `Bearer ${renewed.accessToken.accessToken}` },
    });
    assert.equal(userinfo.status, 401);
    // The token manager keeps expiry timers; stop them so the test process can end.
    auth.tokenManager.clear();
    await auth.stop();
  });

  test('signInWithCredentials (Classic Engine) gives a session token, and reports a wrong password', async () => {
    const ok = await client().signInWithCredentials({
      username: 'frontdesk@example.com',
      password: PASSWORD,
    });
    assert.equal(ok.status, 'SUCCESS');
    assert.equal(typeof ok.sessionToken, 'string');
    await assert.rejects(
      client().signInWithCredentials({ username: 'frontdesk@example.com', password: 'nope' }),
      (err: { errorCode?: string }) => err.errorCode === 'E0000004',
    );
  });
});
