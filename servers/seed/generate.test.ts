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
            r['resourceType'] === 'Observation' &&
            (r['code'] as { coding: { code: string }[] } | undefined)?.coding[0]?.code === '4548-4',
        )
        .filter((r) => diabetic.has((r['subject'] as { reference: string }).reference) === want)
        .map((r) => (r['valueQuantity'] as { value: number }).value);
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.ok(mean(a1c(true)) > mean(a1c(false)) + 1, 'diabetics have higher HbA1c');
  });
});

describe('seed generator: the chart', () => {
  const resources = all(120, 20_240_601);
  const ofType = (type: string): Json[] => resources.filter((r) => r['resourceType'] === type);
  const patientOf = (r: Json): string =>
    String(((r['subject'] ?? r['patient']) as { reference: string }).reference);
  const codeOf = (r: Json, key = 'code'): string | undefined =>
    (r[key] as { coding: { code: string }[] } | undefined)?.coding[0]?.code;
  const statusOf = (r: Json): string | undefined => codeOf(r, 'clinicalStatus');
  const mine = (type: string, patient: string): Json[] =>
    ofType(type).filter((r) => patientOf(r) === `Patient/${patient}`);
  const byRef = new Map(
    resources.map((r) => [`${String(r['resourceType'])}/${String(r['id'])}`, r]),
  );

  it('keeps the chart the same whatever the number of patients', () => {
    const isFirstFive = (r: Json): boolean =>
      /^Patient\/pat-000[1-5]$/.test(r['subject'] || r['patient'] ? patientOf(r) : '');
    const small = all(5, 20_240_601).filter(isFirstFive);
    assert.deepEqual(small, resources.filter(isFirstFive));
  });

  it('writes every chart type at Synthea-like ratios per patient', () => {
    const per = (type: string): number => ofType(type).length / 120;
    assert.ok(per('Encounter') >= 5 && per('Encounter') <= 30, `encounters ${per('Encounter')}`);
    assert.ok(per('Observation') / per('Encounter') >= 5, 'several observations per encounter');
    assert.ok(per('DiagnosticReport') >= 5, `reports ${per('DiagnosticReport')}`);
    assert.ok(per('Immunization') >= 3, `immunizations ${per('Immunization')}`);
    assert.ok(per('Condition') >= 1.5, `conditions ${per('Condition')}`);
    assert.ok(per('MedicationRequest') >= 1, `prescriptions ${per('MedicationRequest')}`);
    for (const type of [
      'Procedure',
      'DocumentReference',
      'CarePlan',
      'Goal',
      'AllergyIntolerance',
    ]) {
      assert.ok(per(type) >= 0.5 && per(type) <= 10, `${type} ${per(type)}`);
    }
    assert.equal(
      ofType('Medication').length,
      new Set(ofType('Medication').map((m) => m['id'])).size,
    );
    assert.equal(
      new Set(resources.map((r) => `${String(r['resourceType'])}/${String(r['id'])}`)).size,
      resources.length,
      'ids are unique',
    );
  });

  it('points every observation at an encounter of the same patient, and every reference at a seeded resource', () => {
    for (const o of ofType('Observation')) {
      const encounter = byRef.get((o['encounter'] as { reference: string }).reference);
      assert.equal(encounter?.['resourceType'], 'Encounter');
      assert.equal(patientOf(encounter ?? {}), patientOf(o));
    }
    const references = (value: unknown): string[] =>
      Array.isArray(value)
        ? value.flatMap(references)
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([k, v]) =>
              k === 'reference' && typeof v === 'string' ? [v] : references(v),
            )
          : [];
    for (const r of resources) {
      for (const ref of references(r)) assert.ok(byRef.has(ref), `${String(r['id'])} -> ${ref}`);
    }
  });

  it('gives a hypertensive patient an active hypertension condition, an antihypertensive and BP trending up', () => {
    const antihypertensives = ['314076', '197361', '310798'];
    const hypertensive = [
      ...new Set(
        ofType('Condition')
          .filter((c) => codeOf(c) === '38341003' && statusOf(c) === 'active')
          .map(patientOf),
      ),
    ];
    assert.ok(hypertensive.length >= 10);
    const rising: boolean[] = [];
    for (const patient of hypertensive) {
      const id = patient.slice('Patient/'.length);
      const drugs = mine('MedicationRequest', id).map((m) =>
        m['medicationCodeableConcept']
          ? codeOf(m, 'medicationCodeableConcept')
          : codeOf(byRef.get((m['medicationReference'] as { reference: string }).reference) ?? {}),
      );
      assert.ok(
        drugs.some((d) => antihypertensives.includes(d ?? '')),
        `${id} has an antihypertensive`,
      );
      const systolic = mine('Observation', id)
        .filter((o) => codeOf(o) === '85354-9')
        .map(
          (o) =>
            (o['component'] as { valueQuantity: { value: number } }[])[0]?.valueQuantity.value ?? 0,
        );
      const half = Math.floor(systolic.length / 2);
      const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
      rising.push(mean(systolic.slice(half)) > mean(systolic.slice(0, half)));
    }
    assert.ok(
      rising.filter(Boolean).length > rising.length * 0.7,
      'BP rises for most hypertensives',
    );
  });

  it("files a diabetic patient's HbA1c results in DiagnosticReports that name exactly those observations", () => {
    const diabetics = [
      ...new Set(
        ofType('Condition')
          .filter((c) => codeOf(c) === '44054006')
          .map(patientOf),
      ),
    ];
    assert.ok(diabetics.length >= 5);
    for (const patient of diabetics) {
      const id = patient.slice('Patient/'.length);
      const a1c = mine('Observation', id)
        .filter((o) => codeOf(o) === '4548-4')
        .map((o) => `Observation/${String(o['id'])}`);
      const reports = mine('DiagnosticReport', id).filter((r) => codeOf(r) === '4548-4');
      const results = reports.flatMap((r) =>
        (r['result'] as { reference: string }[]).map((x) => x.reference),
      );
      assert.ok(a1c.length > 0);
      assert.deepEqual(results.sort(), a1c.sort(), id);
      assert.ok(mine('MedicationRequest', id).length > 0, `${id} is prescribed something`);
      const goal = mine('Goal', id).find(
        (g) =>
          (g['target'] as { measure: Json }[])[0]?.measure &&
          codeOf((g['target'] as Json[])[0] ?? {}, 'measure') === '4548-4',
      );
      assert.ok(goal, `${id} has an HbA1c goal`);
    }
    const lipid = ofType('DiagnosticReport').find((r) => codeOf(r) === '24331-1');
    assert.equal((lipid?.['result'] as unknown[]).length, 4, 'a lipid panel has its four results');
  });

  it('records "no known allergy" for some patients, nothing for others, and reactions with criticality for the rest', () => {
    const patients = ofType('Patient').map((p) => String(p['id']));
    const nka = (id: string): boolean =>
      mine('AllergyIntolerance', id).some((a) => codeOf(a) === '716186003');
    const none = patients.filter((id) => mine('AllergyIntolerance', id).length === 0);
    assert.ok(patients.filter(nka).length >= 10 && none.length >= 10);
    assert.ok(nka('pat-0002') && none.includes('pat-0003'));
    const allergies = ofType('AllergyIntolerance').filter((a) => codeOf(a) !== '716186003');
    for (const a of allergies) {
      const reaction = (a['reaction'] as { manifestation: unknown[]; severity: string }[])[0];
      assert.ok(reaction && reaction.manifestation.length === 1 && reaction.severity);
    }
    assert.deepEqual(new Set(allergies.map((a) => a['criticality'])), new Set(['high', 'low']));
    assert.deepEqual(new Set(allergies.map(statusOf)), new Set(['active', 'inactive']));
  });

  it('varies statuses as real charts do', () => {
    const statuses = (type: string, get: (r: Json) => unknown): Set<unknown> =>
      new Set(ofType(type).map(get));
    assert.deepEqual(
      statuses('Condition', statusOf),
      new Set(['active', 'resolved', 'inactive', undefined]),
    );
    assert.ok(
      ofType('Condition').some(
        (c) => codeOf(c, 'verificationStatus') === 'entered-in-error' && !c['clinicalStatus'],
      ),
    );
    assert.deepEqual(
      statuses('MedicationRequest', (m) => m['status']),
      new Set(['active', 'stopped', 'completed']),
    );
    assert.deepEqual(
      statuses('Immunization', (m) => m['status']),
      new Set(['completed', 'not-done']),
    );
    assert.ok(
      ofType('Immunization')
        .filter((i) => i['status'] === 'not-done')
        .every((i) => i['statusReason']),
    );
    assert.deepEqual(
      statuses('Encounter', (e) => (e['class'] as { code: string }).code),
      new Set(['AMB', 'EMER', 'IMP']),
    );
    const kinds = new Set(
      ofType('MedicationRequest').map((m) => (m['medicationReference'] ? 'reference' : 'concept')),
    );
    assert.deepEqual(kinds, new Set(['reference', 'concept']));
  });

  it('gives the demo patient pat-0001 a rich chart', () => {
    const active = mine('Condition', 'pat-0001')
      .filter((c) => statusOf(c) === 'active')
      .map((c) => codeOf(c));
    assert.ok(
      active.length >= 2 && active.includes('38341003'),
      `active problems ${active.join()}`,
    );
    assert.ok(mine('AllergyIntolerance', 'pat-0001').some((a) => a['criticality'] === 'high'));
    const meds = new Set(mine('MedicationRequest', 'pat-0001').map((m) => m['status']));
    assert.ok(meds.has('active') && meds.has('stopped'));
    assert.ok(mine('Immunization', 'pat-0001').length > 0);
    const stay = mine('Encounter', 'pat-0001').find(
      (e) => (e['class'] as { code: string }).code === 'IMP',
    );
    const period = stay?.['period'] as { start: string; end: string };
    assert.ok(
      Date.parse(period.end) - Date.parse(period.start) >= 86_400_000,
      'an inpatient stay of days',
    );
    const note = mine('DocumentReference', 'pat-0001')[0];
    const attachment = (
      note?.['content'] as { attachment: { contentType: string; data: string } }[]
    )[0]?.attachment;
    assert.match(attachment?.contentType ?? '', /^text\/plain/);
    assert.ok(Buffer.from(attachment?.data ?? '', 'base64').toString('utf8').length > 20);
  });

  it('has a few patients, the demo patient among them, report what else they take', () => {
    const statements = ofType('MedicationStatement');
    const reporters = new Set(statements.map(patientOf));
    assert.ok(reporters.has('Patient/pat-0001'), 'the demo patient reports a medicine');
    assert.ok(reporters.size >= 10 && reporters.size <= 60, `${reporters.size} patients report`);
    for (const statement of statements) {
      assert.equal(
        (statement['informationSource'] as { reference: string }).reference,
        patientOf(statement),
      );
      assert.ok(byRef.has(patientOf(statement)));
      assert.ok(['active', 'stopped'].includes(String(statement['status'])));
    }
  });

  it('has about a third of patients, the demo patient among them, give a family history with onset ages', () => {
    const histories = ofType('FamilyMemberHistory');
    const told = new Set(histories.map(patientOf));
    assert.ok(told.has('Patient/pat-0001'), 'the demo patient gave a family history');
    assert.ok(told.size >= 20 && told.size <= 70, `${told.size} patients gave one`);
    for (const history of histories) {
      assert.ok(byRef.has(patientOf(history)));
      assert.equal(history['status'], 'completed');
      const relationship = history['relationship'] as { coding: { system: string }[] };
      assert.match(relationship.coding[0]?.system ?? '', /v3-RoleCode$/);
      const had = history['condition'] as { onsetAge: { value: number; code: string } }[];
      assert.ok(
        had.length >= 1 && had.every((c) => c.onsetAge.code === 'a' && c.onsetAge.value >= 40),
      );
    }
  });
});
