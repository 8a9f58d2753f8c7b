import { DIASTOLIC, SYSTOLIC, formatBloodPressureReading } from '../fhir/blood-pressure';
import { formatClinicalQuantityValue } from '../fhir/clinical-precision';
import { Observation } from '../fhir/fhir-types';
import { formatEffective, observationTime } from '../fhir/format-observation';
import { loincCodes } from '../fhir/loinc';
import { numericValue } from './observation-row';

export interface TrendPoint {
  readonly time: number;
  readonly date: string;
  /** Where the point is plotted: "< 5" is drawn at 5. */
  readonly value: number;
  /** The value as written, comparator included ("< 5"), for tooltips, the table and the summary. */
  readonly valueText: string;
  /** Diastolic, when the series is blood pressure. */
  readonly secondValue?: number;
  readonly secondValueText?: string;
  /** The whole reading for tooltips and the summary: "< 5", or "120/80" for blood pressure. */
  readonly text: string;
  /** A value is a limit ("< 5", ">= 200"), not a measurement: the chart marks the point. */
  readonly hasComparator: boolean;
}

export interface TrendSeries {
  readonly points: TrendPoint[];
  readonly unit: string;
  readonly twoSeries: boolean;
  /** The normal range of the newest observation that states one, drawn as a band. */
  readonly rangeLow?: number;
  readonly rangeHigh?: number;
}

/** Chartable points, oldest first; cancelled, erroneous and non-numeric values are left out. */
export function trendSeries(observations: readonly Observation[]): TrendSeries {
  const usable = observations
    .filter((o) => o.status !== 'entered-in-error' && o.status !== 'cancelled')
    .map((o) => ({ observation: o, numeric: numericValue(o), time: observationTime(o) }))
    .filter((p) => p.numeric !== undefined && Number.isFinite(p.time))
    .sort((a, b) => a.time - b.time);
  const points = usable.map(({ observation, numeric, time }): TrendPoint => {
    const first = { value: numeric?.value, comparator: numeric?.comparator };
    const second =
      numeric?.secondValue !== undefined
        ? { value: numeric.secondValue, comparator: numeric.secondComparator }
        : undefined;
    // At the precision a clinician reads, as the tables show it: a BP part by its own LOINC code.
    const firstText = formatClinicalQuantityValue(
      first,
      second ? [SYSTOLIC] : loincCodes(observation.code),
    );
    return {
      time,
      date: formatEffective(observation),
      value: first.value ?? 0,
      valueText: firstText,
      ...(second
        ? {
            secondValue: second.value,
            secondValueText: formatClinicalQuantityValue(second, [DIASTOLIC]),
          }
        : {}),
      text: second ? formatBloodPressureReading(first, second) : firstText,
      hasComparator: !!(first.comparator ?? second?.comparator),
    };
  });
  const withRange = [...usable].reverse().find((p) => p.observation.referenceRange?.length);
  const range = withRange?.observation.referenceRange?.[0];
  return {
    points,
    unit: usable.at(-1)?.numeric?.unit ?? '',
    twoSeries: points.some((p) => p.secondValue !== undefined),
    ...(range?.low?.value !== undefined ? { rangeLow: range.low.value } : {}),
    ...(range?.high?.value !== undefined ? { rangeHigh: range.high.value } : {}),
  };
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly padding: number;
}

/** Maps series values into SVG coordinates with a little headroom above and below. */
export function chartScales(series: TrendSeries, geometry: ChartGeometry) {
  const values = series.points.flatMap((p) =>
    p.secondValue !== undefined ? [p.value, p.secondValue] : [p.value],
  );
  if (series.rangeLow !== undefined) values.push(series.rangeLow);
  if (series.rangeHigh !== undefined) values.push(series.rangeHigh);
  const rawMin = Math.min(...values);
  const rawMax = Math.max(...values);
  const spread = rawMax - rawMin || Math.abs(rawMax) || 1;
  const minValue = rawMin - spread * 0.1;
  const maxValue = rawMax + spread * 0.1;
  const times = series.points.map((p) => p.time);
  const minTime = Math.min(...times);
  const maxTime = Math.max(...times);
  const { width, height, padding } = geometry;
  const x = (time: number) =>
    maxTime === minTime
      ? width / 2
      : padding + ((time - minTime) / (maxTime - minTime)) * (width - 2 * padding);
  const y = (value: number) =>
    height - padding - ((value - minValue) / (maxValue - minValue)) * (height - 2 * padding);
  return { x, y, minValue, maxValue };
}
