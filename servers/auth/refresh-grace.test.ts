import assert from 'node:assert/strict';
import { afterEach, describe, mock, test } from 'node:test';
import { calculateJwkThumbprint, decodeJwt } from 'jose';
import { spaClient } from './config.ts';
import type { AuthServerOptions } from './server.ts';
import {
  APP_ORIGIN,
  Browser,
  CLIENT_ID,
  REDIRECT_URI,
  dpopKey,
  dpopTokens,
  loginForTokens,
  postForm,
  redirectLogin,
  startTestServer,
  type TestServer,
  type TokenResponse,
} from '../../test-support/auth.ts';

const OFFLINE_SCOPE = 'openid profile offline_access user/*.read';

/** The SPA's form POSTs carry its client id. */
const post = (url: string, fields: Record<string, string>) =>
  postForm(url, { client_id: CLIENT_ID, ...fields });

async function refresh(server: TestServer, refreshToken: string | undefined) {
  const res = await post(`${server.issuer}/v1/token`, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken ?? '',
  });
  return { status: res.status, body: (await res.json()) as TokenResponse };
}

async function active(server: TestServer, token: string | undefined): Promise<boolean> {
  const res = await post(`${server.issuer}/v1/introspect`, { token: token ?? '' });
  return ((await res.json()) as { active: boolean }).active;
}

