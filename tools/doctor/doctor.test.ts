// The doctor against the real local stack, healthy and deliberately misconfigured: it must catch every failure.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startAuthServer, type AuthServer } from '../../servers/auth/server.ts';
import { silentLogger } from '../../servers/auth/logger.ts';
import { APP_ORIGIN, Browser, loginForTokens } from '../../test-support/auth.ts';
import { startFhirServer, type FhirServer } from '../../servers/fhir/server.ts';
import { mintToken, startIssuer, type TestIssuer } from '../../test-support/fhir.ts';
import { freePort } from '../../servers/launch.ts';
import type { Deployment } from './deployment.ts';
import type { CheckResult } from './report.ts';
import { SEARCH_CONTRACT } from '../../src/app/fhir/search-contract.ts';
import { checkCapabilities, checkDpopAdvertised, checkPaging } from './capability-checks.ts';

/** One search check per type the app searches, and a sort check for each type it sorts. */
const EXPECTED_SEARCH_CHECKS = Object.entries(SEARCH_CONTRACT).flatMap(([type, contract]) => [
  [`search support for ${type}`, 'pass'],
  ...(contract.sorts.length > 0 ? [[`_sort support for ${type}`, 'pass']] : []),
]);
import { checkServers } from './server-checks.ts';
import { checkToken } from './token-checks.ts';

const CLIENT_ID = '0oalocalfhirokta0spa';
const doctorMain = resolve(fileURLToPath(new URL('.', import.meta.url)), 'main.ts');

/** A stand-in server for a misconfiguration the local stack cannot have, on a free local port. */
async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}

function statusOf(results: CheckResult[], name: RegExp): string {
  const found = results.find((result) => name.test(result.name));
  assert.ok(found, `no check named ${String(name)} in ${results.map((r) => r.name).join(', ')}`);
  return found.status;
}

