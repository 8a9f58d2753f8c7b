import {
  baseExcess,
  bloodPressure,
  heartRate,
  temperatureEnteredInError,
} from '../../testing/fhir-fixtures';
import { chartScales, trendSeries } from './trend-series';

describe('trend series', () => {
  it('orders numeric points oldest first and skips erroneous ones', () => {
    const newer = {
      ...heartRate,
      id: 'b',
      effectiveDateTime: '2001-01-01',
      valueQuantity: { value: 60 },
    };
    const series = trendSeries([newer, heartRate, temperatureEnteredInError]);
    expect(series.points.map((p) => p.value)).toEqual([44, 60]);
    expect(series.twoSeries).toBeFalse();
  });

  it('gives blood pressure two series', () => {
    const series = trendSeries([bloodPressure]);
    expect(series.twoSeries).toBeTrue();
    expect(series.points[0]).toEqual(jasmine.objectContaining({ value: 107, secondValue: 60 }));
  });

  it('writes each point at the precision a clinician reads, and plots the exact value', () => {
    const precise = { ...heartRate, valueQuantity: { value: 72.4567, unit: '/min' } };
    const [point] = trendSeries([precise]).points;
    expect(point?.valueText).toBe('72');
    expect(point?.text).toBe('72');
    expect(point?.value).toBe(72.4567);
    const bp = trendSeries([
      {
        ...bloodPressure,
        component: bloodPressure.component?.map((c, i) => ({
          ...c,
          valueQuantity: { ...c.valueQuantity, value: i === 0 ? 129.368 : 80.8069 },
        })),
      },
    ]).points[0];
    expect([bp?.valueText, bp?.secondValueText, bp?.text]).toEqual(['129', '81', '129/81']);
  });

  it('plots "< 5" at 5 but keeps its comparator, marked and written out', () => {
    const belowLimit = {
      ...heartRate,
      id: 'below',
      effectiveDateTime: '2001-01-01',
      valueQuantity: { value: 5, comparator: '<' as const, unit: '/min' },
    };
    const series = trendSeries([heartRate, belowLimit]);
    expect(series.points.map((p) => [p.value, p.valueText, p.hasComparator])).toEqual([
      [44, '44', false],
      [5, '< 5', true],
    ]);
  });

  it('takes the reference range band from the data', () => {
    const series = trendSeries([baseExcess]);
    expect([series.rangeLow, series.rangeHigh]).toEqual([7.1, 11.2]);
  });

  it('maps values inside the drawing area, higher values higher up', () => {
    const series = trendSeries([
      heartRate,
      { ...heartRate, effectiveDateTime: '2001-01-01', valueQuantity: { value: 90 } },
    ]);
    const { x, y } = chartScales(series, { width: 640, height: 240, padding: 32 });
    expect(x(series.points[0].time)).toBe(32);
    expect(x(series.points[1].time)).toBe(608);
    expect(y(90)).toBeLessThan(y(44));
    expect(y(44)).toBeLessThanOrEqual(208);
  });
});
