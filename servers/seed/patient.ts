import { conditions } from './catalog.ts';
import { cities, family, femaleGiven, maleGiven } from './names.ts';
import type { Random } from './random.ts';
import { IDENTIFIER_TYPE, MRN_SYSTEM, concept, conceptOf, pad } from './fhir-shapes.ts';
import type { Condition, Patient } from '../../src/app/fhir/fhir-types.ts';

/** The hidden traits that drive one synthetic patient's measurements over time. */
export interface Profile {
  id: string;
  index: number;
  gender: 'male' | 'female';
  birth: Date;
  hypertension: boolean;
  diabetes: boolean;
  obesity: boolean;
  heightCm: number;
  bmi: number;
  systolic: number;
  diastolic: number;
  heartRate: number;
  glucose: number;
  hba1c: number;
  cholesterol: number;
}

export const practitionerCount = 8;

/** The one organisation every seeded patient is seen at. */
export const CLINIC = { id: 'org-0001', name: 'Fhirokta Community Clinic' } as const;

/** The patient's GP: every visit, order and note of theirs is by this practitioner. */

export function practitionerOf(p: Profile): string {
  return `prac-${pad(1 + (p.index % practitionerCount))}`;
}

export function makeProfile(rnd: Random, index: number, end: Date): Profile {
  const gender = rnd.chance(0.5) ? 'female' : 'male';
  const age = rnd.chance(0.15) ? rnd.int(18, 35) : rnd.int(30, 92);
  const birth = new Date(Date.UTC(end.getUTCFullYear() - age, rnd.int(0, 11), rnd.int(1, 28)));
  const older = age > 55;
  const obesity = rnd.chance(0.25);
  const hypertension = rnd.chance(older ? 0.45 : 0.15) || (obesity && rnd.chance(0.3));
  const diabetes = rnd.chance(older ? 0.15 : 0.06) || (obesity && rnd.chance(0.2));
  return {
    id: `pat-${pad(index)}`,
    index,
    gender,
    birth,
    hypertension,
    diabetes,
    obesity,
    heightCm: gender === 'male' ? rnd.normal(176, 7) : rnd.normal(163, 6),
    bmi: obesity ? rnd.uniform(30, 40) : rnd.uniform(19.5, 29),
    systolic: hypertension ? rnd.uniform(135, 155) : rnd.uniform(105, 124),
    diastolic: hypertension ? rnd.uniform(85, 95) : rnd.uniform(65, 79),
    heartRate: rnd.uniform(60, 85),
    glucose: diabetes ? rnd.uniform(130, 190) : rnd.uniform(75, 98),
    hba1c: diabetes ? rnd.uniform(7, 9.5) : rnd.uniform(4.6, 5.6),
    cholesterol: rnd.uniform(150, 250),
  };
}

export function patientResource(rnd: Random, p: Profile, lastUpdated: string): Patient {
  const pool = p.gender === 'female' ? femaleGiven : maleGiven;
  const given = [rnd.pick(pool)];
  const middle = rnd.pick(pool);
  if (rnd.chance(0.35) && middle !== given[0]) given.push(middle);
  const [city, state] = rnd.pick(cities);
  const mrn = String(100000 + p.index * 7919 + rnd.int(0, 6));
  return {
    resourceType: 'Patient',
    id: p.id,
    meta: { versionId: '1', lastUpdated },
    identifier: [
      {
        use: 'usual',
        type: concept(IDENTIFIER_TYPE, 'MR', 'Medical record number'),
        system: MRN_SYSTEM,
        value: mrn,
      },
    ],
    active: true,
    name: [{ use: 'official', family: rnd.pick(family), given }],
    telecom: [{ system: 'phone', value: `555-01${pad(rnd.int(0, 99), 2)}`, use: 'home' }],
    gender: p.gender,
    birthDate: p.birth.toISOString().slice(0, 10),
    address: [{ use: 'home', line: [`${rnd.int(1, 999)} Main Street`], city, state }],
    generalPractitioner: [{ reference: `Practitioner/${practitionerOf(p)}` }],
    managingOrganization: { reference: 'Organization/org-0001' },
  };
}

export function conditionResources(p: Profile, onset: Date, lastUpdated: string): Condition[] {
  const active = (['hypertension', 'diabetes', 'obesity'] as const).filter((c) => p[c]);
  return active.map((name, i) => ({
    resourceType: 'Condition',
    id: `cond-${pad(p.index)}-${i + 1}`,
    meta: { versionId: '1', lastUpdated },
    clinicalStatus: concept(
      'http://terminology.hl7.org/CodeSystem/condition-clinical',
      'active',
      'Active',
    ),
    verificationStatus: concept(
      'http://terminology.hl7.org/CodeSystem/condition-ver-status',
      'confirmed',
      'Confirmed',
    ),
    category: [
      concept(
        'http://terminology.hl7.org/CodeSystem/condition-category',
        'problem-list-item',
        'Problem List Item',
      ),
    ],
    code: conceptOf(conditions[name]),
    subject: { reference: `Patient/${p.id}` },
    onsetDateTime: onset.toISOString().slice(0, 10),
  }));
}
