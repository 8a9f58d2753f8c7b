/**
 * The chart's resource types, declared as data: which JSON paths feed which FHIR R4 search parameter.
 * One generic index (`clinical`, `clinical_token`, `clinical_date`, `clinical_ref` in store/schema.ts)
 * is filled from these declarations and one SQL builder (store/clinical-sql.ts) reads them, so adding a
 * type or a parameter is a line here, not a code path. Patient and Observation keep their own tuned
 * tables and are not declared here.
 *
 * Paths are dotted element names; arrays are walked through (`reaction.substance` is every reaction's
 * substance). A path ending in `[x]` tries each choice suffix this server compares (dateTime, Period,
 * instant, date).
 */
export interface ClinicalDeclaration {
  /**
   * R4 search parameters that mean the resource's patient (`patient`, `subject`, or both); the
   * element naming it is the type's entry in store/compartment.ts.
   */
  patientParams: readonly string[];
  /** The clinical date: filtered and sorted on the main index (`type, patient, date_lo`). */
  date: { param: string; paths: readonly string[]; documentation: string };
  /** Further date parameters (filter and sort), kept in `clinical_date`. */
  otherDates: readonly { param: string; paths: readonly string[]; documentation: string }[];
  /** Token parameters: CodeableConcept, Coding or code elements. */
  tokens: readonly { param: string; paths: readonly string[]; documentation: string }[];
  /** Reference parameters other than the patient, with the one type they point to here. */
  references: readonly { param: string; paths: readonly string[]; target: string }[];
}

