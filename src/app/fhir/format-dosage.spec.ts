import { CodeableConcept, Dosage, Timing } from './fhir-types';
import { formatDosage, formatDosages } from './format-dosage';

const US = { locale: 'en-US', timeZone: 'UTC' };
const snomed = (code: string, display: string): CodeableConcept => ({
  coding: [{ system: 'http://snomed.info/sct', code, display }],
});
const oral = snomed('26643006', 'Oral Route (qualifier value)');
const daily = (frequency: number): Timing => ({
  repeat: { frequency, period: 1, periodUnit: 'd' },
});
const dose = (value: number, unit: string): Dosage['doseAndRate'] => [
  { doseQuantity: { value, unit } },
];

describe('Dosage in words', () => {
  it('reads structured dosages as a prescription', () => {
    expect(formatDosage({ doseAndRate: dose(1, 'tablet'), route: oral, timing: daily(2) })).toBe(
      '1 tablet by mouth twice daily',
    );
    expect(
      formatDosage({
        doseAndRate: dose(2, 'puffs'),
        route: snomed('447694001', 'Respiratory tract route'),
        timing: { repeat: { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' } },
        asNeededCodeableConcept: { text: 'wheezing' },
      }),
    ).toBe('2 puffs inhaled every 4–6 hours as needed for wheezing');
    expect(
      formatDosage({
        doseAndRate: dose(10, 'mg'),
        route: oral,
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['MORN'] } },
      }),
    ).toBe('10 mg by mouth once daily in the morning');
  });

  it("shows the prescriber's text alone when it is written (HL7 medicationrequest0301)", () => {
    expect(
      formatDosage({
        text: ' one to two tablets every 4-6 hours as needed for rib pain ',
        timing: { repeat: { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' } },
        asNeededCodeableConcept: snomed('297217002', 'Rib pain (finding)'),
        route: oral,
      }),
    ).toBe('one to two tablets every 4-6 hours as needed for rib pain');
  });

  it('reads a dose range, method, unknown route, rate, as-needed flag, site and maximum', () => {
    expect(
      formatDosage({
        method: snomed('421521009', 'Swallow - dosing instruction imperative (qualifier value)'),
        doseAndRate: [
          { doseRange: { low: { value: 1, unit: 'tablet' }, high: { value: 2, unit: 'tablet' } } },
        ],
        route: oral,
        timing: daily(1),
        asNeededBoolean: true,
        maxDosePerPeriod: {
          numerator: { value: 8, unit: 'tablet' },
          denominator: { value: 1, code: 'd' },
        },
      }),
    ).toBe('Swallow 1–2 tablet by mouth once daily as needed (max 8 tablet per day)');
    expect(
      formatDosage({
        method: { text: 'Slow push' },
        doseAndRate: [
          { type: { text: 'calculated' } },
          { doseQuantity: { value: 500, unit: 'mg' }, rateQuantity: { value: 100, unit: 'mL/h' } },
        ],
        route: snomed('418136008', 'Intraperitoneal route (qualifier value)'),
        site: { text: 'Left deltoid' },
        asNeededBoolean: false,
        maxDosePerPeriod: {
          numerator: { value: 4, unit: 'g' },
          denominator: { value: 24, code: 'h' },
        },
      }),
    ).toBe(
      'Slow push 500 mg by Intraperitoneal route at 100 mL/h (site: Left deltoid; max 4 g per 24 hours)',
    );
    expect(
      formatDosage({
        doseAndRate: [
          {
            rateRatio: {
              numerator: { value: 5, unit: 'mg' },
              denominator: { value: 1, unit: 'h' },
            },
          },
        ],
        route: snomed('255560000', 'Intravenous'),
      }),
    ).toBe('intravenously at 5 mg / 1 h');
    expect(
      formatDosage({
        doseAndRate: [
          { rateRange: { low: { value: 1, unit: 'mL/h' }, high: { value: 2, unit: 'mL/h' } } },
        ],
      }),
    ).toBe('at 1–2 mL/h');
    expect(formatDosage({ site: { text: 'Left arm' } })).toBe('site: Left arm');
    expect(formatDosage({ maxDosePerPeriod: { numerator: { value: 3 } } })).toBe('max 3');
  });

  it('uses the timing\'s bounds, so a course reads "every 8 hours for 7 days"', () => {
    expect(
      formatDosage(
        {
          timing: {
            repeat: {
              frequency: 1,
              period: 8,
              periodUnit: 'h',
              boundsDuration: { value: 7, unit: 'days', code: 'd' },
            },
          },
        },
        US,
      ),
    ).toBe('every 8 hours for 7 days');
  });

  it('says nothing for nothing or garbage, never "undefined" or "[object Object]"', () => {
    expect(formatDosage(undefined)).toBe('');
    expect(formatDosage({})).toBe('');
    expect(
      formatDosage({ text: '  ', doseAndRate: [{}], route: {}, timing: {}, maxDosePerPeriod: {} }),
    ).toBe('');
  });
});

describe('Several dosages', () => {
  it('lists unsequenced instructions as given', () => {
    expect(formatDosages([{ text: 'A' }, {}, { text: 'B' }])).toBe('A; B');
    expect(formatDosages(undefined)).toBe('');
  });

  it('orders by sequence: shared numbers apply together, later ones follow', () => {
    expect(
      formatDosages([
        { sequence: 2, text: '1 tablet daily' },
        { sequence: 1, text: '2 tablets daily' },
        { sequence: 1, text: 'with food' },
        { text: 'review in 4 weeks' },
        { sequence: 3 },
      ]),
    ).toBe('2 tablets daily and with food; then 1 tablet daily; then review in 4 weeks');
  });
});
