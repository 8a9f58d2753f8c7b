import { SearchParams } from '../fhir/search-contract';
import { ObservationFilters, observationSearchParams } from './observation-filters';

/**
 * The flowsheet's paging by date window: which days one window shows, and where the windows beside it
 * start. Servers need not count their results: a window reads pages until it has seen one day more
 * than it shows, and that day is where the older window starts.
 */

/** Date columns per window: what fits beside the row names on a laptop, and scrolls on a phone. */
export const FLOWSHEET_DAYS = 8;
/** Observations per search page while a window is read. */
export const FLOWSHEET_PAGE_SIZE = 200;
/** Pages one window reads at most, so a patient with thousands of readings a day cannot stall it. */
export const FLOWSHEET_MAX_PAGES = 5;

/** The calendar day (YYYY-MM-DD) of a time in the browser's time zone, as dates are shown; '' if none. */
export function dayKey(time: number): string {
  if (!Number.isFinite(time)) return '';
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function localDate(day: string, offsetDays = 0): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + offsetDays);
}

/** The instant the browser's day after `day` begins: the exclusive end of `day`, for a search bound. */
function endOfDay(day: string): string {
  return localDate(day, 1).toISOString();
}

/** Distinct days in the order first seen; undated observations ('') have no day. */
export function distinctDays(days: readonly string[]): string[] {
  return [...new Set(days.filter((day) => day !== ''))];
}

/**
 * A search for one window (`through` and older, newest first) or for the days after it (oldest
 * first). Day bounds are instants of the browser's midnight, so a day here is the day the columns show.
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
  return {
    ...params,
    date: [...filterDates, `${bound}${endOfDay(side.through)}`],
    _sort: side.direction === 'older' ? '-date' : 'date',
  };
}

/** The days a window shows, newest first, and the `through` of the window older than it. */
export interface WindowDays {
  readonly days: string[];
  readonly older: string | undefined;
  /** The window's one day has more observations than it read (see FLOWSHEET_MAX_PAGES). */
  readonly incomplete: boolean;
}

/**
 * The window's days from the days of the observations read, newest first. `more` says the reading
 * stopped with pages left: the last day seen may then be cut short, so it opens the older window
 * instead, unless it is the only day.
 */
export function windowDays(
  newestFirst: readonly string[],
  more: boolean,
  size: number,
): WindowDays {
  const seen = distinctDays(newestFirst);
  const incomplete = more && seen.length === 1;
  const shown = more && seen.length <= size ? Math.max(seen.length - 1, 1) : size;
  return {
    days: seen.slice(0, shown),
    // A day cut short is still shown when it is the only one; the older window starts the day before.
    older: incomplete ? dayKey(localDate(seen[0], -1).getTime()) : seen[shown],
    incomplete,
  };
}

/**
 * The `through` of the window newer than this one, from the days after it, oldest first: undefined
 * when there are none, '' when they all fit in the newest window.
 */
export function newerThrough(
  oldestFirst: readonly string[],
  more: boolean,
  size: number,
): string | undefined {
  const seen = distinctDays(oldestFirst);
  if (seen.length === 0) return undefined;
  if (seen.length > size) return seen[size - 1];
  // Pages left: the last day seen may be cut short, so the newer window ends at the one before.
  return more ? seen[Math.max(seen.length - 2, 0)] : '';
}

/** Whether the days read so far fill a window and show where the next begins. */
export function enoughDays(days: readonly string[], size: number): boolean {
  return distinctDays(days).length > size;
}
