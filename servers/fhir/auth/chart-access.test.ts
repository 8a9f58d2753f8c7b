import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadChart, sampleId } from '../../../test-support/chart.ts';
import { link, startHarness, type Bundle, type Harness } from '../../../test-support/fhir.ts';
import { clinicalTypes } from '../search/clinical.ts';

const A = 'chart-a';
const B = 'chart-b';

describe('the chart types: patient compartment and SMART scopes', () => {
  let h: Harness;
  let patientA: string;
  const ids = (b: Bundle): string[] =>
    (b.entry ?? []).filter((e) => e.search.mode === 'match').map((e) => String(e.resource['id']));
  const get = async (path: string, token: string): Promise<Bundle> => {
    const res = await h.get(path, token);
    assert.equal(res.status, 200, `${path} -> ${res.status}`);
    return (await res.json()) as Bundle;
  };

  before(async () => {
    h = await startHarness();
    await loadChart(h, A, B);
    patientA = await h.token({
      scope: 'openid patient/*.read',
      patient: A,
      sub: 'patient@example.com',
    });
  });
  after(() => h.close());

  it("a patient token searches only its patient's resources of every chart type", async () => {
    for (const type of clinicalTypes) {
      const found = ids(await get(`/${type}?_count=200`, patientA));
      const expected = [sampleId(type, A, 2), sampleId(type, A, 1)];
      assert.deepEqual(found.sort(), expected.sort(), type);
      assert.equal((await get(`/${type}?_id=${sampleId(type, B, 1)}`, patientA)).total, 0, type);
    }
    assert.equal((await get(`/Condition?patient=${B}`, patientA)).total, 0);
    assert.equal((await get(`/Condition?subject=${B}`, patientA)).total, 0);
  });

  it("reading another patient's chart resource answers 404, like a missing one; shared types stay readable", async () => {
    for (const type of clinicalTypes) {
      assert.equal((await h.get(`/${type}/${sampleId(type, A, 1)}`, patientA)).status, 200, type);
      const other = await h.get(`/${type}/${sampleId(type, B, 1)}`, patientA);
      assert.equal(other.status, 404, type);
    }
    for (const path of ['/Medication/med-1', '/Location/loc-1', '/PractitionerRole/role-1']) {
      assert.equal((await h.get(path, patientA)).status, 200, path);
    }
  });

  it("_include leaves out what the token may not read: another patient's result, a type out of scope", async () => {
    const patientB = await h.token({ scope: 'patient/*.read', patient: B });
    const included = (b: Bundle): string[] =>
      (b.entry ?? [])
        .filter((e) => e.search.mode === 'include')
        .map((e) => String(e.resource['id']));
    const q = '/DiagnosticReport?_include=DiagnosticReport:result';
    assert.deepEqual(included(await get(q, patientA)), ['obs-result-1']);
    const own = await get(q, patientB);
    assert.deepEqual(ids(own), [sampleId('DiagnosticReport', B, 1)]);
    assert.deepEqual(included(own), [], "A's observation is not in B's compartment");
    const reportsOnly = await h.token({ scope: 'user/DiagnosticReport.read' });
    assert.deepEqual(included(await get(q, reportsOnly)), []);
    const medication = await get(
      '/MedicationRequest?_include=MedicationRequest:medication',
      patientA,
    );
    assert.deepEqual(included(medication), ['med-1'], 'shared types are in no compartment');
  });

  it('paging links of a patient token stay in its compartment', async () => {
    const first = await get('/Encounter?_count=1', patientA);
    assert.equal(first.total, 2);
    const next = link(first, 'next') ?? '';
    assert.doesNotMatch(next, /patient/);
    const second = await get(next, patientA);
    assert.deepEqual([...ids(first), ...ids(second)].sort(), [
      sampleId('Encounter', A, 1),
      sampleId('Encounter', A, 2),
    ]);
    assert.equal(link(second, 'next'), undefined);
  });

  it('SMART v1 and v2 scopes per chart type, with wildcards', async () => {
    const status = async (path: string, scope: string, patient?: string): Promise<number> =>
      (await h.get(path, await h.token({ scope, ...(patient ? { patient } : {}) }))).status;
    const conditionRead = 'user/Condition.read';
    assert.equal(await status(`/Condition?patient=${B}`, conditionRead), 200);
    assert.equal(await status(`/Condition/${sampleId('Condition', B, 1)}`, conditionRead), 200);
    assert.equal(await status('/AllergyIntolerance', conditionRead), 403);
    const allergyRs = 'patient/AllergyIntolerance.rs';
    assert.equal(await status('/AllergyIntolerance', allergyRs, A), 200);
    assert.equal(
      await status(`/AllergyIntolerance/${sampleId('AllergyIntolerance', B, 1)}`, allergyRs, A),
      404,
    );
    assert.equal(await status('/Condition', allergyRs, A), 403);
    assert.equal(
      await status('/AllergyIntolerance', 'patient/AllergyIntolerance.r', A),
      403,
      'r is not s',
    );
    assert.equal(
      await status('/AllergyIntolerance', allergyRs),
      403,
      'a patient scope needs the claim',
    );
    const narrowed = (await (
      await h.get('/AllergyIntolerance', await h.token({ scope: allergyRs, patient: A }))
    ).json()) as Bundle;
    assert.equal(narrowed.total, 2);
    for (const type of clinicalTypes) {
      assert.equal(await status(`/${type}`, 'user/*.rs'), 200, type);
      assert.equal(await status(`/${type}/${sampleId(type, B, 1)}`, 'user/*.read'), 200, type);
      assert.equal(await status(`/${type}`, 'patient/*.read', A), 200, type);
      assert.equal(await status(`/${type}`, 'user/Patient.read'), 403, type);
    }
    const www = (await h.get('/Goal', await h.token({ scope: 'user/Patient.read' }))).headers.get(
      'www-authenticate',
    );
    assert.match(www ?? '', /scope="user\/Goal\.read"/);
  });
});
