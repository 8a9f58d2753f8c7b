import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildConfig } from '../auth/config.ts';
import { defaults } from './config.ts';
import { APP_ORIGIN, startHarness, type Bundle, type Harness } from '../../test-support/fhir.ts';

type Json = Record<string, unknown>;

describe('reads, headers, discovery and the audit log', () => {
  let h: Harness;
  let token: string;
  before(async () => {
    h = await startHarness();
    token = await h.token();
  });
  after(() => h.close());

  it('reads carry a version ETag and Last-Modified, and If-None-Match gives 304', async () => {
    const res = await h.get('/Patient/pat-0001', token);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('etag'), 'W/"1"');
    assert.equal(res.headers.get('last-modified'), new Date('2026-11-01T00:00:00Z').toUTCString());
    const body = (await res.json()) as { meta: { versionId: string } };
    assert.equal(body.meta.versionId, '1');
    const again = await h.get('/Patient/pat-0001', token, { 'If-None-Match': 'W/"1"' });
    assert.equal(again.status, 304);
  });

  it('no response carrying or refusing patient data may be stored by a browser or proxy', async () => {
    const answers = [
      await h.get('/Patient/pat-0001', token),
      await h.get('/Patient/pat-0001', token, { 'If-None-Match': 'W/"1"' }),
      await h.get('/Patient?name=a', token),
      await h.get('/Observation?patient=pat-0001', token),
      await h.get('/Patient/pat-9999', token),
      await h.get('/Patient'),
      await h.get('/Nope', token),
    ];
    for (const res of answers) {
      assert.equal(res.headers.get('cache-control'), 'no-store', `${res.url} ${res.status}`);
      await res.body?.cancel();
    }
    for (const path of ['/metadata', '/.well-known/smart-configuration']) {
      const res = await h.get(path);
      assert.equal(res.headers.get('cache-control'), 'no-cache', `${path}: no PHI, revalidated`);
      await res.body?.cancel();
    }
  });

  it('reads Condition, Practitioner and Organization; 404 for unknown ids and types', async () => {
    for (const path of ['/Practitioner/prac-0001', '/Organization/org-0001']) {
      assert.equal((await h.get(path, token)).status, 200, path);
    }
    const conditions = await h.get('/Condition/cond-0001-1', token);
    assert.ok([200, 404].includes(conditions.status));
    for (const path of ['/Patient/pat-9999', '/Claim/1', '/Encounter/nope']) {
      const res = await h.get(path, token);
      assert.equal(res.status, 404, path);
      assert.equal(((await res.json()) as Json)['resourceType'], 'OperationOutcome');
    }
  });

  it('answers 405 for methods it does not support and 404 outside the base', async () => {
    const del = await fetch(`${h.fhir.baseUrl}/Patient/pat-0001`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(del.status, 405);
    const outside = await fetch(h.fhir.baseUrl.replace('/fhir', '/other'));
    assert.equal(outside.status, 404);
    assert.match(outside.headers.get('content-type') ?? '', /fhir\+json/);
  });

  it('publishes .well-known/smart-configuration without a token', async () => {
    const res = await h.get('/.well-known/smart-configuration');
    assert.equal(res.status, 200);
    const body = (await res.json()) as Json;
    assert.equal(body['token_endpoint'], `${h.issuer.issuer}/v1/token`);
    assert.equal(body['authorization_endpoint'], `${h.issuer.issuer}/v1/authorize`);
    assert.ok((body['capabilities'] as string[]).includes('permission-v2'));
  });

  it('claims in .well-known/smart-configuration exactly what the authorization server backs', async () => {
    const smart = (await (await h.get('/.well-known/smart-configuration')).json()) as {
      scopes_supported: string[];
      token_endpoint_auth_methods_supported: string[];
      code_challenge_methods_supported: string[];
      capabilities: string[];
    };
    // The local authorization server's scope list: it refuses any other scope as invalid_scope.
    const { scopes } = buildConfig({
      port: 0,
      dataDir: h.dataDir,
      appOrigin: APP_ORIGIN,
      fhirBase: h.fhir.baseUrl,
    });
    assert.deepEqual([...smart.scopes_supported].sort(), [...scopes].sort());
    assert.ok(smart.scopes_supported.includes('user/Condition.rs'), 'every type the server reads');
    assert.ok(smart.scopes_supported.includes('patient/Encounter.read'));
    assert.deepEqual(smart.code_challenge_methods_supported, ['S256']);
    const v1 = /\.(read|write|\*)$/;
    // Each is also exercised end to end in servers/auth/smart-launch.test.ts.
    const ehrLaunch = scopes.includes('launch');
    const backing = new Map<string, boolean>([
      ['launch-ehr', ehrLaunch],
      ['launch-standalone', scopes.includes('launch/patient')],
      ['client-public', smart.token_endpoint_auth_methods_supported.includes('none')],
      ['context-banner', ehrLaunch],
      ['context-style', ehrLaunch],
      ['context-ehr-patient', ehrLaunch],
      ['context-ehr-encounter', ehrLaunch],
      ['context-standalone-patient', scopes.includes('launch/patient')],
      ['permission-offline', scopes.includes('offline_access')],
      ['permission-patient', scopes.some((s) => s.startsWith('patient/'))],
      ['permission-user', scopes.some((s) => s.startsWith('user/'))],
      ['permission-v1', scopes.some((s) => v1.test(s))],
      ['permission-v2', scopes.some((s) => /\/[^.]+\.[cruds]+$/.test(s) && !v1.test(s))],
      ['sso-openid-connect', scopes.includes('openid')],
    ]);
    for (const capability of smart.capabilities) {
      assert.equal(backing.get(capability), true, `${capability} is claimed but not backed`);
    }
    assert.deepEqual([...smart.capabilities].sort(), [...backing.keys()].sort());
  });

  it('states its search support in the CapabilityStatement', async () => {
    const cs = (await (await h.get('/metadata')).json()) as {
      rest: { resource: { type: string; searchParam?: { name: string }[] }[] }[];
    };
    const obs = cs.rest[0]?.resource.find((r) => r.type === 'Observation');
    assert.deepEqual(obs?.searchParam?.map((p) => p.name).sort(), [
      '_count',
      '_id',
      '_offset',
      '_sort',
      '_summary',
      '_total',
      'category',
      'code',
      'date',
      'encounter',
      'patient',
      'status',
      'subject',
    ]);
    assert.equal(
      cs.rest[0]?.resource.find((r) => r.type === 'Practitioner')?.searchParam,
      undefined,
    );
  });

  it('writes one audit line per request: who, what, outcome; no names, no tokens, no bodies', async () => {
    await h.get('/Patient?name=murphy&gender=female', token);
    await h.get('/Observation?patient=pat-0001&_count=3', token);
    await h.get('/Patient');
    const lines = readFileSync(join(h.dataDir, 'audit.log'), 'utf8').trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as Json);
    // Found by their redacted paths: other tests in this suite write audit lines too.
    const search = records.find((r) => r['path'] === '/fhir/Patient?name=*&gender=female');
    assert.ok(search, 'the name is redacted, the gender kept');
    assert.equal(search['sub'], 'clinician@example.com');
    assert.equal(search['clientId'], '0oalocalfhirokta0spa');
    assert.match(String(search['scope']), /user\/\*\.read/);
    assert.equal(search['status'], 200);
    assert.equal(typeof search['ms'], 'number');
    const obs = records.find((r) => r['path'] === '/fhir/Observation?patient=pat-0001&_count=3');
    assert.ok(obs, 'ids and paging are kept');
    assert.ok(Number(obs?.['count']) > 3, 'count is the number of matches');
    const refused = records.find((r) => r['path'] === '/fhir/Patient' && r['status'] === 401);
    assert.ok(refused);
    const text = lines.join('\n');
    assert.doesNotMatch(text, /murphy|eyJ|Bearer|birthDate/i);
  });

  it('every search modifier the CapabilityStatement documents is accepted under strict handling', async () => {
    const cs = (await (await h.get('/metadata')).json()) as {
      rest: {
        resource: {
          type: string;
          searchParam?: { name: string; type: string; documentation: string }[];
        }[];
      }[];
    };
    const samples = new Map([
      ['string', 'smi'],
      ['token', 'heart'],
      ['reference', 'pat-0001'],
      ['date', '2024'],
    ]);
    const documented: string[] = [];
    for (const resource of cs.rest[0]?.resource ?? []) {
      for (const param of resource.searchParam ?? []) {
        for (const [, modifier] of param.documentation.matchAll(/; :(\w+) matches/g)) {
          const path = `/${resource.type}?${param.name}:${modifier}=${samples.get(param.type) ?? ''}`;
          const res = await h.get(path, token, { Prefer: 'handling=strict' });
          assert.equal(res.status, 200, `${path} -> ${res.status}`);
          documented.push(`${resource.type}.${param.name}:${modifier}`);
        }
      }
    }
    assert.ok(documented.includes('Observation.code:text'), documented.join(' '));
    assert.ok(documented.includes('Patient.name:contains'), documented.join(' '));
  });

  it('answers an over-long URL with 414 and an OperationOutcome the app can read', async () => {
    const path = `/Patient?name=${'a'.repeat(defaults.maxUrlLength)}`;
    // No token: the length is refused before anything else is looked at.
    const res = await h.get(path, undefined, { Origin: APP_ORIGIN });
    assert.equal(res.status, 414);
    assert.equal(res.headers.get('access-control-allow-origin'), APP_ORIGIN);
    assert.match(res.headers.get('content-type') ?? '', /^application\/fhir\+json/);
    const body = (await res.json()) as { resourceType: string; issue: Json[] };
    assert.equal(body.resourceType, 'OperationOutcome');
    assert.equal(body.issue[0]?.['code'], 'too-long');
    assert.match(String(body.issue[0]?.['diagnostics']), /longer than 16384 characters/);
    const audit = readFileSync(join(h.dataDir, 'audit.log'), 'utf8').trim().split('\n');
    const line = audit.find((l) => l.includes('"status":414')) ?? '';
    assert.ok(line.length < 1000, 'the audit line does not carry the whole URL');
    assert.doesNotMatch(line, /aaaa/, 'nor the refused query value');
  });

  it('still serves URLs up to the limit, longer than Node alone would have parsed with the headers', async () => {
    const path = `/Patient?name=${'a'.repeat(defaults.maxUrlLength - 40)}`;
    const res = await h.get(path, token, { Origin: APP_ORIGIN });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as Bundle).total, 0);
  });

  it('answers a request line beyond what the parser takes with 431 and an OperationOutcome', async () => {
    const res = await h.get(`/Patient?name=${'a'.repeat(defaults.maxHeaderBytes)}`, token);
    assert.equal(res.status, 431);
    assert.match(res.headers.get('content-type') ?? '', /^application\/fhir\+json/);
    const body = (await res.json()) as { resourceType: string; issue: Json[] };
    assert.equal(body.resourceType, 'OperationOutcome');
    assert.match(String(body.issue[0]?.['diagnostics']), /at most 16384 characters/);
  });

  it('answers a request that is not HTTP with 400 and an OperationOutcome', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(h.fhir.port, '127.0.0.1', () => socket.write('NONSENSE\r\n\r\n'));
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    assert.match(answer, /^HTTP\/1\.1 400 Bad Request\r\n/);
    assert.match(answer, /"resourceType":"OperationOutcome"/);
  });

  it('keeps data across a restart and does not seed twice', async () => {
    const before = (await (await h.get('/Observation?_summary=count', token)).json()) as Bundle;
    await h.stop();
    h = await startHarness({ issuer: h.issuer, dataDir: h.dataDir });
    token = await h.token();
    const afterRestart = (await (
      await h.get('/Observation?_summary=count', token)
    ).json()) as Bundle;
    assert.equal(afterRestart.total, before.total);
    assert.equal(
      ((await h.get('/Patient?_summary=count', token).then((r) => r.json())) as Bundle).total,
      120,
    );
  });
});
