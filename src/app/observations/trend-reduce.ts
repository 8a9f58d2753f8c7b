import { TrendPoint } from './trend-series';

/** Points a chart draws at most: beyond, each point would be narrower than a pixel or two. */
export const TREND_DRAWN_POINTS = 300;

export interface DrawnPoints {
  /** What the chart draws, oldest first. */
  readonly points: TrendPoint[];
  /** The time each bucket spans when the points were reduced; undefined when every point is drawn. */
  readonly bucketMs: number | undefined;
}

type Pick = (point: TrendPoint) => number | undefined;
const PICKS: readonly Pick[] = [(p) => p.value, (p) => p.secondValue];

/**
 * The points to draw, oldest first (as `points` come). When there are more than `max`, time is cut
 * into equal buckets and each keeps its lowest and highest reading (for blood pressure, of systolic
 * and of diastolic): every peak and trough stays in the drawing, only readings between them go.
 */
export function reduceForDisplay(
  points: readonly TrendPoint[],
  max = TREND_DRAWN_POINTS,
): DrawnPoints {
  if (points.length <= max) return { points: [...points], bucketMs: undefined };
  const twoSeries = points.some((p) => p.secondValue !== undefined);
  const buckets = Math.max(1, Math.floor(max / (twoSeries ? 4 : 2)));
  const first = points[0].time;
  const bucketMs = (points[points.length - 1].time - first + 1) / buckets;
  const kept = new Set<TrendPoint>();
  let bucket: TrendPoint[] = [];
  const keepExtremes = () => {
    for (const pick of PICKS) {
      const valued = bucket.filter((p) => pick(p) !== undefined);
      if (valued.length === 0) continue;
      const low = valued.reduce((a, b) => ((pick(b) as number) < (pick(a) as number) ? b : a));
      const high = valued.reduce((a, b) => ((pick(b) as number) > (pick(a) as number) ? b : a));
      kept.add(low).add(high);
    }
    bucket = [];
  };
  let index = 0;
  for (const point of points) {
    const at = Math.floor((point.time - first) / bucketMs);
    if (at !== index) {
      keepExtremes();
      index = at;
    }
    bucket.push(point);
  }
  keepExtremes();
  return { points: points.filter((p) => kept.has(p)), bucketMs };
}
