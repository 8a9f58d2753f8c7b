import { formatDateTime } from '../fhir/format-datatypes';
import { othersInTotalNote } from '../fhir/patient-compartment';
import { DrawnPoints } from './trend-reduce';
import { TrendRead } from './trend-reader';
import { TREND_MAX_PAGES, TrendSpan, spanMs } from './trend-span';

/** What a trend says about itself, so part of a history never reads as the whole. */
export interface TrendCoverage {
  /** "289 of 289 readings from the last 24 hours on record (… to …)." */
  readonly shown: string;
  /** Why the span's readings are not all here, and which these are; '' when they are. */
  readonly incomplete: string;
  /** How the drawing was thinned; '' when every reading is drawn. */
  readonly reduced: string;
  /** Readings read but not drawn; '' when none. */
  readonly skipped: string;
}

const SPAN_WORDS: Readonly<Record<TrendSpan, string>> = {
  '24h': 'from the last 24 hours on record',
  '7d': 'from the last 7 days on record',
  '30d': 'from the last 30 days on record',
  '1y': 'from the last year on record',
  all: 'of all dates on record',
};

const plural = (n: number, one: string) =>
  `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;
const when = (time: number) => formatDateTime(new Date(time).toISOString());

/** "289 of 289 readings", or "200 readings" when the server did not count and pages were left. */
export function readingCount(read: Pick<TrendRead, 'observations' | 'total'>): string {
  const n = read.observations.length;
  return read.total === undefined
    ? plural(n, 'reading')
    : `${n.toLocaleString('en-US')} of ${plural(read.total, 'reading')}`;
}

/**
 * A span read to its end counts what was read (see TrendRead.total); one cut short shows the server's
 * count, which includes the entries not naming the patient.
 */
const othersInServerTotal = (read: TrendRead) =>
  read.complete || read.total === undefined
    ? ''
    : othersInTotalNote(read.notThePatients, 'the pages read');

/** A bucket's length as people say it: "5 minutes", "2 hours", "3 days". */
export function periodWords(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 90) return plural(Math.max(1, Math.round(minutes)), 'minute');
  if (minutes < 48 * 60) return plural(Math.round(minutes / 60), 'hour');
  return plural(Math.round(minutes / 1440), 'day');
}

/**
 * The trend's own account: how many readings of how many, over which span and dates; whether the
 * span holds more than was read, and which readings these then are; how the drawing was thinned.
 * `times` are the drawn readings' times, oldest first; `charted` how many of the read were numbers.
 */
export function describeCoverage(
  read: TrendRead,
  charted: number,
  drawn: DrawnPoints,
  times: { readonly oldest: number; readonly newest: number } | undefined,
): TrendCoverage {
  const ms = spanMs(read.span);
  const from = ms !== undefined && read.latest !== undefined ? read.latest - ms : times?.oldest;
  const to = read.latest ?? times?.newest;
  const dates = from !== undefined && to !== undefined ? ` (${when(from)} to ${when(to)})` : '';
  const n = read.observations.length;
  const pages = `the ${TREND_MAX_PAGES} pages a trend reads`;
  return {
    shown: `${readingCount(read)} ${SPAN_WORDS[read.span]}${dates}${othersInServerTotal(read)}.`,
    incomplete: read.complete
      ? ''
      : read.newestFirst
        ? `This span holds more readings than ${pages}: these are the most recent${times ? `, back to ${when(times.oldest)}` : ''}. A shorter span shows all of its readings.`
        : `This span holds more readings than ${pages}, and this server does not sort them by date: these are not necessarily the most recent. A shorter span shows all of its readings.`,
    reduced:
      drawn.bucketMs === undefined
        ? ''
        : `Drawn as the lowest and highest reading of every ${periodWords(drawn.bucketMs)}, so no peak or trough is left out; the data table lists all ${plural(n, 'reading')} read.`,
    skipped:
      n > charted
        ? `${plural(n - charted, 'reading')} not drawn: entered in error, cancelled, or not a number.`
        : '',
  };
}
