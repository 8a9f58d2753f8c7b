import { SearchParams } from '../fhir/search-contract';
import { ColumnUnit, columnKey, columnStart, shiftColumn } from './flowsheet-columns';
import { ObservationFilters, observationSearchParams } from './observation-filters';

/**
 * The flowsheet's paging by date window. A column is a day, or an hour where a day holds many
 * readings (a monitor's). Day windows are the newest days that have readings: a window reads pages
 * until it has seen one day more than it shows, and that day is where the older window starts. Hour
 * windows are the hours up to the newest reading's, and end where a reading before them is seen.
 * Servers need not count their results.
 */

/** Columns per window: what fits beside the row names on a laptop, and scrolls on a phone. */
export const FLOWSHEET_COLUMNS = 8;
/** Observations per search page while a window is read. */
export const FLOWSHEET_PAGE_SIZE = 200;
/** Pages one window reads at most, so a patient with thousands of readings a day cannot stall it. */
export const FLOWSHEET_MAX_PAGES = 5;
/** Readings within 24 hours that make a day dense enough for a column per hour. */
export const DENSE_DAY = 100;

const DAY = 24 * 3_600_000;

/**
 * Hours when the readings, newest (or oldest) first, hold more than DENSE_DAY within 24 hours of the
 * first: a monitor's every few minutes, not a clinic's visit or a ward's rounds.
 */
export function unitFor(times: readonly number[]): ColumnUnit {
  const [first] = times;
  if (first === undefined) return 'day';
  return times.filter((t) => Math.abs(t - first) < DAY).length > DENSE_DAY ? 'hour' : 'day';
}

/** Distinct keys in the order first seen; undated observations ('') have none. */
export function distinctKeys(keys: readonly string[]): string[] {
  return [...new Set(keys.filter((key) => key !== ''))];
}

/**
 * A search for one window (`through` and older, newest first) or for what comes after it (oldest
 * first). Bounds are instants of the browser's midnight or hour, so a column is the one shown.
 */
export function flowsheetSearchParams(
  patientId: string,
  filters: Pick<ObservationFilters, 'category' | 'code' | 'from' | 'to'>,
  side: { readonly through: string; readonly direction: 'older' | 'newer' },
): SearchParams<'Observation'> {
  const params = observationSearchParams(patientId, filters, FLOWSHEET_PAGE_SIZE);
  if (!side.through) return params;
  const bound = side.direction === 'older' ? 'lt' : 'ge';
  const filterDates = typeof params.date === 'string' ? [params.date] : (params.date ?? []);
  const end = columnStart(side.through, 1).toISOString();
  return {
    ...params,
    date: [...filterDates, `${bound}${end}`],
    _sort: side.direction === 'older' ? '-date' : 'date',
  };
}

/** The columns a window shows, newest first, and the `through` of the window older than it. */
export interface WindowColumns {
  readonly columns: string[];
  readonly older: string | undefined;
  /** The window's one column has more observations than it read (see FLOWSHEET_MAX_PAGES). */
  readonly incomplete: boolean;
}

/**
 * A window from the times read, newest first; `more` says the reading stopped with pages left.
 * By day: the newest days seen, the last of them held back when it may be cut short (unless it is the
 * only one). By hour: the hours up to the newest reading's; the older window starts before them.
 */
export function windowColumns(
  newestFirst: readonly number[],
  more: boolean,
  unit: ColumnUnit,
  size = FLOWSHEET_COLUMNS,
): WindowColumns {
  const seen = distinctKeys(newestFirst.map((t) => columnKey(t, unit)));
  if (unit === 'hour' && seen[0] !== undefined) {
    const oldest = shiftColumn(seen[0], 1 - size);
    const within = seen.filter((key) => key >= oldest);
    const before = seen.length > within.length;
    if (before || !more)
      return {
        columns: within,
        older: before ? shiftColumn(oldest, -1) : undefined,
        incomplete: false,
      };
    // Pages left inside the window: its oldest hour seen may be cut short, so the older window
    // starts there, unless it is the only one.
    const cut = within.length > 1;
    return {
      columns: cut ? within.slice(0, -1) : within,
      older: cut ? within[within.length - 1] : shiftColumn(seen[0], -1),
      incomplete: !cut,
    };
  }
  const incomplete = more && seen.length === 1;
  const shown = more && seen.length <= size ? Math.max(seen.length - 1, 1) : size;
  return {
    columns: seen.slice(0, shown),
    // A day cut short is still shown when it is the only one; the older window starts the day before.
    older: incomplete ? shiftColumn(seen[0] ?? '', -1) : seen[shown],
    incomplete,
  };
}

/** Whether the times read so far fill a window and show where the next begins. */
export function enoughColumns(
  newestFirst: readonly number[],
  unit: ColumnUnit,
  size = FLOWSHEET_COLUMNS,
): boolean {
  const seen = distinctKeys(newestFirst.map((t) => columnKey(t, unit)));
  if (unit === 'day') return seen.length > size;
  return seen[0] !== undefined && seen.some((key) => key < shiftColumn(seen[0] ?? '', 1 - size));
}

/**
 * The `through` of the window newer than this one, from the times after it, oldest first: undefined
 * when there are none, '' when they all fit in the newest window. By hour: the hours from the first
 * reading after this window.
 */
export function newerThrough(
  oldestFirst: readonly number[],
  more: boolean,
  unit: ColumnUnit,
  size = FLOWSHEET_COLUMNS,
): string | undefined {
  const seen = distinctKeys(oldestFirst.map((t) => columnKey(t, unit)));
  if (seen.length === 0) return undefined;
  if (unit === 'hour') {
    const last = shiftColumn(seen[0] ?? '', size - 1);
    return more || seen.some((key) => key > last) ? last : '';
  }
  if (seen.length > size) return seen[size - 1];
  // Pages left: the last day seen may be cut short, so the newer window ends at the one before.
  return more ? seen[Math.max(seen.length - 2, 0)] : '';
}
