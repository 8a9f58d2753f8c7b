import { TrendPoint } from './trend-series';
import { reduceForDisplay } from './trend-reduce';

const point = (time: number, value: number, secondValue?: number): TrendPoint => ({
  time,
  date: String(time),
  value,
  valueText: String(value),
  text: String(value),
  hasComparator: false,
  ...(secondValue === undefined ? {} : { secondValue, secondValueText: String(secondValue) }),
});

describe('trend reduction for display', () => {
  it('draws every point when few enough', () => {
    const points = [point(0, 1), point(1, 2)];
    expect(reduceForDisplay(points, 10)).toEqual({ points, bucketMs: undefined });
  });

  it('keeps the lowest and highest reading of every bucket, so no peak or trough is lost', () => {
    const wavy = Array.from({ length: 1000 }, (_, i) => point(i * 1000, 70 + Math.sin(i) * 5));
    wavy[437] = point(437_000, 190); // a peak
    wavy[812] = point(812_000, 20); // a trough
    const { points, bucketMs } = reduceForDisplay(wavy, 100);
    expect(points.length).toBeLessThanOrEqual(100);
    expect(bucketMs).toBeCloseTo(20_000, -2);
    expect(points.map((p) => p.value)).toContain(190);
    expect(points.map((p) => p.value)).toContain(20);
    expect(points.map((p) => p.time)).toEqual([...points.map((p) => p.time)].sort((a, b) => a - b));
    // Each bucket keeps its own extremes.
    const size = bucketMs ?? 1;
    for (let start = 0; start <= 999_000; start += size) {
      const inBucket = (p: TrendPoint) => p.time >= start && p.time < start + size;
      const bucket = wavy.filter(inBucket).map((p) => p.value);
      const kept = points.filter(inBucket).map((p) => p.value);
      expect(kept).toContain(Math.max(...bucket));
      expect(kept).toContain(Math.min(...bucket));
    }
  });

  it('keeps the extremes of both blood pressure values', () => {
    const readings = Array.from({ length: 400 }, (_, i) => point(i, 120, 80));
    readings[10] = point(10, 120, 40); // a diastolic trough only
    readings[11] = point(11, 200, 80); // a systolic peak only
    const { points } = reduceForDisplay(readings, 40);
    expect(points.some((p) => p.secondValue === 40)).toBeTrue();
    expect(points.some((p) => p.value === 200)).toBeTrue();
  });
});
