import type { ClinicalType } from '../search/clinical.ts';

type Json = Record<string, unknown>;

/**
 * Whose record a resource is: the one element of each patient-bound type that names its patient
 * (FHIR R4 Patient CompartmentDefinition: `patient` for AllergyIntolerance and Immunization, the
 * element R4's `patient` search parameter reads, `subject`, for the others). A Patient is its own.
 * Reads, searches, `_include` and the importer all take the patient from `compartmentOf` and from
 * nothing else, so they cannot disagree. A new patient-bound type is one entry here (the compiler
 * asks for it once the type is in `clinicalTypes`).
 *
 * R4 also puts a resource in the compartment of a Patient who recorded, asserted, authored or
 * performed it (AllergyIntolerance.recorder, Condition.asserter, Observation.performer, ...). This
 * server does not: one stray reference would then open another patient's record to that patient.
 * Those elements, like any other, may name only the resource's own patient (`strayPatientReference`).
 */
export const patientElement = {
  Observation: 'subject',
  Condition: 'subject',
  AllergyIntolerance: 'patient',
  MedicationRequest: 'subject',
  MedicationStatement: 'subject',
  Immunization: 'patient',
  Procedure: 'subject',
  Encounter: 'subject',
  DiagnosticReport: 'subject',
  DocumentReference: 'subject',
  CarePlan: 'subject',
  Goal: 'subject',
  FamilyMemberHistory: 'patient',
} as const satisfies Record<'Observation' | ClinicalType, 'subject' | 'patient'>;

export type PatientBoundType = keyof typeof patientElement;

export function isPatientBound(type: string): type is PatientBoundType {
  return Object.hasOwn(patientElement, type);
}

const patientRef = /^Patient\/([A-Za-z0-9\-.]{1,64})$/;
/** Any reference that names a Patient: relative or absolute, with or without a version. */
const namesPatient = /(?:^|\/)Patient\/([^/?#]+)(?:\/_history\/[^/?#]*)?$/;

/** The id a Reference names when it is exactly `Patient/[id]`; anything else names no patient. */
export function patientIdOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const reference = (value as { reference?: unknown }).reference;
  return typeof reference === 'string' ? patientRef.exec(reference)?.[1] : undefined;
}

/** The patient whose record this is, or undefined for shared types and resources naming none. */
export function compartmentOf(resource: Json): string | undefined {
  const type = String(resource['resourceType']);
  if (type === 'Patient') {
    const id = resource['id'];
    return typeof id === 'string' ? id : undefined;
  }
  return isPatientBound(type) ? patientIdOf(resource[patientElement[type]]) : undefined;
}

/**
 * The first element (`Immunization.subject`, `CarePlan.activity[0].detail.performer[0]`) whose
 * reference names a Patient other than the resource's own, if any. Patients are left alone: their
 * `link` names other patients by design.
 */
export function strayPatientReference(resource: Json): string | undefined {
  const type = String(resource['resourceType']);
  if (!isPatientBound(type)) return undefined;
  const own = compartmentOf(resource);
  // Iterative, like the depth check: the Bundle's depth is bounded, but no recursion is needed.
  const stack: [unknown, string][] = [[resource, type]];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, string];
    if (!value || typeof value !== 'object') continue;
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [`${path}[${i}]`, v])
      : Object.entries(value).map(([k, v]) => [`${path}.${k}`, v]);
    for (const [childPath, child] of entries.reverse()) {
      if (childPath.endsWith('.reference') && typeof child === 'string') {
        const id = namesPatient.exec(child)?.[1];
        if (id !== undefined && id !== own) return childPath.slice(0, -'.reference'.length);
      } else stack.push([child, childPath]);
    }
  }
  return undefined;
}
