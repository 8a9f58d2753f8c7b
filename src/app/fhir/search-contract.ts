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

/** The element through which a resource names its patient (FHIR R4's Patient CompartmentDefinition). */
type PatientElement = 'subject' | 'patient';

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
  readonly patientElement?: PatientElement;
}

/**
 * The owner parameters of a list on a patient's chart (chart-queries.ts sends its ListOwner): every
 * list is one patient's, and the lists of an encounter's record are that encounter's too.
 */
const PATIENT_LIST = Object.freeze({ patient: 'reference' } as const);
const ENCOUNTER_RECORD_LIST = Object.freeze({ ...PATIENT_LIST, encounter: 'reference' } as const);

/** What a chart list's entry says of its own; `byEncounter`: an encounter's record lists the type. */
interface ChartListSearch extends Pick<ResourceSearchContract, 'sorts' | 'maxCount' | 'includes'> {
  readonly byEncounter?: true;
}

type ChartListContract<L extends ChartListSearch> = {
  readonly patientElement: PatientElement;
  readonly params: L extends { byEncounter: true }
    ? typeof ENCOUNTER_RECORD_LIST
    : typeof PATIENT_LIST;
} & Omit<L, 'byEncounter'>;

/**
 * The entry of a list on a patient's chart, whose resources name their patient in `patientElement`:
 * searched by the patient, and by the encounter too where an encounter's record lists the type.
 */
function chartList<const L extends ChartListSearch>(
  patientElement: PatientElement,
  { byEncounter, ...list }: L,
): ChartListContract<L> {
  const params = byEncounter ? ENCOUNTER_RECORD_LIST : PATIENT_LIST;
  // TypeScript does not narrow the conditional return type by the value of `byEncounter`.
  return { patientElement, params, ...list } as ChartListContract<L>;
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
  Condition: chartList('subject', { sorts: ['-onset-date'], maxCount: 100, byEncounter: true }),
  AllergyIntolerance: chartList('patient', { sorts: [], maxCount: 50 }),
  MedicationRequest: chartList('subject', {
    sorts: ['-authoredon'],
    maxCount: 50,
    includes: ['MedicationRequest:medication'],
    byEncounter: true,
  }),
  MedicationStatement: chartList('subject', {
    sorts: ['-effective'],
    maxCount: 50,
    includes: ['MedicationStatement:medication'],
  }),
  Immunization: chartList('patient', { sorts: ['-date'], maxCount: 50 }),
  Procedure: chartList('subject', { sorts: ['-date'], maxCount: 50, byEncounter: true }),
  Encounter: chartList('subject', { sorts: ['-date'], maxCount: 20 }),
  DiagnosticReport: chartList('subject', {
    sorts: ['-date'],
    maxCount: 20,
    includes: ['DiagnosticReport:result'],
  }),
  DocumentReference: chartList('subject', { sorts: ['-date'], maxCount: 20 }),
  CarePlan: chartList('subject', { sorts: [], maxCount: 20 }),
  Goal: chartList('subject', { sorts: [], maxCount: 20 }),
  FamilyMemberHistory: chartList('patient', { sorts: [], maxCount: 50 }),
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
