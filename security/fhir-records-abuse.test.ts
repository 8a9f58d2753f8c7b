/**
 * Whose record it is, against the real servers: a patient's genuine token from the real login, a
 * writer, resources that name two patients (refused when written; planted past the checks as an
 * older version could have stored them, then reindexed), odd JSON shapes, and a `patient/` token
 * that names no patient.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chartSample, sharedSamples } from '../test-support/chart.ts';
import type { Bundle } from '../test-support/fhir.ts';
import { isSearchableType, readableTypes } from '../servers/fhir/config.ts';
import { oddShape, random, wellFormed } from '../test-support/fuzz-shapes.ts';
import { clinicalTypes, type ClinicalType } from '../servers/fhir/search/clinical.ts';
import { isPatientBound, patientElement } from '../servers/fhir/store/compartment.ts';
import { INDEX_VERSION } from '../servers/fhir/store/schema.ts';
import { FhirStore } from '../servers/fhir/store/store.ts';
import {
  decode,
  forge,
  restartFhir,
  startStack,
  stopStack,
  writer as writerToken,
  type Outcome,
  type Stack,
} from './fhir-stack.ts';

type Json = Record<string, unknown>;
const ref = (id: string): Json => ({ reference: `Patient/${id}` });
/** The seeded patient that is not the demo patient user's. */
const OTHER = 'pat-0002';

