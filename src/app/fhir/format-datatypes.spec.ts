import { syntheaPatient } from '../../testing/fhir-fixtures';
import {
  ageInYears,
  displayUnit,
  formatCodeableConcept,
  formatDateTime,
  formatGender,
  formatHumanName,
  formatNumber,
  formatPeriod,
  formatQuantity,
  formatRange,
  formatRatio,
  formatSampledData,
  formatTime,
  medicalRecordNumber,
  preferredName,
} from './format-datatypes';

const US = { locale: 'en-US', timeZone: 'UTC' };

describe('FHIR data type formatting', () => {
  describe('HumanName', () => {
    it('joins prefix, given, family and suffix', () => {
      expect(
        formatHumanName({
          prefix: ['Dr.'],
          given: ['Ada', 'M.'],
          family: 'Lovelace',
          suffix: ['PhD'],
        }),
      ).toBe('Dr. Ada M. Lovelace PhD');
    });

    it('prefers text when present and copes with nothing', () => {
      expect(formatHumanName({ text: 'Peter James Chalmers', family: 'x' })).toBe(
        'Peter James Chalmers',
      );
      expect(formatHumanName({})).toBe('');
      expect(formatHumanName(undefined)).toBe('');
    });

    it('picks the official name over old and nickname entries (Synthea patient)', () => {
      expect(formatHumanName(preferredName(syntheaPatient.name))).toBe('Noel Reynolds');
      expect(
        formatHumanName(
          preferredName([
            { use: 'old', family: 'Maiden' },
            { use: 'nickname', given: ['Jim'] },
            { use: 'official', family: 'Chalmers', given: ['Peter'] },
          ]),
        ),
      ).toBe('Peter Chalmers');
    });

    it('keeps markup as plain text (Angular interpolation escapes it)', () => {
      expect(formatHumanName({ family: '<img src=x onerror=alert(1)>' })).toBe(
        '<img src=x onerror=alert(1)>',
      );
    });
  });

  describe('CodeableConcept', () => {
    it('uses text, then a coding display, then a code', () => {
      expect(formatCodeableConcept({ text: 'Heart rate', coding: [{ display: 'HR' }] })).toBe(
        'Heart rate',
      );
      expect(formatCodeableConcept({ coding: [{ code: 'x' }, { display: 'Pulse' }] })).toBe(
        'Pulse',
      );
      expect(
        formatCodeableConcept({ coding: [{ system: 'http://loinc.org', code: '1234-5' }] }),
      ).toBe('http://loinc.org|1234-5');
      expect(formatCodeableConcept({ coding: [{ code: '1234-5' }] })).toBe('1234-5');
      expect(formatCodeableConcept({})).toBe('');
    });
  });

  describe('Quantity', () => {
    it('shows value and unit, falling back to the UCUM code', () => {
      expect(formatQuantity({ value: 44, unit: 'beats/minute', code: '/min' })).toBe(
        '44 beats/minute',
      );
      expect(formatQuantity({ value: 7.2, code: 'mmol/L' })).toBe('7.2 mmol/L');
    });

    it('shows the comparator, and nothing for unit "1" or a missing value', () => {
      expect(formatQuantity({ value: 5, comparator: '<', unit: 'mg/dL' })).toBe('< 5 mg/dL');
      expect(formatQuantity({ value: 3, unit: '1' })).toBe('3');
      expect(formatQuantity({ unit: 'kg' })).toBe('');
    });

    it('keeps precision and shortens huge values', () => {
      expect(formatNumber(0.000123)).toBe('0.000123');
      expect(formatNumber(0.0001)).toBe('0.0001');
      expect(formatQuantity({ value: 1e300, unit: 'copies/mL' })).toBe('1.000e+300 copies/mL');
      expect(formatNumber(NaN)).toBe('');
      expect(formatNumber(7.25)).toBe('7.25');
      expect(formatNumber(112.72276142363832)).toBe('112.723');
      expect(formatNumber(0.0969427299456957)).toBe('0.0969427');
    });
  });

  describe('Range and Ratio', () => {
    it('formats both ends, or one side', () => {
      expect(
        formatRange({ low: { value: 7.1, unit: 'mmol/l' }, high: { value: 11.2, unit: 'mmol/l' } }),
      ).toBe('7.1–11.2 mmol/l');
      expect(formatRange({ low: { value: 60, unit: 'mmHg' } })).toBe('≥ 60 mmHg');
      expect(formatRange({ high: { value: 200 } })).toBe('≤ 200');
      expect(formatRange({})).toBe('');
    });

    it('writes titres as n:m and unit ratios with a slash', () => {
      expect(formatRatio({ numerator: { value: 1 }, denominator: { value: 128 } })).toBe('1:128');
      expect(
        formatRatio({ numerator: { value: 5, unit: 'mg' }, denominator: { value: 1, unit: 'mL' } }),
      ).toBe('5 mg / 1 mL');
    });
  });

  describe('SampledData', () => {
    it('summarises instead of dumping samples', () => {
      expect(
        formatSampledData({
          origin: { value: 0, unit: 'mV' },
          period: 10,
          dimensions: 1,
          data: '1 2 3 E 4',
        }),
      ).toBe('Sampled data: 5 points, every 10 ms (mV)');
    });
  });

  describe('dates and times', () => {
    it('keeps partial dates partial and never shifts a date across time zones', () => {
      expect(formatDateTime('2019', US)).toBe('2019');
      expect(formatDateTime('2019-03', US)).toBe('Mar 2019');
      expect(formatDateTime('2019-03-01', US)).toBe('Mar 1, 2019');
    });

    it('formats dateTime and instant in the given locale and time zone', () => {
      expect(formatDateTime('2013-04-02T10:30:10+01:00', US)).toBe('Apr 2, 2013, 9:30 AM');
      expect(
        formatDateTime('2013-04-02T10:30:10+01:00', { locale: 'de-DE', timeZone: 'UTC' }),
      ).toBe('02.04.2013, 09:30');
    });

    it('passes through what it cannot parse, and handles nothing', () => {
      expect(formatDateTime('sometime', US)).toBe('sometime');
      expect(formatDateTime('spring 2019', US)).toBe('spring 2019');
      expect(formatDateTime('2019-13-45T99:99:00Z', US)).toBe('2019-13-45T99:99:00Z');
      expect(formatDateTime(undefined)).toBe('');
    });

    it('formats time and Period', () => {
      expect(formatTime('14:30:00')).toBe('14:30');
      expect(formatTime('14:30:15')).toBe('14:30:15');
      expect(formatPeriod({ start: '2013-04-02', end: '2013-04-05' }, US)).toBe(
        'Apr 2, 2013 – Apr 5, 2013',
      );
      expect(formatPeriod({ start: '2013-04-02' }, US)).toBe('from Apr 2, 2013');
    });
  });

  describe('patient facts', () => {
    it('labels gender', () => {
      expect(formatGender('female')).toBe('Female');
      expect(formatGender(undefined)).toBe('');
    });

    it('computes age in whole years, before and after the birthday', () => {
      const today = new Date(2026, 5, 15);
      expect(ageInYears('1980-06-15', today)).toBe(46);
      expect(ageInYears('1980-06-16', today)).toBe(45);
      expect(ageInYears('1980', today)).toBe(46);
      expect(ageInYears(undefined, today)).toBeUndefined();
      expect(ageInYears('2030-01-01', today)).toBeUndefined();
    });

    it('finds the MRN by identifier type MR (Synthea) or by the MRN system', () => {
      expect(medicalRecordNumber(syntheaPatient.identifier)).toBe(
        '368d6c9b-be99-45a0-a126-ae796bc32eac',
      );
      expect(
        medicalRecordNumber(
          [
            { system: 'ssn', value: '1' },
            { system: 'urn:oid:2.16.840.1.113883.19.5', value: 'MRN-7' },
          ],
          'urn:oid:2.16.840.1.113883.19.5',
        ),
      ).toBe('MRN-7');
      expect(medicalRecordNumber(undefined)).toBeUndefined();
    });
  });
});