async function userinfoStatus(server: TestServer, accessToken: string): Promise<number> {
  const res = await fetch(`${server.issuer}/v1/userinfo`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  await res.body?.cancel();
  return res.status;
}

/** Signs in with offline_access and refreshes once: the first tokens and the rotated ones. */
async function signInAndRotate(server: TestServer) {
  const first = await loginForTokens(new Browser(), server.issuer, 'clinician@example.com', {
    scope: OFFLINE_SCOPE,
  });
  assert.ok(first.refresh_token);
  const second = await refresh(server, first.refresh_token);
  assert.equal(second.status, 200);
  assert.ok(second.body.refresh_token);
  assert.notEqual(second.body.refresh_token, first.refresh_token, 'rotated');
  return { first, second: second.body };
}

/** Moves every clock in this process (the server's included) `ms` ahead. */
function later(ms: number): void {
  const at = Date.now() + ms;
  mock.method(Date, 'now', () => at);
}

/** Reuse was taken for theft: refused, and every token of the family is dead. */
async function assertFamilyRevoked(
  server: TestServer,
  reuse: { status: number; body: TokenResponse },
  tokens: TokenResponse[],
): Promise<void> {
  assert.equal(reuse.status, 400);
  assert.equal(reuse.body.error, 'invalid_grant');
  for (const t of tokens) {
    assert.equal(await userinfoStatus(server, t.access_token), 401, 'access token revoked');
    assert.equal(await active(server, t.access_token), false, 'access token inactive');
  }
  const newest = tokens.at(-1)?.refresh_token;
  assert.equal(await active(server, newest), false, 'newest refresh token inactive');
  assert.equal((await refresh(server, newest)).body.error, 'invalid_grant');
}

describe('refresh-token rotation grace period (Okta)', () => {
  const servers: TestServer[] = [];
  const start = async (options: Partial<AuthServerOptions> = {}) => {
    const server = await startTestServer(options);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    mock.restoreAll();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  test('within the grace period the previous refresh token gets fresh tokens and the newest refresh token, and the family lives on', async () => {
    const server = await start();
    const { first, second } = await signInAndRotate(server);

    const retry = await refresh(server, first.refresh_token);
    assert.equal(retry.status, 200);
    assert.equal(
      retry.body.refresh_token,
      second.refresh_token,
      'no new refresh token: the newest',
    );
    assert.notEqual(retry.body.access_token, second.access_token, 'a fresh access token');
    assert.ok(retry.body.id_token);
    for (const t of [first, second, retry.body]) {
      assert.equal(await userinfoStatus(server, t.access_token), 200, 'nothing was revoked');
    }
    assert.equal(await active(server, second.refresh_token), true);

    const third = await refresh(server, second.refresh_token);
    assert.equal(third.status, 200, 'the newest refresh token still rotates');
    assert.notEqual(third.body.refresh_token, second.refresh_token);
  });

  test('two refreshes with the same token at once both succeed with the same new refresh token', async () => {
    const server = await start();
    const first = await loginForTokens(new Browser(), server.issuer, 'clinician@example.com', {
      scope: OFFLINE_SCOPE,
    });
    const [a, b] = await Promise.all([
      refresh(server, first.refresh_token),
      refresh(server, first.refresh_token),
    ]);
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    assert.equal(a.body.refresh_token, b.body.refresh_token, 'one family, one newest token');
    assert.equal((await refresh(server, a.body.refresh_token)).status, 200);
  });

  test('after the grace period, reusing the previous refresh token fails and revokes the family', async () => {
    const server = await start();
    const { first, second } = await signInAndRotate(server);
    later(31_000);
    await assertFamilyRevoked(server, await refresh(server, first.refresh_token), [first, second]);
  });

  test('a refresh token two rotations old is reuse even within the grace period', async () => {
    const server = await start();
    const { first, second } = await signInAndRotate(server);
    const third = await refresh(server, second.refresh_token);
    assert.equal(third.status, 200);
    await assertFamilyRevoked(server, await refresh(server, first.refresh_token), [
      first,
      second,
      third.body,
    ]);
  });

  test('with a grace period of 0 a rotated refresh token is refused at once and revokes the family', async () => {
    const server = await start({ refreshTokenGraceSeconds: 0 });
    const { first, second } = await signInAndRotate(server);
    await assertFamilyRevoked(server, await refresh(server, first.refresh_token), [first, second]);
  });

  test("a client's own grace period wins over the server's", async () => {
    const server = await start({
      refreshTokenGraceSeconds: 0,
      clients: [{ ...spaClient(APP_ORIGIN), refreshTokenGraceSeconds: 2 }],
    });
    const { first, second } = await signInAndRotate(server);
    const retry = await refresh(server, first.refresh_token);
    assert.equal(retry.status, 200);
    assert.equal(retry.body.refresh_token, second.refresh_token);
    later(2_500);
    await assertFamilyRevoked(server, await refresh(server, first.refresh_token), [
      first,
      second,
      retry.body,
    ]);
  });

  test('a grace-period reuse must come with a proof from the same DPoP key', async () => {
    const server = await start();
    const tokenUrl = `${server.issuer}/v1/token`;
    const key = await dpopKey('ES256');
    const { callback, verifier } = await redirectLogin(
      new Browser(),
      server.issuer,
      'clinician@example.com',
      { scope: OFFLINE_SCOPE },
    );
    const issued = await dpopTokens(tokenUrl, key, {
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
    });
    assert.equal(issued.status, 200);
    const previous = {
      grant_type: 'refresh_token',
      refresh_token: issued.body.refresh_token ?? '',
    };
    const rotated = await dpopTokens(tokenUrl, key, previous);
    assert.equal(rotated.status, 200);

    const stolen = await dpopTokens(tokenUrl, await dpopKey('ES256'), previous);
    assert.equal(stolen.status, 400);
    assert.equal(stolen.body.error, 'invalid_grant');
    const bearer = await refresh(server, issued.body.refresh_token);
    assert.equal(bearer.status, 400, 'and without any proof');
    assert.equal(bearer.body.error, 'invalid_grant');

    const retry = await dpopTokens(tokenUrl, key, previous);
    assert.equal(retry.status, 200, 'the key holder still gets through');
    assert.equal(retry.body.refresh_token, rotated.body.refresh_token);
    assert.equal(retry.body.token_type, 'DPoP');
    assert.deepEqual(decodeJwt(retry.body.access_token ?? '').cnf, {
      jkt: await calculateJwkThumbprint(key.jwk),
    });
    const next = await dpopTokens(tokenUrl, key, {
      grant_type: 'refresh_token',
      refresh_token: rotated.body.refresh_token ?? '',
    });
    assert.equal(next.status, 200);
  });

  test('the grace period survives a restart, and so does its end', async () => {
    let server = await startTestServer();
    try {
      const { first, second } = await signInAndRotate(server);
      await server.stop();
      server = await startTestServer({ port: server.port }, server.dataDir);

      const retry = await refresh(server, first.refresh_token);
      assert.equal(retry.status, 200);
      assert.equal(retry.body.refresh_token, second.refresh_token);
      later(31_000);
      await assertFamilyRevoked(server, await refresh(server, first.refresh_token), [
        first,
        second,
        retry.body,
      ]);
    } finally {
      await server.close();
    }
  });
});