describe('config doctor', () => {
  let dataDir: string;
  let auth: AuthServer;
  let fhir: FhirServer;
  let healthy: Deployment;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fhirokta-doctor-'));
    // The test login stops at the app's redirect URI on this origin; nothing needs to listen there.
    const appOrigin = APP_ORIGIN;
    const fhirPort = await freePort();
    auth = await startAuthServer({
      port: 0,
      dataDir,
      appOrigin,
      fhirBase: `http://localhost:${fhirPort}/fhir`,
      logger: silentLogger,
    });
    fhir = await startFhirServer({
      port: fhirPort,
      dataDir,
      issuer: auth.issuer,
      appOrigin,
      quiet: true,
    });
    healthy = {
      issuer: auth.issuer,
      clientId: CLIENT_ID,
      fhirBase: fhir.baseUrl,
      appOrigin,
      ehrs: [],
    };
  });

  after(async () => {
    await fhir.close();
    await auth.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('passes every check against the healthy local stack', async () => {
    const { results } = await checkServers(healthy);
    assert.deepEqual(
      results.filter((result) => result.status !== 'pass'),
      [],
    );
    assert.equal(results.length, 7);
  });

  it('finds every search the app sends in the local server’s capability statement, and paging it follows', async () => {
    const capabilities = await checkCapabilities(healthy);
    assert.deepEqual(
      capabilities.map((r) => [r.name, r.status]),
      EXPECTED_SEARCH_CHECKS,
    );
    assert.match(capabilities[1]?.detail ?? '', /it states name \| birthdate/);
    const dpop = await checkDpopAdvertised(healthy);
    assert.equal(dpop.status, 'pass');
    assert.match(dpop.detail, /advertises DPoP; okta.dpop is off, so the app sends Bearer tokens/);
    const tokens = await loginForTokens(new Browser(), auth.issuer, 'clinician@example.com');
    const paging = await checkPaging(healthy, tokens.access_token);
    assert.deepEqual(
      paging.map((r) => [r.name, r.status]),
      [
        ['search totals', 'pass'],
        ['search paging links', 'pass'],
      ],
    );
    assert.match(paging[0]?.detail ?? '', /^exact: .*asked with _total=accurate/);
  });

  it('reports a server that lists fewer searches, sends no totals and pages outside the base, with what the app will do', async () => {
    const standIn = await serve((req, res) => {
      res.setHeader('Content-Type', 'application/fhir+json');
      if (req.url?.startsWith('/fhir/metadata')) {
        res.end(
          JSON.stringify({
            resourceType: 'CapabilityStatement',
            rest: [
              {
                mode: 'server',
                resource: [
                  {
                    type: 'Patient',
                    interaction: [{ code: 'read' }, { code: 'search-type' }],
                    searchParam: [{ name: 'name' }, { name: 'birthdate' }, { name: 'gender' }],
                  },
                  { type: 'Observation', interaction: [{ code: 'read' }] },
                ],
              },
            ],
          }),
        );
        return;
      }
      res.end(
        JSON.stringify({
          resourceType: 'Bundle',
          type: 'searchset',
          link: [
            { relation: 'next', url: 'https://hapi.example/fhir?_getpages=abc&_getpagesoffset=1' },
          ],
        }),
      );
    });
    try {
      const deployment = { ...healthy, fhirBase: `${standIn.url}/fhir` };
      const capabilities = await checkCapabilities(deployment);
      assert.equal(capabilities[0]?.status, 'warn');
      assert.match(capabilities[0]?.detail ?? '', /parameters the app will not offer: identifier/);
      assert.match(capabilities[0]?.fix ?? '', /disables those filters/);
      assert.equal(capabilities[1]?.status, 'warn');
      assert.match(
        capabilities[1]?.detail ?? '',
        /states no sort keys; the app will not send name, -name, birthdate, -birthdate/,
      );
      assert.match(capabilities[1]?.fix ?? '', /in the server’s order/);
      assert.equal(capabilities[2]?.status, 'warn');
      assert.match(capabilities[2]?.fix ?? '', /not available on this server/);
      const paging = await checkPaging(deployment, 'any-token');
      assert.equal(statusOf(paging, /totals/), 'warn');
      assert.match(paging[0]?.detail ?? '', /^none: .*asked with no _total/);
      assert.equal(statusOf(paging, /paging links/), 'warn');
      assert.match(
        paging[1]?.detail ?? '',
        /HAPI-style _getpages links .* to https:\/\/hapi\.example\/fhir, outside fhir.baseUrl/,
      );
    } finally {
      await standIn.close();
    }
  });

  it('reports estimated totals, and DPoP the FHIR server does not advertise while okta.dpop is on', async () => {
    const standIn = await serve((req, res) => {
      res.setHeader('Content-Type', 'application/fhir+json');
      if (req.url?.startsWith('/fhir/metadata')) {
        res.end(
          JSON.stringify({
            resourceType: 'CapabilityStatement',
            rest: [
              {
                resource: [
                  {
                    type: 'Patient',
                    interaction: [{ code: 'search-type' }],
                    searchParam: [{ name: 'name' }, { name: '_total' }],
                  },
                ],
              },
            ],
          }),
        );
        return;
      }
      if (req.url?.startsWith('/fhir/.well-known/')) {
        res.end(JSON.stringify({ issuer: healthy.issuer }));
        return;
      }
      const asked = new URL(req.url ?? '/', 'http://x').searchParams.get('_total');
      res.end(
        JSON.stringify({
          resourceType: 'Bundle',
          type: 'searchset',
          total: 100,
          link: [
            {
              relation: 'self',
              url: `Patient?_count=1&_total=${asked === 'accurate' ? 'estimate' : 'none'}`,
            },
          ],
        }),
      );
    });
    try {
      const deployment = { ...healthy, fhirBase: `${standIn.url}/fhir`, dpop: true };
      const paging = await checkPaging(deployment, 'any-token');
      assert.equal(statusOf(paging, /totals/), 'warn');
      assert.match(paging[0]?.detail ?? '', /^estimates: total 100/);
      assert.match(paging[0]?.fix ?? '', /"about"/);
      const dpop = await checkDpopAdvertised(deployment);
      assert.equal(dpop.status, 'warn');
      assert.match(dpop.detail, /does not advertise DPoP, but okta.dpop is on/);
      assert.match(dpop.fix ?? '', /set okta.dpop to false/);
      assert.equal((await checkDpopAdvertised({ ...deployment, dpop: false })).status, 'pass');
    } finally {
      await standIn.close();
    }
  });

  it('checks that the FHIR server lets the app send its public API key, when one is configured', async () => {
    const { results } = await checkServers({ ...healthy, apiKey: 'public-demo-key' });
    const cors = results.find((result) => /CORS from the app to the FHIR server/.test(result.name));
    assert.equal(cors?.status, 'pass');
    assert.match(cors?.detail ?? '', /x-api-key/);
  });

  it('with okta.dpop on, checks the issuer takes RS256 proofs and both preflights allow the DPoP header', async () => {
    const { results } = await checkServers({ ...healthy, dpop: true });
    assert.deepEqual(
      results.filter((result) => result.status !== 'pass'),
      [],
    );
    assert.equal(statusOf(results, /accepts DPoP proofs/), 'pass');
    const cors = results.find((result) => /CORS from the app to the FHIR server/.test(result.name));
    assert.match(cors?.detail ?? '', /dpop/);
  });

  it('catches okta.dpop on with a FHIR server that does not allow the DPoP header', async () => {
    // A FHIR server without DPoP support, as many are: it allows only Authorization from the app.
    const standIn = await serve((req, res) => {
      res.setHeader('Access-Control-Allow-Origin', healthy.appOrigin);
      res.setHeader('Access-Control-Allow-Headers', 'authorization');
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      res.setHeader('Content-Type', 'application/fhir+json');
      res.end(JSON.stringify({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' }));
    });
    try {
      const fhirBase = `${standIn.url}/fhir`;
      const withDpop = await checkServers({ ...healthy, fhirBase, dpop: true });
      const cors = withDpop.results.find((r) =>
        /CORS from the app to the FHIR server/.test(r.name),
      );
      assert.equal(cors?.status, 'fail');
      assert.match(cors?.fix ?? '', /set okta\.dpop to false/);
      const withoutDpop = await checkServers({ ...healthy, fhirBase });
      assert.equal(statusOf(withoutDpop.results, /CORS from the app to the FHIR server/), 'pass');
    } finally {
      await standIn.close();
    }
  });

  it('catches okta.dpop on with an issuer that does not take RS256 DPoP proofs', async () => {
    let algorithms: string[] | undefined = ['ES256'];
    const standIn = await serve((_req, res) => {
      const issuer = `${standIn.url}/oauth2/default`;
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          issuer,
          jwks_uri: `${issuer}/v1/keys`,
          token_endpoint: `${issuer}/v1/token`,
          ...(algorithms ? { dpop_signing_alg_values_supported: algorithms } : {}),
        }),
      );
    });
    try {
      const deployment = { ...healthy, issuer: `${standIn.url}/oauth2/default`, dpop: true };
      const refused = await checkServers(deployment);
      const check = refused.results.find((result) => /accepts DPoP proofs/.test(result.name));
      assert.equal(check?.status, 'fail');
      assert.match(check?.fix ?? '', /Demonstrating Proof of Possession/);
      algorithms = undefined;
      assert.equal(
        statusOf((await checkServers(deployment)).results, /accepts DPoP proofs/),
        'warn',
      );
      const off = await checkServers({ ...deployment, dpop: false });
      assert.equal(off.results.filter((result) => /DPoP/.test(result.name)).length, 0);
    } finally {
      await standIn.close();
    }
  });

  it('catches an issuer that does not answer', async () => {
    const { results } = await checkServers({
      ...healthy,
      issuer: `http://localhost:${await freePort()}/oauth2/default`,
    });
    assert.equal(statusOf(results, /discovery/), 'fail');
  });

  it('catches the Okta org authorization server used instead of a custom one', async () => {
    const { results } = await checkServers({ ...healthy, issuer: new URL(auth.issuer).origin });
    assert.equal(statusOf(results, /custom authorization server/), 'fail');
  });

  it('catches an app origin that is not a trusted origin, at the token endpoint and the FHIR server', async () => {
    const { results } = await checkServers({ ...healthy, appOrigin: 'http://localhost:1' });
    assert.equal(statusOf(results, /token endpoint/), 'fail');
    assert.equal(statusOf(results, /CORS from the app to the FHIR server/), 'fail');
  });

  it('catches a FHIR base URL with no FHIR server behind it', async () => {
    const { results } = await checkServers({ ...healthy, fhirBase: `${fhir.baseUrl}-other` });
    assert.equal(statusOf(results, /capability statement/), 'fail');
  });

  it('catches a FHIR server that trusts another issuer', async () => {
    const elsewhere = await startFhirServer({
      port: 0,
      dataDir,
      issuer: 'http://localhost:1/oauth2/other',
      appOrigin: healthy.appOrigin,
      quiet: true,
    });
    try {
      const { results } = await checkServers({ ...healthy, fhirBase: elsewhere.baseUrl });
      assert.equal(statusOf(results, /SMART configuration/), 'fail');
    } finally {
      await elsewhere.close();
    }
  });

  it('passes a real clinician token and the FHIR call it makes', async () => {
    const { discovery } = await checkServers(healthy);
    const tokens = await loginForTokens(new Browser(), auth.issuer, 'clinician@example.com');
    const results = await checkToken(tokens.access_token, healthy, discovery);
    assert.deepEqual(
      results.filter((result) => result.status !== 'pass'),
      [],
    );
  });

  it('explains a 403 when the token lacks the scope to read patients', async () => {
    const { discovery } = await checkServers(healthy);
    const tokens = await loginForTokens(new Browser(), auth.issuer, 'clinician@example.com', {
      scope: 'openid profile',
    });
    const results = await checkToken(tokens.access_token, healthy, discovery);
    const call = results.find((result) => /FHIR call/.test(result.name));
    assert.equal(call?.status, 'fail');
    assert.match(call?.detail ?? '', /^403/);
    assert.match(call?.fix ?? '', /scope/);
  });

  it('catches a token whose audience is not the FHIR base', async () => {
    const { discovery } = await checkServers(healthy);
    const tokens = await loginForTokens(new Browser(), auth.issuer, 'clinician@example.com');
    const results = await checkToken(
      tokens.access_token,
      { ...healthy, fhirBase: `${fhir.baseUrl}/` + 'r4' },
      discovery,
    );
    assert.equal(statusOf(results, /audience/), 'fail');
  });

  it('catches a tampered signature', async () => {
    const { discovery } = await checkServers(healthy);
    const tokens = await loginForTokens(new Browser(), auth.issuer, 'clinician@example.com');
    const [header, payload, signature] = tokens.access_token.split('.') as [string, string, string];
    const forged = `${header}.${payload}.${signature.slice(0, -4)}AAAA`;
    const results = await checkToken(forged, healthy, discovery);
    assert.equal(statusOf(results, /signature/), 'fail');
    assert.equal(statusOf(results, /FHIR call/), 'fail');
  });

  describe('with tokens shaped the ways Okta can be misconfigured', () => {
    let issuer: TestIssuer;
    let deployment: Deployment;
    const discoveryOf = (stub: TestIssuer) => ({
      issuer: stub.issuer,
      jwks_uri: `${stub.issuer}/v1/keys`,
      token_endpoint: `${stub.issuer}/v1/token`,
    });

    before(async () => {
      issuer = await startIssuer();
      deployment = { ...healthy, issuer: issuer.issuer };
    });
    after(() => issuer.close());

    it('catches scopes only in the scp array, with the claim expression as the fix', async () => {
      const token = await mintToken(issuer, healthy.fhirBase, { extra: { scope: undefined } });
      const results = await checkToken(token, deployment, discoveryOf(issuer));
      assert.equal(statusOf(results, /"scope" claim/), 'fail');
      assert.match(
        results.find((r) => /"scope" claim/.test(r.name))?.fix ?? '',
        /String\.join\(" ", access\.scope\)/,
      );
    });

    it('catches a missing client_id claim', async () => {
      const token = await mintToken(issuer, healthy.fhirBase, { extra: { client_id: undefined } });
      const results = await checkToken(token, deployment, discoveryOf(issuer));
      assert.equal(statusOf(results, /client_id/), 'fail');
    });

    it('catches an expired token', async () => {
      const token = await mintToken(issuer, healthy.fhirBase, { expiresIn: -120 });
      const results = await checkToken(token, deployment, discoveryOf(issuer));
      assert.equal(statusOf(results, /lifetime/), 'fail');
    });

    it('says plainly when the input is not a JWT', async () => {
      const results = await checkToken('not-a-token', deployment, discoveryOf(issuer));
      assert.deepEqual(
        results.map((result) => result.status),
        ['fail'],
      );
    });
  });

  it('exits 1 and prints the fix when a check fails, from the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhirokta-doctor-cli-'));
    const config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        okta: { issuer: healthy.issuer, clientId: CLIENT_ID, scopes: ['openid'] },
        fhir: { baseUrl: healthy.fhirBase },
      }),
    );
    // Asynchronous: the servers answering the doctor run in this process.
    const run = (appOrigin: string) =>
      promisify(execFile)(process.execPath, [
        '--import',
        'tsx',
        doctorMain,
        '--config',
        config,
        '--app-origin',
        appOrigin,
      ]).then(
        ({ stdout }) => ({ status: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ status: error.code, stdout: error.stdout }),
      );
    const good = await run(healthy.appOrigin);
    const bad = await run('http://localhost:1');
    rmSync(dir, { recursive: true, force: true });
    assert.equal(good.status, 0, good.stdout);
    // The server checks, the search checks of every type the app searches, and DPoP (no token: no paging).
    const passes = 7 + EXPECTED_SEARCH_CHECKS.length + 1;
    assert.match(good.stdout, new RegExp(`\\b${passes} passed, 0 warnings, 0 failed`));
    assert.equal(bad.status, 1);
    assert.match(
      bad.stdout,
      /FAIL {2}CORS from the app to the token endpoint[^\n]*\n\s+fix: .*Trusted Origins/,
    );
  });
});
