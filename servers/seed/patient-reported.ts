/**
 * What patients tell the clinic, beside what it records itself: the medicines they take that nobody
 * prescribed here (MedicationStatement). Each story draws from its own stream (`Random(seed, index,
 * stream)`), so every other seeded resource stays exactly as it was.
 */
import type { MedicationStatement } from '../../src/app/fhir/fhir-types.ts';
import { RXNORM, concept, day, pad, reference } from './fhir-shapes.ts';
import type { Visit } from './observations.ts';
import type { Profile } from './patient.ts';
import { Random } from './random.ts';
import { DEMO_PATIENT } from './story.ts';

/** The streams of these stories; 1 is the patient's own, 2 the chart's (story.ts). */
const REPORTED_MEDICATIONS_STREAM = 3;

/** What one patient reports, and how they are stamped. */
export interface Reporter {
  seed: number;
  p: Profile;
  visits: readonly Visit[];
  meta: { versionId: string; lastUpdated: string };
}

/** Over-the-counter medicines and supplements, as patients name them (some with an RxNorm code). */
const OVER_THE_COUNTER = [
  { code: '198440', display: 'acetaminophen 500 MG Oral Tablet', dose: 'Two tablets when needed' },
  {
    code: '310965',
    display: 'ibuprofen 200 MG Oral Tablet',
    dose: 'One or two tablets when needed',
  },
  { code: '', display: 'Vitamin D3 1000 IU', dose: 'One capsule daily' },
  { code: '', display: 'Omega-3 fish oil 1000 mg', dose: 'One capsule daily' },
  { code: '', display: 'Magnesium 250 mg', dose: 'One tablet at night' },
] as const;

/** Everything one patient reported, story by story. */
export function patientReported(r: Reporter): MedicationStatement[] {
  return [...reportedMedications(r)];
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
      medicationCodeableConcept: medicine.code
        ? concept(RXNORM, medicine.code, medicine.display)
        : { text: medicine.display },
      subject: reference('Patient', r.p.id),
      effectivePeriod: { start: day(since) },
      dateAsserted: day(visit.when),
      informationSource: reference('Patient', r.p.id),
      dosage: [{ text: medicine.dose }],
    };
  });
}