describe('displayUnit', () => {
  it('writes common UCUM codes the way clinicians read them', () => {
    expect(displayUnit('mm[Hg]')).toBe('mmHg');
    expect(displayUnit('Cel')).toBe('°C');
    expect(displayUnit('kg/m2')).toBe('kg/m²');
    expect(displayUnit('mg/dL')).toBe('mg/dL');
    expect(displayUnit(undefined)).toBe('');
    expect(formatQuantity({ value: 36.7, unit: 'Cel' })).toBe('36.7 °C');
  });

  it('never shows UCUM annotations raw (every one the shared Synthea and HL7 fixtures send)', () => {
    expect(displayUnit('{score}')).toBe('');
    expect(displayUnit('{T-score}')).toBe('');
    expect(displayUnit('mL/min/{1.73_m2}')).toBe('mL/min/1.73 m²');
    expect(displayUnit('{beats}/min')).toBe('beats/min');
    expect(displayUnit('{cells}/uL')).toBe('cells/µL');
    expect(displayUnit('%{HemoglobinA1C}')).toBe('%');
    expect(displayUnit('{tablet}')).toBe('tablet');
    expect(displayUnit('[IU]/L')).toBe('IU/L');
    expect(displayUnit('u[IU]/mL')).toBe('µIU/mL');
    expect(displayUnit('umol/L')).toBe('µmol/L');
    expect(displayUnit('1/min')).toBe('1/min');
    expect(formatQuantity({ value: 3, unit: '{score}', code: '{score}' })).toBe('3');
  });

  it('shows a unit or gender that happens to be named like an object built-in as sent', () => {
    expect(displayUnit('constructor')).toBe('constructor');
    expect(formatQuantity({ value: 5, code: 'constructor' })).toBe('5 constructor');
    expect(formatQuantity({ value: 5, unit: '__proto__' })).toBe('5 __proto__');
    expect(formatGender('toString')).toBe('toString');
    expect(formatGender('constructor')).toBe('constructor');
  });
});
