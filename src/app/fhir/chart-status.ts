import {
  AllergyIntolerance,
  CarePlan,
  CodeableConcept,
  Condition,
  DiagnosticReport,
  DocumentReference,
  Encounter,
  Goal,
  Immunization,
  MedicationRequest,
  MedicationStatement,
  Procedure,
} from './fhir-types';
import { formatCodeableConcept, hasCoding } from './format-datatypes';

/**
 * How every chart section filters: `active` stands as current fact (a problem or medication in
 * effect, or an event that took place as recorded); `inactive` is over, stopped, not done,
 * cancelled or superseded; `entered-in-error` should never have been recorded (behind a toggle);
 * `unknown` has no status, or one we do not know, and is shown, never hidden as if inactive.
 */
export type StatusGroup = 'active' | 'inactive' | 'entered-in-error' | 'unknown';

/** A chart entry's status in words (never colour alone), and its group. */
export interface ChartStatus {
  readonly label: string;
  readonly group: StatusGroup;
}

export type ChartResource =
  | Condition
  | AllergyIntolerance
  | MedicationRequest
  | MedicationStatement
  | Immunization
  | Procedure
  | Encounter
  | DiagnosticReport
  | DocumentReference
  | CarePlan
  | Goal;

type StatusTable = ReadonlyMap<string, ChartStatus>;

const status = (label: string, group: StatusGroup): ChartStatus => ({ label, group });
const ENTERED_IN_ERROR = status('Entered in error', 'entered-in-error');
const UNKNOWN = status('Status unknown', 'unknown');

// Maps, not objects: codes come from the server, and a code "constructor" must find nothing.
const table = (entries: [string, string, StatusGroup][]): StatusTable =>
  new Map([
    ...entries.map(([code, label, group]): [string, ChartStatus] => [code, status(label, group)]),
    ['entered-in-error', ENTERED_IN_ERROR],
    ['unknown', UNKNOWN],
  ]);

const CLINICAL = table([
  ['active', 'Active', 'active'],
  ['recurrence', 'Recurrence', 'active'],
  ['relapse', 'Relapse', 'active'],
  ['inactive', 'Inactive', 'inactive'],
  ['remission', 'Remission', 'inactive'],
  ['resolved', 'Resolved', 'inactive'],
]);

/** verificationStatus words added to the clinical status; confirmed needs none, the last two void it. */
const VERIFICATION: ReadonlyMap<string, string> = new Map([
  ['unconfirmed', 'unconfirmed'],
  ['provisional', 'provisional'],
  ['differential', 'differential'],
  ['confirmed', ''],
  ['refuted', ''],
  ['entered-in-error', ''],
]);

const MEDICATION_REQUEST = table([
  ['active', 'Active', 'active'],
  ['on-hold', 'On hold', 'active'],
  ['stopped', 'Stopped', 'inactive'],
  ['completed', 'Completed', 'inactive'],
  ['cancelled', 'Cancelled', 'inactive'],
  ['draft', 'Draft', 'inactive'],
]);

const MEDICATION_STATEMENT = table([
  ['active', 'Active', 'active'],
  ['intended', 'Intended', 'active'],
  ['on-hold', 'On hold', 'active'],
  ['completed', 'Completed', 'inactive'],
  ['stopped', 'Stopped', 'inactive'],
  ['not-taken', 'Not taken', 'inactive'],
]);

const IMMUNIZATION = table([
  ['completed', 'Completed', 'active'],
  ['not-done', 'Not done', 'inactive'],
]);

const PROCEDURE = table([
  ['preparation', 'In preparation', 'active'],
  ['in-progress', 'In progress', 'active'],
  ['on-hold', 'On hold', 'active'],
  ['completed', 'Completed', 'active'],
  ['not-done', 'Not done', 'inactive'],
  ['stopped', 'Stopped', 'inactive'],
]);

const ENCOUNTER = table([
  ['planned', 'Planned', 'active'],
  ['arrived', 'Arrived', 'active'],
  ['triaged', 'Triaged', 'active'],
  ['in-progress', 'In progress', 'active'],
  ['onleave', 'On leave', 'active'],
  ['finished', 'Finished', 'active'],
  ['cancelled', 'Cancelled', 'inactive'],
]);

const DIAGNOSTIC_REPORT = table([
  ['registered', 'Registered', 'active'],
  ['partial', 'Partial', 'active'],
  ['preliminary', 'Preliminary', 'active'],
  ['final', 'Final', 'active'],
  ['amended', 'Amended', 'active'],
  ['corrected', 'Corrected', 'active'],
  ['appended', 'Appended', 'active'],
  ['cancelled', 'Cancelled', 'inactive'],
]);

const DOCUMENT_REFERENCE = table([
  ['current', 'Current', 'active'],
  ['superseded', 'Superseded', 'inactive'],
]);

const CARE_PLAN = table([
  ['active', 'Active', 'active'],
  ['on-hold', 'On hold', 'active'],
  ['draft', 'Draft', 'inactive'],
  ['revoked', 'Revoked', 'inactive'],
  ['completed', 'Completed', 'inactive'],
]);

