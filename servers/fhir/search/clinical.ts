/**
 * The chart's resource types, declared as data: which JSON paths feed which FHIR R4 search parameter.
 * One generic index (`clinical`, `clinical_token`, `clinical_date`, `clinical_ref` in store/schema.ts)
 * is filled from these declarations and one SQL builder (store/clinical-sql.ts) reads them, so adding a
 * type or a parameter is a line here, not a code path. Each type's patient element
 * (store/compartment.ts) and the write check of its indexed elements (import/shapes.ts) are derived
 * from the same declaration, so a served chart type is this one entry. Patient and Observation keep
 * their own tuned tables and are not declared here.
 *
 * What a declaration holds, and how its paths are read: search/clinical-declaration.ts.
 */
import type {
  ChoiceShape,
  ClinicalDeclaration,
  Documented,
  Shape,
} from './clinical-declaration.ts';

const CC = 'CodeableConcept';
const CCs = 'CodeableConcept[]';
const dateTimeOrPeriod: ChoiceShape = { DateTime: 'string', Period: 'Period' };
const codeDoc = 'system|code or code; comma-separated for several';
const categoryDoc = 'system|code or code; comma-separated for several';
/** A parameter searching the code element of its own name (`status`, `intent`). */
const code = (param: string, documentation: string): Documented => ({
  param,
  paths: [param],
  documentation,
  shape: 'string',
});
const status = (values: string): Documented => code('status', values);
const categories = (shape: Shape): Documented => ({
  param: 'category',
  paths: ['category'],
  documentation: categoryDoc,
  shape,
});
const bySubject = { patientElement: 'subject', patientParams: ['subject', 'patient'] } as const;
const byPatient = { patientElement: 'patient', patientParams: ['patient'] } as const;
/** `encounter` as R4 defines it on most types; Observation (search/params.ts) takes it too. */
export const encounter = {
  param: 'encounter',
  paths: ['encounter'],
  target: 'Encounter',
  shape: 'Reference',
} as const;

/** The chart's types in the order the CapabilityStatement lists them. */
export const clinicalTypes = [
  'Condition',
  'AllergyIntolerance',
  'MedicationRequest',
  'MedicationStatement',
  'Immunization',
  'Procedure',
  'Encounter',
  'DiagnosticReport',
  'DocumentReference',
  'CarePlan',
  'Goal',
  'FamilyMemberHistory',
] as const;
export type ClinicalType = (typeof clinicalTypes)[number];

