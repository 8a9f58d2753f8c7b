/**
 * What span of a measurement's history a trend covers, and how it is read: spans end at the latest
 * reading on record (a discharged patient's last day is still "the last 24 hours"), and each is read by
 * a date-bounded search, so what a span holds never depends on the server sorting or counting.
 */

export type TrendSpan = '24h' | '7d' | '30d' | '1y' | 'all';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const TREND_SPANS: readonly {
  readonly key: TrendSpan;
  /** The choice's label, and the span in words: "Last 24 hours on record". */
  readonly label: string;
  /** Undefined for all readings. */
  readonly ms: number | undefined;
}[] = [
  { key: '24h', label: '24 hours', ms: DAY },
  { key: '7d', label: '7 days', ms: 7 * DAY },
  { key: '30d', label: '30 days', ms: 30 * DAY },
  { key: '1y', label: '1 year', ms: 365 * DAY },
  { key: 'all', label: 'All', ms: undefined },
];

/** Readings a chart of 640 points' width draws so that each can still be told apart. */
export const TREND_READABLE_POINTS = 300;
/** The first read: the newest readings, enough to hold an outpatient's whole history of one code. */
export const TREND_PROBE_SIZE = 20;
/** Readings per page of a span: the most the app asks any server for (its search contract). */
export const TREND_PAGE_SIZE = 200;
/** Pages a span reads at most: beyond, the trend shows what it read and says the span holds more. */
export const TREND_MAX_PAGES = 10;

export const spanMs = (span: TrendSpan) => TREND_SPANS.find((s) => s.key === span)?.ms;

/** A search bound to the second, as every server parses it: "2026-10-31T12:00:00Z". */
export const searchInstant = (time: number) =>
  new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The date bounds of `span` ending at `latest`; none for all readings. */
export function spanDates(span: TrendSpan, latest: number): string[] | undefined {
  const ms = spanMs(span);
  return ms === undefined
    ? undefined
    : [`ge${searchInstant(latest - ms)}`, `le${searchInstant(latest)}`];
}

/**
 * The longest span whose readings a chart still draws legibly, from how densely the newest readings
 * came: the last 24 hours for a monitor's every-5-minutes, the last year for yearly visits. Never
 * shorter than 24 hours; "all" only when the history is known to be short (see TrendReader).
 */
export function spanForDensity(readings: number, newest: number, oldest: number): TrendSpan {
  const perMs = newest > oldest ? (readings - 1) / (newest - oldest) : Number.POSITIVE_INFINITY;
  const fitting = TREND_SPANS.filter(
    (span) => span.ms !== undefined && perMs * span.ms <= TREND_READABLE_POINTS,
  );
  return fitting.at(-1)?.key ?? '24h';
}

/** The next longer span with an end, for a span grown step by step; undefined after a year. */
export function longerSpan(span: TrendSpan): TrendSpan | undefined {
  const next = TREND_SPANS[TREND_SPANS.findIndex((s) => s.key === span) + 1];
  return next?.ms === undefined ? undefined : next.key;
}