describe('whose record it is, against the real auth and FHIR servers', () => {
  let s: Stack;
  let writer: string;
  /** The demo patient user's own patient, from the `patient` claim of the genuine token. */
  let me: string;

  /** A resource of `type` belonging to OTHER that also names `me` where a careless writer might. */
  const twoPatients = (type: string, id: string): Json => {
    const strays = { subject: ref(me), patient: ref(me), recorder: ref(me), performer: [ref(me)] };
    if (type === 'Patient') return { resourceType: type, id: OTHER, link: [{ other: ref(me) }] };
    const sample = (clinicalTypes as readonly string[]).includes(type)
      ? chartSample(type as ClinicalType, OTHER, 1)
      : type === 'Observation'
        ? { resourceType: type, status: 'final', code: { text: 'x' } }
        : (sharedSamples.find((r) => r['resourceType'] === type) ?? { resourceType: type });
    const own = isPatientBound(type) ? { [patientElement[type]]: ref(OTHER) } : {};
    return { ...sample, ...strays, ...own, id };
  };
  const plantedId = (type: string): string => (type === 'Patient' ? OTHER : `${type}-planted`);

  before(async () => {
    s = await startStack();
    writer = await writerToken(s);
    me = String(decode(s.patient).payload['patient']);
    // Planted straight into the file while the server is down, past every write check, with the
    // compartment an older version gave a stray `subject`; the restart then reindexes.
    await s.fhir.close();
    const store = new FhirStore(join(s.fhirDir, 'fhir.sqlite'));
    const tamper = store.db.prepare(
      'UPDATE resource SET compartment = ? WHERE type = ? AND id = ?',
    );
    for (const type of readableTypes) {
      store.put(twoPatients(type, plantedId(type)));
      tamper.run(me, type, plantedId(type));
    }
    store.db.pragma(`user_version = ${INDEX_VERSION - 1}`);
    store.close();
    await restartFhir(s);
  });
  after(() => stopStack(s));

  const get = (path: string, token: string): Promise<Response> =>
    fetch(`${s.fhir.baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  const post = (body: Json, token = writer): Promise<Response> =>
    fetch(s.fhir.baseUrl, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify(body),
    });
  const bundle = (type: string, resources: Json[]): Json => ({
    resourceType: 'Bundle',
    type,
    entry: resources.map((resource) => ({
      resource,
      request: {
        method: 'PUT',
        url: `${String(resource['resourceType'])}/${String(resource['id'])}`,
      },
    })),
  });
  const ids = async (path: string, token: string): Promise<string[]> => {
    const res = await get(path, token);
    assert.equal(res.status, 200, path);
    return ((await res.json()) as Bundle).entry?.map((e) => String(e.resource['id'])) ?? [];
  };
  const stored = async (type: string, id: string): Promise<boolean> =>
    (await get(`/${type}/${id}`, s.clinician)).status === 200;

  it("planted data naming two patients: after the reindex, the patient's read and search agree on every served type", async () => {
    for (const type of readableTypes) {
      const id = plantedId(type);
      const read = (await get(`/${type}/${id}`, s.patient)).status;
      if (!isSearchableType(type)) {
        assert.equal(read, 200, `${type} is in no patient's compartment`);
        continue;
      }
      assert.equal(read, 404, `${type}/${id} is ${OTHER}'s, whatever else it names`);
      assert.deepEqual(await ids(`/${type}?_id=${id}`, s.patient), [], type);
      assert.ok(!(await ids(`/${type}?_count=200`, s.patient)).includes(id), type);
      if (type === 'Patient') continue;
      assert.deepEqual(await ids(`/${type}?patient=${me}&_id=${id}`, s.clinician), [], type);
      assert.deepEqual(await ids(`/${type}?patient=${OTHER}&_id=${id}`, s.clinician), [id], type);
    }
  });

  it('writing a resource that names another patient anywhere is refused with 422 naming the element', async () => {
    for (const type of readableTypes.filter(isPatientBound)) {
      const resource = twoPatients(type, `${type}-refused`);
      const res = await post(bundle('batch', [resource]));
      assert.equal(res.status, 200);
      const answer = ((await res.json()) as { entry: { response: Json }[] }).entry[0]?.response;
      assert.equal(answer?.['status'], '422 Unprocessable Entity', type);
      assert.match(JSON.stringify(answer?.['outcome']), /references another Patient than/, type);
      assert.equal((await post(bundle('transaction', [resource]))).status, 422, type);
      assert.equal(await stored(type, `${type}-refused`), false, type);
    }
  });

  it('patient/ scopes without a patient claim read and search nothing, shared types included', async () => {
    const claimless = await forge(s.patient, {
      claims: (p) => {
        const withoutClaim = { ...p };
        delete withoutClaim['patient'];
        return withoutClaim;
      },
      sign: { alg: 'RS256', key: s.issuerKey.key },
    });
    assert.match(String(decode(claimless).payload['scope']), /patient\/\*\.read/);
    for (const type of readableTypes) {
      const paths = [
        `/${type}/${plantedId(type)}`,
        ...(isSearchableType(type) ? [`/${type}`] : []),
      ];
      for (const path of paths) {
        const res = await get(path, claimless);
        assert.equal(res.status, 403, path);
        assert.equal(((await res.json()) as Outcome).issue[0]?.code, 'forbidden', path);
      }
    }
  });

  it('the odd shapes of the review are 422 naming the element, never a 500, and a batch is never half-written', async () => {
    const patient = (id: string, extra: Json = {}): Json => ({
      resourceType: 'Patient',
      id,
      ...extra,
    });
    const observation = (id: string, extra: Json): Json => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { text: 'x' },
      subject: ref(me),
      ...extra,
    });
    const cases: [Json, string][] = [
      [patient('odd-1', { identifier: [null] }), 'Patient.identifier[0]'],
      [patient('odd-2', { name: [null] }), 'Patient.name[0]'],
      [patient('odd-3', { name: [{ given: 'Ann' }] }), 'Patient.name[0].given'],
      [observation('odd-4', { category: { text: 'vital-signs' } }), 'Observation.category'],
      [observation('odd-5', { code: { coding: 'x' } }), 'Observation.code.coding'],
    ];
    for (const [resource, element] of cases) {
      const good = patient(`good-${String(resource['id'])}`);
      const res = await post(bundle('batch', [good, resource]));
      assert.equal(res.status, 200, element);
      const answers = ((await res.json()) as { entry: { response: Json }[] }).entry;
      assert.deepEqual(
        answers.map((a) => a.response['status']),
        ['201 Created', '422 Unprocessable Entity'],
        element,
      );
      assert.match(
        JSON.stringify(answers[1]?.response['outcome']),
        new RegExp(`"${element.replace(/[[\].]/g, '\\$&')} must be`),
      );
      const type = String(resource['resourceType']);
      assert.deepEqual(
        [await stored('Patient', String(good['id'])), await stored(type, String(resource['id']))],
        [true, false],
      );
      const other = patient(`tx-${String(resource['id'])}`);
      assert.equal((await post(bundle('transaction', [other, resource]))).status, 422, element);
      assert.equal(await stored('Patient', String(other['id'])), false, element);
    }
  });

  it('generated odd shapes for every served type (fixed seed): never a 500, and never a half-written batch', async () => {
    const rand = random(20_251_205);
    for (const [t, resource] of wellFormed(me).entries()) {
      for (let n = 0; n < 6; n++) {
        const odd: Json = { ...oddShape(resource, rand), id: `fuzz-${t}-${n}` };
        const type = String(odd['resourceType']);
        const good = { resourceType: 'Patient', id: `fuzz-good-${t}-${n}` };
        const said = JSON.stringify(odd);
        const res = await post(bundle('batch', [good, odd]));
        assert.equal(res.status, 200, said);
        const answers = ((await res.json()) as { entry: { response: Json }[] }).entry;
        const status = String(answers[1]?.response['status']);
        assert.equal(answers[0]?.response['status'], '201 Created', said);
        assert.match(status, /^(201|4\d\d) /, said);
        assert.equal(await stored(type, String(odd['id'])), status.startsWith('201'), said);
        const txGood = { resourceType: 'Patient', id: `fuzz-tx-${t}-${n}` };
        const txOdd = { ...odd, id: `fuzz-tx-odd-${t}-${n}` };
        const tx = await post(bundle('transaction', [txGood, txOdd]));
        assert.ok(
          tx.status === 200 || (tx.status >= 400 && tx.status < 500),
          `${tx.status} ${said}`,
        );
        const written = [await stored('Patient', txGood.id), await stored(type, txOdd.id)];
        assert.deepEqual(written, [tx.status === 200, tx.status === 200], said);
      }
    }
  });
});
