import { clinicalTypes, type ClinicalType } from '../servers/fhir/search/clinical.ts';
import type { Harness } from './fhir.ts';

type Json = Record<string, unknown>;

const ex = 'http://example.org/chart';
const cc = (code: string, system = ex): Json => ({ coding: [{ system, code, display: code }] });
const ref = (reference: string): Json => ({ reference });

/** The clinical date of a chart sample: the first is older than the second. */
export const sampleDates = ['2020-01-10', '2022-06-15'] as const;

/** The id of a chart sample: `Condition-pat-0001-1`. */
export const sampleId = (type: string, patient: string, n: 1 | 2): string =>
  `${type}-${patient}-${n}`;

/**
 * A resource of a chart type for `patient` that fills every element its declaration indexes (the
 * second of each pair takes the other choice of a choice element: medicationReference, a Period).
 */
export function chartSample(type: ClinicalType, patient: string, n: 1 | 2): Json {
  const d = sampleDates[n - 1];
  const at = `${d}T10:00:00Z`;
  const period = { start: at, end: `${d}T11:00:00Z` };
  const subject = ref(`Patient/${patient}`);
  const encounter = ref(`Encounter/${sampleId('Encounter', patient, 1)}`);
  const code = cc(`${type}-code-${n}`);
  const medication =
    n === 1
      ? { medicationCodeableConcept: code }
      : { medicationReference: ref('Medication/med-1') };
  const base: Json = { resourceType: type, id: sampleId(type, patient, n) };
  const shapes: Record<ClinicalType, Json> = {
    Condition: {
      subject,
      encounter,
      onsetDateTime: at,
      recordedDate: at,
      code,
      category: [cc('problem-list-item')],
      clinicalStatus: cc('active', 'http://terminology.hl7.org/CodeSystem/condition-clinical'),
      verificationStatus: cc(
        'confirmed',
        'http://terminology.hl7.org/CodeSystem/condition-ver-status',
      ),
    },
    AllergyIntolerance: {
      patient: subject,
      recordedDate: at,
      code,
      reaction: [{ substance: cc('substance-1'), manifestation: [cc('rash')] }],
      category: ['food'],
      criticality: 'high',
      clinicalStatus: cc(
        'active',
        'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
      ),
      verificationStatus: cc(
        'confirmed',
        'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
      ),
    },
    MedicationRequest: {
      subject,
      encounter,
      authoredOn: at,
      ...medication,
      category: [cc('outpatient')],
      status: 'active',
      intent: 'order',
    },
    MedicationStatement: {
      subject,
      context: encounter,
      effectiveDateTime: at,
      ...medication,
      category: cc('community'), // 0..1 in R4, unlike most types' category
      status: 'active',
    },
    Immunization: {
      patient: subject,
      occurrenceDateTime: at,
      vaccineCode: cc('140', 'http://hl7.org/fhir/sid/cvx'),
      status: 'completed',
    },
    Procedure: {
      subject,
      encounter,
      ...(n === 1 ? { performedDateTime: at } : { performedPeriod: period }),
      code,
      category: cc('surgical'),
      status: 'completed',
    },
    Encounter: {
      subject,
      period,
      type: [code],
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      status: 'finished',
    },
    DiagnosticReport: {
      subject,
      encounter,
      effectiveDateTime: at,
      code,
      category: [cc('LAB')],
      status: 'final',
      result: [ref('Observation/obs-result-1')],
    },
    DocumentReference: {
      subject,
      date: at,
      type: code,
      category: [cc('clinical-note')],
      status: 'current',
      context: { encounter: [encounter] },
      content: [{ attachment: { contentType: 'text/plain', data: 'bm90ZQ==' } }],
    },
    CarePlan: {
      subject,
      encounter,
      period,
      category: [cc('assess-plan')],
      status: 'active',
      intent: 'plan',
    },
    Goal: {
      subject,
      startDate: d,
      target: [{ dueDate: d }],
      description: { text: 'Goal' },
      category: [cc('dietary')],
      lifecycleStatus: 'active',
      achievementStatus: cc('in-progress'),
    },
    FamilyMemberHistory: {
      patient: subject,
      date: d,
      status: 'completed',
      relationship: cc(n === 1 ? 'FTH' : 'MTH'),
      sex: cc(n === 1 ? 'male' : 'female'),
      condition: [{ code, onsetAge: { value: 50, unit: 'a' } }],
    },
  };
  return { ...base, ...shapes[type] };
}

/** Shared resources the samples reference. */
export const sharedSamples: Json[] = [
  { resourceType: 'Medication', id: 'med-1', code: cc('med-1') },
  { resourceType: 'Location', id: 'loc-1', name: 'Ward 1' },
  {
    resourceType: 'PractitionerRole',
    id: 'role-1',
    practitioner: ref('Practitioner/prac-0001'),
    organization: ref('Organization/org-0001'),
  },
];

/**
 * Two samples of every chart type for `a`, one for `b`, the shared resources, and `a`'s Observation
 * that every DiagnosticReport sample names as its result, in one transaction.
 */
export async function loadChart(h: Harness, a: string, b: string): Promise<void> {
  const writer = await h.token({ scope: 'user/*.read user/*.write' });
  const resources = [
    { resourceType: 'Patient', id: a },
    { resourceType: 'Patient', id: b },
    ...sharedSamples,
    {
      resourceType: 'Observation',
      id: 'obs-result-1',
      status: 'final',
      code: cc('result-1'),
      subject: ref(`Patient/${a}`),
    },
    ...clinicalTypes.flatMap((t) => [
      chartSample(t, a, 1),
      chartSample(t, a, 2),
      chartSample(t, b, 1),
    ]),
  ];
  const res = await h.post(
    '/',
    {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: resources.map((resource) => ({
        resource,
        request: {
          method: 'PUT',
          url: `${String(resource['resourceType'])}/${String(resource['id'])}`,
        },
      })),
    },
    writer,
  );
  if (res.status !== 200) throw new Error(`loading the chart samples: ${await res.text()}`);
}
