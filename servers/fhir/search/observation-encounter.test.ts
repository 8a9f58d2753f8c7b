import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { link, startHarness, type Bundle, type Harness } from '../../../test-support/fhir.ts';

type Json = Record<string, unknown>;

const A = 'enc-patient-a';
const B = 'enc-patient-b';

/** `Observation?encounter=`: the observations of a visit, over resources the test writes itself. */
describe('Observation search by encounter', () => {
  let h: Harness;
  let reader: string;
  let writer: string;
  const strict = { Prefer: 'handling=strict' };
  const search = async (path: string, token = reader): Promise<Bundle> => {
    const res = await h.get(path, token, strict);
    assert.equal(res.status, 200, `${path} -> ${res.status}`);
    return (await res.json()) as Bundle;
  };
  const ids = async (path: string, token = reader): Promise<string[]> =>
    ((await search(path, token)).entry ?? [])
      .filter((e) => e.search.mode === 'match')
      .map((e) => String(e.resource['id']))
      .sort();
  const put = (resource: Json): Json => ({
    resource,
    request: {
      method: 'PUT',
      url: `${String(resource['resourceType'])}/${String(resource['id'])}`,
    },
  });
  const observation = (
    id: string,
    patient: string,
    encounter: string | undefined,
    code: string,
    day: string,
  ): Json =>
    put({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code }] },
      subject: { reference: `Patient/${patient}` },
      ...(encounter ? { encounter: { reference: `Encounter/${encounter}` } } : {}),
      effectiveDateTime: `${day}T10:00:00Z`,
    });
  const write = async (entry: Json[]): Promise<void> => {
    const res = await h.post('/', { resourceType: 'Bundle', type: 'transaction', entry }, writer);
    assert.equal(res.status, 200, await res.text());
  };

  before(async () => {
    h = await startHarness();
    reader = await h.token();
    writer = await h.token({ scope: 'user/*.read user/*.write' });
    await write([
      put({ resourceType: 'Patient', id: A, name: [{ family: 'Visita' }] }),
      put({ resourceType: 'Patient', id: B, name: [{ family: 'Visitb' }] }),
      observation('enc-a-hr', A, 'visit-a1', '8867-4', '2025-01-10'),
      observation('enc-a-rr', A, 'visit-a1', '9279-1', '2025-01-10'),
      observation('enc-a-later', A, 'visit-a2', '8867-4', '2025-03-01'),
      observation('enc-a-none', A, undefined, '8867-4', '2025-01-10'),
      observation('enc-b-hr', B, 'visit-b1', '8867-4', '2025-01-10'),
      // Another patient's observation naming A's encounter: a patient token for A must not see it.
      observation('enc-b-stray', B, 'visit-a1', '8867-4', '2025-01-10'),
    ]);
  });
  after(() => h.close());

  it("finds a patient's observations of one encounter, with or without the Encounter/ prefix", async () => {
    const visit = ['enc-a-hr', 'enc-a-rr'];
    assert.deepEqual(await ids(`/Observation?patient=${A}&encounter=visit-a1`), visit);
    assert.deepEqual(await ids(`/Observation?patient=${A}&encounter=Encounter/visit-a1`), visit);
    assert.deepEqual(await ids(`/Observation?subject=Patient/${A}&encounter=visit-a1`), visit);
    assert.deepEqual(await ids(`/Observation?patient=${A}&encounter=visit-b1`), []);
    assert.deepEqual(await ids(`/Observation?patient=${A}&encounter=Encounter/nope`), []);
  });

  it("takes an encounter's or a patient's absolute URL on this server, and no other server's", async () => {
    const base = h.fhir.baseUrl;
    const url = (ref: string): string => encodeURIComponent(`${base}/${ref}`);
    assert.deepEqual(
      await ids(`/Observation?patient=${A}&encounter=${url('Encounter/visit-a1')}`),
      ['enc-a-hr', 'enc-a-rr'],
    );
    assert.deepEqual(await ids(`/Observation?patient=${url(`Patient/${B}`)}&encounter=visit-a1`), [
      'enc-b-stray',
    ]);
    for (const value of [
      `${base}/Patient/${A}`,
      `http://elsewhere.example/fhir/Encounter/visit-a1`,
      `${base}/visit-a1`,
    ]) {
      const path = `/Observation?encounter=${encodeURIComponent(value)}`;
      assert.equal((await h.get(path, reader, strict)).status, 400, value);
    }
  });

  it('ORs comma-separated encounters', async () => {
    assert.deepEqual(await ids(`/Observation?patient=${A}&encounter=visit-a1,Encounter/visit-a2`), [
      'enc-a-hr',
      'enc-a-later',
      'enc-a-rr',
    ]);
    assert.deepEqual(await ids(`/Observation?patient=${A}&encounter=visit-a2,visit-b1`), [
      'enc-a-later',
    ]);
  });

  it('without a patient, finds every observation of the encounter', async () => {
    assert.deepEqual(await ids('/Observation?encounter=visit-a1'), [
      'enc-a-hr',
      'enc-a-rr',
      'enc-b-stray',
    ]);
    assert.deepEqual(await ids('/Observation?encounter=Encounter/visit-b1'), ['enc-b-hr']);
    assert.equal((await search('/Observation?encounter=nope')).total, 0);
  });

  it('combines with code and date, and keeps the parameter in the paging links', async () => {
    const both = `/Observation?patient=${A}&encounter=visit-a1,visit-a2`;
    assert.deepEqual(await ids(`${both}&code=http://loinc.org|8867-4`), [
      'enc-a-hr',
      'enc-a-later',
    ]);
    assert.deepEqual(await ids(`${both}&date=2025-03`), ['enc-a-later']);
    assert.deepEqual(await ids(`${both}&date=lt2025-02&code=9279-1`), ['enc-a-rr']);
    const first = await search(`${both}&_count=1`);
    assert.equal(first.total, 3);
    const next = link(first, 'next') ?? '';
    assert.match(next, /encounter=visit-a1,visit-a2&/);
    assert.equal((await search(next)).entry?.length, 1);
  });

  it('follows an update: an observation moved to another encounter leaves the old one', async () => {
    await write([observation('enc-a-rr', A, 'visit-a2', '9279-1', '2025-01-10')]);
    assert.deepEqual(await ids(`/Observation?patient=${A}&encounter=visit-a1`), ['enc-a-hr']);
    assert.deepEqual(await ids(`/Observation?patient=${A}&encounter=visit-a2`), [
      'enc-a-later',
      'enc-a-rr',
    ]);
    await write([observation('enc-a-rr', A, 'visit-a1', '9279-1', '2025-01-10')]);
  });

  it("a patient token never reaches another patient's observations through an encounter", async () => {
    const patientA = await h.token({ scope: 'patient/*.read', patient: A });
    assert.deepEqual(await ids('/Observation?encounter=visit-a1', patientA), [
      'enc-a-hr',
      'enc-a-rr',
    ]);
    assert.deepEqual(await ids('/Observation?encounter=visit-b1', patientA), []);
    assert.deepEqual(await ids('/Observation?encounter=visit-b1,visit-a2', patientA), [
      'enc-a-later',
    ]);
  });

  it('refuses a reference of another type or with no id as other reference parameters do', async () => {
    for (const value of ['Patient/x', 'Encounter/', ',', 'a/b/c', 'Encounter/visit a1']) {
      const path = `/Observation?patient=${A}&encounter=${encodeURIComponent(value)}`;
      const refused = await h.get(path, reader, strict);
      assert.equal(refused.status, 400, value);
      const body = (await refused.json()) as Json;
      assert.equal(body['resourceType'], 'OperationOutcome');
      assert.match(JSON.stringify(body), /'encounter'/, value);
      // Lenient: ignored with a warning, never a 500; the patient filter still holds.
      const lenient = (await (await h.get(path, reader)).json()) as Bundle;
      assert.equal(lenient.total, 4, value);
      const outcome = (lenient.entry ?? []).find((e) => e.search.mode === 'outcome');
      assert.match(JSON.stringify(outcome?.resource), /encounter/, value);
    }
    const modifier = await h.get(`/Observation?encounter:Encounter=visit-a1`, reader, strict);
    assert.equal(modifier.status, 400);
    // FHIR: a parameter with an empty value is ignored, as `patient=` is.
    assert.equal((await search(`/Observation?patient=${A}&encounter=`)).total, 4);
  });

  it('the CapabilityStatement lists encounter as a reference parameter of Observation, with no _include for it', async () => {
    const cs = (await (await h.get('/metadata')).json()) as {
      rest: {
        resource: {
          type: string;
          searchParam?: { name: string; type: string; documentation: string }[];
          searchInclude?: string[];
        }[];
      }[];
    };
    const observation = cs.rest[0]?.resource.find((r) => r.type === 'Observation');
    const param = observation?.searchParam?.find((p) => p.name === 'encounter');
    assert.equal(param?.type, 'reference');
    assert.match(param?.documentation ?? '', /Encounter\/\[id\] or \[id\]/);
    assert.deepEqual(observation?.searchInclude, ['Observation:subject', 'Observation:patient']);
  });
});