export const clinical: Record<ClinicalType, ClinicalDeclaration> = {
  Condition: {
    ...bySubject,
    date: {
      param: 'onset-date',
      paths: ['onset[x]'],
      documentation: 'onset[x] (dateTime, Period)',
      shape: dateTimeOrPeriod,
    },
    otherDates: [
      {
        param: 'recorded-date',
        paths: ['recordedDate'],
        documentation: 'Condition.recordedDate',
        shape: 'string',
      },
    ],
    tokens: [
      { param: 'code', paths: ['code'], documentation: codeDoc, shape: CC },
      categories(CCs),
      {
        param: 'clinical-status',
        paths: ['clinicalStatus'],
        documentation: 'active | recurrence | relapse | inactive | remission | resolved',
        shape: CC,
      },
      {
        param: 'verification-status',
        paths: ['verificationStatus'],
        documentation: 'unconfirmed | provisional | differential | confirmed | refuted | ...',
        shape: CC,
      },
    ],
    references: [encounter],
  },
  AllergyIntolerance: {
    ...byPatient,
    date: {
      param: 'date',
      paths: ['recordedDate'],
      documentation: 'AllergyIntolerance.recordedDate',
      shape: 'string',
    },
    otherDates: [],
    tokens: [
      { param: 'code', paths: ['code', 'reaction.substance'], documentation: codeDoc, shape: CC },
      {
        param: 'category',
        paths: ['category'],
        documentation: 'food | medication | environment | biologic',
        shape: 'string[]',
      },
      {
        param: 'clinical-status',
        paths: ['clinicalStatus'],
        documentation: 'active | inactive | resolved',
        shape: CC,
      },
      {
        param: 'verification-status',
        paths: ['verificationStatus'],
        documentation: 'unconfirmed | confirmed | refuted | entered-in-error',
        shape: CC,
      },
      code('criticality', 'low | high | unable-to-assess'),
    ],
    references: [],
    backbones: { reaction: 'BackboneElement[]' },
  },
  MedicationRequest: {
    ...bySubject,
    date: {
      param: 'authoredon',
      paths: ['authoredOn'],
      documentation: 'MedicationRequest.authoredOn',
      shape: 'string',
    },
    otherDates: [],
    tokens: [
      { param: 'code', paths: ['medicationCodeableConcept'], documentation: codeDoc, shape: CC },
      categories(CCs),
      status('active | on-hold | cancelled | completed | stopped | ...'),
      code('intent', 'proposal | plan | order | ...'),
    ],
    references: [
      encounter,
      {
        param: 'medication',
        paths: ['medicationReference'],
        target: 'Medication',
        shape: 'Reference',
      },
    ],
  },
  MedicationStatement: {
    ...bySubject,
    date: {
      param: 'effective',
      paths: ['effective[x]'],
      documentation: 'effective[x] (dateTime, Period)',
      shape: dateTimeOrPeriod,
    },
    otherDates: [],
    tokens: [
      { param: 'code', paths: ['medicationCodeableConcept'], documentation: codeDoc, shape: CC },
      categories(CC),
      status('active | completed | entered-in-error | intended | stopped | ...'),
    ],
    references: [
      { param: 'context', paths: ['context'], target: 'Encounter', shape: 'Reference' },
      {
        param: 'medication',
        paths: ['medicationReference'],
        target: 'Medication',
        shape: 'Reference',
      },
    ],
  },
  Immunization: {
    ...byPatient,
    date: {
      param: 'date',
      paths: ['occurrence[x]'],
      documentation: 'occurrenceDateTime',
      shape: { DateTime: 'string' },
    },
    otherDates: [],
    tokens: [
      { param: 'vaccine-code', paths: ['vaccineCode'], documentation: codeDoc, shape: CC },
      status('completed | entered-in-error | not-done'),
    ],
    references: [],
  },
  Procedure: {
    ...bySubject,
    date: {
      param: 'date',
      paths: ['performed[x]'],
      documentation: 'performed[x] (dateTime, Period)',
      shape: dateTimeOrPeriod,
    },
    otherDates: [],
    tokens: [
      { param: 'code', paths: ['code'], documentation: codeDoc, shape: CC },
      categories(CC),
      status('preparation | in-progress | completed | ...'),
    ],
    references: [encounter],
  },
  Encounter: {
    ...bySubject,
    date: { param: 'date', paths: ['period'], documentation: 'Encounter.period', shape: 'Period' },
    otherDates: [],
    tokens: [
      { param: 'type', paths: ['type'], documentation: codeDoc, shape: CCs },
      {
        param: 'class',
        paths: ['class'],
        documentation: 'system|code or code (AMB, IMP, EMER, ...)',
        shape: 'Coding',
      },
      status('planned | arrived | in-progress | finished | cancelled | ...'),
    ],
    references: [],
  },
  DiagnosticReport: {
    ...bySubject,
    date: {
      param: 'date',
      paths: ['effective[x]'],
      documentation: 'effective[x] (dateTime, Period)',
      shape: dateTimeOrPeriod,
    },
    otherDates: [],
    tokens: [
      { param: 'code', paths: ['code'], documentation: codeDoc, shape: CC },
      categories(CCs),
      status('registered | partial | preliminary | final | ...'),
    ],
    references: [
      encounter,
      { param: 'result', paths: ['result'], target: 'Observation', shape: 'Reference[]' },
    ],
  },
  DocumentReference: {
    ...bySubject,
    date: {
      param: 'date',
      paths: ['date'],
      documentation: 'DocumentReference.date',
      shape: 'string',
    },
    otherDates: [],
    tokens: [
      { param: 'type', paths: ['type'], documentation: codeDoc, shape: CC },
      categories(CCs),
      status('current | superseded | entered-in-error'),
    ],
    references: [
      {
        param: 'encounter',
        paths: ['context.encounter'],
        target: 'Encounter',
        shape: 'Reference[]',
      },
    ],
    backbones: { context: 'BackboneElement' },
  },
  CarePlan: {
    ...bySubject,
    date: { param: 'date', paths: ['period'], documentation: 'CarePlan.period', shape: 'Period' },
    otherDates: [],
    tokens: [
      categories(CCs),
      status('draft | active | on-hold | revoked | completed | ...'),
      code('intent', 'proposal | plan | order | option'),
    ],
    references: [encounter],
  },
  Goal: {
    ...bySubject,
    date: {
      param: 'start-date',
      paths: ['startDate'],
      documentation: 'Goal.startDate',
      shape: 'string',
    },
    otherDates: [
      {
        param: 'target-date',
        paths: ['target.dueDate'],
        documentation: 'Goal.target.dueDate',
        shape: 'string',
      },
    ],
    tokens: [
      categories(CCs),
      {
        param: 'lifecycle-status',
        paths: ['lifecycleStatus'],
        documentation: 'proposed | planned | accepted | active | completed | ...',
        shape: 'string',
      },
      {
        param: 'achievement-status',
        paths: ['achievementStatus'],
        documentation: 'in-progress | improving | achieved | ...',
        shape: CC,
      },
    ],
    references: [],
    backbones: { target: 'BackboneElement[]' },
  },
  FamilyMemberHistory: {
    ...byPatient,
    date: {
      param: 'date',
      paths: ['date'],
      documentation: 'FamilyMemberHistory.date',
      shape: 'string',
    },
    otherDates: [],
    tokens: [
      { param: 'relationship', paths: ['relationship'], documentation: codeDoc, shape: CC },
      { param: 'code', paths: ['condition.code'], documentation: codeDoc, shape: CC },
      { param: 'sex', paths: ['sex'], documentation: 'male | female | other | unknown', shape: CC },
      status('partial | completed | entered-in-error | health-unknown'),
    ],
    references: [],
    backbones: { condition: 'BackboneElement[]' },
  },
};

export function isClinicalType(type: string): type is ClinicalType {
  return (clinicalTypes as readonly string[]).includes(type);
}
