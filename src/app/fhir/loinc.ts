import { CodeableConcept } from './fhir-types';

export const LOINC = 'http://loinc.org';

/** The LOINC codes of a concept (codes without a system are accepted: many servers omit it). */
export function loincCodes(concept: CodeableConcept | undefined): string[] {
  return (concept?.coding ?? [])
    .filter((c) => (c.system === undefined || c.system === LOINC) && c.code)
    .map((c) => c.code as string);
}
