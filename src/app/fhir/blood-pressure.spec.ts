import {
  bloodPressure as bloodPressurePanel,
  cancelledBloodPressure,
  syntheaBloodPressure,
} from '../../testing/fhir-fixtures';
import {
  BLOOD_PRESSURE_PANELS,
  bloodPressure,
  formatBloodPressure,
  formatBloodPressureReading,
} from './blood-pressure';
import { ObservationComponent } from './fhir-types';
import { loincCodes } from './loinc';

const part = (code: string, value?: number, comparator?: '<' | '>'): ObservationComponent => ({
  code: { coding: [{ system: 'http://loinc.org', code }] },
  valueQuantity: { value, unit: 'mmHg', ...(comparator ? { comparator } : {}) },
});

describe('Blood pressure', () => {
  it('recognises the HL7 and Synthea panels as blood pressure', () => {
    for (const panel of [bloodPressurePanel, syntheaBloodPressure]) {
      expect(
        loincCodes(panel.code).some((code) => BLOOD_PRESSURE_PANELS.includes(code)),
      ).toBeTrue();
    }
  });

  it('reads systolic and diastolic from the components, whatever their order', () => {
    const reading = bloodPressure([part('8462-4', 80), part('8480-6', 120)]);
    expect(reading?.systolic.value).toBe(120);
    expect(reading?.diastolic.value).toBe(80);
    expect(reading?.unit).toBe('mmHg');
  });

  it('is written as clinicians write it', () => {
    expect(formatBloodPressure(bloodPressurePanel.component)).toBe('107/60 mmHg');
    expect(formatBloodPressure([part('8480-6', 120.5), part('8462-4', 80)])).toBe('121/80 mmHg');
  });

  it('reads over-precise values in whole mmHg, with the exact value on request (Synthea)', () => {
    const synthea = [part('8480-6', 129.368), part('8462-4', 80.8069)];
    expect(formatBloodPressure(synthea)).toBe('129/81 mmHg');
    expect(formatBloodPressure(synthea, 'exact')).toBe('129.368/80.8069 mmHg');
    expect(formatBloodPressureReading({ value: 129.368 }, { value: 80.8069 })).toBe('129/81');
    expect(
      formatBloodPressureReading({ value: 16.2, unit: 'kPa' }, { value: 10.4, unit: 'kPa' }),
    ).toBe('16.2/10.4');
  });

  it('keeps a limit as a limit: "< 90" is not a measurement of 90', () => {
    expect(formatBloodPressure([part('8480-6', 90, '<'), part('8462-4', 60)])).toBe('< 90/60 mmHg');
    expect(formatBloodPressure([part('8480-6', 89.5, '<'), part('8462-4', 60.4)])).toBe(
      '< 89.5/60 mmHg',
    );
    expect(formatBloodPressureReading({ value: 135 }, { value: 62 })).toBe('135/62');
  });

  it('is no reading when a part has no number', () => {
    expect(bloodPressure(cancelledBloodPressure.component)).toBeUndefined();
    expect(bloodPressure([part('8480-6', 120), part('8462-4')])).toBeUndefined();
    expect(bloodPressure(undefined)).toBeUndefined();
    expect(formatBloodPressure([part('8480-6', 120)])).toBe('');
  });
});
