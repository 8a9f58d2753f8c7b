/** Small builders for the FHIR data types the generator emits. */
import type {
  CodeableConcept,
  Quantity,
  Reference,
  ReferenceRange,
} from '../../src/app/fhir/fhir-types.ts';

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const SNOMED = 'http://snomed.info/sct';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
export const MRN_SYSTEM = 'urn:oid:2.16.840.1.113883.19.5';
export const IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const CVX = 'http://hl7.org/fhir/sid/cvx';
export const TERMINOLOGY = 'http://terminology.hl7.org/CodeSystem';

export function concept(system: string, code: string, display: string): CodeableConcept {
  return { coding: [{ system, code, display }], text: display };
}

/**
 * An entry of the seed's vocabulary (catalog.ts, chart-catalog.ts): a code with the system it comes
 * from, so each table names its system once, by the builder its entries are made with.
 */
export interface Code {
  system: string;
  code: string;
  display: string;
}

const codeIn =
  (system: string) =>
  (code: string, display: string): Code => ({ system, code, display });
export const snomed = codeIn(SNOMED);
export const loinc = codeIn(LOINC);
export const rxnorm = codeIn(RXNORM);
export const cvx = codeIn(CVX);

export function conceptOf(entry: Code): CodeableConcept {
  return concept(entry.system, entry.code, entry.display);
}

/** A code from one of the HL7 terminology code systems, e.g. `condition-clinical`. */
export function hl7(codeSystem: string, code: string, display: string): CodeableConcept {
  return concept(`${TERMINOLOGY}/${codeSystem}`, code, display);
}

export function reference(type: string, id: string): Reference & { reference: string } {
  return { reference: `${type}/${id}` };
}

/** A FHIR instant to the second, as the observations carry it. */
export function instant(when: Date): string {
  return new Date(Math.floor(when.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function day(when: Date): string {
  return when.toISOString().slice(0, 10);
}

export function quantity(value: number, unit: string): Quantity {
  return { value, unit, system: UCUM, code: unit };
}

export function categoryOf(category: 'vital-signs' | 'laboratory'): CodeableConcept[] {
  const display = category === 'vital-signs' ? 'Vital Signs' : 'Laboratory';
  return [concept(OBSERVATION_CATEGORY, category, display)];
}

export function referenceRange(
  range: { low?: number; high?: number } | undefined,
  unit: string,
): ReferenceRange[] | undefined {
  if (!range || (range.low === undefined && range.high === undefined)) return undefined;
  const out: ReferenceRange = {};
  if (range.low !== undefined) out['low'] = quantity(range.low, unit);
  if (range.high !== undefined) out['high'] = quantity(range.high, unit);
  return [out];
}

/** H or L when the value leaves the range; nothing for normal values (as most labs report). */
export function interpretation(
  value: number,
  range: { low?: number; high?: number } | undefined,
): CodeableConcept[] | undefined {
  if (range?.high !== undefined && value > range.high) {
    return [concept(INTERPRETATION, 'H', 'High')];
  }
  if (range?.low !== undefined && value < range.low) {
    return [concept(INTERPRETATION, 'L', 'Low')];
  }
  return undefined;
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function pad(n: number, width = 4): string {
  return String(n).padStart(width, '0');
}
