import { Timing } from './fhir-types';
import { formatDuration, formatTiming, joinWords } from './format-timing';

const US = { locale: 'en-US', timeZone: 'UTC' };
const repeat = (r: Timing['repeat']): Timing => ({ repeat: r });

describe('Timing in words', () => {
  it('says how often, per day and per hour', () => {
    expect(formatTiming(repeat({ frequency: 1, period: 1, periodUnit: 'd' }))).toBe('once daily');
    expect(formatTiming(repeat({ frequency: 2, period: 1, periodUnit: 'd' }))).toBe('twice daily');
    expect(formatTiming(repeat({ frequency: 3, period: 1, periodUnit: 'd' }))).toBe(
      'three times daily',
    );
    expect(formatTiming(repeat({ frequency: 6, period: 1, periodUnit: 'd' }))).toBe(
      '6 times daily',
    );
    expect(formatTiming(repeat({ frequency: 1, period: 1, periodUnit: 'wk' }))).toBe('once weekly');
    expect(formatTiming(repeat({ period: 1, periodUnit: 'h' }))).toBe('every hour');
    expect(formatTiming(repeat({ frequency: 2, period: 1, periodUnit: 'h' }))).toBe(
      'twice per hour',
    );
  });

  it('writes intervals and their ranges: "every 8 hours", "every 4–6 hours", "1–2 times daily"', () => {
    expect(formatTiming(repeat({ frequency: 1, period: 8, periodUnit: 'h' }))).toBe(
      'every 8 hours',
    );
    expect(formatTiming(repeat({ frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' }))).toBe(
      'every 4–6 hours',
    );
    expect(
      formatTiming(repeat({ frequency: 1, frequencyMax: 2, period: 1, periodUnit: 'd' })),
    ).toBe('1–2 times daily');
    expect(formatTiming(repeat({ frequency: 3, period: 2, periodUnit: 'd' }))).toBe(
      'three times every 2 days',
    );
    expect(formatTiming(repeat({ frequency: 1, period: 1.5, periodUnit: 'h' }))).toBe(
      'every 1.5 hours',
    );
  });

  it('adds when, days, times of day, each duration, bounds and count', () => {
    expect(
      formatTiming(
        repeat({
          frequency: 1,
          period: 8,
          periodUnit: 'h',
          boundsDuration: { value: 7, code: 'd' },
        }),
      ),
    ).toBe('every 8 hours for 7 days');
    expect(formatTiming(repeat({ frequency: 1, period: 1, periodUnit: 'd', when: ['MORN'] }))).toBe(
      'once daily in the morning',
    );
    expect(
      formatTiming(
        repeat({ frequency: 2, period: 1, periodUnit: 'd', when: ['ACM', 'ACV'], offset: 30 }),
      ),
    ).toBe('twice daily 30 minutes before breakfast and 30 minutes before dinner');
    expect(formatTiming(repeat({ when: ['WAKE'], offset: 10 }))).toBe(
      'on waking, 10 minutes after',
    );
    expect(formatTiming(repeat({ when: ['HS', 'XYZ' as 'HS'] }))).toBe('at bedtime and XYZ');
    expect(formatTiming(repeat({ dayOfWeek: ['mon', 'wed', 'fri', 'odd' as 'mon'] }))).toBe(
      'on Monday, Wednesday, Friday and odd',
    );
    expect(formatTiming(repeat({ timeOfDay: ['08:00:00', '20:00:00'] }))).toBe(
      'at 08:00 and 20:00',
    );
    expect(
      formatTiming(
        repeat({ frequency: 1, period: 1, periodUnit: 'd', duration: 30, durationUnit: 'min' }),
      ),
    ).toBe('once daily over 30 minutes');
    expect(formatTiming(repeat({ frequency: 1, period: 8, periodUnit: 'h', count: 21 }))).toBe(
      'every 8 hours 21 times in total',
    );
    expect(formatTiming(repeat({ count: 1 }))).toBe('once only');
    expect(
      formatTiming(repeat({ boundsPeriod: { start: '2020-01-01', end: '2020-01-07' } }), US),
    ).toBe('Jan 1, 2020 – Jan 7, 2020');
    expect(formatTiming(repeat({ boundsPeriod: { end: '2020-02-01' } }), US)).toBe(
      'until Feb 1, 2020',
    );
  });

  it('reads Timing.code as words when the repeat does not say how often', () => {
    const code = (c: string): Timing => ({
      code: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation', code: c }],
      },
    });
    expect(formatTiming(code('BID'))).toBe('twice daily');
    expect(formatTiming(code('TID'))).toBe('three times daily');
    expect(formatTiming(code('QID'))).toBe('four times daily');
    expect(formatTiming(code('QD'))).toBe('once daily');
    expect(formatTiming(code('Q4H'))).toBe('every 4 hours');
    expect(formatTiming(code('AM'))).toBe('every morning');
    expect(formatTiming(code('PM'))).toBe('every afternoon');
    expect(formatTiming({ code: { text: 'Every morning' } })).toBe('Every morning');
    expect(formatTiming({ code: { coding: [{ code: 'Q12Z' }] } })).toBe('Q12Z');
    expect(
      formatTiming({
        code: { coding: [{ code: 'BID' }] },
        repeat: { boundsDuration: { value: 5, unit: 'days' } },
      }),
    ).toBe('twice daily for 5 days');
    expect(
      formatTiming({
        code: { coding: [{ code: 'BID' }] },
        repeat: { frequency: 3, period: 1, periodUnit: 'd' },
      }),
    ).toBe('three times daily');
  });

  it('lists event dates, alone or after a schedule', () => {
    expect(formatTiming({ event: ['2020-01-01', '2020-01-08'] }, US)).toBe(
      'Jan 1, 2020, Jan 8, 2020',
    );
    expect(formatTiming({ event: ['2020-01-01'], code: { coding: [{ code: 'AM' }] } }, US)).toBe(
      'every morning on Jan 1, 2020',
    );
  });

  it('says nothing for nothing or garbage, never "undefined" or "NaN"', () => {
    expect(formatTiming(undefined)).toBe('');
    expect(formatTiming({})).toBe('');
    expect(formatTiming(repeat({}))).toBe('');
    expect(formatTiming(repeat({ frequency: 2, period: 1 }))).toBe('');
    expect(formatTiming(repeat({ frequency: 2, period: 1, periodUnit: 'fortnight' as 'd' }))).toBe(
      '',
    );
    expect(formatTiming(repeat({ frequency: NaN, period: 0, periodUnit: 'd', count: -1 }))).toBe(
      '',
    );
    expect(formatTiming(repeat({ frequency: 2, period: NaN, periodUnit: 'd' }))).toBe('');
    expect(formatTiming({ event: ['', 'garbage'] })).toBe('garbage');
  });
});

describe('Duration in words', () => {
  it("uses the UCUM code, or a unit that names one, else the sender's unit", () => {
    expect(formatDuration({ value: 1, code: 'd' })).toBe('1 day');
    expect(formatDuration({ value: 2, unit: 'Weeks' })).toBe('2 weeks');
    expect(formatDuration({ value: 3, unit: 'doses' })).toBe('3 doses');
    expect(formatDuration({ value: 3 })).toBe('3');
    expect(formatDuration({ unit: 'd' })).toBe('');
    expect(formatDuration(undefined)).toBe('');
  });

  it('joins words as a sentence does', () => {
    expect(joinWords([])).toBe('');
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b'])).toBe('a and b');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
