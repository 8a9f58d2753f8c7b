import { formatBloodPressure } from './blood-pressure';
import { Precision, formatClinicalQuantity } from './clinical-precision';
import {
  CodeableConcept,
  Observation,
  ObservationComponent,
  ObservationValue,
  ReferenceRange,
} from './fhir-types';
import {
  FormatOptions,
  formatCodeableConcept,
  formatDateTime,
  formatNumber,
  formatPeriod,
  formatRange,
  formatRatio,
  formatSampledData,
  formatTime,
} from './format-datatypes';
import { formatTiming } from './format-timing';
import { loincCodes } from './loinc';

/** Dates in a locale and time zone; numbers at clinical precision unless asked for exactly as sent. */
export interface ValueFormatOptions extends FormatOptions {
  readonly precision?: Precision;
}

/**
 * Exactly one value[x] rendered as text, or '' when the element carries none. A quantity reads at
 * the precision clinicians use for the element's code (see clinical-precision.ts).
 */
export function formatValueX(
  element: ObservationValue & { readonly code?: CodeableConcept },
  options: ValueFormatOptions = {},
): string {
  if (element.valueQuantity) {
    return formatClinicalQuantity(
      element.valueQuantity,
      loincCodes(element.code),
      options.precision,
    );
  }
  if (element.valueCodeableConcept) return formatCodeableConcept(element.valueCodeableConcept);
  if (element.valueString !== undefined) return element.valueString;
  if (element.valueBoolean !== undefined) return element.valueBoolean ? 'Yes' : 'No';
  if (element.valueInteger !== undefined) return formatNumber(element.valueInteger);
  if (element.valueRange) return formatRange(element.valueRange);
  if (element.valueRatio) return formatRatio(element.valueRatio);
  if (element.valueSampledData) return formatSampledData(element.valueSampledData);
  if (element.valueTime !== undefined) return formatTime(element.valueTime);
  if (element.valueDateTime !== undefined) return formatDateTime(element.valueDateTime, options);
  if (element.valuePeriod) return formatPeriod(element.valuePeriod, options);
  return '';
}

/** Why a value is missing, e.g. "No value: Unknown". */
export function formatDataAbsent(element: ObservationValue): string {
  const reason = formatCodeableConcept(element.dataAbsentReason);
  return element.dataAbsentReason ? `No value: ${reason || 'reason not given'}` : '';
}

/** Each component as "Name: value", for panels other than blood pressure. */
export function formatComponents(
  components: ObservationComponent[] | undefined,
  options: ValueFormatOptions = {},
): string {
  return (components ?? [])
    .map((component) => {
      const name = formatCodeableConcept(component.code) || 'Component';
      const value = formatValueX(component, options) || formatDataAbsent(component) || '';
      return value ? `${name}: ${value}` : '';
    })
    .filter(Boolean)
    .join('; ');
}

/** The value column: value[x], else blood pressure, else components, else why it is absent. */
export function formatObservationValue(
  observation: Observation,
  options: ValueFormatOptions = {},
): string {
  return (
    formatValueX(observation, options) ||
    formatBloodPressure(observation.component, options.precision) ||
    formatComponents(observation.component, options) ||
    formatDataAbsent(observation)
  );
}

/**
 * The value exactly as sent ("129.368/80.8069 mmHg"), for "exact: ..." beside the clinical reading;
 * equal to formatObservationValue when nothing was rounded.
 */
export function exactObservationValue(
  observation: Observation,
  options: FormatOptions = {},
): string {
  return formatObservationValue(observation, { ...options, precision: 'exact' });
}

/**
 * effective[x] (dateTime, Period, instant or Timing), falling back to `issued`; with neither, says the
 * date was not recorded rather than leaving a blank a reader could take for "today" or "unknown why".
 */
export function formatEffective(observation: Observation, options: FormatOptions = {}): string {
  if (observation.effectiveDateTime) return formatDateTime(observation.effectiveDateTime, options);
  if (observation.effectiveInstant) return formatDateTime(observation.effectiveInstant, options);
  if (observation.effectivePeriod) return formatPeriod(observation.effectivePeriod, options);
  if (observation.effectiveTiming) return formatTiming(observation.effectiveTiming, options);
  return formatDateTime(observation.issued, options) || DATE_NOT_RECORDED;
}

export const DATE_NOT_RECORDED = 'Date not recorded';

/** Milliseconds since the epoch of when the observation applies, for newest-first sorting. */
export function observationTime(observation: Observation): number {
  const candidates = [
    observation.effectiveDateTime,
    observation.effectiveInstant,
    observation.effectivePeriod?.start ?? observation.effectivePeriod?.end,
    observation.effectiveTiming?.event?.[0],
    observation.issued,
  ];
  for (const candidate of candidates) {
    const time = candidate ? Date.parse(candidate) : NaN;
    if (!Number.isNaN(time)) return time;
  }
  return Number.NEGATIVE_INFINITY;
}

export function newestFirst(observations: readonly Observation[]): Observation[] {
  return [...observations].sort((a, b) => observationTime(b) - observationTime(a));
}

/** "3.5–5.0 mmol/L", or the range's text, plus its type when it is not the normal range. */
export function formatReferenceRange(ranges: ReferenceRange[] | undefined): string {
  return (ranges ?? [])
    .map((range) => {
      const text = formatRange(range) || range.text?.trim() || '';
      const type = formatCodeableConcept(range.type);
      return text && type && !/normal/i.test(type) ? `${text} (${type})` : text;
    })
    .filter(Boolean)
    .join('; ');
}
