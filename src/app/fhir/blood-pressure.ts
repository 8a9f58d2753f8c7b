import { Precision, formatClinicalQuantityValue } from './clinical-precision';
import { ObservationComponent, Quantity } from './fhir-types';
import { displayUnit } from './format-datatypes';
import { loincCodes } from './loinc';

/**
 * Everything the app knows about blood pressure: which LOINC panels carry one, where its two numbers
 * are, and how clinicians write it. Tables, latest vitals and trends all read it from here.
 */

/** Panels whose systolic and diastolic components make one reading (the vital-signs profile's, and the older one). */
export const BLOOD_PRESSURE_PANELS: readonly string[] = ['85354-9', '55284-4'];
export const SYSTOLIC = '8480-6';
export const DIASTOLIC = '8462-4';

type ReadingPart = Quantity & { readonly value: number };

export interface BloodPressure {
  readonly systolic: ReadingPart;
  readonly diastolic: ReadingPart;
  /** The unit as shown ("mmHg"), '' when neither part states one. */
  readonly unit: string;
}

/** A panel's reading, when both its systolic and diastolic components hold a number. */
export function bloodPressure(
  components: readonly ObservationComponent[] | undefined,
): BloodPressure | undefined {
  const part = (loinc: string) =>
    components?.find((c) => loincCodes(c.code).includes(loinc))?.valueQuantity;
  const systolic = part(SYSTOLIC);
  const diastolic = part(DIASTOLIC);
  if (systolic?.value === undefined || diastolic?.value === undefined) return undefined;
  return {
    systolic: { ...systolic, value: systolic.value },
    diastolic: { ...diastolic, value: diastolic.value },
    unit: displayUnit(systolic.unit ?? systolic.code ?? diastolic.unit ?? diastolic.code),
  };
}

type ReadingNumber = Pick<Quantity, 'value' | 'comparator' | 'unit' | 'code'>;

/**
 * "120/80" without the unit, in whole mmHg unless `exact` (Synthea's 129.368/80.8069 reads
 * 129/81); a limit keeps its comparator and its number ("< 90/60"), since it is no measurement.
 */
export function formatBloodPressureReading(
  systolic: ReadingNumber,
  diastolic: ReadingNumber,
  as: Precision = 'clinical',
): string {
  return `${formatClinicalQuantityValue(systolic, [SYSTOLIC], as)}/${formatClinicalQuantityValue(diastolic, [DIASTOLIC], as)}`;
}

/** Blood pressure as clinicians write it ("120/80 mmHg"), or '' when the panel lacks a part. */
export function formatBloodPressure(
  components: readonly ObservationComponent[] | undefined,
  as: Precision = 'clinical',
): string {
  const reading = bloodPressure(components);
  if (!reading) return '';
  const text = formatBloodPressureReading(reading.systolic, reading.diastolic, as);
  return reading.unit ? `${text} ${reading.unit}` : text;
}
