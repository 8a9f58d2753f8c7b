/**
 * The searches this app sends, as data. For each resource type: every search parameter it sends, named
 * as on the wire (modifier included, `code:text`), with that parameter's FHIR type; the `_sort` values
 * it sends; and the largest `_count` it asks for.
 *
 * FhirClient.search takes only parameters declared here, and servers/search-contract.test.ts checks each
 * entry against the local FHIR server's CapabilityStatement and search parser. A server that dropped a
 * parameter would otherwise ignore it (lenient handling), and a clinician would see an unfiltered list.
 *
 * Node imports this file too (that test), so it imports nothing and knows nothing of Angular.
 */

export type SearchParamType = 'string' | 'token' | 'date' | 'reference';

export interface ResourceSearchContract {
  /** Parameter as sent, e.g. `code:text`, and the type of the parameter (`code`: token). */
  readonly params: Readonly<Record<string, SearchParamType>>;
  /** `_sort` values as sent: a sort key, with `-` in front for descending. */
  readonly sorts: readonly string[];
  /** The largest `_count` sent: a server that capped pages lower would shorten ours without a word. */
  readonly maxCount: number;
  /** `_include` values sent, e.g. `MedicationRequest:medication`, so one round trip brings what a row names. */
  readonly includes?: readonly string[];
  /**
   * The element that says whose record a resource is (FHIR R4's Patient CompartmentDefinition): every
   * row the app shows on a patient's page is checked against it. Absent for Patient itself.
   */
  readonly patientElement?: 'subject' | 'patient';
}

export const SEARCH_CONTRACT = {
  // patient-search.ts: the patient list's filters, sort options and page sizes.
  Patient: {
    params: { name: 'string', birthdate: 'date', gender: 'token', identifier: 'token' },
    sorts: ['name', '-name', 'birthdate', '-birthdate'],
    maxCount: 50,
  },
  // observation-filters.ts, observation.service.ts and trend-reader.ts: one patient's observations,
  // newest first (the table, latest vitals, a trend's date-bounded spans), and oldest first for the
  // flowsheet's newer windows.
  Observation: {
    patientElement: 'subject',
    params: {
      patient: 'reference',
      category: 'token',
      code: 'token',
      'code:text': 'token',
      date: 'date',
      encounter: 'reference',
    },
    sorts: ['-date', 'date'],
    maxCount: 200,
  },
  // src/app/chart/sections/: one query per section of a patient's chart, newest first where the
  // type has a clinical date, and the record of one encounter. Sorting is redone in the app, so a
  // server that cannot sort still shows each list in order.
  Condition: {
    patientElement: 'subject',
    params: { patient: 'reference', encounter: 'reference' },
    sorts: ['-onset-date'],
    maxCount: 100,
  },
  AllergyIntolerance: {
    patientElement: 'patient',
    params: { patient: 'reference' },
    sorts: [],
    maxCount: 50,
  },
  MedicationRequest: {
    patientElement: 'subject',
    params: { patient: 'reference', encounter: 'reference' },
    sorts: ['-authoredon'],
    maxCount: 50,
    includes: ['MedicationRequest:medication'],
  },
  MedicationStatement: {
    patientElement: 'subject',
    params: { patient: 'reference' },
    sorts: ['-effective'],
    maxCount: 50,
    includes: ['MedicationStatement:medication'],
  },
  Immunization: {
    patientElement: 'patient',
    params: { patient: 'reference' },
    sorts: ['-date'],
    maxCount: 50,
  },
  Procedure: {
    patientElement: 'subject',
    params: { patient: 'reference', encounter: 'reference' },
    sorts: ['-date'],
    maxCount: 50,
  },
  Encounter: {
    patientElement: 'subject',
    params: { patient: 'reference' },
    sorts: ['-date'],
    maxCount: 20,
  },
  DiagnosticReport: {
    patientElement: 'subject',
    params: { patient: 'reference' },
    sorts: ['-date'],
    maxCount: 20,
    includes: ['DiagnosticReport:result'],
  },
  DocumentReference: {
    patientElement: 'subject',
    params: { patient: 'reference' },
    sorts: ['-date'],
    maxCount: 20,
  },
  CarePlan: {
    patientElement: 'subject',
    params: { patient: 'reference' },
    sorts: [],
    maxCount: 20,
  },
  Goal: {
    patientElement: 'subject',
    params: { patient: 'reference' },
    sorts: [],
    maxCount: 20,
  },
  FamilyMemberHistory: {
    patientElement: 'patient',
    params: { patient: 'reference' },
    sorts: [],
    maxCount: 50,
  },
} as const satisfies Readonly<Record<string, ResourceSearchContract>>;

export type SearchableType = keyof typeof SEARCH_CONTRACT;

type Contract<R extends SearchableType> = (typeof SEARCH_CONTRACT)[R];
/** The `_include` values declared for `R` (for a union of types, those of each). */
type Includes<R extends SearchableType> = R extends SearchableType
  ? Contract<R> extends { includes: readonly (infer I)[] }
    ? I
    : never
  : never;

/**
 * The parameters of a search of `R`: only those the contract declares, so sending a new one means
 * declaring it (and the contract test then checks the server supports it). Empty values are not sent.
 */
export type SearchParams<R extends SearchableType> = {
  readonly [P in keyof Contract<R>['params']]?: string | readonly string[];
} & {
  readonly _sort?: Contract<R>['sorts'][number];
  readonly _count?: number;
  readonly _include?: Includes<R>;
};
