import { BLOOD_PRESSURE_PANELS } from '../fhir/blood-pressure';
import { NO_VALUE } from '../fhir/format-datatypes';
import { ObservationRow } from './observation-row';

/** The vital signs the summary shows, keyed on LOINC (any listed code matches). */
export const VITAL_SIGNS: readonly { readonly label: string; readonly loinc: readonly string[] }[] =
  [
    { label: 'Blood pressure', loinc: BLOOD_PRESSURE_PANELS },
    { label: 'Heart rate', loinc: ['8867-4'] },
    { label: 'Respiratory rate', loinc: ['9279-1'] },
    { label: 'Temperature', loinc: ['8310-5'] },
    { label: 'SpO2', loinc: ['2708-6', '59408-5'] },
    { label: 'Weight', loinc: ['29463-7'] },
    { label: 'Height', loinc: ['8302-2'] },
    { label: 'BMI', loinc: ['39156-5'] },
  ];

export interface LatestVital {
  readonly label: string;
  readonly row: ObservationRow;
}

/** The newest usable row for each vital sign; cancelled and erroneous ones never count. */
export function latestVitals(rows: readonly ObservationRow[]): LatestVital[] {
  const usable = rows.filter(
    (row) =>
      row.status !== 'entered-in-error' && row.status !== 'cancelled' && row.value !== NO_VALUE,
  );
  return VITAL_SIGNS.flatMap((vital) => {
    const newest = usable
      .filter((row) => row.loinc.some((code) => vital.loinc.includes(code)))
      .reduce<ObservationRow | undefined>(
        (best, row) => (!best || row.time > best.time ? row : best),
        undefined,
      );
    return newest ? [{ label: vital.label, row: newest }] : [];
  });
}
