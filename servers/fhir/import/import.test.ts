import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../../../test-support/fhir.ts';

type Json = Record<string, unknown>;

const patientEntry = (uuid: string, family: string): Json => ({
  fullUrl: `urn:uuid:${uuid}`,
  resource: { resourceType: 'Patient', name: [{ family, given: ['Test'] }], gender: 'other' },
  request: { method: 'POST', url: 'Patient' },
});
const obsEntry = (subject: string, extra: Json = {}): Json => ({
  fullUrl: `urn:uuid:${crypto.randomUUID()}`,
  resource: {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
    subject: { reference: subject },
    effectiveDateTime: '2025-05-01T10:00:00Z',
    valueQuantity: { value: 70, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
    ...extra,
  },
  request: { method: 'POST', url: 'Observation' },
});
const bundle = (type: string, entry: Json[]): Json => ({ resourceType: 'Bundle', type, entry });

describe('transaction and batch import', () => {
  let h: Harness;
  let writer: string;
  let reader: string;
  const count = (path: string): Promise<number> => h.count(path, reader);

  before(async () => {
    h = await startHarness();
    writer = await h.token({ scope: 'user/*.read user/*.write' });
    reader = await h.token();
  });
  after(() => h.close());

  it('a transaction resolves urn:uuid references and answers a transaction-response', async () => {
    const uuid = crypto.randomUUID();
    const res = await h.post(
      '/',
      bundle('transaction', [patientEntry(uuid, 'Transactionson'), obsEntry(`urn:uuid:${uuid}`)]),
      writer,
    );
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      type: string;
      entry: { response: { status: string; location: string; etag: string } }[];
    };
    assert.equal(body.type, 'transaction-response');
    assert.deepEqual(
      body.entry.map((e) => e.response.status),
      ['201 Created', '201 Created'],
    );
    const patientId = body.entry[0]?.response.location.split('/')[1] ?? '';
    const obs = (await (
      await h.get(`/${body.entry[1]?.response.location.split('/_history')[0]}`, reader)
    ).json()) as Json;
    assert.deepEqual(obs['subject'], { reference: `Patient/${patientId}` });
    assert.equal(await count(`/Observation?patient=${patientId}`), 1);
  });

  it('keeps a "__proto__" key of the imported JSON as data, nested or at the top, like any other key', async () => {
    const uuid = crypto.randomUUID();
    // JSON.parse makes "__proto__" an ordinary key; copying it by assignment would drop it silently.
    const withProto = JSON.parse(
      '{"__proto__":{"top":1},"extension":[{"url":"http://example.org/x","__proto__":{"polluted":true},"valueString":"kept"}]}',
    ) as Json;
    const res = await h.post(
      '/',
      bundle('transaction', [
        patientEntry(uuid, 'Protokey'),
        obsEntry(`urn:uuid:${uuid}`, withProto),
      ]),
      writer,
    );
    assert.equal(res.status, 200);
    const body = (await res.json()) as { entry: { response: { location: string } }[] };
    const location = body.entry[1]?.response.location.split('/_history')[0] ?? '';
    const text = await (await h.get(`/${location}`, reader)).text();
    assert.match(text, /"__proto__":\{"polluted":true\}/);
    assert.match(text, /"__proto__":\{"top":1\}/);
    assert.equal(({} as Json)['polluted'], undefined);
  });

  it('a broken transaction changes nothing and says which entry is wrong', async () => {
    const before = await count('/Patient');
    const uuid = crypto.randomUUID();
    const broken = obsEntry(`urn:uuid:${uuid}`);
    delete (broken['resource'] as Json)['code'];
    const res = await h.post(
      '/',
      bundle('transaction', [patientEntry(uuid, 'Brokenbundle'), broken]),
      writer,
    );
    assert.equal(res.status, 422);
    const outcome = (await res.json()) as {
      resourceType: string;
      issue: { diagnostics: string }[];
    };
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.match(
      outcome.issue[0]?.diagnostics ?? '',
      /entry\[1\].*Observation.code.*nothing was written/,
    );
    assert.equal(await count('/Patient'), before);
    assert.equal(await count('/Patient?family=brokenbundle'), 0);
  });

  it('refuses dangling urn:uuid references, unknown patients and unsupported types atomically', async () => {
    const before = await count('/Patient');
    const uuid = crypto.randomUUID();
    for (const [entries, status] of [
      [
        [patientEntry(uuid, 'Dangling'), obsEntry('urn:uuid:00000000-0000-0000-0000-000000000000')],
        400,
      ],
      [[patientEntry(uuid, 'Dangling'), obsEntry('Patient/no-such-patient')], 422],
      [
        [
          patientEntry(uuid, 'Dangling'),
          { resource: { resourceType: 'Claim' }, request: { method: 'POST', url: 'Claim' } },
        ],
        422,
      ],
      [
        [
          patientEntry(uuid, 'Dangling'),
          {
            resource: { resourceType: 'Patient' },
            request: { method: 'DELETE', url: 'Patient/x' },
          },
        ],
        405,
      ],
    ] as const) {
      const res = await h.post('/', bundle('transaction', [...entries]), writer);
      assert.equal(res.status, status);
    }
    assert.equal(await count('/Patient'), before);
  });

  it('resolves conditional references and conditional creates by identifier', async () => {
    const practitioner = {
      resourceType: 'Practitioner',
      identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '9999912345' }],
      name: [{ family: 'Conditional' }],
    };
    const first = await h.post(
      '/',
      bundle('transaction', [
        {
          resource: practitioner,
          request: {
            method: 'POST',
            url: 'Practitioner',
            ifNoneExist: 'identifier=http://hl7.org/fhir/sid/us-npi|9999912345',
          },
        },
      ]),
      writer,
    );
    const loc =
      ((await first.json()) as { entry: { response: { location: string } }[] }).entry[0]?.response
        .location ?? '';
    const again = await h.post(
      '/',
      bundle('transaction', [
        {
          resource: practitioner,
          request: {
            method: 'POST',
            url: 'Practitioner',
            ifNoneExist: 'identifier=http://hl7.org/fhir/sid/us-npi|9999912345',
          },
        },
      ]),
      writer,
    );
    const second = (await again.json()) as {
      entry: { response: { status: string; location: string } }[];
    };
    assert.equal(second.entry[0]?.response.status, '200 OK');
    assert.equal(second.entry[0]?.response.location, loc.split('/_history')[0]);
    const uuid = crypto.randomUUID();
    const p = patientEntry(uuid, 'Referrer');
    (p['resource'] as Json)['generalPractitioner'] = [
      { reference: 'Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999912345' },
    ];
    const res = await h.post('/', bundle('transaction', [p]), writer);
    const created =
      ((await res.json()) as { entry: { response: { location: string } }[] }).entry[0]?.response
        .location ?? '';
    const patient = (await (
      await h.get(`/${created.split('/_history')[0]}`, reader)
    ).json()) as Json;
    assert.deepEqual(patient['generalPractitioner'], [{ reference: loc.split('/_history')[0] }]);
    const missing = patientEntry(crypto.randomUUID(), 'Referrer');
    (missing['resource'] as Json)['generalPractitioner'] = [
      { reference: 'Practitioner?identifier=nobody' },
    ];
    assert.equal((await h.post('/', bundle('transaction', [missing]), writer)).status, 404);
  });

  it('a batch reports each entry on its own', async () => {
    const res = await h.post(
      '/',
      bundle('batch', [obsEntry('Patient/pat-0003'), obsEntry('Patient/nobody')]),
      writer,
    );
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      type: string;
      entry: { response: { status: string; outcome?: Json } }[];
    };
    assert.equal(body.type, 'batch-response');
    assert.equal(body.entry[0]?.response.status, '201 Created');
    assert.equal(body.entry[1]?.response.status, '422 Unprocessable Entity');
    assert.equal(body.entry[1]?.response.outcome?.['resourceType'], 'OperationOutcome');
  });

  it('PUT creates a resource with the given id, then updates it with a new version', async () => {
    const put = (family: string): Json =>
      bundle('transaction', [
        {
          resource: { resourceType: 'Patient', id: 'put-1', name: [{ family }] },
          request: { method: 'PUT', url: 'Patient/put-1' },
        },
      ]);
    const a = (await (await h.post('/', put('Firstname'), writer)).json()) as {
      entry: { response: { status: string } }[];
    };
    assert.equal(a.entry[0]?.response.status, '201 Created');
    const b = (await (await h.post('/', put('Secondname'), writer)).json()) as {
      entry: { response: { status: string; etag: string } }[];
    };
    assert.equal(b.entry[0]?.response.status, '200 OK');
    assert.equal(b.entry[0]?.response.etag, 'W/"2"');
    const read = await h.get('/Patient/put-1', reader);
    assert.equal(read.headers.get('etag'), 'W/"2"');
    assert.equal(await count('/Patient?family=firstname'), 0, 'the old name is no longer indexed');
    assert.equal(await count('/Patient?family=secondname'), 1);
  });

  it('refuses malformed JSON, non-Bundles and the wrong content type with an OperationOutcome', async () => {
    for (const [body, headers, status] of [
      ['{"resourceType": "Bundle",', {}, 400],
      [{ resourceType: 'Patient' }, {}, 400],
      [bundle('collection', []), {}, 400],
      ['<Bundle/>', { 'Content-Type': 'application/xml' }, 415],
    ] as const) {
      const res = await h.post('/', body, writer, headers);
      assert.equal(res.status, status);
      assert.equal(((await res.json()) as Json)['resourceType'], 'OperationOutcome');
    }
  });

  it('refuses a body over the size limit with 413 before reading it', async () => {
    const huge = `{"resourceType":"Bundle","type":"batch","entry":[],"pad":"${'x'.repeat(51 * 1024 * 1024)}"}`;
    const res = await h.post('/', huge, writer);
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as Json)['resourceType'], 'OperationOutcome');
  });
});
