import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chartSample, loadChart, sharedSamples } from '../../../test-support/chart.ts';
import { startHarness, type Bundle, type Harness } from '../../../test-support/fhir.ts';
import { isSearchableType, readableTypes } from '../config.ts';
import { clinicalTypes } from '../search/clinical.ts';
import { INDEX_VERSION } from '../store/schema.ts';
import { FhirStore } from '../store/store.ts';

type Json = Record<string, unknown>;

const A = 'comp-a';
const B = 'comp-b';
const ref = (id: string): Json => ({ reference: `Patient/${id}` });

/**
 * Elements where R4's Patient CompartmentDefinition, or a careless writer, could name a patient
 * besides the one a resource belongs to: the other of `subject`/`patient`, and the recorders,
 * asserters, authors and performers R4 lists. Each planted resource belongs to B and names A in all
 * of these.
 */
const strays: Json = {
  subject: ref(A),
  patient: ref(A),
  recorder: ref(A),
  asserter: ref(A),
  author: [ref(A)],
  performer: [ref(A), { actor: ref(A) }],
  activity: [{ detail: { performer: [ref(A)] } }],
  link: [{ other: ref(A), type: 'seealso' }],
};

/** The planted resource of each type: B itself for Patient. */
const plantedId = (type: string): string => (type === 'Patient' ? B : `${type}-planted`);

/** A resource of `type` that belongs to B, with every stray reference to A. */
function planted(type: string): Json {
  const id = plantedId(type);
  if (type === 'Patient') return { resourceType: type, id, ...strays };
  const sample =
    type === 'Observation'
      ? { resourceType: type, status: 'final', code: { text: 'x' }, subject: ref(B) }
      : (clinicalTypes as readonly string[]).includes(type)
        ? chartSample(type as (typeof clinicalTypes)[number], B, 1)
        : (sharedSamples.find((s) => s['resourceType'] === type) ?? { resourceType: type });
  const own = 'patient' in sample ? 'patient' : 'subject';
  return { ...sample, ...strays, [own]: sample[own] ?? ref(B), id };
}

describe('one patient per resource: reads and searches agree on every served type', () => {
  let h: Harness;
  let tokenA: string;
  let tokenB: string;
  const file = (): string => join(h.dataDir, 'fhir.sqlite');

  before(async () => {
    const first = await startHarness();
    await loadChart(first, A, B);
    await first.stop();
    // Planted straight into the store, past the write checks, as an older version could have
    // stored them; with the compartment that version would have given them (the stray `subject`).
    const store = new FhirStore(join(first.dataDir, 'fhir.sqlite'));
    const tamper = store.db.prepare(
      'UPDATE resource SET compartment = ? WHERE type = ? AND id = ?',
    );
    for (const type of readableTypes) {
      store.put(planted(type));
      tamper.run(A, type, plantedId(type));
    }
    store.db.pragma(`user_version = ${INDEX_VERSION - 1}`);
    store.close();
    h = await startHarness({ issuer: first.issuer, dataDir: first.dataDir });
    tokenA = await h.token({ scope: 'patient/*.read', patient: A, sub: 'patient@example.com' });
    tokenB = await h.token({ scope: 'patient/*.read', patient: B, sub: 'patient@example.com' });
  });
  after(() => h.close());

  const found = async (path: string, token: string): Promise<string[]> => {
    const res = await h.get(path, token);
    assert.equal(res.status, 200, path);
    return ((await res.json()) as Bundle).entry?.map((e) => String(e.resource['id'])) ?? [];
  };

  it('a resource planted with stray references to another patient belongs to its own patient only, for read and search alike', async () => {
    assert.equal(new FhirStore(file()).reindexed, undefined, 'reindexed once, when it opened');
    for (const type of readableTypes) {
      const id = plantedId(type);
      const readA = (await h.get(`/${type}/${id}`, tokenA)).status;
      const readB = (await h.get(`/${type}/${id}`, tokenB)).status;
      if (!isSearchableType(type)) {
        assert.deepEqual([readA, readB], [200, 200], `${type} is in no compartment`);
        continue;
      }
      assert.deepEqual([readA, readB], [404, 200], `${type}: read by A, by B`);
      for (const [token, expected] of [
        [tokenA, []],
        [tokenB, [id]],
      ] as const) {
        assert.deepEqual(await found(`/${type}?_id=${id}`, token), expected, `${type} by _id`);
        const all = await found(`/${type}?_count=200`, token);
        assert.equal(all.includes(id), expected.length > 0, `${type}: the whole type`);
      }
      if (type !== 'Patient') {
        assert.deepEqual(await found(`/${type}?patient=${A}&_id=${id}`, tokenA), []);
        const user = await h.token({ scope: 'user/*.read' });
        assert.deepEqual(await found(`/${type}?patient=${A}&_id=${id}`, user), [], type);
        assert.deepEqual(await found(`/${type}?patient=${B}&_id=${id}`, user), [id], type);
      }
    }
  });
});

