import { DIASTOLIC, SYSTOLIC } from '../fhir/blood-pressure';
import { formatClinicalQuantityValue } from '../fhir/clinical-precision';
import { Observation, ObservationStatus } from '../fhir/fhir-types';
import { NO_VALUE } from '../fhir/format-datatypes';
import { formatObservationValue } from '../fhir/format-observation';
import { InterpretationFlag } from '../fhir/interpretation';
import { ObservationRow } from './observation-row';

/** One observation on its way into a flowsheet cell, with the column it falls in. */
export interface Reading {
  readonly observation: Observation;
  readonly row: ObservationRow;
  /** The column's key (see columnKey); '' without a date. */
  readonly key: string;
}

export interface FlowsheetCell {
  /** The value as shown; without the unit when the row header states it. */
  readonly text: string;
  /** The value as the server sent it, unit included, for the cell's title and description. */
  readonly exact: string;
  readonly flags: InterpretationFlag[];
  readonly status: ObservationStatus | 'unknown';
  /** Words for a status other than final/amended/corrected, e.g. "Preliminary"; '' otherwise. */
  readonly statusNote: string;
  /** Observations of this measurement in the column: the cell shows the latest. */
  readonly count: number;
  /** "62–118" (for blood pressure "98–142/55–88"): the lowest and highest when they differ; else ''. */
  readonly range: string;
  /** How many of the column's readings are flagged abnormal or critical, when it holds more than one. */
  readonly flagged: number;
}

/** The value as a clinician reads it; the clinical-precision formatter (BP 129/81) belongs here. */
const readableValue = (observation: Observation) => formatObservationValue(observation) || NO_VALUE;

/** A cancelled or erroneous reading is the one shown only when the column has no other. */
const usable = (reading: Reading) =>
  reading.row.status !== 'cancelled' && reading.row.status !== 'entered-in-error';

export function latestFirst(a: Reading, b: Reading): number {
  return Number(usable(b)) - Number(usable(a)) || b.row.time - a.row.time;
}

/** The unit all of a row's numbers share, or '' when they differ or none has one. */
export function sharedUnit(readings: readonly Reading[]): string {
  const units = new Set(readings.flatMap((r) => (r.row.numeric ? [r.row.numeric.unit] : [])));
  const [unit] = units;
  return units.size === 1 && unit ? unit : '';
}

/** "62–118" (or "70" when all are the same) at the precision a clinician reads `loinc`. */
function bounds(values: readonly number[], loinc: readonly string[]) {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const text = (value: number) => formatClinicalQuantityValue({ value }, loinc);
  return { text: low === high ? text(low) : `${text(low)}–${text(high)}`, spread: low !== high };
}

/** The lowest and highest of the usable readings that are numbers; '' when they do not differ. */
function rangeOf(readings: readonly Reading[]): string {
  const numeric = readings.filter(usable).flatMap((r) => (r.row.numeric ? [r.row] : []));
  if (numeric.length < 2) return '';
  const first = numeric.map((r) => r.numeric?.value ?? 0);
  const second = numeric.flatMap((r) =>
    r.numeric?.secondValue === undefined ? [] : [r.numeric.secondValue],
  );
  // Blood pressure: systolic and diastolic each, at their own precision.
  const parts =
    second.length > 0
      ? [bounds(first, [SYSTOLIC]), bounds(second, [DIASTOLIC])]
      : [bounds(first, numeric[0]?.loinc ?? [])];
  return parts.some((part) => part.spread) ? parts.map((part) => part.text).join('/') : '';
}

/** A column's readings of one measurement, latest first (see latestFirst), as its cell. */
export function toCell(readings: Reading[], unit: string): FlowsheetCell {
  const [latest] = readings;
  const text = readableValue(latest.observation);
  const abnormal = (r: Reading) =>
    r.row.flags.some((flag) => flag.severity === 'abnormal' || flag.severity === 'critical');
  return {
    text: unit && text.endsWith(` ${unit}`) ? text.slice(0, -unit.length - 1) : text,
    exact: latest.row.value,
    flags: latest.row.flags,
    status: latest.row.status,
    statusNote: latest.row.statusNote,
    count: readings.length,
    range: readings.length > 1 ? rangeOf(readings) : '',
    flagged: readings.length > 1 ? readings.filter(usable).filter(abnormal).length : 0,
  };
}
