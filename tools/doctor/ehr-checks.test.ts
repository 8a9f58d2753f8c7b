// The doctor's checks of each configured EHR, against a stand-in EHR that misbehaves one way at a time.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { freePort } from '../../servers/launch.ts';
import type { EhrEntry } from '../../src/app/config/runtime-config.ts';
import { OAUTH_URIS } from '../../protocol/smart-discovery.ts';
import { checkEhr } from './ehr-checks.ts';
import {
  FIXTURE_APP_ORIGIN as ORIGIN,
  FULL_SMART,
  R4_STATEMENT,
  startEhrFixture,
  type EhrFixture,
} from './ehr-fixture.ts';
import type { CheckResult } from './report.ts';

const NAME = 'Fixture EHR';

function find(results: CheckResult[], what: string): CheckResult {
  const found = results.find((result) => result.name === `EHR "${NAME}": ${what}`);
  assert.ok(found, `no check "${what}" in:\n${results.map((r) => r.name).join('\n')}`);
  return found;
}

describe('doctor: each EHR allowed to launch the app', () => {
  let ehr: EhrFixture;
  let entry: EhrEntry;
  const check = (changes: Partial<EhrEntry> = {}) => checkEhr({ ...entry, ...changes }, 0, ORIGIN);

  before(async () => {
    ehr = await startEhrFixture();
    entry = { name: NAME, iss: ehr.iss, clientId: 'fhirokta' };
  });
  beforeEach(() => ehr.behave({}));
  after(() => ehr.close());

  it('passes every check for an EHR that offers all a launch needs, and prints the v2 scopes', async () => {
    const results = await check();
    assert.deepEqual(
      results.map((r) => [r.name.replace(`EHR "${NAME}": `, ''), r.status]),
      [
        ['SMART discovery', 'pass'],
        ['CORS from the app to discovery', 'pass'],
        ['PKCE S256', 'pass'],
        ['launch from the EHR', 'pass'],
        [`standalone launch ("Sign in with ${NAME}")`, 'pass'],
        ['scopes a launch asks for', 'pass'],
        ['CORS from the app to the token endpoint', 'pass'],
        ['FHIR server', 'pass'],
        ['CORS from the app to the FHIR server', 'pass'],
      ],
    );
    assert.equal(
      find(results, 'scopes a launch asks for').detail,
      `from the EHR "launch openid fhirUser user/*.rs patient/*.rs"; "Sign in with ${NAME}" ` +
        '"launch/patient openid fhirUser user/*.rs patient/*.rs" (SMART v2 form, as it advertises permission-v2)',
    );
    assert.match(
      find(results, 'launch from the EHR').detail,
      /also context-ehr-encounter, context-banner/,
    );
  });

  it('prints v1 scopes for an EHR without permission-v2', async () => {
    ehr.behave({
      smart: (base) => ({
        ...FULL_SMART(base),
        capabilities: ['launch-ehr', 'client-public', 'context-ehr-patient', 'permission-v1'],
      }),
    });
    const scopes = find(await check(), 'scopes a launch asks for');
    assert.equal(scopes.status, 'pass');
    assert.match(
      scopes.detail,
      /^from the EHR "launch openid fhirUser user\/\*\.read patient\/\*\.read"/,
    );
    assert.match(scopes.detail, /\(SMART v1 form, as it does not advertise permission-v2\)$/);
  });

  it("prints the entry's own scopes, with the launch scope each launch needs", async () => {
    const scopes = find(
      await check({ scopes: ['launch', 'openid', 'fhirUser', 'patient/*.rs'] }),
      'scopes a launch asks for',
    );
    assert.equal(scopes.status, 'pass');
    assert.match(scopes.detail, /from the EHR "launch openid fhirUser patient\/\*\.rs"/);
    assert.match(scopes.detail, /"launch\/patient openid fhirUser patient\/\*\.rs"/);
    assert.match(scopes.detail, /\(ehrs\[0\]\.scopes, with the launch scope each launch needs\)/);
  });

  it('warns about scopes the EHR does not list, and says where to set the ones it grants', async () => {
    const scopes = find(
      await check({ scopes: ['openid', 'user/Observation.rs'] }),
      'scopes a launch asks for',
    );
    assert.equal(scopes.status, 'warn');
    assert.match(scopes.detail, /not in its scopes_supported: user\/Observation\.rs$/);
    assert.match(scopes.fix ?? '', /set "ehrs\[0\]\.scopes" to scopes it grants/);
  });

  it('fails PKCE without S256, and warns when the EHR does not say', async () => {
    for (const [methods, status, detail] of [
      [['plain'], 'fail', /offers plain, not S256/],
      [[], 'fail', /offers no methods, not S256/],
      [undefined, 'warn', /does not state its PKCE methods/],
    ] as const) {
      ehr.behave({
        smart: (base) => ({ ...FULL_SMART(base), code_challenge_methods_supported: methods }),
      });
      const pkce = find(await check(), 'PKCE S256');
      assert.equal(pkce.status, status, JSON.stringify(methods));
      assert.match(pkce.detail, detail);
      assert.match(pkce.fix ?? '', /always uses PKCE with S256/);
    }
  });

  it('warns when a launch is not advertised, naming what is missing; the other launch passes', async () => {
    ehr.behave({
      smart: (base) => ({
        ...FULL_SMART(base),
        capabilities: ['launch-standalone', 'client-public', 'context-standalone-patient'],
      }),
    });
    const results = await check();
    const fromEhr = find(results, 'launch from the EHR');
    assert.equal(fromEhr.status, 'warn');
    assert.match(fromEhr.detail, /does not advertise launch-ehr, context-ehr-patient$/);
    assert.equal(find(results, `standalone launch ("Sign in with ${NAME}")`).status, 'pass');

    ehr.behave({
      smart: (base) => ({
        ...FULL_SMART(base),
        capabilities: ['launch-ehr', 'context-ehr-patient'],
      }),
    });
    const standalone = find(await check(), `standalone launch ("Sign in with ${NAME}")`);
    assert.equal(standalone.status, 'warn');
    assert.match(standalone.detail, /launch-standalone, client-public, context-standalone-patient/);
    assert.match(standalone.fix ?? '', /a launch from the EHR is unaffected/);
  });

  it('falls back to the oauth-uris of the CapabilityStatement, as the app does, and says what is then unknown', async () => {
    ehr.behave({
      smart: () => undefined,
      statement: (base) => ({
        ...(R4_STATEMENT() as object),
        rest: [
          {
            mode: 'server',
            security: {
              extension: [
                {
                  url: OAUTH_URIS,
                  extension: [
                    { url: 'authorize', valueUri: `${base}/auth/authorize` },
                    { url: 'token', valueUri: `${base}/auth/token` },
                  ],
                },
              ],
            },
          },
        ],
      }),
    });
    const results = await check();
    const discovery = find(results, 'SMART discovery');
    assert.equal(discovery.status, 'warn');
    assert.match(discovery.detail, /HTTP 404.*falls back to the oauth-uris of .*\/fhir\/metadata/);
    assert.match(find(results, 'CORS from the app to discovery').detail, /\/fhir\/metadata$/);
    assert.equal(find(results, 'PKCE S256').status, 'warn');
    assert.match(find(results, 'launch from the EHR').detail, /states no SMART capabilities/);
    assert.match(find(results, 'scopes a launch asks for').detail, /SMART v1 form/);
    assert.equal(find(results, 'CORS from the app to the token endpoint').status, 'pass');
  });

  it('fails discovery when neither document names an authorization server, and skips what depends on it', async () => {
    ehr.behave({ smart: () => undefined });
    const results = await check();
    const discovery = find(results, 'SMART discovery');
    assert.equal(discovery.status, 'fail');
    assert.match(discovery.fix ?? '', /Check "ehrs\[0\]\.iss"/);
    assert.deepEqual(
      results.map((r) => r.name.replace(`EHR "${NAME}": `, '')),
      ['SMART discovery', 'FHIR server', 'CORS from the app to the FHIR server'],
    );
  });

  it('fails discovery that names an endpoint without https', async () => {
    ehr.behave({
      smart: (base) => ({ ...FULL_SMART(base), token_endpoint: 'http://ehr.example.test/token' }),
    });
    const discovery = find(await check(), 'SMART discovery');
    assert.equal(discovery.status, 'fail');
    assert.match(discovery.detail, /without https: http:\/\/ehr\.example\.test\/token/);
  });

  it('fails CORS for the app at discovery, the token endpoint, metadata and FHIR calls, one at a time', async () => {
    const cases = [
      [{ discovery: undefined }, 'CORS from the app to discovery'],
      [{ discovery: 'http://elsewhere.test' }, 'CORS from the app to discovery'],
      [{ token: undefined }, 'CORS from the app to the token endpoint'],
      [{ metadata: undefined }, 'CORS from the app to the FHIR server'],
      [{ fhir: undefined }, 'CORS from the app to the FHIR server'],
    ] as const;
    for (const [corsOrigin, what] of cases) {
      ehr.behave({ corsOrigin });
      const results = await check();
      assert.deepEqual(
        results.filter((r) => r.status !== 'pass').map((r) => [r.name, r.status]),
        [[`EHR "${NAME}": ${what}`, 'fail']],
        JSON.stringify(corsOrigin),
      );
      assert.match(find(results, what).fix ?? '', new RegExp(ORIGIN));
    }
  });

  it('fails a FHIR server that does not list Authorization among the allowed headers ("*" does not cover it)', async () => {
    for (const fhirHeaders of ['content-type', '*', 'x-authorization']) {
      ehr.behave({ fhirHeaders });
      const cors = find(await check(), 'CORS from the app to the FHIR server');
      assert.equal(cors.status, 'fail', fhirHeaders);
      assert.match(cors.fix ?? '', /with the Authorization header/);
    }
  });

  it('fails an iss with no CapabilityStatement, and warns about one that is not R4', async () => {
    ehr.behave({ statement: () => ({ resourceType: 'OperationOutcome' }) });
    const missing = find(await check(), 'FHIR server');
    assert.equal(missing.status, 'fail');
    assert.match(missing.fix ?? '', /GET <iss>\/metadata must return/);

    ehr.behave({ statement: () => ({ ...(R4_STATEMENT() as object), fhirVersion: '3.0.2' }) });
    const stu3 = find(await check(), 'FHIR server');
    assert.equal(stu3.status, 'warn');
    assert.match(stu3.fix ?? '', /set "ehrs\[0\]\.iss" to the EHR's R4 endpoint/);
  });

  it('fails an EHR that does not answer, saying so', async () => {
    const results = await check({ iss: `http://localhost:${await freePort()}/fhir` });
    assert.deepEqual(
      results.map((r) => r.status),
      ['fail', 'fail', 'fail'],
    );
    assert.match(find(results, 'SMART discovery').detail, /connection refused/);
  });
});
