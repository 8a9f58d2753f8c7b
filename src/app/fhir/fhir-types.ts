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

export interface TimingRepeat {
  boundsPeriod?: Period;
  boundsDuration?: Quantity;
  count?: number;
  duration?: number;
  durationUnit?: string;
  frequency?: number;
  frequencyMax?: number;
  period?: number;
  periodMax?: number;
  periodUnit?: string;
  dayOfWeek?: string[];
  timeOfDay?: string[];
  when?: string[];
  offset?: number;
}

export interface Timing {
  event?: string[];
  repeat?: TimingRepeat;
  code?: CodeableConcept;
}

export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}

/** Age, Duration and the like: Quantities with a UCUM time unit. */
export type Age = Quantity;

export interface Annotation {
  authorReference?: Reference;
  authorString?: string;
  time?: string;
  text?: string;
}

export interface Attachment {
  contentType?: string;
  language?: string;
  /** base64 */
  data?: string;
  url?: string;
  size?: number;
  title?: string;
  creation?: string;
}

export interface Dosage {
  sequence?: number;
  text?: string;
  patientInstruction?: string;
  timing?: Timing;
  asNeededBoolean?: boolean;
  asNeededCodeableConcept?: CodeableConcept;
  site?: CodeableConcept;
  route?: CodeableConcept;
  method?: CodeableConcept;
  doseAndRate?: {
    type?: CodeableConcept;
    doseRange?: Range;
    doseQuantity?: Quantity;
    rateRatio?: Ratio;
    rateRange?: Range;
    rateQuantity?: Quantity;
  }[];
  maxDosePerPeriod?: Ratio;
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
  /** Resources carried inside this one, referenced as `#id`. */
  contained?: Resource[];
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
  encounter?: Reference;
  effectiveDateTime?: string;
  effectivePeriod?: Period;
  effectiveInstant?: string;
  effectiveTiming?: Timing;
  issued?: string;
  interpretation?: CodeableConcept[];
  referenceRange?: ReferenceRange[];
  component?: ObservationComponent[];
}

/** onset[x] and abatement[x] of Condition and AllergyIntolerance, by their suffix. */
export interface OnsetX {
  onsetDateTime?: string;
  onsetAge?: Age;
  onsetPeriod?: Period;
  onsetRange?: Range;
  onsetString?: string;
}

export interface AbatementX {
  abatementDateTime?: string;
  abatementAge?: Age;
  abatementPeriod?: Period;
  abatementRange?: Range;
  abatementString?: string;
}

export interface Condition extends Resource, OnsetX, AbatementX {
  resourceType: 'Condition';
  clinicalStatus?: CodeableConcept;
  verificationStatus?: CodeableConcept;
  category?: CodeableConcept[];
  severity?: CodeableConcept;
  code?: CodeableConcept;
  bodySite?: CodeableConcept[];
  subject?: Reference;
  encounter?: Reference;
  recordedDate?: string;
  recorder?: Reference;
  asserter?: Reference;
  note?: Annotation[];
}

export interface AllergyReaction {
  substance?: CodeableConcept;
  manifestation?: CodeableConcept[];
  description?: string;
  onset?: string;
  severity?: 'mild' | 'moderate' | 'severe';
  note?: Annotation[];
}

export interface AllergyIntolerance extends Resource, OnsetX {
  resourceType: 'AllergyIntolerance';
  clinicalStatus?: CodeableConcept;
  verificationStatus?: CodeableConcept;
  type?: 'allergy' | 'intolerance';
  category?: ('food' | 'medication' | 'environment' | 'biologic')[];
  criticality?: 'low' | 'high' | 'unable-to-assess';
  code?: CodeableConcept;
  patient?: Reference;
  encounter?: Reference;
  recordedDate?: string;
  recorder?: Reference;
  asserter?: Reference;
  lastOccurrence?: string;
  note?: Annotation[];
  reaction?: AllergyReaction[];
}

export interface Medication extends Resource {
  resourceType: 'Medication';
  code?: CodeableConcept;
  status?: string;
  form?: CodeableConcept;
}

export interface MedicationRequest extends Resource {
  resourceType: 'MedicationRequest';
  status?: string;
  statusReason?: CodeableConcept;
  intent?: string;
  category?: CodeableConcept[];
  medicationCodeableConcept?: CodeableConcept;
  medicationReference?: Reference;
  subject?: Reference;
  encounter?: Reference;
  authoredOn?: string;
  requester?: Reference;
  reasonCode?: CodeableConcept[];
  reasonReference?: Reference[];
  note?: Annotation[];
  dosageInstruction?: Dosage[];
}

