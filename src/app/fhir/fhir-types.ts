/**
 * The FHIR R4 types the app, the seed, the test servers and the tools read: the standard ones
 * (`@types/fhir`, types only, nothing in the bundle), each wrapped in `Lenient`, because real servers
 * omit almost anything, required or not; formatting functions must cope with that.
 *
 * Node imports this file too (seed, test support, e2e, doctor), so it imports only types.
 */
import type * as R4 from 'fhir/r4';

/**
 * What a server may send of `T`: every element optional, all the way down, but `resourceType`, which
 * every resource carries and the app switches on. Codes keep their R4 value sets (a status is one of
 * the codes R4 defines); an unknown one that a server sends anyway is read as unknown where it is shown.
 */
export type Lenient<T> = T extends string | number | boolean
  ? T
  : T extends readonly (infer Item)[]
    ? Lenient<Item>[]
    : T extends { readonly resourceType: infer Type }
      ? { readonly resourceType: Type } & {
          [K in Exclude<keyof T, 'resourceType'>]?: Lenient<T[K]>;
        }
      : { [K in keyof T]?: Lenient<T[K]> };

export type Annotation = Lenient<R4.Annotation>;
export type Attachment = Lenient<R4.Attachment>;
export type CodeableConcept = Lenient<R4.CodeableConcept>;
export type Coding = Lenient<R4.Coding>;
export type Dosage = Lenient<R4.Dosage>;
export type HumanName = Lenient<R4.HumanName>;
export type Identifier = Lenient<R4.Identifier>;
export type Meta = Lenient<R4.Meta>;
export type Period = Lenient<R4.Period>;
export type Quantity = Lenient<R4.Quantity>;
/** Age, Duration and the like: Quantities with a UCUM time unit. */
export type Age = Lenient<R4.Age>;
export type Range = Lenient<R4.Range>;
export type Ratio = Lenient<R4.Ratio>;
export type Reference = Lenient<R4.Reference>;
export type SampledData = Lenient<R4.SampledData>;
export type Timing = Lenient<R4.Timing>;
export type TimingRepeat = Lenient<R4.TimingRepeat>;

/** Any resource: what a search's entries and a reference's target are before their type is known. */
export type Resource = Lenient<R4.Resource> & {
  /** Resources carried inside this one, referenced as `#id`. */
  readonly contained?: Resource[];
};

/** The resource type named `Type`, as a server may send it: `ResourceOf<'Goal'>` is `Goal`. */
export type ResourceOf<Type extends string> = Lenient<
  Extract<R4.FhirResource, { resourceType: Type }>
>;

export type AllergyIntolerance = Lenient<R4.AllergyIntolerance>;
export type CapabilityStatement = Lenient<R4.CapabilityStatement>;
export type CarePlan = Lenient<R4.CarePlan>;
export type Condition = Lenient<R4.Condition>;
export type DiagnosticReport = Lenient<R4.DiagnosticReport>;
export type DocumentReference = Lenient<R4.DocumentReference>;
export type Encounter = Lenient<R4.Encounter>;
export type FamilyMemberHistory = Lenient<R4.FamilyMemberHistory>;
export type Goal = Lenient<R4.Goal>;
export type Immunization = Lenient<R4.Immunization>;
export type Location = Lenient<R4.Location>;
export type Medication = Lenient<R4.Medication>;
export type MedicationRequest = Lenient<R4.MedicationRequest>;
export type MedicationStatement = Lenient<R4.MedicationStatement>;
export type Observation = Lenient<R4.Observation>;
export type ObservationComponent = Lenient<R4.ObservationComponent>;
export type ReferenceRange = Lenient<R4.ObservationReferenceRange>;
export type OperationOutcome = Lenient<R4.OperationOutcome>;
export type OperationOutcomeIssue = Lenient<R4.OperationOutcomeIssue>;
export type Organization = Lenient<R4.Organization>;
export type Patient = Lenient<R4.Patient>;
export type Practitioner = Lenient<R4.Practitioner>;
export type Procedure = Lenient<R4.Procedure>;

export type ObservationStatus = NonNullable<Observation['status']>;
/** The value[x] choices of Observation.value and Observation.component.value, and why one is absent. */
export type ObservationValue = Pick<
  ObservationComponent,
  Extract<keyof ObservationComponent, `value${string}`> | 'dataAbsentReason'
>;

/** onset[x] and abatement[x] of Condition and AllergyIntolerance, by their suffix. */
export type OnsetX = Pick<Condition, Extract<keyof Condition, `onset${string}`>>;
export type AbatementX = Pick<Condition, Extract<keyof Condition, `abatement${string}`>>;

export type BundleLink = Lenient<R4.BundleLink>;
export type BundleEntry<T extends Resource = Resource> = Omit<
  Lenient<R4.BundleEntry>,
  'resource'
> & {
  readonly resource?: T;
};
/** A Bundle of `T`: a search's page, a transaction, a history. */
export type Bundle<T extends Resource = Resource> = Omit<Lenient<R4.Bundle>, 'entry'> & {
  readonly entry?: BundleEntry<T>[];
};
