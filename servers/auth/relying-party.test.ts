/**
 * The authorization server seen by an independent, OpenID-certified relying party (`openid-client`
 * 6), not by our own helpers: discovery, code + PKCE, refresh rotation, revocation and the refusals.
 * Only the sign-in step drives the hosted page by hand (a user typing a password).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { calculateJwkThumbprint, decodeJwt, exportJWK } from 'jose';
import * as client from 'openid-client';
import {
  APP_ORIGIN,
  Browser,
  CLIENT_ID,
  FHIR_BASE,
  PASSWORD,
  REDIRECT_URI,
  formAction,
  startTestServer,
  type TestServer,
} from '../../test-support/auth.ts';

const CLINICIAN_ID = '00ulocal0clinician01';
const SCOPE = 'openid profile email user/*.read';
const OFFLINE_SCOPE = 'openid profile email offline_access user/*.read';

interface Pending {
  url: URL;
  verifier: string;
  state: string;
  nonce: string;
}

/** The relying party's side of starting a login: PKCE S256, state and nonce, all from openid-client. */
async function startLogin(
  config: client.Configuration,
  params: Record<string, string> = {},
): Promise<Pending> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...params,
  });
  return { url, verifier, state, nonce };
}

/** The user's side: follow the authorization URL, sign in on the hosted page if asked, and return
 * the URL the browser is sent to (the app's callback, which is not fetched), or the page shown. */
async function signIn(
  url: URL,
  username = 'clinician@example.com',
): Promise<{ callback?: URL; status?: number; body?: string }> {
  const browser = new Browser();
  const start = await browser.navigate(url.href);
  if (start.body === undefined) return { callback: new URL(start.url) };
  if (!start.body.includes('<input id="password"')) {
    return { status: start.res?.status, body: start.body };
  }
  const done = await browser.submit(formAction(start.body, start.url), {
    username,
    password: PASSWORD,
  });
  if (done.body !== undefined) return { status: done.res?.status, body: done.body };
  return { callback: new URL(done.url) };
}

async function login(
  config: client.Configuration,
  params: Record<string, string> = {},
): Promise<{ pending: Pending; callback: URL }> {
  const pending = await startLogin(config, params);
  const { callback, status } = await signIn(pending.url);
  assert.ok(callback, `expected a redirect to the app, got a page (${status})`);
  return { pending, callback };
}

function exchange(config: client.Configuration, pending: Pending, callback: URL) {
  return client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
  });
}

async function loginForTokens(config: client.Configuration, scope = SCOPE) {
  const { pending, callback } = await login(config, { scope });
  return exchange(config, pending, callback);
}

/** Resolves to the OAuth `error` code the relying party reports, failing if the call succeeded. */
async function oauthError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof client.ResponseBodyError || err instanceof client.AuthorizationResponseError)
      return err.error;
    if (err instanceof client.WWWAuthenticateChallengeError) {
      return `${err.status} ${err.cause[0]?.parameters.error ?? ''}`.trim();
    }
    throw err;
  }
  assert.fail('the relying party accepted what the server should have refused');
}

/** The same JWT with one claim changed and the original signature. */
function tamper(jwt: string, change: Record<string, unknown>): string {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  const forged = Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}