describe('writes that would name two patients', () => {
  let h: Harness;
  let writer: string;
  before(async () => {
    h = await startHarness();
    await loadChart(h, A, B);
    writer = await h.token({ scope: 'user/*.read user/*.write' });
  });
  after(() => h.close());

  const put = async (kind: string, resource: Json): Promise<Response> =>
    h.post(
      '/',
      {
        resourceType: 'Bundle',
        type: kind,
        entry: [
          {
            resource,
            request: {
              method: 'PUT',
              url: `${String(resource['resourceType'])}/${String(resource['id'])}`,
            },
          },
        ],
      },
      writer,
    );

  it('a reference to another patient in any element is refused with 422 naming the element, in a batch and a transaction', async () => {
    const cases: [string, Json, string][] = [
      // The review's case: a stray subject on a type whose patient element is `patient`.
      ['Immunization', { subject: ref(A) }, 'Immunization.subject'],
      ['AllergyIntolerance', { subject: ref(A) }, 'AllergyIntolerance.subject'],
      ['AllergyIntolerance', { recorder: ref(A) }, 'AllergyIntolerance.recorder'],
      ['Condition', { patient: ref(A) }, 'Condition.patient'],
      ['Condition', { asserter: ref(A) }, 'Condition.asserter'],
      ['Procedure', { performer: [{ actor: ref(A) }] }, 'Procedure.performer[0].actor'],
      ['DocumentReference', { author: [ref(B), ref(A)] }, 'DocumentReference.author[1]'],
      [
        'CarePlan',
        {
          activity: [
            { detail: { performer: [{ reference: `http://elsewhere/fhir/Patient/${A}` }] } },
          ],
        },
        'CarePlan.activity[0].detail.performer[0]',
      ],
    ];
    for (const [type, extra, element] of cases) {
      const resource = { ...chartSample(type as (typeof clinicalTypes)[number], B, 1), ...extra };
      resource['id'] = `${type}-two-patients`;
      const batch = await put('batch', resource);
      assert.equal(batch.status, 200);
      const response = ((await batch.json()) as { entry: { response: Json }[] }).entry[0]?.response;
      assert.equal(response?.['status'], '422 Unprocessable Entity', element);
      assert.match(
        JSON.stringify(response?.['outcome']),
        new RegExp(`${element.replace(/[[\].]/g, '\\$&')} references another Patient`),
      );
      const transaction = await put('transaction', resource);
      assert.equal(transaction.status, 422, element);
      assert.match(await transaction.text(), /nothing was written/);
      assert.equal((await h.get(`/${type}/${type}-two-patients`, writer)).status, 404, element);
    }
    const observation = {
      resourceType: 'Observation',
      id: 'obs-two',
      status: 'final',
      code: { text: 'x' },
    };
    const res = await put('transaction', { ...observation, subject: ref(B), performer: [ref(A)] });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Observation\.performer\[0\] references another Patient/);
  });

  it('the patient itself may be named anywhere: a patient who recorded their own allergy', async () => {
    const resource = {
      ...chartSample('AllergyIntolerance', B, 1),
      id: 'self-recorded',
      recorder: ref(B),
      asserter: { reference: `Patient/${B}/_history/1` },
    };
    assert.equal((await put('transaction', resource)).status, 200);
    const tokenB = await h.token({ scope: 'patient/*.read', patient: B });
    assert.equal((await h.get('/AllergyIntolerance/self-recorded', tokenB)).status, 200);
  });
});
