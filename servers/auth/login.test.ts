import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import {
  APP_ORIGIN,
  Browser,
  CLIENT_ID,
  FHIR_BASE,
  PASSWORD,
  authorizeUrl,
  exchangeCode,
  formAction,
  loginForTokens,
  pkce,
  redirectLogin,
  startTestServer,
  type TestServer,
} from '../../test-support/auth.ts';

describe('redirect login with the hosted sign-in page', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('a clinician signs in with code + PKCE and gets an Okta-shaped access token', async () => {
    const browser = new Browser();
    const { callback, verifier } = await redirectLogin(
      browser,
      server.issuer,
      'clinician@example.com',
      {
        state: 'state-1',
      },
    );
    assert.equal(`${callback.origin}${callback.pathname}`, `${APP_ORIGIN}/login/callback`);
    assert.equal(callback.searchParams.get('state'), 'state-1');
    const code = callback.searchParams.get('code');
    assert.ok(code);
    const { status, body } = await exchangeCode(server.issuer, code, verifier);
    assert.equal(status, 200);
    assert.equal(body.token_type, 'Bearer');
    const jwks = createRemoteJWKSet(new URL(`${server.issuer}/v1/keys`));
    const { payload, protectedHeader } = await jwtVerify(body.access_token, jwks, {
      issuer: server.issuer,
      audience: FHIR_BASE,
    });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.ok(protectedHeader.kid);
    assert.equal(payload.sub, 'clinician@example.com');
    assert.equal(payload.uid, '00ulocal0clinician01');
    assert.equal(payload.cid, CLIENT_ID);
    assert.equal(payload.client_id, CLIENT_ID);
    assert.deepEqual(payload.scp, ['openid', 'profile', 'email', 'user/*.read']);
    assert.equal(payload.scope, 'openid profile email user/*.read');
    assert.ok(payload.jti && payload.iat && payload.exp);
    assert.equal(payload.patient, undefined);
    assert.ok(body.id_token);
    const idToken = await jwtVerify(body.id_token, jwks, {
      issuer: server.issuer,
      audience: CLIENT_ID,
    });
    assert.equal(idToken.payload.sub, '00ulocal0clinician01');
  });

  test('wrong password shows an error and a retry works', async () => {
    const browser = new Browser();
    const { challenge, verifier } = pkce();
    const page = await browser.navigate(
      authorizeUrl(server.issuer, { code_challenge: challenge, code_challenge_method: 'S256' }),
    );
    assert.ok(page.body);
    assert.match(page.body, /<label for="username">/);
    assert.match(page.body, /<label for="password">/);
    assert.match(page.body, /<button type="submit">Sign in<\/button>/);
    assert.doesNotMatch(page.body, /<script/);
    assert.match(page.res?.headers.get('content-security-policy') ?? '', /script-src 'none'/);
    const action = formAction(page.body, page.url);
    const wrong = await browser.submit(action, {
      username: 'clinician@example.com',
      password: 'nope',
    });
    assert.equal(wrong.res?.status, 200, 'the form again, not an error status (no console noise)');
    assert.match(wrong.body ?? '', /role="alert"[^>]*>Incorrect username or password/);
    const unknown = await browser.submit(action, {
      username: 'nobody@example.com',
      password: PASSWORD,
    });
    assert.match(
      unknown.body ?? '',
      /Incorrect username or password/,
      'the same message for an unknown user',
    );
    const retry = await browser.submit(action, {
      username: 'clinician@example.com',
      password: PASSWORD,
    });
    const code = new URL(retry.url).searchParams.get('code');
    assert.ok(code, 'the retry reaches the callback with a code');
    assert.equal((await exchangeCode(server.issuer, code, verifier)).status, 200);
  });

  test('repeated failures are throttled and the page says so', async () => {
    const fresh = await startTestServer();
    try {
      const browser = new Browser();
      const { challenge } = pkce();
      const page = await browser.navigate(
        authorizeUrl(fresh.issuer, { code_challenge: challenge, code_challenge_method: 'S256' }),
      );
      const action = formAction(page.body ?? '', page.url);
      for (let i = 0; i < 5; i += 1) {
        await browser.submit(action, { username: 'frontdesk@example.com', password: 'wrong' });
      }
      const locked = await browser.submit(action, {
        username: 'frontdesk@example.com',
        password: PASSWORD,
      });
      assert.equal(locked.res?.status, 429);
      assert.match(locked.body ?? '', /Too many failed sign-in attempts/);
    } finally {
      await fresh.close();
    }
  });

  test('many failures from one address lock that address out, whichever users they tried', async () => {
    const fresh = await startTestServer({ loginThrottle: { maxFailuresPerIp: 3 } });
    try {
      const browser = new Browser();
      const { challenge } = pkce();
      const page = await browser.navigate(
        authorizeUrl(fresh.issuer, { code_challenge: challenge, code_challenge_method: 'S256' }),
      );
      const action = formAction(page.body ?? '', page.url);
      for (const username of ['a@example.com', 'b@example.com', 'c@example.com']) {
        await browser.submit(action, { username, password: 'wrong' });
      }
      const locked = await browser.submit(action, {
        username: 'patient@example.com',
        password: PASSWORD,
      });
      assert.equal(locked.res?.status, 429);
    } finally {
      await fresh.close();
    }
  });

  test('a signed-in browser gets a new code without seeing the page again (prompt=none)', async () => {
    const browser = new Browser();
    await loginForTokens(browser, server.issuer, 'clinician@example.com');
    const { challenge } = pkce();
    const silent = await browser.navigate(
      authorizeUrl(server.issuer, {
        code_challenge: challenge,
        code_challenge_method: 'S256',
        prompt: 'none',
      }),
    );
    assert.ok(new URL(silent.url).searchParams.get('code'));
  });

  test('a signed-in browser asking for offline_access gets a refresh token with no consent page', async () => {
    const browser = new Browser();
    await loginForTokens(browser, server.issuer, 'clinician@example.com');
    const tokens = await loginForTokens(browser, server.issuer, 'clinician@example.com', {
      scope: 'openid offline_access user/*.read',
    });
    assert.ok(tokens.refresh_token);
  });

  test('frontdesk asking for user/*.read gets only user/Patient.read', async () => {
    const tokens = await loginForTokens(new Browser(), server.issuer, 'frontdesk@example.com');
    assert.equal(tokens.scope, 'openid profile email user/Patient.read');
    const claims = decodeJwt(tokens.access_token);
    assert.deepEqual(claims.scp, ['openid', 'profile', 'email', 'user/Patient.read']);
    assert.equal(claims.sub, 'frontdesk@example.com');
  });

  test('the patient user gets a patient claim and patient scopes', async () => {
    const tokens = await loginForTokens(new Browser(), server.issuer, 'patient@example.com', {
      scope: 'openid profile patient/*.read',
    });
    const claims = decodeJwt(tokens.access_token);
    assert.equal(claims.patient, 'pat-0001');
    assert.deepEqual(claims.scp, ['openid', 'profile', 'patient/*.read']);
  });

  test('SMART v2 scopes are granted in v2 form', async () => {
    const tokens = await loginForTokens(new Browser(), server.issuer, 'clinician@example.com', {
      scope: 'openid user/Patient.rs user/Observation.rs',
    });
    assert.equal(tokens.scope, 'openid user/Patient.rs user/Observation.rs');
  });
});
