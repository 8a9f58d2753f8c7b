import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { APP_ORIGIN, startTestServer, type TestServer } from '../../test-support/auth.ts';

describe('discovery and keys', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('discovery has the Okta custom authorization server layout', async () => {
    const res = await fetch(`${server.issuer}/.well-known/openid-configuration`);
    assert.equal(res.status, 200);
    const doc = (await res.json()) as Record<string, unknown>;
    assert.match(server.issuer, /^http:\/\/localhost:\d+\/oauth2\/default$/);
    assert.equal(doc.issuer, server.issuer);
    for (const [key, path] of [
      ['authorization_endpoint', 'authorize'],
      ['token_endpoint', 'token'],
      ['jwks_uri', 'keys'],
      ['userinfo_endpoint', 'userinfo'],
      ['revocation_endpoint', 'revoke'],
      ['introspection_endpoint', 'introspect'],
      ['end_session_endpoint', 'logout'],
    ]) {
      assert.equal(doc[key as string], `${server.issuer}/v1/${path}`, key);
    }
    assert.deepEqual(doc.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(doc.response_types_supported, ['code']);
    assert.ok((doc.scopes_supported as string[]).includes('offline_access'));
    assert.ok((doc.dpop_signing_alg_values_supported as string[]).includes('RS256'));
    assert.ok((doc.dpop_signing_alg_values_supported as string[]).includes('ES256'));
  });

  test('the keys endpoint publishes one RS256 public key', async () => {
    const { keys } = (await (await fetch(`${server.issuer}/v1/keys`)).json()) as {
      keys: Record<string, string>[];
    };
    assert.equal(keys.length, 1);
    assert.equal(keys[0]?.alg, 'RS256');
    assert.ok(keys[0]?.kid);
    assert.equal(keys[0]?.d, undefined, 'no private parts');
  });

  test('the signing key id survives a restart', async () => {
    const first = await startTestServer();
    const kidOf = async (issuer: string) =>
      ((await (await fetch(`${issuer}/v1/keys`)).json()) as { keys: { kid: string }[] }).keys[0]
        ?.kid;
    const kid = await kidOf(first.issuer);
    await first.stop();
    const second = await startTestServer({}, first.dataDir);
    try {
      assert.equal(await kidOf(second.issuer), kid);
    } finally {
      await second.close();
    }
  });

  test('a preflight from the app echoes the requested headers with credentials', async () => {
    for (const path of ['/v1/userinfo', '/v1/revoke', '/v1/token', '/v1/keys']) {
      const res = await fetch(`${server.issuer}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: APP_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'x-okta-user-agent-extended,authorization,dpop',
        },
      });
      assert.equal(res.status, 204, path);
      assert.equal(res.headers.get('access-control-allow-origin'), APP_ORIGIN, path);
      assert.equal(res.headers.get('access-control-allow-credentials'), 'true', path);
      assert.equal(
        res.headers.get('access-control-allow-headers'),
        'x-okta-user-agent-extended,authorization,dpop',
        path,
      );
    }
  });

  test('another origin gets no CORS grant', async () => {
    const res = await fetch(`${server.issuer}/v1/userinfo`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' },
    });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });
});