const statusDoc = (values: string): { param: string; documentation: string } => ({
  param: 'status',
  documentation: values,
});
const codeDoc = 'system|code or code; comma-separated for several';
const categoryDoc = 'system|code or code; comma-separated for several';
const subjectAndPatient = ['subject', 'patient'] as const;
/** `encounter` as R4 defines it on most types; Observation (search/params.ts) takes it too. */
export const encounter = { param: 'encounter', paths: ['encounter'], target: 'Encounter' } as const;

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
    patientParams: subjectAndPatient,
    date: {
      param: 'onset-date',
      paths: ['onset[x]'],
      documentation: 'onset[x] (dateTime, Period)',
    },
    otherDates: [
      { param: 'recorded-date', paths: ['recordedDate'], documentation: 'Condition.recordedDate' },
    ],
    tokens: [
      { param: 'code', paths: ['code'], documentation: codeDoc },
      { param: 'category', paths: ['category'], documentation: categoryDoc },
      {
        param: 'clinical-status',
        paths: ['clinicalStatus'],
        documentation: 'active | recurrence | relapse | inactive | remission | resolved',
      },
      {
        param: 'verification-status',
        paths: ['verificationStatus'],
        documentation: 'unconfirmed | provisional | differential | confirmed | refuted | ...',
      },
    ],
    references: [encounter],
  },
  AllergyIntolerance: {
    patientParams: ['patient'],
    date: {
      param: 'date',
      paths: ['recordedDate'],
      documentation: 'AllergyIntolerance.recordedDate',
    },
    otherDates: [],
    tokens: [
      { param: 'code', paths: ['code', 'reaction.substance'], documentation: codeDoc },
      {
        param: 'category',
        paths: ['category'],
        documentation: 'food | medication | environment | biologic',
      },
      {
        param: 'clinical-status',
        paths: ['clinicalStatus'],
        documentation: 'active | inactive | resolved',
      },
      {
        param: 'verification-status',
        paths: ['verificationStatus'],
        documentation: 'unconfirmed | confirmed | refuted | entered-in-error',
      },
      {
        param: 'criticality',
        paths: ['criticality'],
        documentation: 'low | high | unable-to-assess',
      },
    ],
    references: [],
  },
  MedicationRequest: {
    patientParams: subjectAndPatient,
    date: {
      param: 'authoredon',
      paths: ['authoredOn'],
      documentation: 'MedicationRequest.authoredOn',
    },
    otherDates: [],
    tokens: [
      { param: 'code', paths: ['medicationCodeableConcept'], documentation: codeDoc },
      { param: 'category', paths: ['category'], documentation: categoryDoc },
      {
        ...statusDoc('active | on-hold | cancelled | completed | stopped | ...'),
        paths: ['status'],
      },
      { param: 'intent', paths: ['intent'], documentation: 'proposal | plan | order | ...' },
    ],
    references: [
      encounter,
      { param: 'medication', paths: ['medicationReference'], target: 'Medication' },
    ],
  },
  MedicationStatement: {
    patientParams: subjectAndPatient,
    date: {
      param: 'effective',
      paths: ['effective[x]'],
      documentation: 'effective[x] (dateTime, Period)',
    },
    otherDates: [],
    tokens: [
      { param: 'code', paths: ['medicationCodeableConcept'], documentation: codeDoc },
      { param: 'category', paths: ['category'], documentation: categoryDoc },
      {
        ...statusDoc('active | completed | entered-in-error | intended | stopped | ...'),
        paths: ['status'],
      },
    ],
    references: [
      { param: 'context', paths: ['context'], target: 'Encounter' },
      { param: 'medication', paths: ['medicationReference'], target: 'Medication' },
    ],
  },
  Immunization: {
    patientParams: ['patient'],
    date: { param: 'date', paths: ['occurrence[x]'], documentation: 'occurrenceDateTime' },
    otherDates: [],
    tokens: [
      { param: 'vaccine-code', paths: ['vaccineCode'], documentation: codeDoc },
      { ...statusDoc('completed | entered-in-error | not-done'), paths: ['status'] },
    ],
    references: [],
  },
  Procedure: {
    patientParams: subjectAndPatient,
    date: {
      param: 'date',
      paths: ['performed[x]'],
      documentation: 'performed[x] (dateTime, Period)',
    },
    otherDates: [],
    tokens: [
      { param: 'code', paths: ['code'], documentation: codeDoc },
      { param: 'category', paths: ['category'], documentation: categoryDoc },
      { ...statusDoc('preparation | in-progress | completed | ...'), paths: ['status'] },
    ],
    references: [encounter],
  },
  Encounter: {
    patientParams: subjectAndPatient,
    date: { param: 'date', paths: ['period'], documentation: 'Encounter.period' },
    otherDates: [],
    tokens: [
      { param: 'type', paths: ['type'], documentation: codeDoc },
      {
        param: 'class',
        paths: ['class'],
        documentation: 'system|code or code (AMB, IMP, EMER, ...)',
      },
      {
        ...statusDoc('planned | arrived | in-progress | finished | cancelled | ...'),
        paths: ['status'],
      },
    ],
    references: [],
  },
  DiagnosticReport: {
    patientParams: subjectAndPatient,
    date: {
      param: 'date',
      paths: ['effective[x]'],
      documentation: 'effective[x] (dateTime, Period)',
    },
    otherDates: [],
    tokens: [
      { param: 'code', paths: ['code'], documentation: codeDoc },
      { param: 'category', paths: ['category'], documentation: categoryDoc },
      { ...statusDoc('registered | partial | preliminary | final | ...'), paths: ['status'] },
    ],
    references: [encounter, { param: 'result', paths: ['result'], target: 'Observation' }],
  },
  DocumentReference: {
    patientParams: subjectAndPatient,
    date: { param: 'date', paths: ['date'], documentation: 'DocumentReference.date' },
    otherDates: [],
    tokens: [
      { param: 'type', paths: ['type'], documentation: codeDoc },
      { param: 'category', paths: ['category'], documentation: categoryDoc },
      { ...statusDoc('current | superseded | entered-in-error'), paths: ['status'] },
    ],
    references: [{ param: 'encounter', paths: ['context.encounter'], target: 'Encounter' }],
  },
  CarePlan: {
    patientParams: subjectAndPatient,
    date: { param: 'date', paths: ['period'], documentation: 'CarePlan.period' },
    otherDates: [],
    tokens: [
      { param: 'category', paths: ['category'], documentation: categoryDoc },
      { ...statusDoc('draft | active | on-hold | revoked | completed | ...'), paths: ['status'] },
      { param: 'intent', paths: ['intent'], documentation: 'proposal | plan | order | option' },
    ],
    references: [encounter],
  },
  Goal: {
    patientParams: subjectAndPatient,
    date: { param: 'start-date', paths: ['startDate'], documentation: 'Goal.startDate' },
    otherDates: [
      { param: 'target-date', paths: ['target.dueDate'], documentation: 'Goal.target.dueDate' },
    ],
    tokens: [
      { param: 'category', paths: ['category'], documentation: categoryDoc },
      {
        param: 'lifecycle-status',
        paths: ['lifecycleStatus'],
        documentation: 'proposed | planned | accepted | active | completed | ...',
      },
      {
        param: 'achievement-status',
        paths: ['achievementStatus'],
        documentation: 'in-progress | improving | achieved | ...',
      },
    ],
    references: [],
  },
  FamilyMemberHistory: {
    patientParams: ['patient'],
    date: { param: 'date', paths: ['date'], documentation: 'FamilyMemberHistory.date' },
    otherDates: [],
    tokens: [
      { param: 'relationship', paths: ['relationship'], documentation: codeDoc },
      { param: 'code', paths: ['condition.code'], documentation: codeDoc },
      { param: 'sex', paths: ['sex'], documentation: 'male | female | other | unknown' },
      {
        ...statusDoc('partial | completed | entered-in-error | health-unknown'),
        paths: ['status'],
      },
    ],
    references: [],
  },
};

export function isClinicalType(type: string): type is ClinicalType {
  return (clinicalTypes as readonly string[]).includes(type);
}

/** Every value at a dotted path, arrays walked through; `x[x]` tries the suffixes dates come in. */
export function valuesAt(resource: Record<string, unknown>, path: string): unknown[] {
  let current: unknown[] = [resource];
  const parts = path.split('.');
  for (const [i, part] of parts.entries()) {
    const names =
      i === parts.length - 1 && part.endsWith('[x]')
        ? ['DateTime', 'Period', 'Instant', 'Date'].map((s) => part.slice(0, -3) + s)
        : [part];
    const next: unknown[] = [];
    for (const value of current) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
      for (const name of names) {
        const child = (value as Record<string, unknown>)[name];
        if (Array.isArray(child)) next.push(...child);
        else if (child !== undefined && child !== null) next.push(child);
      }
    }
    current = next;
  }
  return current;
}
