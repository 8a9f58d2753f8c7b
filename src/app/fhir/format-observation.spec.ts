import {
  abdominalTenderness,
  baseExcess,
  bloodPressure,
  cancelledBloodPressure,
  eyeColor,
  heartRate,
  lastMenstrualPeriod,
  staphylococcus,
  syntheaBloodPressure,
  syntheaCodedObservation,
  unsatisfactorySample,
} from '../../testing/fhir-fixtures';
import { Observation } from './fhir-types';
import {
  exactObservationValue,
  formatEffective,
  formatObservationValue,
  formatReferenceRange,
  formatValueX,
  newestFirst,
  observationTime,
} from './format-observation';
import { interpretationFlags } from './interpretation';

const US = { locale: 'en-US', timeZone: 'UTC' };

describe('Observation value formatting (HL7 and Synthea examples)', () => {
  it('Quantity: heart rate', () => {
    expect(formatObservationValue(heartRate)).toBe('44 beats/minute');
  });

  it('components: blood pressure as systolic/diastolic', () => {
    expect(formatObservationValue(bloodPressure)).toBe('107/60 mmHg');
    expect(formatObservationValue(syntheaBloodPressure)).toMatch(
      /^\d+(\.\d+)?\/\d+(\.\d+)? mm\[?Hg\]?$/,
    );
  });

  it('reads over-precise values at clinical precision, with the exact value on request', () => {
    const loinc = (code: string) => ({ coding: [{ system: 'http://loinc.org', code }] });
    const synthea: Observation = {
      resourceType: 'Observation',
      code: loinc('85354-9'),
      component: [
        {
          code: loinc('8480-6'),
          valueQuantity: { value: 129.368, unit: 'mm[Hg]', code: 'mm[Hg]' },
        },
        {
          code: loinc('8462-4'),
          valueQuantity: { value: 80.8069, unit: 'mm[Hg]', code: 'mm[Hg]' },
        },
      ],
    };
    expect(formatObservationValue(synthea)).toBe('129/81 mmHg');
    expect(exactObservationValue(synthea)).toBe('129.368/80.8069 mmHg');
    const weight: Observation = {
      resourceType: 'Observation',
      code: loinc('29463-7'),
      valueQuantity: { value: 82.0339, unit: 'kg', code: 'kg' },
    };
    expect(formatObservationValue(weight)).toBe('82.0 kg');
    expect(exactObservationValue(weight)).toBe('82.0339 kg');
    expect(exactObservationValue(heartRate)).toBe(formatObservationValue(heartRate));
    const panel: Observation = {
      resourceType: 'Observation',
      component: [
        {
          code: { ...loinc('8867-4'), text: 'Heart rate' },
          valueQuantity: { value: 71.6, unit: '/min' },
        },
        { code: { text: 'Pain' }, valueQuantity: { value: 4, unit: '{score}' } },
      ],
    };
    expect(formatObservationValue(panel)).toBe('Heart rate: 72 /min; Pain: 4');
    expect(exactObservationValue(panel)).toBe('Heart rate: 71.6 /min; Pain: 4');
  });

  it('components without values say why they are absent', () => {
    expect(formatObservationValue(cancelledBloodPressure)).toContain('No value: Not Asked');
  });

  it('string, boolean, dateTime and CodeableConcept values', () => {
    expect(formatObservationValue(eyeColor)).toBe('blue');
    expect(formatObservationValue(abdominalTenderness)).toBe('Yes');
    expect(formatObservationValue(lastMenstrualPeriod, US)).toBe('Dec 30, 2016');
    expect(formatObservationValue(staphylococcus)).toBe('Staphylococcus aureus');
    expect(formatObservationValue(syntheaCodedObservation)).not.toBe('');
  });

  it('dataAbsentReason instead of a value', () => {
    expect(formatObservationValue(unsatisfactorySample)).toBe(
      'No value: Specimen unsatisfactory for evaluation',
    );
  });

  it('integer, Range, Ratio, SampledData, time and Period values', () => {
    const base: Observation = { resourceType: 'Observation' };
    expect(formatValueX({ ...base, valueInteger: 7 })).toBe('7');
    expect(formatValueX({ ...base, valueBoolean: false })).toBe('No');
    expect(
      formatValueX({
        ...base,
        valueRange: { low: { value: 1, unit: 'g' }, high: { value: 2, unit: 'g' } },
      }),
    ).toBe('1–2 g');
    expect(
      formatValueX({
        ...base,
        valueRatio: { numerator: { value: 1 }, denominator: { value: 64 } },
      }),
    ).toBe('1:64');
    expect(formatValueX({ ...base, valueSampledData: { period: 2, data: '1 2' } })).toBe(
      'Sampled data: 2 points, every 2 ms',
    );
    expect(formatValueX({ ...base, valueTime: '07:15:00' })).toBe('07:15');
    expect(
      formatValueX({ ...base, valuePeriod: { start: '2020-01-01', end: '2020-01-03' } }, US),
    ).toBe('Jan 1, 2020 – Jan 3, 2020');
    expect(formatObservationValue(base)).toBe('');
  });

  it('effective[x]: dateTime, Period, instant, Timing, else issued', () => {
    expect(formatEffective(heartRate, US)).toBe('Jul 2, 1999');
    expect(formatEffective(baseExcess, US)).toBe('Apr 2, 2013, 9:30 AM – Apr 5, 2013, 9:30 AM');
    expect(
      formatEffective(
        { resourceType: 'Observation', effectiveInstant: '2020-05-01T12:00:00Z' },
        US,
      ),
    ).toBe('May 1, 2020, 12:00 PM');
    expect(
      formatEffective(
        { resourceType: 'Observation', effectiveTiming: { event: ['2020-05-01'] } },
        US,
      ),
    ).toBe('May 1, 2020');
    expect(formatEffective(staphylococcus, US)).toBe('Mar 11, 2013, 9:28 AM');
    expect(formatEffective({ resourceType: 'Observation' })).toBe('Date not recorded');
  });

  it('sorts newest first, undated last', () => {
    const undated: Observation = { resourceType: 'Observation', id: 'undated' };
    const sorted = newestFirst([heartRate, undated, baseExcess, bloodPressure]);
    expect(sorted.map((o) => o.id)).toEqual([
      baseExcess.id,
      bloodPressure.id,
      heartRate.id,
      'undated',
    ]);
    expect(observationTime(undated)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('reference range and interpretation in words', () => {
    expect(formatReferenceRange(baseExcess.referenceRange)).toBe('7.1–11.2 mmol/l');
    expect(formatReferenceRange([{ text: '< 200 mg/dL', type: { text: 'Recommended' } }])).toBe(
      '< 200 mg/dL (Recommended)',
    );
    expect(interpretationFlags(baseExcess.interpretation)).toEqual([
      { code: 'H', label: 'High', severity: 'abnormal' },
    ]);
    expect(interpretationFlags([{ coding: [{ code: 'HH' }] }])[0].severity).toBe('critical');
    expect(interpretationFlags([{ text: 'Weird' }])).toEqual([
      { code: 'Weird', label: 'Weird', severity: 'unknown' },
    ]);
    expect(interpretationFlags(undefined)).toEqual([]);
  });

  it('an interpretation code named like an object built-in is shown as sent, not as a known flag', () => {
    expect(interpretationFlags([{ coding: [{ code: 'constructor' }] }])).toEqual([
      { code: 'constructor', label: 'constructor', severity: 'unknown' },
    ]);
    expect(interpretationFlags([{ coding: [{ code: 'toString' }, { code: 'H' }] }])).toEqual([
      { code: 'H', label: 'High', severity: 'abnormal' },
    ]);
  });
});