const GOAL = table([
  ['proposed', 'Proposed', 'active'],
  ['planned', 'Planned', 'active'],
  ['accepted', 'Accepted', 'active'],
  ['active', 'Active', 'active'],
  ['on-hold', 'On hold', 'active'],
  ['completed', 'Completed', 'inactive'],
  ['cancelled', 'Cancelled', 'inactive'],
  ['rejected', 'Rejected', 'inactive'],
]);

/** A status code looked up; one we do not know is shown as sent, in the unknown group. */
function lookUp(statusTable: StatusTable, code: string | undefined): ChartStatus {
  if (!code?.trim()) return UNKNOWN;
  return statusTable.get(code) ?? status(code, 'unknown');
}

/** The first coding code of a status concept that the table knows, else the concept's words. */
function conceptCode(concept: CodeableConcept | undefined, known: ReadonlyMap<string, unknown>) {
  return (
    concept?.coding?.map((c) => c.code ?? '').find((code) => known.has(code)) ??
    formatCodeableConcept(concept)
  );
}

/** With words after the status: "Active, unconfirmed". */
function qualified(base: ChartStatus, qualifiers: readonly string[]): ChartStatus {
  const words = qualifiers.filter(Boolean);
  return words.length ? status([base.label, ...words].join(', '), base.group) : base;
}

/** A reason a thing was not done or stopped: "Not done: Patient objection". */
function withReason(base: ChartStatus, reason: CodeableConcept | undefined): ChartStatus {
  const words = formatCodeableConcept(reason);
  return words ? status(`${base.label}: ${words}`, base.group) : base;
}

/** Condition and AllergyIntolerance: clinical status, overruled by a verification that voids it. */
function clinicalStatus(resource: Condition | AllergyIntolerance): ChartStatus {
  const verification = conceptCode(resource.verificationStatus, VERIFICATION);
  if (verification === 'entered-in-error') return ENTERED_IN_ERROR;
  if (verification === 'refuted') return status('Refuted', 'inactive');
  const clinical = conceptCode(resource.clinicalStatus, CLINICAL);
  const qualifier = VERIFICATION.get(verification) ?? verification;
  if (!clinical) {
    // Unverified with no clinical status: the verification is all there is to say.
    return qualifier ? status(qualifier[0].toUpperCase() + qualifier.slice(1), 'unknown') : UNKNOWN;
  }
  return qualified(lookUp(CLINICAL, clinical), [qualifier]);
}

const CRITICALITY: ReadonlyMap<string, string> = new Map([
  ['high', 'high criticality'],
  ['unable-to-assess', 'criticality not assessable'],
]);

export function statusOf(resource: ChartResource): ChartStatus {
  switch (resource.resourceType) {
    case 'Condition':
      return clinicalStatus(resource);
    case 'AllergyIntolerance': {
      const base = clinicalStatus(resource);
      if (base.group === 'entered-in-error') return base;
      return qualified(base, [CRITICALITY.get(resource.criticality ?? '') ?? '']);
    }
    case 'MedicationRequest':
      return withReason(lookUp(MEDICATION_REQUEST, resource.status), resource.statusReason);
    case 'MedicationStatement':
      return lookUp(MEDICATION_STATEMENT, resource.status);
    case 'Immunization': {
      const base = lookUp(IMMUNIZATION, resource.status);
      return resource.status === 'not-done' ? withReason(base, resource.statusReason) : base;
    }
    case 'Procedure': {
      const base = lookUp(PROCEDURE, resource.status);
      return base.group === 'inactive' ? withReason(base, resource.statusReason) : base;
    }
    case 'Encounter':
      return lookUp(ENCOUNTER, resource.status);
    case 'DiagnosticReport':
      return lookUp(DIAGNOSTIC_REPORT, resource.status);
    case 'DocumentReference':
      return lookUp(DOCUMENT_REFERENCE, resource.status);
    case 'CarePlan':
      return lookUp(CARE_PLAN, resource.status);
    case 'Goal':
      return qualified(lookUp(GOAL, resource.lifecycleStatus), [
        formatCodeableConcept(resource.achievementStatus).toLowerCase(),
      ]);
  }
}

const SNOMED = 'http://snomed.info/sct';
/** No known allergy, drug allergy, food allergy, environmental allergy. */
const NO_KNOWN_ALLERGY_CODES = ['716186003', '409137002', '429625007', '428607008'];
const NO_KNOWN_ALLERGY_TEXT =
  /^(nka|nkda|nkfa|no known (drug |food |environmental |medication )?allerg(y|ies))\.?$/i;

/**
 * A recorded "no known allergy" that still stands: a negation a clinician can rely on, unlike an
 * empty list, which only says nothing was recorded. A refuted, inactive or erroneous one is none.
 */
export function isNoKnownAllergy(allergy: AllergyIntolerance): boolean {
  const code = allergy.code;
  const negation =
    NO_KNOWN_ALLERGY_CODES.some((c) => hasCoding(code, SNOMED, c)) ||
    NO_KNOWN_ALLERGY_TEXT.test(code?.text?.trim() ?? '');
  const group = clinicalStatus(allergy).group;
  return negation && group !== 'inactive' && group !== 'entered-in-error';
}
