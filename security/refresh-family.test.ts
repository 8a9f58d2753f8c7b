/**
 * A stolen refresh token after the user signs out, against the real servers: the authorization server
 * and a FHIR server that asks it whether tokens are still active. An attacker who copied the first
 * refresh token and rotated it must lose everything the grant issued once the user signs out.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  APP_ORIGIN,
  Browser,
  CLIENT_ID,
  formAction,
  loginForTokens,
  postForm,
  startTestServer,
  type TestServer,
  type TokenResponse,
} from '../test-support/auth.ts';
import { startFhirServer, type FhirServer } from '../servers/fhir/server.ts';
import { freePort } from '../servers/launch.ts';

const OFFLINE_SCOPE = 'openid profile offline_access user/*.read';

let auth: TestServer;
let fhir: FhirServer;
let fhirDir: string;

before(async () => {
  const fhirPort = await freePort();
  fhirDir = await mkdtemp(join(tmpdir(), 'refresh-family-fhir-'));
  auth = await startTestServer({ fhirBase: `http://localhost:${fhirPort}/fhir` });
  // No introspection cache: the question is whether the issuer still stands behind the token at all.
  fhir = await startFhirServer({
    port: fhirPort,
    dataDir: fhirDir,
    issuer: auth.issuer,
    appOrigin: APP_ORIGIN,
    introspection: { cacheSeconds: 0 },
    quiet: true,
  });
});
after(async () => {
  await fhir.close();
  await auth.close();
  await rm(fhirDir, { recursive: true, force: true });
});

const post = (path: string, fields: Record<string, string>) =>
  postForm(`${auth.issuer}${path}`, { client_id: CLIENT_ID, ...fields });

async function refresh(token: string | undefined) {
  const res = await post('/v1/token', { grant_type: 'refresh_token', refresh_token: token ?? '' });
  return { status: res.status, body: (await res.json()) as TokenResponse };
}

const revoke = async (token: string | undefined) =>
  (await post('/v1/revoke', { token: token ?? '' })).status;

async function introspects(token: string | undefined): Promise<boolean> {
  const res = await post('/v1/introspect', { token: token ?? '' });
  return ((await res.json()) as { active: boolean }).active;
}

async function fhirStatus(accessToken: string | undefined): Promise<number> {
  const res = await fetch(`${fhir.baseUrl}/Patient?_count=1`, {
    headers: { authorization: `Bearer ${accessToken ?? ''}` },
  });
  await res.body?.cancel();
  return res.status;
}

/** `/v1/logout` as okta-auth-js's `signOut()` reaches it, the self-submitting confirmation included. */
async function logout(browser: Browser, idToken: string | undefined): Promise<void> {
  const url = new URL(`${auth.issuer}/v1/logout`);
  url.searchParams.set('id_token_hint', idToken ?? '');
  url.searchParams.set('post_logout_redirect_uri', APP_ORIGIN);
  const page = await browser.navigate(url.href);
  const body = page.body ?? '';
  const fields = Object.fromEntries(
    [...body.matchAll(/<input type="hidden"[^>]*name="([^"]+)" value="([^"]*)"/g)].map((m) => [
      m[1],
      m[2],
    ]),
  ) as Record<string, string>;
  const done = await browser.submit(formAction(body, page.url), fields);
  assert.equal(new URL(done.url).origin, APP_ORIGIN, 'logout ends on the app');
}

/** The user signs in; the attacker, holding a copy of the first refresh token, rotates it. */
async function signInAndSteal() {
  const browser = new Browser();
  const user = await loginForTokens(browser, auth.issuer, 'clinician@example.com', {
    scope: OFFLINE_SCOPE,
  });
  assert.ok(user.refresh_token);
  const stolen = await refresh(user.refresh_token);
  assert.equal(stolen.status, 200);
  assert.notEqual(stolen.body.refresh_token, user.refresh_token, 'rotated');
  assert.equal(await fhirStatus(stolen.body.access_token), 200, 'the stolen grant works at first');
  return { browser, user, stolen: stolen.body };
}

/** Nothing the grant issued works any more: no refresh, no FHIR data, nothing introspects active. */
async function assertGrantEnded(tokens: TokenResponse[]): Promise<void> {
  for (const [i, t] of tokens.entries()) {
    const again = await refresh(t.refresh_token);
    assert.equal(again.status, 400, `refresh token ${i + 1} is refused`);
    assert.equal(again.body.error, 'invalid_grant');
    assert.equal(await introspects(t.refresh_token), false, `refresh token ${i + 1} is inactive`);
    assert.equal(await fhirStatus(t.access_token), 401, `access token ${i + 1} opens no data`);
    assert.equal(await introspects(t.access_token), false, `access token ${i + 1} is inactive`);
  }
}

describe('revoking a refresh token ends its whole grant', () => {
  test('signing out as okta-auth-js does (revoke the access and refresh token, then logout) ends the rotated successors too', async () => {
    const { browser, user, stolen } = await signInAndSteal();
    assert.equal(await revoke(user.access_token), 200);
    assert.equal(await revoke(user.refresh_token), 200);
    await logout(browser, user.id_token);
    await assertGrantEnded([user, stolen]);
  });

  test('revoking only the first refresh token ends the tokens rotated from it', async () => {
    const { user, stolen } = await signInAndSteal();
    assert.equal(await revoke(user.refresh_token), 200);
    await assertGrantEnded([user, stolen]);
  });

  test('revoking the newest refresh token ends the older one still in its grace period', async () => {
    const { user, stolen } = await signInAndSteal();
    assert.equal(await revoke(stolen.refresh_token), 200);
    await assertGrantEnded([user, stolen]);
  });

  test('a logout alone, with no revocation, ends the grants of that browser session', async () => {
    const { browser, user, stolen } = await signInAndSteal();
    await logout(browser, user.id_token);
    await assertGrantEnded([user, stolen]);
  });

  test('ending one grant leaves the same user’s other sessions working', async () => {
    const other = await loginForTokens(new Browser(), auth.issuer, 'clinician@example.com', {
      scope: OFFLINE_SCOPE,
    });
    const { user } = await signInAndSteal();
    assert.equal(await revoke(user.refresh_token), 200);
    const refreshed = await refresh(other.refresh_token);
    assert.equal(refreshed.status, 200, 'the other session still refreshes');
    assert.equal(await fhirStatus(refreshed.body.access_token), 200);
  });
});
