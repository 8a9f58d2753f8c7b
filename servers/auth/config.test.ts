import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { inputFromEnv, parseConfigFile } from './config-input.ts';
import { buildConfig, spaClient } from './config.ts';
import type { Logger } from '../../protocol/logger.ts';
import { hashPassword } from './passwords.ts';
import {
  APP_ORIGIN,
  Browser,
  FHIR_BASE,
  exchangeCode,
  formAction,
  pkce,
  startTestServer,
} from '../../test-support/auth.ts';

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

  test('the EHR simulator is off unless EHR_SIMULATOR=on, and a typo stops the server', () => {
    assert.equal(inputFromEnv({}).ehrSimulator, false);
    assert.equal(inputFromEnv({ EHR_SIMULATOR: 'off' }).ehrSimulator, false);
    assert.equal(inputFromEnv({ EHR_SIMULATOR: 'on' }).ehrSimulator, true);
    assert.throws(() => inputFromEnv({ EHR_SIMULATOR: 'yes' }), /EHR_SIMULATOR must be on or off/);
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
    // Names every object inherits are no lifetime either.
    for (const inherited of ['constructor', 'toString', 'hasOwnProperty'])
      assert.throws(
        () => parseConfigFile(`{"lifetimes":{"${inherited}":1}}`, 'auth.json'),
        new RegExp(`lifetimes\\.${inherited}`),
      );
  });

  test("the refresh-token grace period is Okta's: 30 s by default, 0 to 60, per server or per client", () => {
    const build = (input: Partial<Parameters<typeof buildConfig>[0]> = {}) =>
      buildConfig({
        port: 4300,
        dataDir: '.data',
        appOrigin: APP_ORIGIN,
        fhirBase: FHIR_BASE,
        ...input,
      });
    assert.equal(build().clients[0]?.refreshTokenGraceSeconds, 30);
    assert.equal(inputFromEnv({}).refreshTokenGraceSeconds, undefined);
    const file = parseConfigFile('{"refreshTokenGraceSeconds":45}', 'auth.json');
    assert.equal(inputFromEnv({}, file).refreshTokenGraceSeconds, 45);
    assert.equal(
      inputFromEnv({ REFRESH_TOKEN_GRACE_SECONDS: '0' }, file).refreshTokenGraceSeconds,
      0,
      'the environment wins over the file',
    );
    const own = { ...spaClient(APP_ORIGIN), refreshTokenGraceSeconds: 5 };
    const other = { ...spaClient('http://localhost:5200'), clientId: '0oaothercustomclient' };
    assert.deepEqual(
      build({ refreshTokenGraceSeconds: 0, clients: [own, other] }).clients.map(
        (c) => c.refreshTokenGraceSeconds,
      ),
      [5, 0],
      "a client's own setting wins over the server's",
    );

    const outOfRange =
      /must be a whole number of seconds from 0 to 60 \(0 turns the grace period off\)/;
    for (const value of ['61', '-1', '1.5', 'soon']) {
      assert.throws(
        () => inputFromEnv({ REFRESH_TOKEN_GRACE_SECONDS: value }),
        /^Error: REFRESH_TOKEN_GRACE_SECONDS must be a whole number/,
        value,
      );
    }
    assert.throws(
      () => parseConfigFile('{"refreshTokenGraceSeconds":90}', 'auth.json'),
      /^Error: auth\.json: refreshTokenGraceSeconds must be/,
    );
    assert.throws(
      () =>
        parseConfigFile(
          JSON.stringify({
            clients: [{ ...spaClient(APP_ORIGIN), refreshTokenGraceSeconds: '30' }],
          }),
          'auth.json',
        ),
      /auth\.json: clients\[0\]\.refreshTokenGraceSeconds must be/,
    );
    assert.throws(() => build({ refreshTokenGraceSeconds: 61 }), outOfRange);
    assert.throws(
      () => build({ clients: [{ ...own, refreshTokenGraceSeconds: -5 }] }),
      /0oalocalfhirokta0spa: refreshTokenGraceSeconds must be/,
    );
  });

  test('the startup line of each client says how its refresh tokens rotate', async () => {
    const lines: string[] = [];
    const log = (m: string) => lines.push(m);
    const logger: Logger = { info: log, warn: log, error: log };
    const other = {
      ...spaClient('http://localhost:5200'),
      clientId: '0oaothercustomclient',
      refreshTokenGraceSeconds: 0,
    };
    const server = await startTestServer({ logger, clients: [spaClient(APP_ORIGIN), other] });
    await server.close();
    assert.match(
      lines.find((l) => l.startsWith('client 0oalocalfhirokta0spa:')) ?? '',
      /refresh \(offline_access, rotates, previous token accepted for 30s\)/,
    );
    assert.match(
      lines.find((l) => l.startsWith('client 0oaothercustomclient:')) ?? '',
      /refresh \(offline_access, rotates, no grace period\)/,
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
