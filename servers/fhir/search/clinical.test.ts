import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chartSample, loadChart, sampleDates, sampleId } from '../../../test-support/chart.ts';
import { link, startHarness, type Bundle, type Harness } from '../../../test-support/fhir.ts';
import { rangeOf, referenceOf, tokensOf } from '../store/clinical-index.ts';
import { valuesAt } from './clinical-declaration.ts';
import { clinical, clinicalTypes, type ClinicalType } from './clinical.ts';
import { searchParams, sortKeys } from './params.ts';

type Json = Record<string, unknown>;

const A = 'chart-a';
const B = 'chart-b';

describe('the chart types: read and search', () => {
  let h: Harness;
  let token: string;
  const search = async (path: string): Promise<Bundle> => {
    const res = await h.get(path, token, { Prefer: 'handling=strict' });
    assert.equal(
      res.status,
      200,
      `${path} -> ${res.status} ${res.status === 200 ? '' : await res.text()}`,
    );
    return (await res.json()) as Bundle;
  };
  const ids = (b: Bundle): string[] =>
    (b.entry ?? []).filter((e) => e.search.mode === 'match').map((e) => String(e.resource['id']));
  /** Every match of a search, page by page: the seeded store holds many of each type. */
  const allIds = async (path: string): Promise<string[]> => {
    const found: string[] = [];
    for (let next: string | undefined = path; next;) {
      const page = await search(next);
      found.push(...ids(page));
      next = link(page, 'next');
    }
    return found;
  };

  before(async () => {
    h = await startHarness();
    token = await h.token();
    await loadChart(h, A, B);
  });
  after(() => h.close());

  it('reads every chart type and the shared types their references point to', async () => {
    const paths = [
      ...clinicalTypes.map((t) => `/${t}/${sampleId(t, A, 1)}`),
      '/Medication/med-1',
      '/Location/loc-1',
      '/PractitionerRole/role-1',
      '/Practitioner/prac-0001',
      '/Organization/org-0001',
    ];
    for (const path of paths) {
      const res = await h.get(path, token);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('etag'), 'W/"1"', path);
      assert.equal(
        `/${String(((await res.json()) as Json)['resourceType'])}/`,
        `/${path.split('/')[1]}/`,
      );
    }
    assert.equal((await h.get('/Condition/nope', token)).status, 404);
    assert.equal((await h.get('/Claim/1', token)).status, 404);
  });

  for (const type of clinicalTypes) {
    it(`${type}: every declared search parameter finds its resource and a non-matching value finds nothing`, async () => {
      const d = clinical[type];
      const own = [chartSample(type, A, 1), chartSample(type, A, 2)];
      // The patient parameters: A's two, never B's.
      for (const name of d.patientParams) {
        for (const value of [A, `Patient/${A}`]) {
          assert.deepEqual(
            ids(await search(`/${type}?${name}=${value}`)).sort(),
            own.map((r) => r['id']),
            `${name}=${value}`,
          );
        }
        assert.equal((await search(`/${type}?${name}=pat-9999`)).total, 0, `${name} negative`);
      }
      const id = String(own[0]?.['id']);
      assert.deepEqual(ids(await search(`/${type}?_id=${id}`)), [id]);
      assert.equal((await search(`/${type}?_id=nope`)).total, 0);
      const check = async (name: string, value: string, resource: Json): Promise<void> => {
        const q = encodeURIComponent(value);
        // With a patient (the patient index drives) and without (the parameter's index drives).
        assert.ok(
          ids(
            await search(
              `/${type}?patient=${A}&${name}=${q}`.replace('patient=', `${d.patientParams[0]}=`),
            ),
          ).includes(String(resource['id'])),
          `${name}=${value} with patient`,
        );
        assert.ok(
          (await allIds(`/${type}?${name}=${q}&_count=200`)).includes(String(resource['id'])),
          `${name}=${value}`,
        );
      };
      for (const p of d.tokens) {
        const r = own.find((x) =>
          p.paths.some((path) => valuesAt(x, path).flatMap(tokensOf).length),
        );
        assert.ok(r, `the ${type} sample fills ${p.param}`);
        const t = p.paths.flatMap((path) => valuesAt(r, path)).flatMap(tokensOf)[0];
        assert.ok(t);
        await check(p.param, t.code, r);
        if (t.system) await check(p.param, `${t.system}|${t.code}`, r);
        assert.equal(
          (await search(`/${type}?${p.param}=no-such-code`)).total,
          0,
          `${p.param} negative`,
        );
        if (t.system)
          assert.equal((await search(`/${type}?${p.param}=http://other|${t.code}`)).total, 0);
      }
      for (const p of [d.date, ...d.otherDates]) {
        for (const [i, r] of own.entries()) {
          assert.ok(
            p.paths.some((path) => valuesAt(r, path).map(rangeOf).some(Boolean)),
            `${p.param} filled`,
          );
          const day = sampleDates[i] ?? '';
          await check(p.param, day, r);
          await check(p.param, `ge${day.slice(0, 4)}`, r);
          const found = ids(await search(`/${type}?${d.patientParams[0]}=${A}&${p.param}=${day}`));
          assert.deepEqual(found, [r['id']], `${p.param}=${day} finds only that day`);
        }
        assert.equal((await search(`/${type}?${p.param}=lt1900`)).total, 0, `${p.param} negative`);
      }
      for (const p of d.references) {
        const r = own.find((x) =>
          p.paths.some((path) => valuesAt(x, path).map(referenceOf).some(Boolean)),
        );
        assert.ok(r, `the ${type} sample fills ${p.param}`);
        const target = p.paths.flatMap((path) => valuesAt(r, path)).map(referenceOf)[0] ?? '';
        await check(p.param, target, r);
        await check(p.param, target.slice(p.target.length + 1), r);
        assert.equal(
          (await search(`/${type}?${p.param}=${p.target}/nope`)).total,
          0,
          `${p.param} negative`,
        );
      }
    });
  }

  for (const type of clinicalTypes) {
    it(`${type}: sorts by its dates, _lastUpdated and _id; newest first by default`, async () => {
      const d = clinical[type];
      const q = `/${type}?${d.patientParams[0]}=${A}`;
      const older = sampleId(type, A, 1);
      const newer = sampleId(type, A, 2);
      assert.deepEqual(ids(await search(q)), [newer, older], 'default');
      for (const key of [d.date.param, ...d.otherDates.map((p) => p.param)]) {
        assert.deepEqual(ids(await search(`${q}&_sort=${key}`)), [older, newer], key);
        assert.deepEqual(ids(await search(`${q}&_sort=-${key}`)), [newer, older], `-${key}`);
      }
      assert.deepEqual(ids(await search(`${q}&_sort=_id`)), [older, newer]);
      assert.deepEqual(ids(await search(`${q}&_sort=-_id`)), [newer, older]);
      assert.deepEqual(ids(await search(`${q}&_sort=-_lastUpdated`)), [newer, older]);
      const res = await h.get(`${q}&_sort=birthdate`, token, { Prefer: 'handling=strict' });
      assert.equal(res.status, 400, 'a sort key of another type is refused');
    });
  }

  it('pages with self, next and previous links, _summary=count and _total=none', async () => {
    const first = await search(`/Immunization?patient=${A}&_count=1`);
    assert.equal(first.total, 2);
    assert.deepEqual(ids(first), [sampleId('Immunization', A, 2)]);
    const next = link(first, 'next') ?? '';
    assert.match(next, /_offset=1$/);
    const second = await search(next);
    assert.equal(link(second, 'self'), next);
    assert.deepEqual(ids(second), [sampleId('Immunization', A, 1)]);
    assert.equal(link(second, 'next'), undefined);
    assert.equal(link(second, 'previous'), link(first, 'self'));
    const counted = await search(`/Condition?patient=${A}&_summary=count`);
    assert.equal(counted.total, 2);
    assert.equal(counted.entry, undefined);
    const none = await search(`/Condition?patient=${A}&_total=none&_count=1`);
    assert.equal(none.total, undefined);
    assert.ok(link(none, 'next'));
  });

  it('Condition clinical-status, verification-status and the CVX vaccine code mean what R4 says', async () => {
    const active = await search(
      `/Condition?patient=${A}&clinical-status=http://terminology.hl7.org/CodeSystem/condition-clinical|active`,
    );
    assert.equal(active.total, 2);
    assert.equal((await search(`/Condition?patient=${A}&clinical-status=resolved`)).total, 0);
    assert.equal((await search(`/Condition?patient=${A}&verification-status=refuted`)).total, 0);
    assert.equal(
      (await search(`/Immunization?patient=${A}&vaccine-code=http://hl7.org/fhir/sid/cvx|140`))
        .total,
      2,
    );
    assert.equal((await search(`/Encounter?patient=${A}&class=AMB&date=ge2022`)).total, 1);
    assert.equal((await search(`/AllergyIntolerance?patient=${A}&code=substance-1`)).total, 2);
  });

  it('_include follows a declared reference: MedicationRequest:medication, DiagnosticReport:result', async () => {
    const included = (b: Bundle): string[] =>
      (b.entry ?? [])
        .filter((e) => e.search.mode === 'include')
        .map((e) => `${String(e.resource['resourceType'])}/${String(e.resource['id'])}`);
    const meds = await search(
      `/MedicationRequest?patient=${A}&_include=MedicationRequest:medication`,
    );
    assert.equal(meds.total, 2);
    assert.deepEqual(included(meds), ['Medication/med-1']);
    assert.match(link(meds, 'self') ?? '', /_include=MedicationRequest:medication/);
    const reports = await search(
      `/DiagnosticReport?patient=${A}&_include=DiagnosticReport:result:Observation`,
    );
    assert.deepEqual(included(reports), ['Observation/obs-result-1']);
    const strict = await h.get('/Condition?_include=Condition:subject', token, {
      Prefer: 'handling=strict',
    });
    assert.equal(strict.status, 400);
  });

  it('unknown parameters of a chart type are refused when strict and ignored otherwise', async () => {
    const strict = await h.get('/Condition?vaccine-code=140', token, { Prefer: 'handling=strict' });
    assert.equal(strict.status, 400);
    const lenient = (await (
      await h.get(`/Condition?patient=${A}&vaccine-code=140`, token)
    ).json()) as Bundle;
    assert.equal(lenient.total, 2);
    assert.equal(
      (await h.get('/Condition?encounter=Patient/x', token, { Prefer: 'handling=strict' })).status,
      400,
    );
    assert.equal(
      (await h.get('/Condition?onset-date=yesterday', token, { Prefer: 'handling=strict' })).status,
      400,
    );
  });

  it('the CapabilityStatement lists exactly the declared types and parameters, and each one parses', async () => {
    const cs = (await (await h.get('/metadata')).json()) as {
      rest: {
        resource: {
          type: string;
          interaction: { code: string }[];
          searchParam?: { name: string; type: string; documentation?: string }[];
          searchInclude?: string[];
        }[];
      }[];
    };
    const resources = cs.rest[0]?.resource ?? [];
    for (const type of ['Medication', 'Location', 'PractitionerRole']) {
      const r = resources.find((x) => x.type === type);
      assert.deepEqual(
        r?.interaction.map((i) => i.code),
        ['read'],
        type,
      );
    }
    for (const type of clinicalTypes) {
      const r = resources.find((x) => x.type === type);
      assert.ok(r, type);
      assert.deepEqual(
        r.interaction.map((i) => i.code),
        ['read', 'search-type'],
      );
      // Filters, then the result parameters (`special`: _sort, _count, ...), which every type takes.
      const filters = (r.searchParam ?? []).filter((p) => p.type !== 'special');
      const declared = [...searchParams[type as ClinicalType].keys()].sort();
      assert.deepEqual(filters.map((p) => p.name).sort(), declared, type);
      for (const p of filters) {
        const value = { token: 'x', date: '2020', reference: 'x', string: 'x' }[p.type] ?? 'x';
        const res = await h.get(`/${type}?${p.name}=${value}`, token, {
          Prefer: 'handling=strict',
        });
        assert.equal(res.status, 200, `${type}?${p.name}`);
      }
      for (const include of r.searchInclude ?? []) {
        const res = await h.get(`/${type}?_include=${include}`, token, {
          Prefer: 'handling=strict',
        });
        assert.equal(res.status, 200, include);
      }
      assert.equal(r.searchInclude?.length ?? 0, clinical[type].references.length);
      const sortDoc = r.searchParam?.find((p) => p.name === '_sort')?.documentation ?? '';
      const sorts = sortDoc.split(': ').at(-1)?.split(' | ') ?? [];
      assert.deepEqual(sorts, sortKeys[type as ClinicalType]);
      for (const key of sorts) {
        const res = await h.get(`/${type}?_sort=-${key}`, token, { Prefer: 'handling=strict' });
        assert.equal(res.status, 200, `${type}?_sort=${key}`);
      }
    }
  });
});
