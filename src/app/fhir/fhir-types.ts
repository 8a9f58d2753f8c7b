/**
 * The subset of FHIR R4 types the app reads. Every field is optional because real servers
 * omit almost anything; formatting functions must cope with that.
 */

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Quantity {
  value?: number;
  comparator?: '<' | '<=' | '>=' | '>';
  unit?: string;
  system?: string;
  code?: string;
}

export interface Range {
  low?: Quantity;
  high?: Quantity;
}

export interface Ratio {
  numerator?: Quantity;
  denominator?: Quantity;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface SampledData {
  origin?: Quantity;
  period?: number;
  factor?: number;
  dimensions?: number;
  data?: string;
}

export interface Timing {
  event?: string[];
  repeat?: { boundsPeriod?: Period; frequency?: number; period?: number; periodUnit?: string };
  code?: CodeableConcept;
}

export interface Reference {
  reference?: string;
  display?: string;
}

export interface HumanName {
  use?: string;
  text?: string;
  family?: string;
  given?: string[];
  prefix?: string[];
  suffix?: string[];
  period?: Period;
}

export interface Identifier {
  use?: string;
  type?: CodeableConcept;
  system?: string;
  value?: string;
}

export interface Resource {
  resourceType: string;
  id?: string;
}

export interface Patient extends Resource {
  resourceType: 'Patient';
  name?: HumanName[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
  identifier?: Identifier[];
  deceasedBoolean?: boolean;
  deceasedDateTime?: string;
}

/** The value[x] choices of Observation.value and Observation.component.value. */
export interface ObservationValue {
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
  valueString?: string;
  valueBoolean?: boolean;
  valueInteger?: number;
  valueRange?: Range;
  valueRatio?: Ratio;
  valueSampledData?: SampledData;
  valueTime?: string;
  valueDateTime?: string;
  valuePeriod?: Period;
  dataAbsentReason?: CodeableConcept;
}

export interface ReferenceRange {
  low?: Quantity;
  high?: Quantity;
  type?: CodeableConcept;
  text?: string;
}

export interface ObservationComponent extends ObservationValue {
  code?: CodeableConcept;
  interpretation?: CodeableConcept[];
  referenceRange?: ReferenceRange[];
}

export type ObservationStatus =
  | 'registered'
  | 'preliminary'
  | 'final'
  | 'amended'
  | 'corrected'
  | 'cancelled'
  | 'entered-in-error'
  | 'unknown';

export interface Observation extends Resource, ObservationValue {
  resourceType: 'Observation';
  status?: ObservationStatus;
  category?: CodeableConcept[];
  code?: CodeableConcept;
  subject?: Reference;
  effectiveDateTime?: string;
  effectivePeriod?: Period;
  effectiveInstant?: string;
  effectiveTiming?: Timing;
  issued?: string;
  interpretation?: CodeableConcept[];
  referenceRange?: ReferenceRange[];
  component?: ObservationComponent[];
}

export interface BundleLink {
  relation?: string;
  url?: string;
}

export interface BundleEntry<T extends Resource> {
  fullUrl?: string;
  resource?: T;
  search?: { mode?: 'match' | 'include' | 'outcome' };
}

export interface Bundle<T extends Resource = Resource> extends Resource {
  resourceType: 'Bundle';
  type?: string;
  total?: number;
  link?: BundleLink[];
  entry?: BundleEntry<T>[];
}

export interface OperationOutcomeIssue {
  severity?: string;
  code?: string;
  diagnostics?: string;
  details?: CodeableConcept;
}

export interface OperationOutcome extends Resource {
  resourceType: 'OperationOutcome';
  issue?: OperationOutcomeIssue[];
}
