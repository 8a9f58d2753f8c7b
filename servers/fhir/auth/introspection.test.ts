import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import {
  APP_ORIGIN,
  Browser,
  CLIENT_ID,
  loginForTokens,
  startTestServer,
  type TestServer,
} from '../../../test-support/auth.ts';
import { freePort } from '../../launch.ts';
import { introspectionFromEnv } from './introspection.ts';
import { startFhirServer, type FhirServer } from '../server.ts';
import { startHarness, type Harness } from '../../../test-support/fhir.ts';

interface Outcome {
  resourceType: string;
  issue: { code: string; diagnostics: string }[];
}

const REVOKED_CHALLENGE =
  /^Bearer realm="fhir", error="invalid_token", error_description="The access token has been revoked"$/;

async function assertRevoked(res: Response): Promise<void> {
  assert.equal(res.status, 401);
  assert.match(res.headers.get('www-authenticate') ?? '', REVOKED_CHALLENGE);
  const body = (await res.json()) as Outcome;
  assert.equal(body.resourceType, 'OperationOutcome');
  assert.equal(body.issue[0]?.code, 'login');
  assert.match(body.issue[0]?.diagnostics ?? '', /has been revoked/);
}

describe('a token revoked at the real authorization server', () => {
  let auth: TestServer;
  let fhir: FhirServer;
  let fhirDir: string;
  const SCOPE = 'openid profile offline_access user/*.read';

  before(async () => {
    // The FHIR port first: the auth server needs the FHIR base as the tokens' audience.
    const fhirPort = await freePort();
    auth = await startTestServer({ fhirBase: `http://localhost:${fhirPort}/fhir` });
    fhirDir = await mkdtemp(join(tmpdir(), 'fhir-introspection-'));
    fhir = await startFhirServer({
      port: fhirPort,
      dataDir: fhirDir,
      issuer: auth.issuer,
      appOrigin: APP_ORIGIN,
      quiet: true,
      // No answer cache, so "the next request" is exactly the next one.
      introspection: { cacheSeconds: 0 },
    });
  });
  after(async () => {
    await fhir.close();
    await auth.close();
    await rm(fhirDir, { recursive: true, force: true });
  });

  const get = (token: string): Promise<Response> =>
    fetch(`${fhir.baseUrl}/Patient?_count=1`, { headers: { Authorization: `Bearer ${token}` } });
  const revoke = async (token: string, hint: 'access_token' | 'refresh_token'): Promise<void> => {
    const res = await fetch(`${auth.issuer}/v1/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, token_type_hint: hint, client_id: CLIENT_ID }),
    });
    assert.equal(res.status, 200);
  };

  it('refuses a revoked access token at the next request', async () => {
    const tokens = await loginForTokens(new Browser(), auth.issuer, 'clinician@example.com', {
      scope: SCOPE,
    });
    assert.equal((await get(tokens.access_token)).status, 200);
    await revoke(tokens.access_token, 'access_token');
    await assertRevoked(await get(tokens.access_token));
  });

  it('refuses the access token of a revoked refresh token (a sign-out elsewhere)', async () => {
    const tokens = await loginForTokens(new Browser(), auth.issuer, 'clinician@example.com', {
      scope: SCOPE,
    });
    assert.ok(tokens.refresh_token, 'offline_access gave no refresh token');
    assert.equal((await get(tokens.access_token)).status, 200);
    await revoke(tokens.refresh_token, 'refresh_token');
    await assertRevoked(await get(tokens.access_token));
  });

  it('keeps accepting the other sessions of the same user', async () => {
    const revoked = await loginForTokens(new Browser(), auth.issuer, 'clinician@example.com', {
      scope: SCOPE,
    });
    const other = await loginForTokens(new Browser(), auth.issuer, 'clinician@example.com', {
      scope: SCOPE,
    });
    await revoke(revoked.refresh_token ?? '', 'refresh_token');
    assert.equal((await get(revoked.access_token)).status, 401);
    assert.equal((await get(other.access_token)).status, 200);
  });
});

describe('introspection against the stand-in issuer', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('asks the issuer once per token while the answer is cached, even for parallel requests', async () => {
    const token = await h.token();
    const before = h.issuer.introspectRequests;
    const parallel = await Promise.all(
      Array.from({ length: 5 }, () => h.get('/Patient?_count=1', token)),
    );
    assert.deepEqual(
      parallel.map((res) => res.status),
      [200, 200, 200, 200, 200],
    );
    for (let i = 0; i < 5; i += 1)
      assert.equal((await h.get('/Patient/pat-0001', token)).status, 200);
    assert.equal(h.issuer.introspectRequests - before, 1);

    // Another token is another question.
    assert.equal((await h.get('/Patient?_count=1', await h.token())).status, 200);
    assert.equal(h.issuer.introspectRequests - before, 2);
  });

  it('sends the token, the access_token hint and the token’s own client_id, as a public client', async () => {
    const token = await h.token({
      extra: { cid: '0oaanotherclient000', client_id: '0oaanotherclient000' },
    });
    assert.equal((await h.get('/Patient?_count=1', token)).status, 200);
    assert.deepEqual(Object.fromEntries(h.issuer.lastIntrospection ?? []), {
      token,
      token_type_hint: 'access_token',
      client_id: '0oaanotherclient000',
    });
  });

  it('refuses a token the issuer says is revoked: 401 invalid_token and an OperationOutcome', async () => {
    const token = await h.token();
    h.issuer.revoke(String(decodeJwt(token).jti));
    await assertRevoked(await h.get('/Patient?_count=1', token));
  });

  it('notices a revocation once the cached answer expires', async () => {
    const short = await startHarness(undefined, { introspection: { cacheSeconds: 0.3 } });
    try {
      const token = await short.token();
      assert.equal((await short.get('/Patient?_count=1', token)).status, 200);
      short.issuer.revoke(String(decodeJwt(token).jti));
      // Within the cache time the earlier answer stands: the documented delay.
      assert.equal((await short.get('/Patient?_count=1', token)).status, 200);
      await new Promise((r) => setTimeout(r, 400));
      await assertRevoked(await short.get('/Patient?_count=1', token));
    } finally {
      await short.close();
    }
  });

  it('with introspection off, verifies locally only: a revoked token works until it expires', async () => {
    const local = await startHarness(undefined, { introspection: false });
    try {
      const token = await local.token();
      local.issuer.revoke(String(decodeJwt(token).jti));
      assert.equal((await local.get('/Patient?_count=1', token)).status, 200);
      assert.equal(local.issuer.introspectRequests, 0);
    } finally {
      await local.close();
    }
  });

  it('fails closed with 503 when the issuer cannot be asked, and blames neither the token nor the keys', async () => {
    const down = await startHarness();
    try {
      // The keys are fetched and cached with a first token, so only introspection needs the issuer.
      assert.equal((await down.get('/Patient?_count=1', await down.token())).status, 200);
      const token = await down.token();
      await down.issuer.close();
      const res = await down.get('/Patient?_count=1', token);
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('www-authenticate'), null);
      const body = (await res.json()) as Outcome;
      assert.equal(body.resourceType, 'OperationOutcome');
      assert.match(
        body.issue[0]?.diagnostics ?? '',
        /issuer could not be asked whether the access token is still active/,
      );
      // A failure is not cached as an answer: the same token is asked about again.
      assert.equal((await down.get('/Patient?_count=1', token)).status, 503);
    } finally {
      await down.close();
    }
  });
});

describe('introspection settings from the environment', () => {
  it('is on with the default cache unless FHIR_INTROSPECTION=off', () => {
    assert.deepEqual(introspectionFromEnv({}), {});
    assert.deepEqual(introspectionFromEnv({ FHIR_INTROSPECTION: 'on' }), {});
    assert.equal(introspectionFromEnv({ FHIR_INTROSPECTION: 'off' }), false);
    assert.equal(introspectionFromEnv({ FHIR_INTROSPECTION: 'OFF' }), false);
  });

  it('reads INTROSPECTION_CACHE_SECONDS, 0 included, and refuses nonsense', () => {
    assert.deepEqual(introspectionFromEnv({ INTROSPECTION_CACHE_SECONDS: '0' }), {
      cacheSeconds: 0,
    });
    assert.deepEqual(introspectionFromEnv({ INTROSPECTION_CACHE_SECONDS: '2.5' }), {
      cacheSeconds: 2.5,
    });
    assert.throws(() => introspectionFromEnv({ INTROSPECTION_CACHE_SECONDS: '-1' }), /seconds/);
    assert.throws(() => introspectionFromEnv({ INTROSPECTION_CACHE_SECONDS: 'soon' }), /seconds/);
    assert.throws(() => introspectionFromEnv({ FHIR_INTROSPECTION: 'maybe' }), /on" or "off/);
  });
});
