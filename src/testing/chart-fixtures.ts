// Chart resources as real servers send them, for the chart's specs.
import {
  AllergyIntolerance,
  Bundle,
  Condition,
  Encounter,
  MedicationRequest,
  Resource,
} from '../app/fhir/fhir-types';
import { TEST_FHIR_BASE } from './test-config';

const SNOMED = 'http://snomed.info/sct';
const clinical = (code: string) => ({
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code }],
});
const allergyClinical = (code: string) => ({
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code }],
});

export const hypertension: Condition = {
  resourceType: 'Condition',
  id: 'cond-htn',
  clinicalStatus: clinical('active'),
  code: { coding: [{ system: SNOMED, code: '59621000', display: 'Essential hypertension' }] },
  subject: { reference: 'Patient/pat-0001' },
  onsetDateTime: '2019-03-12',
};

export const resolvedSinusitis: Condition = {
  resourceType: 'Condition',
  id: 'cond-sinus',
  clinicalStatus: clinical('resolved'),
  code: { coding: [{ system: SNOMED, code: '444814009', display: 'Viral sinusitis' }] },
  subject: { reference: 'Patient/pat-0001' },
  onsetDateTime: '2021-01-04',
  abatementDateTime: '2021-01-20',
};

export const erroneousAsthma: Condition = {
  resourceType: 'Condition',
  id: 'cond-asthma',
  clinicalStatus: clinical('active'),
  verificationStatus: {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
        code: 'entered-in-error',
      },
    ],
  },
  code: { coding: [{ system: SNOMED, code: '195967001', display: 'Asthma' }] },
  subject: { reference: 'Patient/pat-0001' },
  onsetDateTime: '2020-06-01',
};

export const penicillinAllergy: AllergyIntolerance = {
  resourceType: 'AllergyIntolerance',
  id: 'allergy-pen',
  clinicalStatus: allergyClinical('active'),
  criticality: 'high',
  category: ['medication'],
  code: { coding: [{ system: SNOMED, code: '91936005', display: 'Allergy to penicillin' }] },
  patient: { reference: 'Patient/pat-0001' },
  reaction: [
    {
      manifestation: [{ coding: [{ system: SNOMED, code: '39579001', display: 'Anaphylaxis' }] }],
      severity: 'severe',
    },
  ],
};

export const noKnownAllergy: AllergyIntolerance = {
  resourceType: 'AllergyIntolerance',
  id: 'allergy-nka',
  clinicalStatus: allergyClinical('active'),
  verificationStatus: {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
        code: 'confirmed',
      },
    ],
  },
  code: { coding: [{ system: SNOMED, code: '716186003', display: 'No known allergy' }] },
  patient: { reference: 'Patient/pat-0001' },
  recordedDate: '2024-02-02',
};

/** A prescription naming its drug by a Medication the search's `_include` brought. */
export const lisinopril: MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'med-lis',
  status: 'active',
  intent: 'order',
  medicationReference: { reference: 'Medication/lisinopril-10' },
  subject: { reference: 'Patient/pat-0001' },
  authoredOn: '2022-05-01',
  dosageInstruction: [{ text: '10 mg by mouth once daily' }],
};

export const lisinoprilMedication: Resource & { code: object } = {
  resourceType: 'Medication',
  id: 'lisinopril-10',
  code: {
    coding: [
      {
        system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
        code: '314076',
        display: 'lisinopril 10 MG Oral Tablet',
      },
    ],
  },
};

export const inpatientStay: Encounter = {
  resourceType: 'Encounter',
  id: 'enc-1',
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
  type: [{ text: 'Hospital admission' }],
  subject: { reference: 'Patient/pat-0001' },
  period: { start: '2024-01-10T08:00:00Z', end: '2024-01-14T12:00:00Z' },
  location: [{ location: { display: 'Ward 3' } }],
};

/** A searchset of matches, then the resources `_include` brought. */
export function searchset<T extends Resource>(
  matches: readonly T[],
  included: readonly Resource[] = [],
): Bundle<T> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    entry: [
      ...matches.map((resource) => ({ resource, search: { mode: 'match' as const } })),
      ...included.map((resource) => ({
        resource: resource as T,
        search: { mode: 'include' as const },
      })),
    ],
  };
}

/** What a row builder gets when the page brought nothing along. */
export const ROW_CONTEXT = { resolved: new Map<string, Resource>(), fhirBase: TEST_FHIR_BASE };

/** A row's details as term → value, to read one at a time. */
export const detailsOf = (row: { details: readonly { term: string; value: string }[] }) =>
  Object.fromEntries(row.details.map((d) => [d.term, d.value]));