export interface MedicationStatement extends Resource {
  resourceType: 'MedicationStatement';
  status?: string;
  medicationCodeableConcept?: CodeableConcept;
  medicationReference?: Reference;
  subject?: Reference;
  context?: Reference;
  effectiveDateTime?: string;
  effectivePeriod?: Period;
  dateAsserted?: string;
  note?: Annotation[];
  dosage?: Dosage[];
}

export interface Immunization extends Resource {
  resourceType: 'Immunization';
  status?: 'completed' | 'entered-in-error' | 'not-done';
  statusReason?: CodeableConcept;
  vaccineCode?: CodeableConcept;
  patient?: Reference;
  encounter?: Reference;
  occurrenceDateTime?: string;
  occurrenceString?: string;
  primarySource?: boolean;
  lotNumber?: string;
  site?: CodeableConcept;
  route?: CodeableConcept;
  doseQuantity?: Quantity;
  note?: Annotation[];
}

export interface Procedure extends Resource {
  resourceType: 'Procedure';
  status?: string;
  statusReason?: CodeableConcept;
  category?: CodeableConcept;
  code?: CodeableConcept;
  subject?: Reference;
  encounter?: Reference;
  performedDateTime?: string;
  performedPeriod?: Period;
  performedString?: string;
  performedAge?: Age;
  performedRange?: Range;
  reasonCode?: CodeableConcept[];
  reasonReference?: Reference[];
  bodySite?: CodeableConcept[];
  outcome?: CodeableConcept;
  note?: Annotation[];
}

export interface Encounter extends Resource {
  resourceType: 'Encounter';
  status?: string;
  class?: Coding;
  type?: CodeableConcept[];
  serviceType?: CodeableConcept;
  subject?: Reference;
  participant?: { type?: CodeableConcept[]; period?: Period; individual?: Reference }[];
  period?: Period;
  reasonCode?: CodeableConcept[];
  reasonReference?: Reference[];
  hospitalization?: { dischargeDisposition?: CodeableConcept };
  location?: { location?: Reference; status?: string; period?: Period }[];
  serviceProvider?: Reference;
}

export interface Location extends Resource {
  resourceType: 'Location';
  name?: string;
  description?: string;
}

export interface DiagnosticReport extends Resource {
  resourceType: 'DiagnosticReport';
  status?: string;
  category?: CodeableConcept[];
  code?: CodeableConcept;
  subject?: Reference;
  encounter?: Reference;
  effectiveDateTime?: string;
  effectivePeriod?: Period;
  issued?: string;
  performer?: Reference[];
  result?: Reference[];
  conclusion?: string;
  conclusionCode?: CodeableConcept[];
  presentedForm?: Attachment[];
}

export interface DocumentReference extends Resource {
  resourceType: 'DocumentReference';
  status?: 'current' | 'superseded' | 'entered-in-error';
  docStatus?: string;
  type?: CodeableConcept;
  category?: CodeableConcept[];
  subject?: Reference;
  date?: string;
  author?: Reference[];
  description?: string;
  content?: { attachment?: Attachment; format?: Coding }[];
  context?: { encounter?: Reference[]; period?: Period };
}

export interface CarePlan extends Resource {
  resourceType: 'CarePlan';
  status?: string;
  intent?: string;
  category?: CodeableConcept[];
  title?: string;
  description?: string;
  subject?: Reference;
  encounter?: Reference;
  period?: Period;
  created?: string;
  addresses?: Reference[];
  goal?: Reference[];
  activity?: { detail?: { code?: CodeableConcept; status?: string; description?: string } }[];
  note?: Annotation[];
}

export interface Goal extends Resource {
  resourceType: 'Goal';
  lifecycleStatus?: string;
  achievementStatus?: CodeableConcept;
  category?: CodeableConcept[];
  description?: CodeableConcept;
  subject?: Reference;
  startDate?: string;
  target?: {
    measure?: CodeableConcept;
    detailQuantity?: Quantity;
    detailRange?: Range;
    detailString?: string;
    dueDate?: string;
  }[];
  addresses?: Reference[];
  note?: Annotation[];
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
  /** FHIRPath of what the issue is about; our own notes name a search parameter here (`_sort`). */
  expression?: string[];
}

export interface OperationOutcome extends Resource {
  resourceType: 'OperationOutcome';
  issue?: OperationOutcomeIssue[];
}
