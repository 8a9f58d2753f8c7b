import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type CryptoKey } from 'jose';
import { chartSample, sharedSamples } from '../../../test-support/chart.ts';
import { startHarness, type Bundle, type Harness } from '../../../test-support/fhir.ts';
import { readableTypes, searchableTypes } from '../config.ts';
import { clinicalTypes } from '../search/clinical.ts';

type Json = Record<string, unknown>;

const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('token verification', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const expect401 = async (token: string, why: RegExp): Promise<void> => {
    const res = await h.get('/Patient', token);
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer .*error="invalid_token"/);
    const body = (await res.json()) as { resourceType: string; issue: { diagnostics: string }[] };
    assert.equal(body.resourceType, 'OperationOutcome');
    assert.match(body.issue[0]?.diagnostics ?? '', why);
    assert.doesNotMatch(JSON.stringify(body), new RegExp(token.slice(-20).replace(/[-_]/g, '.')));
  };

  it('accepts a valid RS256 token from the issuer', async () => {
    assert.equal((await h.get('/Patient', await h.token())).status, 200);
  });

  it('refuses alg none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: h.issuer.issuer,
      aud: h.fhir.baseUrl,
      sub: 'x',
      exp: now + 300,
      scope: 'user/*.read',
    };
    await expect401(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`, /malformed|algorithm/);
  });

  it('refuses HS256 signed with the public key as the secret', async () => {
    const publicJwk = h.issuer.keys[0] ?? {};
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const token = await new SignJWT({ scope: 'user/*.read' })
      .setProtectedHeader({ alg: 'HS256', kid: h.issuer.kid })
      .setIssuer(h.issuer.issuer)
      .setAudience(h.fhir.baseUrl)
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(secret);
    await expect401(token, /algorithm/);
  });

  it('refuses a wrong issuer, an expired token and a not-yet-valid token', async () => {
    await expect401(await h.token({ iss: 'http://localhost:1/oauth2/default' }), /'iss'/);
    await expect401(await h.token({ expiresIn: -120 }), /expired/);
    await expect401(
      await h.token({ extra: { nbf: Math.floor(Date.now() / 1000) + 600 } }),
      /'nbf'/,
    );
  });

  it('refuses a token it accepted before (and remembers as verified) once the token expires', async (t) => {
    const token = await h.token({ expiresIn: 5 });
    assert.equal((await h.get('/Patient', token)).status, 200);
    assert.equal((await h.get('/Patient', token)).status, 200);
    // Past exp plus the 60 s leeway; only Date moves, so the sockets' timers are untouched.
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() + 66_000 });
    await expect401(token, /expired/);
  });

  it('tolerates up to 60 s of clock skew', async () => {
    assert.equal((await h.get('/Patient', await h.token({ expiresIn: -30 }))).status, 200);
  });

  it('refuses a token signed by a key the issuer does not publish', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await sign(privateKey, 'RS256', 'unknown-kid', h);
    await expect401(token, /signing key is unknown/);
    const sameKid = await sign(privateKey, 'RS256', h.issuer.kid, h);
    await expect401(sameKid, /signature/);
  });

  it('refetches the JWKS for a new kid, so key rotation works', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    h.issuer.keys = [
      ...h.issuer.keys,
      { ...(await exportJWK(publicKey)), kid: 'rotated-es256', alg: 'ES256', use: 'sig' },
    ];
    await new Promise((r) => setTimeout(r, 1100)); // past the refetch cooldown
    const token = await sign(privateKey, 'ES256', 'rotated-es256', h);
    assert.equal((await h.get('/Patient', token)).status, 200);
  });

  it('refuses a malformed Authorization header and other schemes', async () => {
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b']) {
      const res = await h.get('/Patient', undefined, { Authorization: header });
      assert.equal(res.status, 401, header);
    }
  });

  it('answers 503 when the issuer cannot be reached, without blaming the token', async () => {
    const other = await startHarness();
    const token = await other.token();
    await other.issuer.close();
    const res = await other.get('/Patient', token);
    assert.equal(res.status, 503);
    assert.equal(((await res.json()) as Json)['resourceType'], 'OperationOutcome');
    await other.stop();
    rmSync(other.dataDir, { recursive: true, force: true });
  });

  it('still refuses HS256 even with a PEM public key as the secret', async () => {
    const { publicKey } = await generateKeyPair('RS256');
    const pem = new TextEncoder().encode(await exportSPKI(publicKey));
    const token = await new SignJWT({ scope: 'user/*.read' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(h.issuer.issuer)
      .setAudience(h.fhir.baseUrl)
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(pem);
    await expect401(token, /algorithm/);
  });
});

async function sign(key: CryptoKey, alg: string, kid: string, h: Harness): Promise<string> {
  return new SignJWT({ scope: 'user/*.read', client_id: 'c' })
    .setProtectedHeader({ alg, kid })
    .setIssuer(h.issuer.issuer)
    .setAudience(h.fhir.baseUrl)
    .setSubject('x')
    .setIssuedAt()
    .setExpirationTime('5m')
    .setJti(crypto.randomUUID())
    .sign(key);
}

describe('SMART scopes', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const status = async (path: string, scope: string, patient?: string): Promise<number> =>
    (await h.get(path, await h.token({ scope, patient }))).status;

  it('user/Patient.read alone reads patients but gets 403 insufficient_scope on Observation', async () => {
    const scope = 'openid user/Patient.read';
    assert.equal(await status('/Patient', scope), 200);
    assert.equal(await status('/Patient/pat-0001', scope), 200);
    const res = await h.get('/Observation?patient=pat-0001', await h.token({ scope }));
    assert.equal(res.status, 403);
    assert.match(res.headers.get('www-authenticate') ?? '', /error="insufficient_scope"/);
    assert.match(res.headers.get('www-authenticate') ?? '', /scope="user\/Observation.read"/);
    assert.equal(((await res.json()) as Json)['resourceType'], 'OperationOutcome');
  });

  it('understands SMART v2 permissions: r reads, s searches', async () => {
    assert.equal(await status('/Observation?patient=pat-0001', 'user/Observation.rs'), 200);
    assert.equal(await status('/Observation?patient=pat-0001', 'user/Observation.r'), 403);
    assert.equal(await status('/Patient/pat-0001', 'user/Patient.r'), 200);
    assert.equal(await status('/Patient', 'user/*.cruds'), 200);
    assert.equal(await status('/Patient', 'user/Patient.rx'), 403, 'not a valid permission string');
  });

  it('grants nothing for granular v2 scopes it cannot enforce', async () => {
    assert.equal(await status('/Observation', 'user/Observation.rs?category=laboratory'), 403);
  });

  it('falls back to the scp array when there is no scope string', async () => {
    const token = await h.token({ extra: { scope: undefined, scp: ['openid', 'user/*.read'] } });
    assert.equal((await h.get('/Observation?patient=pat-0001', token)).status, 200);
  });

  it("patient/* narrows searches to the token's patient and hides other patients' data (404)", async () => {
    const token = await h.token({
      scope: 'openid patient/*.read',
      patient: 'pat-0001',
      sub: 'patient@example.com',
    });
    const patients = (await (await h.get('/Patient', token)).json()) as Bundle;
    assert.equal(patients.total, 1);
    assert.equal(patients.entry?.[0]?.resource['id'], 'pat-0001');
    assert.equal((await h.get('/Patient/pat-0001', token)).status, 200);
    const other = await h.get('/Patient/pat-0002', token);
    assert.equal(other.status, 404);
    assert.equal(((await other.json()) as Json)['resourceType'], 'OperationOutcome');
    const theirs = (await (await h.get('/Observation?patient=pat-0002', token)).json()) as Bundle;
    assert.equal(theirs.total, 0);
    const all = (await (await h.get('/Observation?_count=200', token)).json()) as Bundle;
    assert.ok((all.total ?? 0) > 0);
    for (const e of all.entry ?? []) {
      assert.deepEqual(e.resource['subject'], { reference: 'Patient/pat-0001' });
    }
    assert.equal((await h.get('/Observation/obs-0002-0001', token)).status, 404);
    assert.equal((await h.get('/Observation/obs-0001-0001', token)).status, 200);
    assert.equal((await h.get('/Condition/cond-0002-1', token)).status === 200, false);
    assert.equal((await h.get('/Practitioner/prac-0001', token)).status, 200, 'not patient data');
  });

  it('patient/ scopes without a patient claim allow nothing', async () => {
    // One resource of every type this server reads, shared types included, all for pat-0001.
    const resources = [
      ...sharedSamples,
      ...clinicalTypes.map((type) => chartSample(type, 'pat-0001', 1)),
      { resourceType: 'Practitioner', id: 'claim-prac' },
      { resourceType: 'Organization', id: 'claim-org' },
      {
        resourceType: 'Observation',
        id: 'claim-obs',
        status: 'final',
        code: { text: 'x' },
        subject: { reference: 'Patient/pat-0001' },
      },
    ];
    const entry = resources.map((resource) => ({
      resource,
      request: {
        method: 'PUT',
        url: `${String(resource['resourceType'])}/${String(resource['id'])}`,
      },
    }));
    const writer = await h.token({ scope: 'user/*.write' });
    const put = await h.post('/', { resourceType: 'Bundle', type: 'transaction', entry }, writer);
    assert.equal(put.status, 200, await put.clone().text());
    const paths = [
      '/Patient/pat-0001',
      ...resources.map((r) => `/${String(r['resourceType'])}/${String(r['id'])}`),
    ];
    assert.deepEqual(
      new Set(paths.map((p) => p.split('/')[1])),
      new Set(readableTypes),
      'every type this server reads',
    );
    for (const scope of ['patient/*.read', 'patient/*.rs', 'openid patient/*.r patient/*.s']) {
      for (const path of [...paths, ...searchableTypes.map((type) => `/${type}`)]) {
        assert.equal(await status(path, scope, 'pat-0001'), 200, `${scope} ${path} with the claim`);
        assert.equal(await status(path, scope), 403, `${scope} ${path} without the claim`);
      }
    }
  });

  it('read scopes never write, not even an empty batch, and the body is not read for them', async () => {
    const empty = { resourceType: 'Bundle', type: 'batch', entry: [] };
    const readOnly = await h.post('/', empty, await h.token());
    assert.equal(readOnly.status, 403);
    assert.match(readOnly.headers.get('www-authenticate') ?? '', /scope="user\/\*.write"/);
    const writer = await h.post('/', empty, await h.token({ scope: 'user/Observation.write' }));
    assert.equal(writer.status, 200, 'an empty batch with some write scope');
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: { resourceType: 'Patient' }, request: { method: 'POST', url: 'Patient' } },
      ],
    };
    const otherType = await h.post('/', bundle, await h.token({ scope: 'user/Observation.write' }));
    assert.equal(otherType.status, 403, 'each entry’s type is still checked');
    assert.match(otherType.headers.get('www-authenticate') ?? '', /scope="user\/Patient.write"/);
    const patientWrite = await h.post(
      '/',
      bundle,
      await h.token({ scope: 'patient/*.write', patient: 'pat-0001' }),
    );
    assert.equal(patientWrite.status, 403);
  });
});