describe('openid-client (a certified relying party) against the authorization server', () => {
  let server: TestServer;
  let config: client.Configuration;

  before(async () => {
    server = await startTestServer();
    config = await client.discovery(
      new URL(server.issuer),
      CLIENT_ID,
      { redirect_uri: REDIRECT_URI, token_endpoint_auth_method: 'none' },
      client.None(),
      { execute: [client.allowInsecureRequests] },
    );
  });
  after(() => server.close());

  test('discovery validates the issuer and finds the Okta endpoints with S256-only PKCE', () => {
    const meta = config.serverMetadata();
    assert.equal(meta.issuer, server.issuer);
    for (const [field, path] of [
      ['authorization_endpoint', 'authorize'],
      ['token_endpoint', 'token'],
      ['jwks_uri', 'keys'],
      ['userinfo_endpoint', 'userinfo'],
      ['revocation_endpoint', 'revoke'],
      ['introspection_endpoint', 'introspect'],
      ['end_session_endpoint', 'logout'],
    ] as const) {
      assert.equal(meta[field], `${server.issuer}/v1/${path}`, field);
    }
    assert.deepEqual(meta.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(meta.response_types_supported, ['code']);
    assert.deepEqual(meta.id_token_signing_alg_values_supported, ['RS256']);
    assert.ok(meta.scopes_supported?.includes('offline_access'));
    assert.equal(config.serverMetadata().supportsPKCE('S256'), true);
    assert.equal(config.serverMetadata().supportsPKCE('plain'), false);
  });

  test('code + PKCE: the callback, the ID token and the userinfo answer pass the relying party checks', async () => {
    const tokens = await loginForTokens(config);
    assert.equal(tokens.token_type, 'bearer');
    assert.equal(tokens.scope, SCOPE);
    assert.ok(tokens.expires_in && tokens.expires_in > 0);
    assert.equal(tokens.refresh_token, undefined, 'no refresh token without offline_access');
    const idToken = tokens.claims();
    assert.ok(idToken);
    assert.equal(idToken.sub, CLINICIAN_ID);
    assert.equal(idToken.aud, CLIENT_ID);
    const access = JSON.parse(
      Buffer.from(tokens.access_token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    assert.equal(access.aud, FHIR_BASE);
    assert.equal(access.sub, 'clinician@example.com');
    const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
    assert.equal(info.sub, CLINICIAN_ID);
    assert.equal(info.email, 'clinician@example.com');
    const introspection = await client.tokenIntrospection(config, tokens.access_token);
    assert.equal(introspection.active, true);
    assert.equal(introspection.client_id, CLIENT_ID);
  });

  test('refresh rotates the refresh token; replaying the old one is refused and revokes the grant', async () => {
    const first = await loginForTokens(config, OFFLINE_SCOPE);
    assert.ok(first.refresh_token, 'offline_access gives a refresh token');
    const second = await client.refreshTokenGrant(config, first.refresh_token);
    assert.ok(second.refresh_token);
    assert.notEqual(second.refresh_token, first.refresh_token, 'rotated');
    assert.notEqual(second.access_token, first.access_token);
    assert.equal(second.claims()?.sub, CLINICIAN_ID, 'a refreshed ID token for the same user');
    const info = await client.fetchUserInfo(config, second.access_token, CLINICIAN_ID);
    assert.equal(info.sub, CLINICIAN_ID);
    // Okta's grace period (30 s by default): the previous token gets fresh tokens and the newest
    // refresh token, as after a lost response.
    const retried = await client.refreshTokenGrant(config, first.refresh_token);
    assert.equal(retried.refresh_token, second.refresh_token, 'the newest refresh token again');
    assert.notEqual(retried.access_token, second.access_token);
    const third = await client.refreshTokenGrant(config, second.refresh_token);
    assert.ok(third.access_token, 'the rotated token refreshes in turn');
    // Two rotations behind is a replay even within the grace period.
    assert.equal(
      await oauthError(client.refreshTokenGrant(config, first.refresh_token)),
      'invalid_grant',
    );
    // Replaying a rotated refresh token means it leaked: the whole grant is revoked.
    assert.ok(third.refresh_token);
    assert.equal(
      await oauthError(client.refreshTokenGrant(config, third.refresh_token)),
      'invalid_grant',
    );
    assert.equal(
      await oauthError(client.fetchUserInfo(config, third.access_token, CLINICIAN_ID)),
      '401 invalid_token',
    );
  });

  test('with DPoP the relying party follows use_dpop_nonce at the token endpoint and gets tokens bound to its key', async () => {
    const tokenStatuses: number[] = [];
    const dpopConfig = await client.discovery(
      new URL(server.issuer),
      CLIENT_ID,
      { redirect_uri: REDIRECT_URI, token_endpoint_auth_method: 'none' },
      client.None(),
      { execute: [client.allowInsecureRequests] },
    );
    dpopConfig[client.customFetch] = async (url, options) => {
      // Node's fetch takes every body openid-client sends; only the declared types differ.
      const res = await fetch(url, options as RequestInit);
      if (url.endsWith('/v1/token')) tokenStatuses.push(res.status);
      return res;
    };
    const keyPair = await client.randomDPoPKeyPair('ES256');
    const DPoP = client.getDPoPHandle(dpopConfig, keyPair);
    const { pending, callback } = await login(dpopConfig, { scope: OFFLINE_SCOPE });
    const tokens = await client.authorizationCodeGrant(
      dpopConfig,
      callback,
      {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
      },
      undefined,
      { DPoP },
    );
    assert.equal(tokens.token_type, 'dpop');
    const jkt = await calculateJwkThumbprint(await exportJWK(keyPair.publicKey));
    assert.deepEqual(decodeJwt(tokens.access_token).cnf, { jkt });
    assert.ok(tokens.refresh_token);
    const refreshed = await client.refreshTokenGrant(dpopConfig, tokens.refresh_token, undefined, {
      DPoP,
    });
    const info = await client.fetchUserInfo(dpopConfig, refreshed.access_token, CLINICIAN_ID, {
      DPoP,
    });
    assert.equal(info.sub, CLINICIAN_ID);
    // The first exchange is refused for want of a nonce; the refresh reuses the nonce it was given.
    assert.deepEqual(tokenStatuses, [400, 200, 200]);
  });

  test('revoking the access token makes userinfo refuse it and introspection call it inactive', async () => {
    const tokens = await loginForTokens(config);
    await client.tokenRevocation(config, tokens.access_token);
    assert.equal(
      await oauthError(client.fetchUserInfo(config, tokens.access_token, CLINICIAN_ID)),
      '401 invalid_token',
    );
    assert.equal((await client.tokenIntrospection(config, tokens.access_token)).active, false);
  });

  test('revoking the refresh token ends it and the access tokens of its grant', async () => {
    const tokens = await loginForTokens(config, OFFLINE_SCOPE);
    assert.ok(tokens.refresh_token);
    assert.equal((await client.tokenIntrospection(config, tokens.refresh_token)).active, true);
    await client.tokenRevocation(config, tokens.refresh_token);
    assert.equal((await client.tokenIntrospection(config, tokens.refresh_token)).active, false);
    assert.equal(
      await oauthError(client.refreshTokenGrant(config, tokens.refresh_token)),
      'invalid_grant',
    );
    assert.equal(
      await oauthError(client.fetchUserInfo(config, tokens.access_token, CLINICIAN_ID)),
      '401 invalid_token',
    );
  });

  test('an unknown scope comes back to the relying party as invalid_scope, with its state', async () => {
    const pending = await startLogin(config, { scope: 'openid user/*.read admin/everything' });
    const { callback } = await signIn(pending.url);
    assert.ok(callback, 'the error is redirected to the app');
    assert.equal(callback.searchParams.get('state'), pending.state);
    assert.equal(await oauthError(exchange(config, pending, callback)), 'invalid_scope');
  });

  test('an unregistered redirect URI gets an error page on the server and nothing reaches it', async () => {
    const pending = await startLogin(config, { redirect_uri: `${APP_ORIGIN}/not-registered` });
    const result = await signIn(pending.url);
    assert.equal(result.callback, undefined, 'no redirect at all');
    assert.equal(result.status, 400);
    assert.match(result.body ?? '', /redirect_uri did not match/);
  });

  test('a code is refused at the token endpoint with a redirect URI other than the one it was issued for', async () => {
    const { pending, callback } = await login(config);
    const elsewhere = new URL(`${APP_ORIGIN}/not-registered${callback.search}`);
    assert.equal(await oauthError(exchange(config, pending, elsewhere)), 'invalid_grant');
  });

  test('an authorization request without a PKCE challenge is refused before any sign-in', async () => {
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: SCOPE,
      state,
    });
    const { callback } = await signIn(url);
    assert.ok(callback, 'the error is redirected to the app, no sign-in page');
    const error = await oauthError(
      client.authorizationCodeGrant(config, callback, { expectedState: state }),
    );
    assert.equal(error, 'invalid_request');
    assert.match(callback.searchParams.get('error_description') ?? '', /PKCE/);
  });

  test('a plain PKCE challenge is refused before any sign-in', async () => {
    const verifier = client.randomPKCECodeVerifier();
    const pending = await startLogin(config, {
      code_challenge: verifier,
      code_challenge_method: 'plain',
    });
    const { callback } = await signIn(pending.url);
    assert.ok(callback, 'the error is redirected to the app, no sign-in page');
    assert.equal(await oauthError(exchange(config, pending, callback)), 'invalid_request');
  });

  test('a code cannot be exchanged without its PKCE verifier', async () => {
    const { pending, callback } = await login(config);
    const withoutVerifier = client.authorizationCodeGrant(config, callback, {
      expectedState: pending.state,
      expectedNonce: pending.nonce,
    });
    assert.equal(await oauthError(withoutVerifier), 'invalid_grant');
  });

  test('a code cannot be exchanged with another PKCE verifier', async () => {
    const { pending, callback } = await login(config);
    const other = { ...pending, verifier: client.randomPKCECodeVerifier() };
    assert.equal(await oauthError(exchange(config, other, callback)), 'invalid_grant');
  });

  test('a second use of an authorization code fails and revokes the tokens from the first', async () => {
    const { pending, callback } = await login(config, { scope: OFFLINE_SCOPE });
    const first = await exchange(config, pending, callback);
    assert.ok(first.refresh_token);
    assert.equal(
      (await client.fetchUserInfo(config, first.access_token, CLINICIAN_ID)).sub,
      CLINICIAN_ID,
    );
    assert.equal(await oauthError(exchange(config, pending, callback)), 'invalid_grant');
    assert.equal(
      await oauthError(client.fetchUserInfo(config, first.access_token, CLINICIAN_ID)),
      '401 invalid_token',
    );
    assert.equal((await client.tokenIntrospection(config, first.access_token)).active, false);
    assert.equal(
      await oauthError(client.refreshTokenGrant(config, first.refresh_token)),
      'invalid_grant',
    );
  });

  test('a tampered access token is refused by userinfo and inactive at introspection', async () => {
    const tokens = await loginForTokens(config);
    for (const change of [
      { scp: ['openid', 'user/*.write'], scope: 'openid user/*.write' },
      { sub: 'patient@example.com', uid: '00ulocal0patient0001' },
      { exp: Math.floor(Date.now() / 1000) + 365 * 24 * 3600 },
    ]) {
      const forged = tamper(tokens.access_token, change);
      assert.equal(
        await oauthError(client.fetchUserInfo(config, forged, client.skipSubjectCheck)),
        '401 invalid_token',
        JSON.stringify(change),
      );
      assert.equal((await client.tokenIntrospection(config, forged)).active, false);
    }
    const unsigned = `${tokens.access_token.split('.').slice(0, 2).join('.')}.`;
    assert.equal(
      await oauthError(client.fetchUserInfo(config, unsigned, client.skipSubjectCheck)),
      '401 invalid_token',
    );
    // The untouched token still works: the refusals above are about the changes.
    assert.equal(
      (await client.fetchUserInfo(config, tokens.access_token, CLINICIAN_ID)).sub,
      CLINICIAN_ID,
    );
  });

  test('a tampered refresh token is refused', async () => {
    const tokens = await loginForTokens(config, OFFLINE_SCOPE);
    assert.ok(tokens.refresh_token);
    const last = tokens.refresh_token.at(-1) === 'A' ? 'B' : 'A';
    const forged = `${tokens.refresh_token.slice(0, -1)}${last}`;
    assert.equal(await oauthError(client.refreshTokenGrant(config, forged)), 'invalid_grant');
  });
});
