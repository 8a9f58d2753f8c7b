import { Observation, ObservationStatus, Quantity } from '../fhir/fhir-types';
import { bloodPressure } from '../../testing/fhir-fixtures';
import { buildFlowsheet } from './flowsheet-grid';

/** Nine in the morning of a day in the browser's zone, so the day never shifts. */
const on = (day: string, hour = 9) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, hour).toISOString();
};

let nextId = 0;
function observation(
  loinc: string,
  display: string,
  category: string,
  effective: string | undefined,
  value?: Quantity,
  extra: Partial<Observation> = {},
): Observation {
  return {
    resourceType: 'Observation',
    id: `obs-${nextId++}`,
    status: 'final',
    category: [{ coding: [{ code: category }] }],
    code: { coding: [{ system: 'http://loinc.org', code: loinc, display }] },
    ...(effective ? { effectiveDateTime: effective } : {}),
    ...(value ? { valueQuantity: value } : {}),
    ...extra,
  };
}

const heartRate = (day: string, value: number, extra: Partial<Observation> = {}, hour = 9) =>
  observation('8867-4', 'Heart rate', 'vital-signs', on(day, hour), { value, unit: '/min' }, extra);
const weight = (day: string, value: number, unit = 'kg') =>
  observation('29463-7', 'Body weight', 'vital-signs', on(day), { value, unit });
const height = (day: string) =>
  observation('8302-2', 'Body height', 'vital-signs', on(day), { value: 170, unit: 'cm' });
const bp = (day: string): Observation => ({
  ...bloodPressure,
  id: `bp-${day}`,
  effectiveDateTime: on(day),
});
const lab = (loinc: string, display: string, day: string, value: number, unit: string) =>
  observation(loinc, display, 'laboratory', on(day), { value, unit });
const withStatus = (status: ObservationStatus) => ({ status });

const DAYS = ['2023-05-03', '2023-05-02', '2023-05-01'];
const names = (sheet: ReturnType<typeof buildFlowsheet>) =>
  sheet.groups.map((g) => [g.label, g.rows.map((r) => r.name)]);

