import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { generateResources } from './generate.ts';

type Json = Record<string, unknown>;

function digest(patients: number, seed: number): string {
  const hash = createHash('sha256');
  for (const r of generateResources({ patients, seed })) hash.update(JSON.stringify(r));
  return hash.digest('hex');
}

function all(patients: number, seed = 7): Json[] {
  return [...generateResources({ patients, seed })];
}

describe('seed generator', () => {
  it('produces byte-identical data for the same seed, and different data for another', () => {
    assert.equal(digest(20, 42), digest(20, 42));
    assert.notEqual(digest(20, 42), digest(20, 43));
  });

  it('keeps patient i the same whatever the number of patients', () => {
    const small = all(5).filter((r) => r['resourceType'] === 'Patient');
    const large = all(50).filter((r) => r['resourceType'] === 'Patient');
    assert.deepEqual(small, large.slice(0, 5));
  });

  it('names patients pat-0001... with MRNs, varied genders, ages and accented names', () => {
    const patients = all(120).filter((r) => r['resourceType'] === 'Patient');
    assert.equal(patients.length, 120);
    assert.equal(patients[0]?.['id'], 'pat-0001');
    assert.equal(patients[119]?.['id'], 'pat-0120');
    const mrns = patients.map((p) => {
      const id = (
        p['identifier'] as { system: string; value: string; type: { coding: { code: string }[] } }[]
      )[0];
      assert.equal(id?.system, 'urn:oid:2.16.840.1.113883.19.5');
      assert.equal(id?.type.coding[0]?.code, 'MR');
      return id?.value;
    });
    assert.equal(new Set(mrns).size, 120, 'MRNs are unique');
    assert.deepEqual(new Set(patients.map((p) => p['gender'])), new Set(['male', 'female']));
    const years = new Set(patients.map((p) => String(p['birthDate']).slice(0, 3)));
    assert.ok(years.size >= 5, 'birth decades vary');
    const names = patients.map((p) => JSON.stringify(p['name']));
    assert.ok(
      names.some((n) => /[À-ž]/.test(n)),
      'some names are accented',
    );
    assert.ok(new Set(names).size > 100, 'names vary');
  });

  it('gives each patient years of vitals and labs with LOINC, UCUM, ranges and categories', () => {
    const obs = all(10).filter((r) => r['resourceType'] === 'Observation');
    const mine = obs.filter(
      (o) => (o['subject'] as { reference: string }).reference === 'Patient/pat-0001',
    );
    const dates = mine.map((o) => String(o['effectiveDateTime'])).sort();
    const spanYears = (Date.parse(dates.at(-1) ?? '') - Date.parse(dates[0] ?? '')) / 3.15e10;
    assert.ok(spanYears >= 2, `several years of data (${spanYears.toFixed(1)})`);
    const codes = new Set(
      obs.map((o) => (o['code'] as { coding: { code: string }[] }).coding[0]?.code),
    );
    for (const code of [
      '85354-9',
      '8867-4',
      '9279-1',
      '8310-5',
      '59408-5',
      '29463-7',
      '8302-2',
      '39156-5',
    ]) {
      assert.ok(codes.has(code), `vital ${code}`);
    }
    for (const code of ['2345-7', '4548-4', '2160-0', '2823-3', '2951-2', '718-7', '2093-3']) {
      assert.ok(codes.has(code), `lab ${code}`);
    }
    const bp = obs.find(
      (o) => (o['code'] as { coding: { code: string }[] }).coding[0]?.code === '85354-9',
    );
    const components = (bp?.['component'] as { code: { coding: { code: string }[] } }[]).map(
      (c) => c.code.coding[0]?.code,
    );
    assert.deepEqual(components, ['8480-6', '8462-4']);
    for (const o of obs) {
      const q = o['valueQuantity'] as { system: string; code: string } | undefined;
      if (q) assert.equal(q.system, 'http://unitsofmeasure.org');
      const cat = (o['category'] as { coding: { code: string }[] }[])[0]?.coding[0]?.code;
      assert.ok(cat === 'vital-signs' || cat === 'laboratory');
    }
    const flagged = obs.filter((o) => o['interpretation']);
    assert.ok(
      flagged.length > 0 && flagged.length < obs.length / 2,
      'some, not most, values abnormal',
    );
    assert.ok(obs.some((o) => o['referenceRange']));
  });

  it('gives some patients hypertension, diabetes or obesity, with matching trends', () => {
    const resources = all(120);
    const conditions = resources.filter((r) => r['resourceType'] === 'Condition');
    const codes = conditions.map(
      (c) => (c['code'] as { coding: { code: string }[] }).coding[0]?.code,
    );
    for (const code of ['38341003', '44054006', '414916001']) assert.ok(codes.includes(code));
    const diabetic = new Set(
      conditions
        .filter((c) => (c['code'] as { coding: { code: string }[] }).coding[0]?.code === '44054006')
        .map((c) => (c['subject'] as { reference: string }).reference),
    );
    const a1c = (want: boolean): number[] =>
      resources
        .filter(
          (r) =>
            (r['code'] as { coding: { code: string }[] } | undefined)?.coding[0]?.code === '4548-4',
        )
        .filter((r) => diabetic.has((r['subject'] as { reference: string }).reference) === want)
        .map((r) => (r['valueQuantity'] as { value: number }).value);
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.ok(mean(a1c(true)) > mean(a1c(false)) + 1, 'diabetics have higher HbA1c');
  });
});
