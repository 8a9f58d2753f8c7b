import { CodeableConcept } from './fhir-types';
import { formatCodeableConcept } from './format-datatypes';
import { lookupTable } from './lookup-table';

export type InterpretationSeverity = 'normal' | 'abnormal' | 'critical' | 'unknown';

/** An interpretation flag as shown to users: always words, never colour alone. */
export interface InterpretationFlag {
  readonly code: string;
  readonly label: string;
  readonly severity: InterpretationSeverity;
}

type KnownFlag = Omit<InterpretationFlag, 'code'>;

// HL7 v3 ObservationInterpretation codes the UI distinguishes.
const KNOWN_FLAGS = lookupTable<KnownFlag>([
  ['N', { label: 'Normal', severity: 'normal' }],
  ['H', { label: 'High', severity: 'abnormal' }],
  ['L', { label: 'Low', severity: 'abnormal' }],
  ['HU', { label: 'Significantly high', severity: 'abnormal' }],
  ['LU', { label: 'Significantly low', severity: 'abnormal' }],
  ['HH', { label: 'Critically high', severity: 'critical' }],
  ['LL', { label: 'Critically low', severity: 'critical' }],
  ['A', { label: 'Abnormal', severity: 'abnormal' }],
  ['AA', { label: 'Critically abnormal', severity: 'critical' }],
  ['>', { label: 'Above measurable range', severity: 'abnormal' }],
  ['<', { label: 'Below measurable range', severity: 'abnormal' }],
  ['POS', { label: 'Positive', severity: 'abnormal' }],
  ['NEG', { label: 'Negative', severity: 'normal' }],
  ['DET', { label: 'Detected', severity: 'abnormal' }],
  ['ND', { label: 'Not detected', severity: 'normal' }],
]);

export function interpretationFlags(
  interpretations: CodeableConcept[] | undefined,
): InterpretationFlag[] {
  return (interpretations ?? [])
    .map((concept): InterpretationFlag | undefined => {
      for (const { code = '' } of concept.coding ?? []) {
        const known = KNOWN_FLAGS.get(code);
        if (known) return { code, ...known };
      }
      const label = formatCodeableConcept(concept);
      return label ? { code: label, label, severity: 'unknown' } : undefined;
    })
    .filter((flag): flag is InterpretationFlag => flag !== undefined);
}
