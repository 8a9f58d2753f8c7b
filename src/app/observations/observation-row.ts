import { CodeableConcept, Observation, ObservationStatus, Quantity } from '../fhir/fhir-types';
import { bloodPressure } from '../fhir/blood-pressure';
import { NO_VALUE, displayUnit, formatCodeableConcept } from '../fhir/format-datatypes';
import {
  formatEffective,
  formatObservationValue,
  formatReferenceRange,
  observationTime,
} from '../fhir/format-observation';
import { InterpretationFlag, interpretationFlags } from '../fhir/interpretation';
import { loincCodes } from '../fhir/loinc';
import { lookupTable } from '../fhir/lookup-table';

export type CategoryKey = 'vital-signs' | 'laboratory' | 'social-history' | 'survey' | 'other';

export const CATEGORY_LABELS: Record<CategoryKey, string> = {
  'vital-signs': 'Vital signs',
  laboratory: 'Laboratory',
  'social-history': 'Social history',
  survey: 'Survey',
  other: 'Other',
};

/** The categories a user can filter by: "other" is our bucket for uncategorised data, not a FHIR category. */
export type SearchableCategory = Exclude<CategoryKey, 'other'>;
export const SEARCHABLE_CATEGORIES: readonly SearchableCategory[] = [
  'vital-signs',
  'laboratory',
  'social-history',
  'survey',
];

/** A numeric point for trends: a plain quantity, or systolic/diastolic of a BP panel. */
export interface NumericValue {
  readonly value: number;
  /** "<" for "< 5": the value is a limit, not a measurement. */
  readonly comparator?: QuantityComparator;
  readonly secondValue?: number;
  readonly secondComparator?: QuantityComparator;
  readonly unit: string;
}

/** One observation as the tables show it: every field already text. */
export interface ObservationRow {
  readonly id: string;
  readonly code: string;
  readonly loinc: string[];
  readonly value: string;
  readonly date: string;
  readonly time: number;
  readonly status: ObservationStatus | 'unknown';
  /** Words for a status clinicians must notice; '' for final/amended/corrected. */
  readonly statusNote: string;
  readonly flags: InterpretationFlag[];
  readonly referenceRange: string;
  readonly category: CategoryKey;
  readonly numeric: NumericValue | undefined;
}

const STATUS_NOTES = lookupTable<string>([
  ['preliminary', 'Preliminary'],
  ['registered', 'Registered'],
  ['cancelled', 'Cancelled'],
  ['entered-in-error', 'Entered in error'],
  ['unknown', 'Status unknown'],
]);

export function observationCategory(categories: CodeableConcept[] | undefined): CategoryKey {
  const codes = (categories ?? []).flatMap((c) => (c.coding ?? []).map((coding) => coding.code));
  const known = (Object.keys(CATEGORY_LABELS) as CategoryKey[]).find((key) => codes.includes(key));
  return known ?? 'other';
}

type QuantityComparator = NonNullable<Quantity['comparator']>;

export function numericValue(observation: Observation): NumericValue | undefined {
  const quantity = observation.valueQuantity;
  if (quantity?.value !== undefined && Number.isFinite(quantity.value)) {
    return {
      value: quantity.value,
      ...(quantity.comparator ? { comparator: quantity.comparator } : {}),
      unit: displayUnit(quantity.unit ?? quantity.code),
    };
  }
  const reading = bloodPressure(observation.component);
  if (reading) {
    const { systolic, diastolic } = reading;
    return {
      value: systolic.value,
      ...(systolic.comparator ? { comparator: systolic.comparator } : {}),
      secondValue: diastolic.value,
      ...(diastolic.comparator ? { secondComparator: diastolic.comparator } : {}),
      unit: reading.unit,
    };
  }
  return undefined;
}

/** A BP panel often flags both the panel and its parts; say "High" once. */
function uniqueFlags(flags: InterpretationFlag[]): InterpretationFlag[] {
  return flags.filter((flag, index) => flags.findIndex((f) => f.label === flag.label) === index);
}

export function toObservationRow(observation: Observation): ObservationRow {
  const status = observation.status ?? 'unknown';
  const componentFlags = (observation.component ?? []).flatMap((c) =>
    interpretationFlags(c.interpretation),
  );
  return {
    id: observation.id ?? '',
    code: formatCodeableConcept(observation.code) || 'Unknown code',
    loinc: loincCodes(observation.code),
    value: formatObservationValue(observation) || NO_VALUE,
    date: formatEffective(observation),
    time: observationTime(observation),
    status,
    statusNote: STATUS_NOTES.get(status) ?? '',
    flags: uniqueFlags([...interpretationFlags(observation.interpretation), ...componentFlags]),
    referenceRange: formatReferenceRange(observation.referenceRange),
    category: observationCategory(observation.category),
    numeric: numericValue(observation),
  };
}
