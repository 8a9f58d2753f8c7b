import {
  clinicalNumber,
  exactNumber,
  formatClinicalQuantity,
  formatClinicalQuantityValue,
} from './clinical-precision';

const ucum = (value: number, code: string) => ({ value, unit: code, code });

describe('Clinical precision', () => {
  it('reads vital signs the way clinicians write them', () => {
    expect(formatClinicalQuantity(ucum(72.4, '/min'), ['8867-4'])).toBe('72 /min');
    expect(formatClinicalQuantity(ucum(16.6, '/min'), ['9279-1'])).toBe('17 /min');
    expect(formatClinicalQuantity(ucum(97.51, '%'), ['59408-5'])).toBe('98 %');
    expect(formatClinicalQuantity(ucum(37, 'Cel'), ['8310-5'])).toBe('37.0 °C');
    expect(formatClinicalQuantity(ucum(36.7777, 'Cel'), ['8331-1'])).toBe('36.8 °C');
    expect(formatClinicalQuantity(ucum(82.0339, 'kg'), ['29463-7'])).toBe('82.0 kg');
    expect(formatClinicalQuantity(ucum(172.449, 'cm'), ['8302-2'])).toBe('172.4 cm');
    expect(formatClinicalQuantity(ucum(27.583, 'kg/m2'), ['39156-5'])).toBe('27.6 kg/m²');
    expect(formatClinicalQuantity(ucum(3.2, '{score}'), ['72514-3'])).toBe('3');
  });

  it('reads common labs at their usual decimals', () => {
    expect(formatClinicalQuantity(ucum(5.96, '%'), ['4548-4'])).toBe('6.0 %');
    expect(formatClinicalQuantity(ucum(94.3127, 'mg/dL'), ['2339-0'])).toBe('94 mg/dL');
    expect(formatClinicalQuantity(ucum(189.6, 'mg/dL'), ['2093-3'])).toBe('190 mg/dL');
    expect(formatClinicalQuantity(ucum(1.0372, 'mg/dL'), ['38483-4'])).toBe('1.04 mg/dL');
    expect(formatClinicalQuantity(ucum(4.2871, 'mmol/L'), ['6298-4'])).toBe('4.3 mmol/L');
    expect(formatClinicalQuantity(ucum(139.6, 'mmol/L'), ['2947-0'])).toBe('140 mmol/L');
    expect(formatClinicalQuantity(ucum(1.0152, '1'), ['5811-5'])).toBe('1.015');
    expect(formatClinicalQuantity(ucum(61.9, 'mL/min/{1.73_m2}'), ['33914-3'])).toBe(
      '62 mL/min/1.73 m²',
    );
  });

  it('does not read a value in an unusual unit at the usual decimals (glucose in mmol/L)', () => {
    expect(formatClinicalQuantity(ucum(5.43, 'mmol/L'), ['2339-0'])).toBe('5.43 mmol/L');
    expect(clinicalNumber(129.368, ['8480-6'])).toBe('129');
  });

  it('keeps at most three significant digits for unknown codes, and every integer digit', () => {
    expect(clinicalNumber(112.72276142363832, [])).toBe('113');
    expect(clinicalNumber(12.6, ['11555-0'])).toBe('12.6');
    expect(clinicalNumber(5.1234, [])).toBe('5.12');
    expect(clinicalNumber(0.0969427299456957, [])).toBe('0.0969');
    expect(clinicalNumber(1234.5, [])).toBe('1235');
    expect(clinicalNumber(-0.25, [])).toBe('-0.25');
    expect(clinicalNumber(0, [])).toBe('0');
    expect(clinicalNumber(1e-7, [])).toBe('1e-7');
    expect(clinicalNumber(1e300, [])).toBe('1.000e+300');
  });

  it('never adds decimals the number lacks, outside the table', () => {
    expect(clinicalNumber(5.0, [])).toBe('5');
    expect(clinicalNumber(7.2, [])).toBe('7.2');
  });

  it('never writes "-0"', () => {
    expect(clinicalNumber(-0.2, ['8480-6'])).toBe('0');
    expect(clinicalNumber(-0.04, ['6298-4'], { code: 'mmol/L' })).toBe('0.0');
  });

  it('never rounds a limit: "< 0.01" stays "< 0.01"', () => {
    expect(formatClinicalQuantityValue({ value: 0.01, comparator: '<' }, [])).toBe('< 0.01');
    expect(formatClinicalQuantity({ value: 0.0123, comparator: '<', unit: 'ng/mL' }, [])).toBe(
      '< 0.0123 ng/mL',
    );
    expect(
      formatClinicalQuantityValue({ value: 6.55, comparator: '>=', code: '%' }, ['4548-4']),
    ).toBe('>= 6.55');
  });

  it('gives the exact value as sent on request', () => {
    expect(formatClinicalQuantity(ucum(129.368, 'mm[Hg]'), ['8480-6'], 'exact')).toBe(
      '129.368 mmHg',
    );
    expect(formatClinicalQuantityValue(ucum(112.72276142363832, 'mg/dL'), [], 'exact')).toBe(
      '112.72276142363832',
    );
    expect(exactNumber(undefined)).toBe('');
  });

  it('says nothing for no number, never "NaN"', () => {
    expect(clinicalNumber(undefined, [])).toBe('');
    expect(clinicalNumber(NaN, ['8480-6'])).toBe('');
    expect(clinicalNumber(Infinity, [])).toBe('');
    expect(exactNumber(NaN)).toBe('');
    expect(formatClinicalQuantity({ unit: 'kg' }, ['29463-7'])).toBe('');
    expect(formatClinicalQuantity(undefined, [])).toBe('');
    expect(formatClinicalQuantityValue(undefined, [])).toBe('');
  });
});
