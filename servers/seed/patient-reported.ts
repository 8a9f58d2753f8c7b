/**
 * What patients tell the clinic, beside what it records itself: the medicines they take that nobody
 * prescribed here (MedicationStatement), and what their parents and siblings had
 * (FamilyMemberHistory). Each story draws from its own stream (`Random(seed, index,
 * stream)`), so every other seeded resource stays exactly as it was.
 */
import type { FamilyMemberHistory, MedicationStatement } from '../../src/app/fhir/fhir-types.ts';
import { conditions } from './catalog.ts';
import { UCUM, conceptOf, day, hl7, pad, reference, rxnorm, snomed } from './fhir-shapes.ts';
import type { Visit } from './observations.ts';
import type { Profile } from './patient.ts';
import { Random } from './random.ts';
import { DEMO_PATIENT } from './story.ts';

/** The streams of these stories; 1 is the patient's own, 2 the chart's (story.ts). */
const REPORTED_MEDICATIONS_STREAM = 3;
const FAMILY_HISTORY_STREAM = 4;

/** What one patient reports, and how they are stamped. */
export interface Reporter {
  seed: number;
  p: Profile;
  visits: readonly Visit[];
  meta: { versionId: string; lastUpdated: string };
}

/** Over-the-counter medicines (by RxNorm) and supplements (by name alone), as patients name them. */
const OVER_THE_COUNTER = [
  { ...rxnorm('198440', 'acetaminophen 500 MG Oral Tablet'), dose: 'Two tablets when needed' },
  { ...rxnorm('310965', 'ibuprofen 200 MG Oral Tablet'), dose: 'One or two tablets when needed' },
  { display: 'Vitamin D3 1000 IU', dose: 'One capsule daily' },
  { display: 'Omega-3 fish oil 1000 mg', dose: 'One capsule daily' },
  { display: 'Magnesium 250 mg', dose: 'One tablet at night' },
] as const;

/** Everything one patient reported, story by story. */
export function patientReported(r: Reporter): (MedicationStatement | FamilyMemberHistory)[] {
  return [...reportedMedications(r), ...familyHistory(r)];
}

/**
 * A few patients (and always the demo patient) tell a visit what else they take: one or two of
 * the above, since a date at or before that visit, most still taken, some stopped.
 */
function reportedMedications(r: Reporter): MedicationStatement[] {
  const rnd = new Random(r.seed, r.p.index, REPORTED_MEDICATIONS_STREAM);
  const told = rnd.chance(0.25) || r.p.index === DEMO_PATIENT;
  const visit = r.visits.length > 0 ? rnd.pick(r.visits) : undefined;
  if (!told || !visit) return [];
  const count = rnd.int(1, 2);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(rnd.int(0, OVER_THE_COUNTER.length - 1));
  return [...picked].map((which, i): MedicationStatement => {
    const medicine = OVER_THE_COUNTER[which] ?? OVER_THE_COUNTER[0];
    const since = new Date(visit.when.getTime() - rnd.int(30, 720) * 86_400_000);
    return {
      resourceType: 'MedicationStatement',
      id: `medst-${pad(r.p.index)}-${pad(i + 1, 3)}`,
      meta: r.meta,
      status: rnd.chance(0.8) ? 'active' : 'stopped',
      medicationCodeableConcept:
        'code' in medicine ? conceptOf(medicine) : { text: medicine.display },
      subject: reference('Patient', r.p.id),
      effectivePeriod: { start: day(since) },
      dateAsserted: day(visit.when),
      informationSource: reference('Patient', r.p.id),
      dosage: [{ text: medicine.dose }],
    };
  });
}

/** Relatives as v3 RoleCode names them, with their sex. */
const RELATIVES = [
  { code: 'FTH', display: 'father', sex: 'male' },
  { code: 'MTH', display: 'mother', sex: 'female' },
  { code: 'BRO', display: 'brother', sex: 'male' },
  { code: 'SIS', display: 'sister', sex: 'female' },
  { code: 'GRFTH', display: 'grandfather', sex: 'male' },
  { code: 'GRMTH', display: 'grandmother', sex: 'female' },
] as const;

/** Conditions that run in families, with the ages they usually begin between. */
const HEREDITARY = [
  { ...conditions.hypertension, ages: [40, 65] },
  { ...conditions.diabetes, ages: [40, 70] },
  { ...snomed('22298006', 'Myocardial infarction (disorder)'), ages: [45, 75] },
  { ...snomed('230690007', 'Cerebrovascular accident (disorder)'), ages: [55, 80] },
  { ...snomed('363406005', 'Malignant neoplasm of colon (disorder)'), ages: [50, 75] },
] as const;

/**
 * About a third of patients (and always the demo patient) gave a family history at their first
 * visit: one to three relatives, each with one or two conditions and the age each began; some of
 * the older relatives have died of one.
 */
function familyHistory(r: Reporter): FamilyMemberHistory[] {
  const rnd = new Random(r.seed, r.p.index, FAMILY_HISTORY_STREAM);
  const told = rnd.chance(0.35) || r.p.index === DEMO_PATIENT;
  const first = r.visits[0];
  if (!told || !first) return [];
  const count = r.p.index === DEMO_PATIENT ? 3 : rnd.int(1, 3);
  const relatives = new Set<number>();
  while (relatives.size < count) relatives.add(rnd.int(0, RELATIVES.length - 1));
  return [...relatives].map((which, i): FamilyMemberHistory => {
    const relative = RELATIVES[which] ?? RELATIVES[0];
    const had = [rnd.pick(HEREDITARY), ...(rnd.chance(0.3) ? [rnd.pick(HEREDITARY)] : [])];
    const died = relative.code.startsWith('GR') && rnd.chance(0.6);
    return {
      resourceType: 'FamilyMemberHistory',
      id: `fmh-${pad(r.p.index)}-${pad(i + 1, 3)}`,
      meta: r.meta,
      status: 'completed',
      patient: reference('Patient', r.p.id),
      date: day(first.when),
      relationship: {
        ...hl7('v3-RoleCode', relative.code, relative.display),
        text: relative.display[0]?.toUpperCase() + relative.display.slice(1),
      },
      sex: hl7('administrative-gender', relative.sex, relative.sex === 'male' ? 'Male' : 'Female'),
      condition: [...new Map(had.map((c) => [c.code, c])).values()].map((c, j) => ({
        code: conceptOf(c),
        onsetAge: years(rnd.int(c.ages[0], c.ages[1])),
        ...(died && j === 0 ? { contributedToDeath: true } : {}),
      })),
      ...(died ? { deceasedBoolean: true } : {}),
    };
  });
}

const years = (value: number) => ({ value, unit: 'years', system: UCUM, code: 'a' });
