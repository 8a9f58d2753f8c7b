import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { inputFromEnv, parseConfigFile } from './config.ts';
import { hashPassword } from './passwords.ts';
import { Browser, exchangeCode, formAction, pkce, startTestServer } from './testing.ts';

describe('configuration', () => {
  test('environment variables have the contract defaults and override the file', () => {
    const defaults = inputFromEnv({});
    assert.equal(defaults.port, 4300);
    assert.equal(defaults.appOrigin, 'http://localhost:4200');
    assert.equal(defaults.fhirBase, 'http://localhost:4400/fhir');
    assert.equal(defaults.accessTokenTtlSeconds, undefined);
    const set = inputFromEnv(
      {
        AUTH_PORT: '5300',
        ACCESS_TOKEN_TTL_SECONDS: '60',
        REFRESH_TOKEN_TTL_SECONDS: '600',
        USERS_FILE: '/x.json',
      },
      { lifetimes: { refreshTokenSeconds: 100, sessionSeconds: 200 }, usersFile: '/y.json' },
    );
    assert.equal(set.port, 5300);
    assert.equal(set.accessTokenTtlSeconds, 60);
    assert.deepEqual(set.lifetimes, { refreshTokenSeconds: 600, sessionSeconds: 200 });
    assert.equal(set.usersFile, '/x.json');
    assert.throws(
      () => inputFromEnv({ ACCESS_TOKEN_TTL_SECONDS: 'soon' }),
      /ACCESS_TOKEN_TTL_SECONDS/,
    );
  });

  test('a config file with a bad field names it', () => {
    assert.throws(
      () => parseConfigFile('{"clients":[{"redirectUris":[]}]}', 'auth.json'),
      /clients\[0\]\.clientId/,
    );
    assert.throws(
      () => parseConfigFile('{"lifetimes":{"forever":1}}', 'auth.json'),
      /lifetimes\.forever/,
    );
  });

  test('clients and users come from configuration', async () => {
    const file = parseConfigFile(
      JSON.stringify({
        clients: [
          {
            clientId: '0oaothercustomclient',
            redirectUris: ['http://localhost:5200/cb'],
            postLogoutRedirectUris: ['http://localhost:5200'],
            allowedOrigins: ['http://localhost:5200'],
          },
        ],
      }),
      'test',
    );
    const server = await startTestServer({ clients: file.clients });
    try {
      const usersFile = join(server.dataDir, 'users.json');
      const user = {
        id: '00ulocal0researcher1',
        login: 'researcher@example.com',
        givenName: 'Robin',
        familyName: 'Researcher',
        passwordHash: await hashPassword('another-secret'),
        allowedScopes: ['user/Observation.read'],
      };
      await writeFile(usersFile, JSON.stringify({ users: [user] }));
      await server.stop();
      const custom = await startTestServer({ clients: file.clients, usersFile }, server.dataDir);
      try {
        const browser = new Browser();
        const { verifier, challenge } = pkce();
        const url = new URL(`${custom.issuer}/v1/authorize`);
        for (const [k, v] of Object.entries({
          client_id: '0oaothercustomclient',
          response_type: 'code',
          redirect_uri: 'http://localhost:5200/cb',
          scope: 'openid user/*.read',
          state: 's',
          code_challenge: challenge,
          code_challenge_method: 'S256',
        })) {
          url.searchParams.set(k, v);
        }
        const page = await browser.navigate(url.href);
        const done = await browser.submit(formAction(page.body ?? '', page.url), {
          username: 'researcher@example.com',
          password: 'another-secret',
        });
        const location = new URL(done.url);
        assert.equal(`${location.origin}${location.pathname}`, 'http://localhost:5200/cb');
        const res = await fetch(`${custom.issuer}/v1/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            client_id: '0oaothercustomclient',
            redirect_uri: 'http://localhost:5200/cb',
            code: location.searchParams.get('code') ?? '',
            code_verifier: verifier,
          }),
        });
        const tokens = (await res.json()) as { scope: string };
        assert.equal(tokens.scope, 'openid user/Observation.read');
        // The default SPA client is gone when the file names its own clients.
        assert.equal(
          (await exchangeCode(custom.issuer, 'x', verifier)).body.error,
          'invalid_client',
        );
      } finally {
        await custom.close();
      }
    } catch (err) {
      await server.close();
      throw err;
    }
  });
});