describe('buildFlowsheet', () => {
  it('puts vital signs first in their clinical order, then lab panels, then other categories', () => {
    const sheet = buildFlowsheet(
      [
        observation('72166-2', 'Tobacco smoking status', 'social-history', on('2023-05-03')),
        lab('2093-3', 'Cholesterol', '2023-05-03', 190, 'mg/dL'),
        lab('99999-9', 'Vitamin D', '2023-05-03', 30, 'ng/mL'),
        lab('2345-7', 'Glucose', '2023-05-03', 99, 'mg/dL'),
        lab('2571-8', 'Triglycerides', '2023-05-03', 150, 'mg/dL'),
        height('2023-05-03'),
        observation('9843-4', 'Head circumference', 'vital-signs', on('2023-05-03'), {
          value: 50,
          unit: 'cm',
        }),
        weight('2023-05-03', 80),
        heartRate('2023-05-03', 70),
        bp('2023-05-03'),
        observation('11111-1', 'Free text note', 'other', on('2023-05-03')),
      ],
      DAYS,
      'day',
      false,
    );
    expect(names(sheet)).toEqual([
      ['Vital signs', ['Blood pressure', 'Heart rate', 'Weight', 'Height', 'Head circumference']],
      ['Laboratory: Metabolic panel', ['Glucose']],
      ['Laboratory: Lipid panel', ['Cholesterol', 'Triglycerides']],
      ['Laboratory: other tests', ['Vitamin D']],
      ['Social history', ['Tobacco smoking status']],
      ['Other', ['Free text note']],
    ]);
  });

  it('makes one column per day with data, newest first, and one row per measurement', () => {
    const sheet = buildFlowsheet(
      [heartRate('2023-05-03', 72), heartRate('2023-05-01', 64), weight('2023-05-01', 80)],
      DAYS,
      'day',
      false,
    );
    expect(sheet.columns.map((c) => c.key)).toEqual(['2023-05-03', '2023-05-01']);
    expect(sheet.columns[0].label).toContain('2023');
    const [rate, mass] = sheet.groups[0].rows;
    expect(rate.cells.map((c) => c?.text)).toEqual(['72', '64']);
    // Nothing recorded that day: an empty cell, never a made-up value.
    expect(mass.cells.map((c) => c?.text)).toEqual([undefined, '80.0']);
  });

  it('shows the unit once in the row header when the values share it, and in each cell when not', () => {
    const sheet = buildFlowsheet(
      [
        heartRate('2023-05-03', 72),
        heartRate('2023-05-02', 70),
        weight('2023-05-03', 80),
        weight('2023-05-02', 176, 'lb'),
      ],
      DAYS,
      'day',
      false,
    );
    const [rate, mass] = sheet.groups[0].rows;
    expect(rate.unit).toBe('/min');
    expect(rate.cells.map((c) => c?.text)).toEqual(['72', '70']);
    expect(mass.unit).toBe('');
    expect(mass.cells.map((c) => c?.text)).toEqual(['80.0 kg', '176.0 lb']);
  });

  it('shows blood pressure as one reading, with the exact value as sent beside it', () => {
    const [row] = buildFlowsheet([bp('2023-05-03')], DAYS, 'day', false).groups[0].rows;
    expect(row.unit).toBe('mmHg');
    expect(row.cells[0]?.text).toBe('107/60');
    expect(row.cells[0]?.exact).toBe('107/60 mmHg');
    expect(row.cells[0]?.flags.map((f) => f.label)).toContain('Low');
  });

  it('shows the latest of several readings on one day, and says how many there were', () => {
    const [row] = buildFlowsheet(
      [
        heartRate('2023-05-03', 90, {}, 8),
        heartRate('2023-05-03', 72, {}, 18),
        heartRate('2023-05-03', 80, {}, 12),
      ],
      DAYS,
      'day',
      false,
    ).groups[0].rows;
    expect(row.cells.length).toBe(1);
    expect(row.cells[0]?.text).toBe('72');
    expect(row.cells[0]?.count).toBe(3);
  });

  it('prefers a usable reading over a later cancelled one on the same day', () => {
    const [row] = buildFlowsheet(
      [heartRate('2023-05-03', 72, {}, 8), heartRate('2023-05-03', 0, withStatus('cancelled'), 18)],
      DAYS,
      'day',
      false,
    ).groups[0].rows;
    expect(row.cells[0]?.text).toBe('72');
    expect(row.cells[0]?.count).toBe(2);
  });

  it('says a missing value in words rather than leaving the cell looking empty', () => {
    const absent = observation('8867-4', 'Heart rate', 'vital-signs', on('2023-05-03'), undefined, {
      dataAbsentReason: { text: 'Patient refused' },
    });
    const [row] = buildFlowsheet([absent, heartRate('2023-05-02', 70)], DAYS, 'day', false)
      .groups[0].rows;
    expect(row.cells[0]?.text).toBe('No value: Patient refused');
    expect(row.unit).toBe('/min');
    expect(row.cells[1]?.text).toBe('70');
  });

  it('hides entered-in-error values unless asked, and counts them for the toggle', () => {
    const observations = [
      heartRate('2023-05-03', 200, withStatus('entered-in-error')),
      heartRate('2023-05-02', 70),
    ];
    const hidden = buildFlowsheet(observations, DAYS, 'day', false);
    expect(hidden.columns.map((c) => c.key)).toEqual(['2023-05-02']);
    expect(hidden.enteredInErrorCount).toBe(1);
    const shown = buildFlowsheet(observations, DAYS, 'day', true);
    expect(shown.columns.map((c) => c.key)).toEqual(['2023-05-03', '2023-05-02']);
    expect(shown.groups[0].rows[0].cells[0]?.statusNote).toBe('Entered in error');
    expect(shown.enteredInErrorCount).toBe(1);
  });

  it('says statuses other than final in words', () => {
    const [row] = buildFlowsheet(
      [heartRate('2023-05-03', 70, withStatus('preliminary')), heartRate('2023-05-02', 71)],
      DAYS,
      'day',
      false,
    ).groups[0].rows;
    expect(row.cells.map((c) => c?.statusNote)).toEqual(['Preliminary', '']);
  });

  it('shows only the window’s days, and counts observations that have no date', () => {
    const sheet = buildFlowsheet(
      [
        heartRate('2023-05-03', 70),
        heartRate('2023-04-01', 60),
        observation('8867-4', 'Heart rate', 'vital-signs', undefined, { value: 1, unit: '/min' }),
      ],
      DAYS,
      'day',
      false,
    );
    expect(sheet.columns.map((c) => c.key)).toEqual(['2023-05-03']);
    expect(sheet.groups[0].rows[0].cells.map((c) => c?.text)).toEqual(['70']);
    expect(sheet.undatedCount).toBe(1);
  });

  it('offers a trend for rows with numbers, under the row’s name', () => {
    const sheet = buildFlowsheet(
      [
        bp('2023-05-03'),
        observation(
          '72166-2',
          'Tobacco smoking status',
          'social-history',
          on('2023-05-03'),
          undefined,
          {
            valueCodeableConcept: { text: 'Never smoker' },
          },
        ),
      ],
      DAYS,
      'day',
      false,
    );
    expect(sheet.groups[0].rows[0].trend).toEqual({ loinc: '85354-9', title: 'Blood pressure' });
    expect(sheet.groups[1].rows[0].trend).toBeUndefined();
  });

  it('has no columns and no groups when the window holds nothing', () => {
    const sheet = buildFlowsheet([], DAYS, 'day', false);
    expect(sheet.columns).toEqual([]);
    expect(sheet.groups).toEqual([]);
  });

  it('by hour, shows the latest of each hour with the range of its readings and how many were flagged', () => {
    const high = { interpretation: [{ coding: [{ code: 'H' }] }] };
    const at = (minute: number, value: number, extra: Partial<Observation> = {}) =>
      observation(
        '8867-4',
        'Heart rate',
        'vital-signs',
        new Date(2023, 4, 3, 14, minute).toISOString(),
        { value, unit: '/min' },
        extra,
      );
    const bpAt = (minute: number, systolic: number, diastolic: number): Observation => ({
      ...bloodPressure,
      id: `bp-${minute}`,
      effectiveDateTime: new Date(2023, 4, 3, 14, minute).toISOString(),
      component: bloodPressure.component?.map((part, i) => ({
        ...part,
        valueQuantity: { ...part.valueQuantity, value: i === 0 ? systolic : diastolic },
      })),
    });
    const sheet = buildFlowsheet(
      [
        at(50, 88),
        at(40, 131.4, high),
        at(30, 72.2),
        at(20, 140, { status: 'entered-in-error' }),
        bpAt(45, 120, 80),
        bpAt(15, 98.6, 80),
        at(5, 61, { ...high, interpretation: [{ coding: [{ code: 'L' }] }] }),
      ],
      ['2023-05-03T14'],
      'hour',
      false,
    );
    expect(sheet.columns.map((c) => [c.key, c.datetime])).toEqual([
      ['2023-05-03T14', '2023-05-03T14:00'],
    ]);
    expect(sheet.columns[0].label).toContain('2:00');
    const [bloodPressureRow, heartRateRow] = sheet.groups[0].rows;
    // Entered in error: neither counted, nor in the range, nor flagged.
    expect(heartRateRow.cells[0]).toEqual(
      jasmine.objectContaining({ text: '88', count: 4, range: '61–131', flagged: 2 }),
    );
    expect(bloodPressureRow.cells[0]).toEqual(
      // Both carry the fixture's "Low".
      jasmine.objectContaining({ count: 2, range: '99–120/80', flagged: 2 }),
    );
    const single = buildFlowsheet([at(10, 70)], ['2023-05-03T14'], 'hour', false);
    expect(single.groups[0].rows[0].cells[0]).toEqual(
      jasmine.objectContaining({ count: 1, range: '', flagged: 0 }),
    );
  });
});
