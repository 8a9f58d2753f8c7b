import {
  abdominalTenderness,
  baseExcess,
  bloodPressure,
  cancelledBloodPressure,
  heartRate,
  lastMenstrualPeriod,
  staphylococcus,
  temperatureEnteredInError,
} from '../../testing/fhir-fixtures';
import { ObservationStatus } from '../fhir/fhir-types';
import { latestVitals } from './latest-vitals';
import { groupByCategory, visibleRows } from './observation-groups';
import { toObservationRow } from './observation-row';

describe('observation rows, groups and latest vitals (HL7 examples)', () => {
  const rows = [
    heartRate,
    bloodPressure,
    cancelledBloodPressure,
    baseExcess,
    lastMenstrualPeriod,
    abdominalTenderness,
    staphylococcus,
    temperatureEnteredInError,
  ].map(toObservationRow);

  it('turns an observation into text columns with category, flags and range', () => {
    const excess = toObservationRow(baseExcess);
    expect(excess.code).toBe('Base excess in Blood by calculation');
    expect(excess.value).toBe('12.6 mmol/l');
    expect(excess.referenceRange).toBe('7.1–11.2 mmol/l');
    expect(excess.flags.map((f) => f.label)).toEqual(['High']);
    expect(excess.category).toBe('other');
    expect(toObservationRow(heartRate).category).toBe('vital-signs');
    expect(toObservationRow(lastMenstrualPeriod).category).toBe('survey');
  });

  it('marks cancelled, preliminary and entered-in-error in words', () => {
    expect(toObservationRow(cancelledBloodPressure).statusNote).toBe('Cancelled');
    expect(toObservationRow(temperatureEnteredInError).statusNote).toBe('Entered in error');
    expect(
      toObservationRow({ resourceType: 'Observation', status: 'preliminary' }).statusNote,
    ).toBe('Preliminary');
    expect(toObservationRow(heartRate).statusNote).toBe('');
  });

  it('adds no status words for a status the app does not know, even one named like a built-in', () => {
    for (const status of ['constructor', 'toString', '__proto__']) {
      const row = toObservationRow({
        resourceType: 'Observation',
        status: status as ObservationStatus,
      });
      expect(row.statusNote).withContext(status).toBe('');
    }
  });

  it('has a numeric value for quantities and both numbers for blood pressure', () => {
    expect(toObservationRow(heartRate).numeric).toEqual({ value: 44, unit: 'beats/minute' });
    expect(toObservationRow(bloodPressure).numeric).toEqual({
      value: 107,
      secondValue: 60,
      unit: 'mmHg',
    });
    expect(toObservationRow(staphylococcus).numeric).toBeUndefined();
  });

  it('never leaves a column blank for an empty observation, and says a missing date was not recorded', () => {
    const row = toObservationRow({ resourceType: 'Observation' });
    expect([row.code, row.value, row.date]).toEqual(['Unknown code', '—', 'Date not recorded']);
  });

  it('groups by category in clinical order, newest first inside a group', () => {
    const groups = groupByCategory(visibleRows(rows, true));
    expect(groups.map((g) => g.label)).toEqual(['Vital signs', 'Survey', 'Other']);
    const vitalDates = groups[0].rows.map((r) => r.time);
    expect(vitalDates).toEqual([...vitalDates].sort((a, b) => b - a));
  });

  it('hides entered-in-error rows unless asked', () => {
    expect(visibleRows(rows, false).some((r) => r.status === 'entered-in-error')).toBeFalse();
    expect(visibleRows(rows, true).some((r) => r.status === 'entered-in-error')).toBeTrue();
  });

  it('summarises a vital by its newest reading that has a value', () => {
    const empty = toObservationRow({
      ...heartRate,
      id: 'empty',
      effectiveDateTime: '2020-01-01',
      valueQuantity: undefined,
    });
    const vitals = latestVitals([toObservationRow(heartRate), empty]);
    expect(vitals.map((v) => `${v.label}: ${v.row.value}`)).toEqual([
      'Heart rate: 44 beats/minute',
    ]);
  });

  it('summarises the latest vitals by LOINC, ignoring cancelled ones', () => {
    const newerRate = toObservationRow({
      ...heartRate,
      id: 'newer',
      effectiveDateTime: '2020-01-01',
      valueQuantity: { value: 72, unit: '/min' },
    });
    const vitals = latestVitals([...rows, newerRate]);
    expect(vitals.map((v) => `${v.label}: ${v.row.value}`)).toEqual([
      'Blood pressure: 107/60 mmHg',
      'Heart rate: 72 /min',
    ]);
  });
});
