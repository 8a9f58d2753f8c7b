import {
  AllergyIntolerance,
  CarePlan,
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

export type StatusGroup = 'active' | 'inactive' | 'entered-in-error' | 'unknown';

/** A chart entry's status in words, and the group every section filters by. */
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

export function statusOf(resource: ChartResource): ChartStatus {
  void resource;
  return { label: 'Status unknown', group: 'unknown' };
}

/** A recorded "no known allergy" (a negation), as opposed to an allergy or to nothing recorded. */
export function isNoKnownAllergy(allergy: AllergyIntolerance): boolean {
  void allergy;
  return false;
}
