import { Patient } from './fhir-types';
import {
  NO_VALUE,
  ageInYears,
  formatDateTime,
  formatGender,
  formatHumanName,
  medicalRecordNumber,
  preferredName,
} from './format-datatypes';

/** The MRN identifier system of the local stack (CONTRACT.md); type MR is matched everywhere. */
export const MRN_SYSTEM = 'urn:oid:2.16.840.1.113883.19.5';

/** A patient as the list and banner show it: every field already text, never undefined. */
export interface PatientSummary {
  readonly id: string;
  readonly name: string;
  readonly gender: string;
  readonly birthDate: string;
  readonly age: string;
  readonly mrn: string;
  readonly deceased: boolean;
  readonly deceasedDate: string;
}

export function toPatientSummary(patient: Patient, today = new Date()): PatientSummary {
  const age =
    patient.deceasedDateTime || patient.deceasedBoolean
      ? undefined
      : ageInYears(patient.birthDate, today);
  return {
    id: patient.id ?? '',
    name: formatHumanName(preferredName(patient.name)) || 'Unnamed patient',
    gender: formatGender(patient.gender) || NO_VALUE,
    birthDate: formatDateTime(patient.birthDate) || NO_VALUE,
    age: age === undefined ? NO_VALUE : `${age} y`,
    mrn: medicalRecordNumber(patient.identifier, MRN_SYSTEM) ?? NO_VALUE,
    deceased: patient.deceasedBoolean === true || !!patient.deceasedDateTime,
    deceasedDate: formatDateTime(patient.deceasedDateTime),
  };
}
