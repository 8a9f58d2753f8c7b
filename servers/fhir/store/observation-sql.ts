import type { Filter, SearchQuery, SearchScope } from '../search/types.ts';
import { type Param, marks } from './search-sql.ts';

/**
 * What keeps an Observation search of one patient's long history (100,000 observations in an ICU
 * stay) to the rows it returns: a date window bounded on both sides, and a code or category read
 * from its own (patient, param, code, date) key. search-sql.ts builds the rest.
 */

/** The patients a search is limited to (its compartment, else a patient filter's ids); else undefined. */
export function patientsOf(query: SearchQuery, scope: SearchScope): string[] | undefined {
  if (scope.compartment !== undefined) return [scope.compartment];
  const filter = query.filters.find((f) => f.kind === 'reference' && f.param === 'patient');
  return filter?.kind === 'reference' ? filter.ids : undefined;
}

/** The longest any of these patients' observations lasts: a bound for "ended on or after". */
export function spanOf(patients: readonly string[]): SpanBound {
  return {
    sql: `(SELECT ifnull(max(s.date_hi - s.date_lo), 0) FROM observation s WHERE s.patient IN (${marks(patients.length)}))`,
    params: patients,
  };
}

export interface SpanBound {
  sql: string;
  params: readonly Param[];
}

/**
 * A one-patient Observation search by one code or category, in date order, read straight from the
 * code-and-date table: its key is (patient, param, code, date), so a date window, or the newest
 * page, is one range of it. The coding's system, when given, is checked in observation_token.
 * Anything else (several patients or codes, another sort, a status filter) keeps the patient index.
 */
export function codeDateDriver(
  query: SearchQuery,
  patients: readonly string[] | undefined,
): { filter: Filter; sql: string; params: Param[] } | undefined {
  const dateOrder =
    query.sort.length === 0 || (query.sort.length === 1 && query.sort[0]?.key === 'date');
  if (patients?.length !== 1 || !dateOrder || query.filters.some((f) => f.param === 'status'))
    return undefined;
  const drivable = (param: string) =>
    query.filters.find(
      (f) =>
        f.kind === 'token' &&
        f.param === param &&
        f.values.length === 1 &&
        f.values[0]?.code !== undefined,
    );
  const filter = drivable('code') ?? drivable('category');
  const value = filter?.kind === 'token' ? filter.values[0] : undefined;
  if (!filter || value?.code === undefined) return undefined;
  const param = filter.param;
  return value.system === undefined
    ? { filter, sql: `o.param = '${param}' AND o.code = ?`, params: [value.code] }
    : {
        filter,
        sql:
          `o.param = '${param}' AND o.code = ? AND EXISTS (SELECT 1 FROM observation_token t ` +
          `WHERE t.rid = o.rid AND t.param = '${param}' AND t.code = ? AND t.system = ?)`,
        params: [value.code, value.code, value.system],
      };
}
