import { AllergyIntolerance, CodeableConcept, Condition } from './fhir-types';
import { formatCodeableConcept } from './format-datatypes';
import { lookupTable } from './lookup-table';

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

/** A type's status codes in words, each with its group (chart/sections/ hold one each). */
export type StatusTable = ReadonlyMap<string, ChartStatus>;

export const chartStatus = (label: string, group: StatusGroup): ChartStatus => ({ label, group });
export const ENTERED_IN_ERROR = chartStatus('Entered in error', 'entered-in-error');
const UNKNOWN = chartStatus('Status unknown', 'unknown');

/** A status table: every type's own codes, and the two that mean the same in every R4 value set. */
export const statusTable = (entries: [code: string, label: string, group: StatusGroup][]) =>
  lookupTable([
    ...entries.map(([code, label, group]): [string, ChartStatus] => [
      code,
      chartStatus(label, group),
    ]),
    ['entered-in-error', ENTERED_IN_ERROR],
    ['unknown', UNKNOWN],
  ]);

/** A status code looked up; one we do not know is shown as sent, in the unknown group. */
export function lookUpStatus(table: StatusTable, code: string | undefined): ChartStatus {
  if (!code?.trim()) return UNKNOWN;
  return table.get(code) ?? chartStatus(code, 'unknown');
}

/** With words after the status: "Active, unconfirmed". */
export function qualified(base: ChartStatus, qualifiers: readonly string[]): ChartStatus {
  const words = qualifiers.filter(Boolean);
  return words.length ? chartStatus([base.label, ...words].join(', '), base.group) : base;
}

/** A reason a thing was not done or stopped: "Not done: Patient objection". */
export function withReason(base: ChartStatus, reason: CodeableConcept | undefined): ChartStatus {
  const words = formatCodeableConcept(reason);
  return words ? chartStatus(`${base.label}: ${words}`, base.group) : base;
}

const CLINICAL = statusTable([
  ['active', 'Active', 'active'],
  ['recurrence', 'Recurrence', 'active'],
  ['relapse', 'Relapse', 'active'],
  ['inactive', 'Inactive', 'inactive'],
  ['remission', 'Remission', 'inactive'],
  ['resolved', 'Resolved', 'inactive'],
]);

/** verificationStatus words added to the clinical status; confirmed needs none, the last two void it. */
const VERIFICATION = lookupTable([
  ['unconfirmed', 'unconfirmed'],
  ['provisional', 'provisional'],
  ['differential', 'differential'],
  ['confirmed', ''],
  ['refuted', ''],
  ['entered-in-error', ''],
]);

/** The first coding code of a status concept that the table knows, else the concept's words. */
function conceptCode(concept: CodeableConcept | undefined, known: ReadonlyMap<string, unknown>) {
  return (
    concept?.coding?.map((c) => c.code ?? '').find((code) => known.has(code)) ??
    formatCodeableConcept(concept)
  );
}

/** Condition and AllergyIntolerance: clinical status, overruled by a verification that voids it. */
export function clinicalStatus(resource: Condition | AllergyIntolerance): ChartStatus {
  const verification = conceptCode(resource.verificationStatus, VERIFICATION);
  if (verification === 'entered-in-error') return ENTERED_IN_ERROR;
  if (verification === 'refuted') return chartStatus('Refuted', 'inactive');
  const clinical = conceptCode(resource.clinicalStatus, CLINICAL);
  const qualifier = VERIFICATION.get(verification) ?? verification;
  if (!clinical) {
    // Unverified with no clinical status: the verification is all there is to say.
    return qualifier
      ? chartStatus(qualifier[0].toUpperCase() + qualifier.slice(1), 'unknown')
      : UNKNOWN;
  }
  return qualified(lookUpStatus(CLINICAL, clinical), [qualifier]);
}
